package nlp_test

import (
	"testing"

	"worldmedia/internal/nlp"
)

// FuzzSegment checks that any input, valid UTF-8 or not, segments without
// panic into sentences and tokens that lie in bounds, in order, on rune
// boundaries, and that Segment's tokens are exactly Tokenize's.
func FuzzSegment(f *testing.F) {
	for _, s := range []string{
		"",
		"U.S. Secretary of State Rex Tillerson said. The U.S. The end.",
		`".With its veto, Russian Federation said no to accountability". Even if we have them.`,
		`He said "no." Then... "First. Second," he said.`,
		"MOSCOW (AP) — Officials said.\n\nWASHINGTON, April 12 (Reuters) - Trump's don't we’ll leaders'",
		"$4.5bn 10% 1,400 3.5 1996-08-30 10:30 a.m. https://bbc.co.uk/x?y=1. a@b.com #tag @who",
		"Mr.\nSmith\r\n\r\nNo. 10 etc. e.g. J. K. Rowling…’90s ``quoted'' U.S.-led",
		"bad \xff\xfe utf8 \xe2\x80\x9d\xe2\x80 \xf0\x9f\x98 end.",
		"www.\xe2\x80\x9cx www.a\xc2 http://\xe2\x80\x99",
		".5 .. ' '' 's ’s -- - — – « » ( ) [ ] \u00a0\u2028\u2029",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		sents := nlp.Segment(text)
		checkSentences(t, text, sents)
		toks := nlp.Tokenize(text)
		n := 0
		for _, s := range sents {
			for _, tk := range s.Tokens {
				if n >= len(toks) || toks[n] != tk {
					t.Fatalf("sentence tokens differ from Tokenize at token %d", n)
				}
				n++
			}
		}
		if n != len(toks) {
			t.Fatalf("sentences hold %d tokens, Tokenize gives %d", n, len(toks))
		}
	})
}
