package actors

import (
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
	"worldmedia/internal/nlp"
)

// A unit is the piece of text the trie matches: a run of letters and
// digits, a possessive "'s", or one punctuation mark. Splitting tokens into
// units makes matching independent of how a tokenizer treats hyphens,
// periods and possessives: "U.S." and "U.S" + "." give the same units, and
// "al-Assad" matches whether or not the tokenizer split it.
type unit struct {
	// text is the unit with typographic apostrophes and dashes made plain.
	text string
	// word is the dictionary's number for text, fold the number for text
	// in lower case when a phrase word written in lower case may match it
	// (text is capitalized or all capitals); 0 when no phrase has them.
	word, fold int32
	// tok is the index of the token holding the unit.
	tok int
	// start and end are its byte offsets in the text.
	start, end int
	// canStart and canEnd tell whether a match may begin or end at the
	// unit: at token edges, beside a hyphen, and before a possessive.
	canStart, canEnd bool
}

// textUnits appends the units of every token of a sentence to us, numbered
// by the dictionary's words.
func (d *Dictionary) textUnits(us []unit, text string, tokens []article.Token) []unit {
	first := len(us)
	us = appendTextUnits(us, text, tokens)
	var buf [64]byte
	for i := first; i < len(us); i++ {
		u := &us[i]
		u.word = d.wordOf(u.text)
		if !foldable(u.text) {
			continue
		}
		// The conversion copies a short word to the stack: the string
		// does not outlive the call.
		u.fold = d.wordOf(string(nlp.AppendLower(buf[:0], u.text)))
	}
	return us
}

// appendTextUnits appends the units of every token of a sentence to us.
func appendTextUnits(us []unit, text string, tokens []article.Token) []unit {
	for i, t := range tokens {
		if t.Span.Start < 0 || t.Span.End > len(text) || t.Span.Start >= t.Span.End {
			continue
		}
		us = appendUnits(us, text[t.Span.Start:t.Span.End], t.Span.Start, i)
	}
	return us
}

// phraseUnits splits a dictionary phrase at white space and then into
// units.
func phraseUnits(s string) []unit {
	return appendTextUnits(nil, s, appendFields(nil, s))
}

// appendUnits appends the units of one token s found at byte offset base.
func appendUnits(us []unit, s string, base, tok int) []unit {
	first := len(us)
	for i := 0; i < len(s); {
		if n := wordLen(s[i:]); n > 0 {
			us = append(us, unit{text: s[i : i+n], tok: tok, start: base + i, end: base + i + n})
			i += n
			continue
		}
		if c := s[i]; c < utf8.RuneSelf && c != '\'' {
			// ASCII, the common case, without decoding.
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\v' && c != '\f' {
				us = append(us, unit{text: s[i : i+1], tok: tok, start: base + i, end: base + i + 1})
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
		case isApostrophe(r) && possessiveAt(s, i+n):
			us = append(us, unit{text: "'s", tok: tok, start: base + i, end: base + i + n + 1})
			n++
		default:
			us = append(us, unit{text: plainPunct(r, s[i:i+n]), tok: tok, start: base + i, end: base + i + n})
		}
		i += n
	}
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

// wordLen returns the length of the run of letters, digits and marks that
// begins s.
func wordLen(s string) int {
	i := 0
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, the common case, without decoding.
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				i++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
			break
		}
		i += n
	}
	return i
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
