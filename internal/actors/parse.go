package actors

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// openEnd is the day key of an open range end: after every real date.
const openEnd = 99991231

// dated is a code in force from one day to another, both inclusive, as day
// keys (YYYYMMDD); from 0 is open, to openEnd is open.
type dated struct {
	code     string
	from, to int
}

// contains reports whether day (a day key) lies in the range.
func (d dated) contains(day int) bool { return d.from <= day && day <= d.to }

// overlaps reports whether the two ranges share a day.
func (d dated) overlaps(o dated) bool { return d.from <= o.to && o.from <= d.to }

// entry is one parsed line of a dictionary file.
type entry struct {
	file string
	line int
	kind Kind
	// phrases are the line's phrases; for a person, its names, the
	// canonical one first.
	phrases []string
	// codes are the line's code with its range (one), the role code of a
	// roles.txt line (one, always in force), or a person's roles (any).
	codes []dated
}

// fileFormat tells which line syntax a file uses.
type fileFormat uint8

const (
	codeFormat   fileFormat = iota // CODE [KIND] = phrase | ... [@ RANGE]
	roleFormat                     // ROLE = phrase | ...
	personFormat                   // Name | variant = CODE [RANGE] [(title)] ; ...
)

// parseFile parses every line of a file, returning its entries and a
// [*LineError] for each bad line. base is the kind of entries without a
// KIND (Country, Organization or Group) in codeFormat files.
func parseFile(file string, data []byte, format fileFormat, base Kind) ([]entry, []error) {
	var (
		entries []entry
		errs    []error
	)
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	for n, raw := range bytes.Split(data, []byte("\n")) {
		if !utf8.Valid(raw) {
			errs = append(errs, &LineError{file, n + 1, fmt.Errorf("%w: invalid UTF-8", ErrSyntax)})
			continue
		}
		line := string(raw)
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var (
			e   entry
			err error
		)
		switch format {
		case roleFormat:
			e, err = parseRoleLine(line)
		case personFormat:
			e, err = parsePersonLine(line)
		default:
			e, err = parseCodeLine(line, base)
		}
		if err != nil {
			errs = append(errs, &LineError{file, n + 1, err})
			continue
		}
		e.file, e.line = file, n+1
		entries = append(entries, e)
	}
	return entries, errs
}

// splitSides cuts a line at its "=".
func splitSides(line string) (left, right string, err error) {
	left, right, ok := strings.Cut(line, "=")
	if !ok {
		return "", "", fmt.Errorf("%w: missing \" = \"", ErrSyntax)
	}
	return strings.TrimSpace(left), strings.TrimSpace(right), nil
}

// parseCodeLine parses "CODE [KIND] = phrase | ... [@ RANGE]".
func parseCodeLine(line string, base Kind) (entry, error) {
	left, right, err := splitSides(line)
	if err != nil {
		return entry{}, err
	}
	f := strings.Fields(left)
	if len(f) == 0 || len(f) > 2 {
		return entry{}, fmt.Errorf("%w: want CODE [KIND] before \"=\"", ErrSyntax)
	}
	if !validCode(f[0], 5) {
		return entry{}, fmt.Errorf("%w %q", ErrBadCode, f[0])
	}
	e := entry{kind: base}
	if len(f) == 2 {
		switch f[1] {
		case "adj":
			e.kind = CountryAdj
		case "capital":
			e.kind = Capital
		default:
			return entry{}, fmt.Errorf("%w %q", ErrUnknownKind, f[1])
		}
	}
	d := dated{code: f[0], to: openEnd}
	if i := strings.LastIndexByte(right, '@'); i >= 0 {
		r := strings.TrimSpace(right[i+1:])
		if r == "" {
			return entry{}, fmt.Errorf("%w: no range after \"@\"", ErrSyntax)
		}
		if d.from, d.to, err = parseRange(r); err != nil {
			return entry{}, err
		}
		right = right[:i]
	}
	if e.phrases, err = splitList(right, "|"); err != nil {
		return entry{}, err
	}
	e.codes = []dated{d}
	return e, nil
}

