package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// segment is one passage between double quotation marks.
type segment struct {
	// open is the byte offset of the opening mark; close that of the
	// closing mark, or -1 when the paragraph ended first.
	open, close int
	// outer runs from the opening mark to the end of the closing mark (or
	// of the quoted words when unclosed).
	outer article.Span
	// inner is the quoted words: marks, surrounding space and edge commas
	// trimmed.
	inner article.Span
	// continues is set when the segment opens a paragraph right after an
	// unclosed quotation: the same voice goes on.
	continues bool
}

// markKind says how a quotation mark can be read.
type markKind uint8

const (
	// straight is '"', which opens or closes by its neighbours.
	straight markKind = iota + 1
	// opener is a curly or low mark that opens: “ „ ‟ «.
	opener
	// closer is a curly mark that closes: ” ».
	closer
)

// markAt returns the kind and byte length of the double quotation mark at
// text[i], or 0 when there is none.
func markAt(text string, i int) (markKind, int) {
	c := text[i]
	if c == '"' {
		return straight, 1
	}
	if c == 0xC2 && i+1 < len(text) {
		switch text[i+1] {
		case 0xAB: // «
			return opener, 2
		case 0xBB: // »
			return closer, 2
		}
		return 0, 0
	}
	if c == 0xE2 && i+2 < len(text) && text[i+1] == 0x80 {
		switch text[i+2] {
		case 0x9C, 0x9E, 0x9F: // “ „ ‟
			return opener, 3
		case 0x9D: // ”
			return closer, 3
		}
	}
	return 0, 0
}

// findSegments returns the quoted passages of text in order. Marks pair
// within a paragraph (a line); a quotation left open at the end of a
// paragraph ends there, and when the next paragraph opens with a mark, its
// quotation continues the same voice. Inside a quotation, pairs of marks of
// the other style and further curly pairs are nested quotations, part of
// the outer one; a lone mark of the other style that can close it does
// (“…" he said).
func findSegments(text string, segs []segment) []segment {
	start := 0
	pendingOpen := false // the previous paragraph ended inside a quotation
	for start < len(text) {
		end := start
		for end < len(text) && text[end] != '\n' {
			end++
		}
		if hasWord(text[start:end]) {
			segs, pendingOpen = paragraphSegments(text, start, end, pendingOpen, segs)
		}
		start = end + 1
	}
	return segs
}

// paragraphSegments appends the segments of the paragraph text[start:end].
// after says whether the previous paragraph ended inside a quotation; it
// returns whether this one does.
func paragraphSegments(text string, start, end int, after bool, segs []segment) ([]segment, bool) {
	open := -1 // offset of the open quotation's mark
	var openLen int
	var style markKind      // straight, or opener for curly and guillemets
	depth := 0              // nested curly quotations inside the open one
	nestedStraight := false // a straight quotation is open inside a curly one
	first := true           // no mark seen yet in the paragraph
	// emit records the open quotation as closed by the mark
	// text[closeAt:closeAt+closeLen], or, with closeLen 0, as unclosed
	// and ending at closeAt.
	emit := func(closeAt, closeLen int, cont bool) {
		s := segment{open: open, close: closeAt, continues: cont}
		s.inner = trimInner(text, open+openLen, closeAt)
		s.outer = article.Span{Start: open, End: closeAt + closeLen}
		if closeLen == 0 {
			s.close = -1
			s.outer.End = s.inner.End
		}
		if hasWord(s.inner.In(text)) {
			segs = append(segs, s)
		}
	}
	cont := false
	for i := start; i < end; {
		kind, n := markAt(text, i)
		if kind == 0 {
			i++
			continue
		}
		canOpen, canClose := marksides(text, start, end, i, n)
		switch {
		case open < 0:
			// A curly closer that stands where an opener would is a
			// miskeyed opener; a closer after nothing is stray.
			if kind == opener || kind == straight && canOpen || kind == closer && canOpen && !canClose {
				open, openLen, depth, nestedStraight = i, n, 0, false
				style = opener
				if kind == straight {
					style = straight
				}
				cont = first && after && leadingMark(text, start, i)
			}
		case style == straight:
			switch {
			case kind == opener:
				depth++ // a curly quotation nested in a straight one
			case kind == closer && depth > 0:
				depth--
			case kind == closer:
				if canClose { // "…”: mixed marks
					emit(i, n, cont)
					open = -1
				}
			case canClose:
				emit(i, n, cont)
				open = -1
			case canOpen:
				// An opening mark inside an open quotation: the first
				// was never closed. It ends where the new one starts.
				emit(i, 0, cont)
				open, openLen, depth, cont = i, n, 0, false
			}
		default: // curly or guillemet quotation
			switch {
			case kind == straight && nestedStraight && canClose:
				nestedStraight = false
			case kind == straight && canOpen && !canClose:
				nestedStraight = true // a straight quotation nested in a curly one
			case kind == straight && canClose:
				emit(i, n, cont) // “…": mixed marks
				open = -1
			case kind == straight:
			case kind == opener && canOpen:
				depth++
			case kind == closer || kind == opener && canClose && !canOpen:
				if depth > 0 {
					depth--
					break
				}
				emit(i, n, cont)
				open = -1
			}
		}
		first = false
		i += n
	}
	if open >= 0 {
		emit(end, 0, cont)
		return segs, true
	}
	return segs, false
}

