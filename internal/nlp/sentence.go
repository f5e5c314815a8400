package nlp

import (
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// Segment splits text into sentences, each with its tokens as [Tokenize]
// gives them. A sentence's span runs from its first token's start to its
// last token's end, so it never begins or ends with white space; spans are
// half-open byte offsets into text, in order and disjoint. It returns nil
// when text holds no token. The sentences' token slices share one backing
// array but cannot grow into each other.
//
// A sentence ends:
//   - at a blank line, always, and at a single line break after sentence
//     punctuation or after a line that reads as a heading or list item;
//   - after ".", "?" or "!", with any closing quotes and brackets that follow,
//     unless a lower-case word or a comma follows ("Why?" he asked);
//   - after "..." before a typical sentence starter ("The", "But", "He");
//   - after an abbreviation that can end a sentence ("U.S.", "Inc.", "J.")
//     only before a typical sentence starter or a quotation opening with a
//     capital, so "the U.S. President" stays whole and "in the U.S. The
//     president" does not; after "etc." or a month ("Dec.") before any
//     capitalised word; never after a title ("Mr.", "Gen."), "vs." or "No.".
//
// Datelines ("MOSCOW (AP) —") stay with the sentence they open, and the
// number of a list item ("1.") with its item.
func Segment(text string) []article.Sentence {
	toks := Tokenize(text)
	if len(toks) == 0 {
		return nil
	}
	g := segScanner{text: text, toks: toks}
	sents := make([]article.Sentence, 0, len(text)/80+4) // news averages 120 bytes a sentence
	start := 0
	words := false // whether toks[start:i] holds a word
	for i := 0; i < len(toks); {
		words = words || g.isWord(i)
		last, end := g.boundary(start, i, words)
		if end {
			sents = append(sents, article.Sentence{
				Span:   article.Span{Start: toks[start].Span.Start, End: toks[last].Span.End},
				Tokens: toks[start : last+1 : last+1],
			})
			start = last + 1
			words = false
		}
		i = last + 1
	}
	return sents
}

// segTerm is the kind of a token that may end a sentence.
type segTerm uint8

const (
	segNone     segTerm = iota // no sentence punctuation
	segFull                    // ".", "?" or "!"
	segEllipsis                // "..." or "…"
	segAbbrev                  // a word with its period: "U.S.", "Gen.", "J."
)

// segScanner decides where sentences end in a token sequence.
type segScanner struct {
	text string
	toks []article.Token
}

func (g *segScanner) tok(i int) string {
	sp := g.toks[i].Span
	return g.text[sp.Start:sp.End]
}

// boundary looks at token i of the sentence that starts at token start and
// reports the last token of the sentence candidate it belongs to (i itself,
// or the closing quotes and brackets that follow a terminator) and whether
// the sentence ends there. words says whether the sentence so far holds a
// word: punctuation alone ends nothing, as the stray period in `".With its
// veto` shows; nor does the period of a list number ("1. The").
func (g *segScanner) boundary(start, i int, words bool) (last int, end bool) {
	n := len(g.toks)
	if i == n-1 {
		return i, true
	}
	term, kind := segNone, abbrevNone
	if words && !(i == start+1 && g.listNumber(start)) {
		term, kind = segTerminator(g.tok(i))
	}
	if term == segNone {
		switch g.lineBreaks(i) {
		case 0:
			return i, false
		case 1:
			return i, words && g.heading(i)
		}
		return i, true
	}
	last = i
	closed := false
	for last+1 < n && g.attached(last+1) && segCloser(g.tok(last+1)) {
		last++
		closed = true
	}
	if last == n-1 {
		return last, true
	}
	return last, g.endsAfter(term, kind, closed, last)
}

// endsAfter decides whether a sentence ends after token last, which is (or
// closes) sentence punctuation of kind term.
func (g *segScanner) endsAfter(term segTerm, kind abbrevKind, closed bool, last int) bool {
	nl := g.lineBreaks(last)
	if nl >= 2 {
		return true
	}
	next := last + 1
	switch term {
	case segFull:
		return nl == 1 || !g.continues(next)
	case segEllipsis:
		if nl == 1 || closed {
			return !g.continues(next)
		}
		return g.starts(next)
	}
	switch kind {
	case abbrevTitle, abbrevInline, abbrevNumber:
		return false
	case abbrevEtc, abbrevMonth:
		if nl == 1 {
			return !g.lowerAt(next)
		}
		return g.upperAt(next) || g.openQuote(next)
	}
	switch {
	case nl == 1:
		return !g.lowerAt(next)
	case closed:
		return g.upperAt(next) || g.openQuote(next)
	}
	return g.starts(next)
}

// segTerminator classifies a token that may end a sentence.
func segTerminator(w string) (segTerm, abbrevKind) {
	switch w {
	case ".", "?", "!":
		return segFull, abbrevNone
	case "…":
		return segEllipsis, abbrevNone
	}
	if len(w) < 2 || w[len(w)-1] != '.' {
		return segNone, abbrevNone
	}
	if w[0] == '.' {
		return segEllipsis, abbrevNone // "..", "...", "...."
	}
	stem := w[:len(w)-1]
	if k, ok := tokAbbrevs[stem]; ok {
		return segAbbrev, k
	}
	if len(stem) == 1 && tokASCII[stem[0]]&tokUpper != 0 {
		return segAbbrev, abbrevInitial
	}
	return segAbbrev, abbrevFinal
}

// segCloser reports whether w, attached to the token before it, continues
// the sentence punctuation it follows: a closing quote or bracket, or more
// punctuation ("?!", `."`, `.")`).
func segCloser(w string) bool {
	switch w {
	case `"`, "'", "''", ")", "]", "}", "”", "’", "»", "›", ".", "?", "!", "…":
		return true
	}
	return len(w) > 1 && w[0] == '.' && w[len(w)-1] == '.'
}

// attached reports whether token i follows token i-1 with no space between.
func (g *segScanner) attached(i int) bool {
	return g.toks[i].Span.Start == g.toks[i-1].Span.End
}

// lineBreaks counts the line breaks between token i and the next, up to 2
// (a blank line). A paragraph separator counts as a blank line.
func (g *segScanner) lineBreaks(i int) int {
	gap := g.text[g.toks[i].Span.End:g.toks[i+1].Span.Start]
	if len(gap) == 1 && gap[0] == ' ' {
		return 0
	}
	n := 0
	for j := 0; j < len(gap); j++ {
		switch gap[j] {
		case '\n':
			n++
		case '\r':
			if j+1 >= len(gap) || gap[j+1] != '\n' {
				n++
			}
		case 0xE2:
			if j+2 < len(gap) && gap[j+1] == 0x80 {
				switch gap[j+2] {
				case 0xA8: // line separator
					n++
				case 0xA9: // paragraph separator
					n += 2
				}
			}
		}
		if n >= 2 {
			return 2
		}
	}
	return n
}

// heading reports whether a single line break after token i, which is no
// sentence punctuation, ends a sentence: the line reads as a heading or list
// item rather than a line wrapped inside a sentence. It does unless the line
// ends with a comma, dash, title or lower-case function word, or the next
// line starts in lower case.
func (g *segScanner) heading(i int) bool {
	w := g.tok(i)
	switch w {
	case ",", ";", "-", "--", "—", "–", "&", "/", "(", "[", "“", "‘":
		return false
	case `"`, "'":
		if i == 0 || !g.attached(i) {
			return false // an opening quote
		}
	}
	if _, ok := segContinuers[w]; ok {
		return false
	}
	if term, kind := segTerminator(w); term == segAbbrev && kind == abbrevTitle {
		return false
	}
	next := g.tok(i + 1)
	c := next[0]
	if c < utf8.RuneSelf {
		if tokASCII[c]&(tokUpper|tokDigit) != 0 {
			return true
		}
		switch c {
		case '"', '\'', '(', '[', '-', '*', '#':
			return true
		}
		return false
	}
	switch r, _ := utf8.DecodeRuneInString(next); r {
	case '“', '‘', '«', '•', '·', '–', '—', '▪', '●', '■':
		return true
	default:
		return unicode.IsUpper(r)
	}
}

// listNumber reports whether token i, followed by a period, numbers a list
// item: one to three digits attached to the period.
func (g *segScanner) listNumber(i int) bool {
	w := g.tok(i)
	if len(w) > 3 || g.tok(i+1) != "." || !g.attached(i+1) {
		return false
	}
	for j := 0; j < len(w); j++ {
		if tokASCII[w[j]]&tokDigit == 0 {
			return false
		}
	}
	return true
}

// isWord reports whether token i starts with a letter or digit.
func (g *segScanner) isWord(i int) bool {
	w := g.tok(i)
	c := w[0]
	if c < utf8.RuneSelf {
		return tokASCII[c]&tokAlnum != 0
	}
	r, _ := utf8.DecodeRuneInString(w)
	return r == utf8.RuneError || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// upperAt reports whether token i starts with a capital letter.
func (g *segScanner) upperAt(i int) bool {
	w := g.tok(i)
	if c := w[0]; c < utf8.RuneSelf {
		return tokASCII[c]&tokUpper != 0
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

// lowerAt reports whether token i starts with a lower-case letter.
func (g *segScanner) lowerAt(i int) bool {
	w := g.tok(i)
	if c := w[0]; c < utf8.RuneSelf {
		return tokASCII[c]&tokLower != 0
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// continues reports whether token i carries on the sentence before it after
// sentence punctuation: a lower-case word, a clitic, or punctuation that
// cannot start a sentence.
func (g *segScanner) continues(i int) bool {
	if g.lowerAt(i) {
		return true
	}
	w := g.tok(i)
	switch w {
	case ",", ";", ":", ")", "]", "}", "%":
		return true
	}
	return w[0] == '\'' && len(w) > 1 && tokASCII[w[1]]&tokLower != 0
}

// starts reports whether token i clearly opens a sentence: a typical
// sentence starter, or an opening quotation mark before a capital.
func (g *segScanner) starts(i int) bool {
	if _, ok := segStarters[g.tok(i)]; ok {
		return true
	}
	return g.openQuote(i)
}

// openQuote reports whether token i is an opening quotation mark, set off by
// space before and attached to a capitalised word after.
func (g *segScanner) openQuote(i int) bool {
	switch g.tok(i) {
	case `"`, "“", "'", "‘", "``", "«":
	default:
		return false
	}
	return i+1 < len(g.toks) && !g.attached(i) && g.attached(i+1) && g.upperAt(i+1)
}
