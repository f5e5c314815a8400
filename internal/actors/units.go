package actors

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// A unit is the piece of text the trie matches: a run of letters and
// digits, a possessive "'s", or one punctuation mark. Splitting tokens into
// units makes matching independent of how a tokenizer treats hyphens,
// periods and possessives: "U.S." and "U.S" + "." give the same units, and
// "al-Assad" matches whether or not the tokenizer split it.
type unit struct {
	// text is the unit with typographic apostrophes and dashes made plain.
	text string
	// fold is text in lower case when a phrase word written in lower case
	// may match it (text is capitalized or all capitals), else "".
	fold string
	// tok is the index of the token holding the unit.
	tok int
	// start and end are its byte offsets in the text.
	start, end int
	// canStart and canEnd tell whether a match may begin or end at the
	// unit: at token edges, beside a hyphen, and before a possessive.
	canStart, canEnd bool
}

// unitPool recycles the unit buffers of Find, which would otherwise
// dominate the allocations of the actor stage.
var unitPool = sync.Pool{New: func() any { return new([]unit) }}

// appendTextUnits appends the units of every token of a sentence to us.
func appendTextUnits(us []unit, text string, tokens []article.Token) []unit {
	for i, t := range tokens {
		if t.Span.Start < 0 || t.Span.End > len(text) || t.Span.Start >= t.Span.End {
			continue
		}
		us = appendUnits(us, text[t.Span.Start:t.Span.End], t.Span.Start, i)
	}
	foldUnits(us)
	return us
}

// phraseUnits splits a dictionary phrase (or a looked-up name) at spaces
// and then into units.
func phraseUnits(s string) []unit {
	var us []unit
	off := 0
	for i, w := range strings.Fields(s) {
		at := strings.Index(s[off:], w) + off
		us = appendUnits(us, w, at, i)
		off = at + len(w)
	}
	foldUnits(us)
	return us
}

// appendUnits appends the units of one token s found at byte offset base.
func appendUnits(us []unit, s string, base, tok int) []unit {
	first := len(us)
	wordStart := -1
	flush := func(end int) {
		if wordStart >= 0 {
			us = append(us, newUnit(s[wordStart:end], tok, base+wordStart, base+end))
			wordStart = -1
		}
	}
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && c != '\'' {
			// ASCII, the common case, without decoding.
			switch {
			case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
				if wordStart < 0 {
					wordStart = i
				}
			case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
				flush(i)
			default:
				flush(i)
				us = append(us, unit{text: s[i : i+1], tok: tok, start: base + i, end: base + i + 1})
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			if wordStart < 0 {
				wordStart = i
			}
		case unicode.IsSpace(r):
			flush(i)
		case isApostrophe(r) && possessiveAt(s, i+n):
			flush(i)
			us = append(us, unit{text: "'s", tok: tok, start: base + i, end: base + i + n + 1})
			n++
		default:
			flush(i)
			us = append(us, unit{text: plainPunct(r, s[i:i+n]), tok: tok, start: base + i, end: base + i + n})
		}
		i += n
	}
	flush(len(s))
	if len(us) == first {
		return us
	}
	own := us[first:]
	own[0].canStart = true
	own[len(own)-1].canEnd = true
	for k := range own {
		if own[k].text == "-" {
			if k > 0 {
				own[k-1].canEnd = true
			}
			if k+1 < len(own) {
				own[k+1].canStart = true
			}
		}
		if k+1 < len(own) && (own[k+1].text == "'s" || own[k+1].text == "'" && k+2 == len(own)) {
			own[k].canEnd = true
		}
	}
	return us
}

// possessiveAt reports whether s has an "s" at i ending a word.
func possessiveAt(s string, i int) bool {
	if i >= len(s) || s[i] != 's' && s[i] != 'S' {
		return false
	}
	if i+1 == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i+1:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' }

// plainPunct maps typographic variants to the ASCII mark dictionaries use.
func plainPunct(r rune, s string) string {
	switch {
	case isApostrophe(r):
		return "'"
	case r == '–' || r == '—' || r == '‐' || r == '‑':
		return "-"
	case r == '“' || r == '”':
		return "\""
	}
	return s
}

func newUnit(w string, tok, start, end int) unit {
	u := unit{text: w, tok: tok, start: start, end: end}
	if foldable(w) {
		u.fold = foldPending
	}
	return u
}

// foldPending marks a unit whose fold foldUnits is still to write.
const foldPending = "\x00"

// foldUnits writes the lower-case forms of the units that have one, all in
// one string: one allocation a sentence, not one a capitalized word.
func foldUnits(us []unit) {
	n := 0
	for i := range us {
		if us[i].fold == foldPending {
			n += len(us[i].text)
		}
	}
	if n == 0 {
		return
	}
	var b strings.Builder
	b.Grow(n + n/4)
	type span struct{ i, start, end int }
	var spans [64]span
	at := spans[:0]
	for i := range us {
		if us[i].fold != foldPending {
			continue
		}
		start := b.Len()
		w := us[i].text
		if asciiCase(w) >= 0 {
			for k := 0; k < len(w); k++ {
				c := w[k]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
		} else {
			b.WriteString(strings.ToLower(w))
		}
		at = append(at, span{i, start, b.Len()})
	}
	all := b.String()
	for _, a := range at {
		us[a.i].fold = all[a.start:a.end]
	}
}

// foldable reports whether w is capitalized ("Troops") or in capitals
// ("TROOPS"), the forms in which a lower-case phrase word may appear.
func foldable(w string) bool {
	if ascii := asciiCase(w); ascii >= 0 {
		return ascii == 1
	}
	upper, lowerAfterFirst := 0, 0
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
			if i > 0 && lowerAfterFirst > 0 {
				return false // "McCain": mixed case matches only as written
			}
		case unicode.IsLower(r):
			if i == 0 {
				return false
			}
			lowerAfterFirst++
		}
	}
	if upper == 0 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(w)
	return lowerAfterFirst == 0 || upper == 1 && unicode.IsUpper(first)
}

// asciiCase is foldable for an ASCII word: 1 when it is capitalized or in
// capitals, 0 when not, -1 when w is not ASCII.
func asciiCase(w string) int {
	upper, lowerAfterFirst := 0, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= utf8.RuneSelf:
			return -1
		case 'A' <= c && c <= 'Z':
			upper++
			if i > 0 && lowerAfterFirst > 0 {
				return 0
			}
		case 'a' <= c && c <= 'z':
			if i == 0 {
				return 0
			}
			lowerAfterFirst++
		}
	}
	if upper == 0 || lowerAfterFirst > 0 && !('A' <= w[0] && w[0] <= 'Z' && upper == 1) {
		return 0
	}
	return 1
}
