package themes

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The kinds of error [Parse] and [Load] report. Each is wrapped in a
// [*LineError] naming the file and line; test for them with [errors.Is].
var (
	// ErrSyntax is a malformed line: no " = ", a continuation with nothing
	// to continue, a part after ";" other than "events:", a bad character
	// in a phrase word, or invalid UTF-8.
	ErrSyntax = errors.New("syntax error")
	// ErrBadName is a theme name that is not upper-case letters, digits
	// and "_", starting with a letter.
	ErrBadName = errors.New("bad theme name")
	// ErrBadCode is an event code that is not two to four digits.
	ErrBadCode = errors.New("bad event code")
	// ErrEmptyPhrase is an empty phrase between "|" separators, or a
	// prefix word ("ab*") shorter than three letters.
	ErrEmptyPhrase = errors.New("empty phrase")
	// ErrDuplicate is a theme defined twice, or a phrase or event code
	// listed twice in one theme; the message names the other line.
	ErrDuplicate = errors.New("duplicate")
	// ErrNoRules is a theme with neither phrases nor event codes.
	ErrNoRules = errors.New("theme without rules")
	// ErrEmpty is a taxonomy without themes.
	ErrEmpty = errors.New("no themes")
)

// LineError is an error found on one line of a taxonomy file.
type LineError struct {
	File string // the file's name ("themes.txt")
	Line int    // 1-based line number
	Err  error  // the reason, wrapping one of the package's Err sentinels
}

// Error returns "file:line: reason".
func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the reason.
func (e *LineError) Unwrap() error { return e.Err }

// word is one word of a phrase.
type word struct {
	text   string
	prefix bool // "terror*": any word that begins with text
}

// phrase is a keyword rule of a theme.
type phrase struct {
	theme int
	words []word
}

// Taxonomy is a set of themes, each with keyword phrases and event codes
// that evidence it, read from a file in the format of docs/themes.md. It is
// immutable and safe for concurrent use.
type Taxonomy struct {
	names   []string
	phrases []phrase
	// exact maps a phrase's first word to its phrases; prefix maps the
	// stem of a first word written "stem*".
	exact, prefix map[string][]int32
	prefixLens    []int // the lengths of the stems in prefix, ascending
	// events maps an event code prefix ("19", "2041") to its themes.
	events map[string][]int
}

// Names returns the names of the themes, in the order of the file.
func (t *Taxonomy) Names() []string { return slices.Clone(t.names) }

//go:embed data/themes.txt
var embedded embed.FS