// leadingMark reports whether only space precedes offset i in the paragraph
// that starts at start.
func leadingMark(text string, start, i int) bool {
	for _, r := range text[start:i] {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// marksides tells whether the mark text[i:i+n] stands where a quotation
// opens (after space, a bracket or a dash, before a word) and where one
// closes (after a word or punctuation, before space or punctuation).
func marksides(text string, start, end, i, n int) (canOpen, canClose bool) {
	var before, after rune = ' ', ' '
	if i > start {
		before, _ = utf8.DecodeLastRuneInString(text[start:i])
	}
	if i+n < end {
		after, _ = utf8.DecodeRuneInString(text[i+n : end])
	}
	if before == '=' {
		// an attribute value in markup (id="…"), not a quotation
		return false, false
	}
	spaceBefore := unicode.IsSpace(before)
	spaceAfter := unicode.IsSpace(after)
	canOpen = (spaceBefore || isOpenPunct(before)) && !spaceAfter
	canClose = !spaceBefore && !isBracket(before) && (spaceAfter || unicode.IsPunct(after) || unicode.IsSymbol(after))
	switch {
	case spaceBefore && spaceAfter:
		// detached ('mean? " Clinton asked'): closes an open quotation
		canClose = true
	case !spaceBefore && !spaceAfter && !canOpen && !canClose:
		// glued on both sides ('word"word'): either, by state
		canOpen, canClose = true, true
	}
	return canOpen, canClose
}

// isBracket reports whether r opens a bracket, after which no quotation
// closes.
func isBracket(r rune) bool { return r == '(' || r == '[' || r == '{' }

// isOpenPunct reports whether r may stand right before an opening mark.
func isOpenPunct(r rune) bool {
	switch r {
	case '(', '[', '{', '-', '–', '—', '/', ':', '“', '‘', '\'', '"', '«', '„':
		return true
	}
	return false
}

// trimInner returns the span of text[from:to] without surrounding space and
// stray double marks, leading stray punctuation (".With its veto") and
// trailing commas, colons and semicolons, which belong to the sentence
// around the quotation.
func trimInner(text string, from, to int) article.Span {
	for from < to {
		r, n := utf8.DecodeRuneInString(text[from:to])
		if !unicode.IsSpace(r) && !strings.ContainsRune(".,;:\"“”„«»", r) {
			break
		}
		from += n
	}
	for to > from {
		r, n := utf8.DecodeLastRuneInString(text[from:to])
		if !unicode.IsSpace(r) && !strings.ContainsRune(",;:\"“”„«»", r) {
			break
		}
		to -= n
	}
	return article.Span{Start: from, End: to}
}

// hasWord reports whether s holds a letter or digit.
func hasWord(s string) bool {
	for _, r := range s {
		if isLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isLetter is unicode.IsLetter with an ASCII fast path.
func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r)
}

// countWords returns the number of runs of letters and digits in s.
func countWords(s string) int {
	n := 0
	in := false
	for _, r := range s {
		w := isLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