// parseRoleLine parses "ROLE = phrase | ...".
func parseRoleLine(line string) (entry, error) {
	left, right, err := splitSides(line)
	if err != nil {
		return entry{}, err
	}
	f := strings.Fields(left)
	if len(f) != 1 {
		return entry{}, fmt.Errorf("%w: want one ROLE before \"=\"", ErrSyntax)
	}
	if !validCode(f[0], 1) {
		return entry{}, fmt.Errorf("%w %q", ErrBadCode, f[0])
	}
	if strings.Contains(right, "@") {
		return entry{}, fmt.Errorf("%w: roles take no date range", ErrSyntax)
	}
	e := entry{kind: Role, codes: []dated{{code: f[0], to: openEnd}}}
	if e.phrases, err = splitList(right, "|"); err != nil {
		return entry{}, err
	}
	return e, nil
}

// parsePersonLine parses "Name | variant = CODE [RANGE] [(title)] ; ...".
func parsePersonLine(line string) (entry, error) {
	left, right, err := splitSides(line)
	if err != nil {
		return entry{}, err
	}
	e := entry{kind: Person}
	if e.phrases, err = splitList(left, "|"); err != nil {
		return entry{}, err
	}
	if right == "" {
		return e, nil // known, never coded
	}
	for r := range strings.SplitSeq(right, ";") {
		r = strings.TrimSpace(r)
		if i := strings.IndexByte(r, '('); i >= 0 {
			if !strings.HasSuffix(r, ")") {
				return entry{}, fmt.Errorf("%w: unclosed \"(\" in role %q", ErrSyntax, r)
			}
			r = strings.TrimSpace(r[:i])
		}
		f := strings.Fields(r)
		if len(f) == 0 || len(f) > 2 {
			return entry{}, fmt.Errorf("%w: want CODE [RANGE] [(title)] in role %q", ErrSyntax, r)
		}
		if !validCode(f[0], 5) {
			return entry{}, fmt.Errorf("%w %q", ErrBadCode, f[0])
		}
		d := dated{code: f[0], to: openEnd}
		if len(f) == 2 {
			if d.from, d.to, err = parseRange(f[1]); err != nil {
				return entry{}, err
			}
		}
		e.codes = append(e.codes, d)
	}
	return e, nil
}

// splitList splits s at sep, trimming each item; an empty item is an error.
func splitList(s, sep string) ([]string, error) {
	var out []string
	for p := range strings.SplitSeq(s, sep) {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			return nil, ErrEmptyPhrase
		}
		out = append(out, p)
	}
	return out, nil
}

// validCode reports whether code is 1 to max groups of three upper-case
// ASCII letters.
func validCode(code string, max int) bool {
	if len(code) == 0 || len(code)%3 != 0 || len(code)/3 > max {
		return false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < 'A' || code[i] > 'Z' {
			return false
		}
	}
	return true
}

// parseRange parses "FROM..TO", "..TO", "FROM.." or "FROM" into day keys.
func parseRange(s string) (from, to int, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if !isRange {
		b = a
	}
	to = openEnd
	if a != "" {
		if from, err = parseDay(a, false); err != nil {
			return 0, 0, err
		}
	}
	if b != "" {
		if to, err = parseDay(b, true); err != nil {
			return 0, 0, err
		}
	}
	if to < from {
		return 0, 0, fmt.Errorf("%w %q: ends before it starts", ErrBadRange, s)
	}
	return from, to, nil
}

// parseDay parses YYYY, YYYY-MM or YYYY-MM-DD into a day key: the first
// day of the period, or its last day when end is set.
func parseDay(s string, end bool) (int, error) {
	var layout string
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	default:
		return 0, fmt.Errorf("%w %q", ErrBadDate, s)
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && !(c == '-' && (i == 4 || i == 7)) {
			return 0, fmt.Errorf("%w %q", ErrBadDate, s)
		}
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return 0, fmt.Errorf("%w %q", ErrBadDate, s)
	}
	if end {
		switch len(s) {
		case 4:
			t = t.AddDate(1, 0, -1)
		case 7:
			t = t.AddDate(0, 1, -1)
		}
	}
	return dayKey(t), nil
}

// dayKey returns t's calendar day as YYYYMMDD, or 0 for the zero time.
func dayKey(t time.Time) int {
	if t.IsZero() {
		return 0
	}
	y, m, d := t.Date()
	return y*10000 + int(m)*100 + d
}