// Default returns the embedded taxonomy, parsed once.
var Default = sync.OnceValues(func() (*Taxonomy, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// Load reads the taxonomy from themes.txt in fsys.
func Load(fsys fs.FS) (*Taxonomy, error) {
	const name = "themes.txt"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("themes: %w", err)
	}
	return Parse(name, data)
}

// Parse reads a taxonomy from data, naming it file in errors. It reports
// every bad line, each as a [*LineError], joined.
func Parse(file string, data []byte) (*Taxonomy, error) {
	t := &Taxonomy{exact: map[string][]int32{}, prefix: map[string][]int32{}, events: map[string][]int{}}
	var errs []error
	fail := func(line int, err error) { errs = append(errs, &LineError{File: file, Line: line, Err: err}) }
	defined := map[string]int{} // theme name → line
	type rule struct {
		theme int
		key   string
	}
	seen := map[rule]int{} // phrase or event code of a theme → line
	hasRules := []bool{}
	themeLine := []int{}
	cur := -1 // the theme a continuation line adds to
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		if !utf8.ValidString(raw) {
			fail(n, fmt.Errorf("%w: invalid UTF-8", ErrSyntax))
			cur = -1
			continue
		}
		line := raw
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		var body string
		if line[0] == ' ' || line[0] == '\t' {
			rest := strings.TrimSpace(line)
			switch {
			case cur < 0:
				fail(n, fmt.Errorf("%w: continuation line without a theme line before it", ErrSyntax))
				continue
			case strings.HasPrefix(rest, "|"):
				body = rest[1:]
			case strings.HasPrefix(rest, ";"):
				body = rest
			default:
				fail(n, fmt.Errorf("%w: continuation line must start with \"|\" or \";\"", ErrSyntax))
				continue
			}
		} else {
			name, rest, ok := strings.Cut(line, "=")
			if !ok {
				fail(n, fmt.Errorf("%w: no \"=\" in %q", ErrSyntax, strings.TrimSpace(line)))
				cur = -1
				continue
			}
			name = strings.TrimSpace(name)
			if !validName(name) {
				fail(n, fmt.Errorf("%w %q", ErrBadName, name))
				cur = -1
				continue
			}
			if l, dup := defined[name]; dup {
				fail(n, fmt.Errorf("%w theme %s: also on line %d", ErrDuplicate, name, l))
				cur = -1
				continue
			}
			defined[name] = n
			cur = len(t.names)
			t.names = append(t.names, name)
			hasRules = append(hasRules, false)
			themeLine = append(themeLine, n)
			body = rest
		}
		phrases, codes, hasEvents := strings.Cut(body, ";")
		if hasEvents {
			c, ok := strings.CutPrefix(strings.TrimSpace(codes), "events:")
			if !ok {
				fail(n, fmt.Errorf("%w: %q after \";\", want \"events:\"", ErrSyntax, strings.TrimSpace(codes)))
				continue
			}
			for code := range strings.SplitSeq(c, ",") {
				code = strings.TrimSpace(code)
				if !validCode(code) {
					fail(n, fmt.Errorf("%w %q", ErrBadCode, code))
					continue
				}
				k := rule{cur, "event " + code}
				if l, dup := seen[k]; dup {
					fail(n, fmt.Errorf("%w event code %s: also on line %d", ErrDuplicate, code, l))
					continue
				}
				seen[k] = n
				t.events[code] = append(t.events[code], cur)
				hasRules[cur] = true
			}
		}
		if strings.TrimSpace(phrases) == "" && hasEvents {
			continue // "NAME = ; events: …"
		}
		for p := range strings.SplitSeq(phrases, "|") {
			ws, err := parsePhrase(p)
			if err != nil {
				fail(n, err)
				continue
			}
			key := rule{cur, phraseKey(ws)}
			if l, dup := seen[key]; dup {
				fail(n, fmt.Errorf("%w phrase %q: also on line %d", ErrDuplicate, strings.TrimSpace(p), l))
				continue
			}
			seen[key] = n
			id := int32(len(t.phrases))
			t.phrases = append(t.phrases, phrase{theme: cur, words: ws})
			if ws[0].prefix {
				t.prefix[ws[0].text] = append(t.prefix[ws[0].text], id)
				if !slices.Contains(t.prefixLens, len(ws[0].text)) {
					t.prefixLens = append(t.prefixLens, len(ws[0].text))
				}
			} else {
				t.exact[ws[0].text] = append(t.exact[ws[0].text], id)
			}
			hasRules[cur] = true
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", file, err))
	}
	for i, ok := range hasRules {
		if !ok {
			fail(themeLine[i], fmt.Errorf("%w: %s", ErrNoRules, t.names[i]))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(t.names) == 0 {
		return nil, &LineError{File: file, Line: max(n, 1), Err: ErrEmpty}
	}
	slices.Sort(t.prefixLens)
	return t, nil
}

// parsePhrase reads one phrase: lower-case words separated by spaces, a
// possessive "'s" split off as the tokenizer does ("women's right" is
// "women", "'s", "right").
func parsePhrase(p string) ([]word, error) {
	var ws []word
	for f := range strings.FieldsSeq(strings.ToLower(p)) {
		f = strings.ReplaceAll(f, "’", "'")
		if base, ok := strings.CutSuffix(f, "'s"); ok && base != "" {
			ws = append(ws, word{text: base}, word{text: "'s"})
			continue
		}
		w := word{text: f}
		if stem, ok := strings.CutSuffix(f, "*"); ok {
			if utf8.RuneCountInString(stem) < 3 {
				return nil, fmt.Errorf("%w: prefix %q shorter than three letters", ErrEmptyPhrase, f)
			}
			w = word{text: stem, prefix: true}
		}
		if !validWord(w.text) {
			return nil, fmt.Errorf("%w: bad word %q", ErrSyntax, f)
		}
		ws = append(ws, w)
	}
	if len(ws) == 0 {
		return nil, fmt.Errorf("%w", ErrEmptyPhrase)
	}
	return ws, nil
}

func phraseKey(ws []word) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.text)
		if w.prefix {
			b.WriteByte('*')
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// validWord reports whether w is a phrase word: letters, digits and the
// inner marks of words (-, ', .).
func validWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '.' {
			return false
		}
	}
	return true
}

func validName(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func validCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
