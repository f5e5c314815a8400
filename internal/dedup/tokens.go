package dedup

import (
	"cmp"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// Each kind of token and feature is hashed from its own starting point, so
// that a code never hashes like a word ("rus" and RUS differ).
var (
	wordSeed   = uint64(fnvOffset)
	actorSeed  = fnvString(fnvOffset, "\x00actor:")
	placeSeed  = fnvString(fnvOffset, "\x00place:")
	entitySeed = fnvString(fnvOffset, "\x00entity:")
	eventSeed  = fnvString(fnvOffset, "\x00event:")
	termSeed   = fnvString(fnvOffset, "\x00term:")
)

// skipWords are the articles, left out of the word stream: a spinner turns
// "the United States" into "the US" or "America", and a name dropped with
// its article ("the Russian Federation" is one actor mention) would
// otherwise leave a stray "the".
var skipWords = []uint64{wordHash("the"), wordHash("a"), wordHash("an")}

// wordHash hashes a word as the scanner does.
func wordHash(w string) uint64 {
	h := wordSeed
	for _, r := range w {
		h = fnvRune(h, unicode.ToLower(r))
	}
	return h
}

// replacement is a span of text read as one token: an actor's code or a
// place's key.
type replacement struct {
	span  article.Span
	h     uint64
	actor bool
}

// textTokens appends to dst the token hashes of a's text, in order: words
// lower-cased with punctuation dropped, and every actor mention with a code
// and every place mention replaced by one token for its code or place, so
// that "Russian Federation", "Russia" and (by the actor dictionary)
// "Moscow" read alike. Adjacent mentions of the same actor collapse into
// one token ("Russian foreign minister Sergey Lavrov"). It reuses reps as
// scratch space and returns both.
func textTokens(dst []uint64, reps []replacement, a *article.Article) ([]uint64, []replacement) {
	text := a.Text
	valid := func(sp article.Span) bool { return sp.Start >= 0 && sp.Start < sp.End && sp.End <= len(text) }
	reps = reps[:0]
	for _, m := range a.Actors {
		if m.Code != "" && valid(m.Span) {
			reps = append(reps, replacement{span: m.Span, h: fnvString(actorSeed, m.Code), actor: true})
		}
	}
	for i := range a.Places {
		h := placeHash(&a.Places[i])
		for _, sp := range a.Places[i].Mentions {
			if valid(sp) {
				reps = append(reps, replacement{span: sp, h: h})
			}
		}
	}
	// The earliest, then the longest, then actors before places: of
	// overlapping mentions the first kept wins.
	slices.SortFunc(reps, func(x, y replacement) int {
		if c := cmp.Compare(x.span.Start, y.span.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(y.span.End, x.span.End); c != 0 {
			return c
		}
		switch {
		case x.actor == y.actor:
			return 0
		case x.actor:
			return -1
		}
		return 1
	})
	pos := 0
	var last uint64
	haveLast := false
	for _, r := range reps {
		if r.span.Start < pos {
			continue
		}
		n := len(dst)
		dst = appendWords(dst, text[pos:r.span.Start])
		if len(dst) > n {
			haveLast = false
		}
		pos = r.span.End
		if haveLast && last == r.h {
			continue
		}
		dst = append(dst, r.h)
		last, haveLast = r.h, true
	}
	return appendWords(dst, text[pos:]), reps
}

// placeHash returns the token of a place: its GeoNames id, or its
// lower-case name when it has none.
func placeHash(p *article.Place) uint64 {
	if p.GeonameID != 0 {
		var b [24]byte
		return fnvString(fnvByte(placeSeed, '#'), string(strconv.AppendInt(b[:0], int64(p.GeonameID), 10)))
	}
	return lowerHash(placeSeed, p.Name)
}

// lowerHash hashes s lower-cased, without allocating.
func lowerHash(h uint64, s string) uint64 {
	for _, r := range s {
		h = fnvRune(h, unicode.ToLower(r))
	}
	return h
}

// appendWords appends the hashes of the words of text: maximal runs of
// letters, digits and combining marks, lower-cased. Everything else
// (punctuation, apostrophes, hyphens, spaces) separates words, and the
// articles in skipWords are dropped.
func appendWords(dst []uint64, text string) []uint64 {
	h, in := wordSeed, false
	flush := func() {
		if !slices.Contains(skipWords, h) {
			dst = append(dst, h)
		}
		h, in = wordSeed, false
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				if in {
					flush()
				}
				continue
			}
			h, in = fnvByte(h, c), true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			h, in = fnvRune(h, unicode.ToLower(r)), true
			continue
		}
		if in {
			flush()
		}
	}
	if in {
		flush()
	}
	return dst
}

// shingle replaces toks, in place, by the hashes of its k-token shingles
// (all its tokens as one shingle when there are fewer than k) and returns
// them.
func shingle(toks []uint64, k int) []uint64 {
	if len(toks) == 0 {
		return toks
	}
	k = min(k, len(toks))
	n := len(toks) - k + 1
	for i := range n {
		h := uint64(k)
		for _, t := range toks[i : i+k] {
			h = mix64(h + t)
		}
		toks[i] = h
	}
	return toks[:n]
}
