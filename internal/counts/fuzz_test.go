package counts_test

import (
	"testing"
	"unicode/utf8"

	"worldmedia/internal/article"
	"worldmedia/internal/counts"
	"worldmedia/internal/testkit"
)

// FuzzExtract reads counts from arbitrary text, with a place mention at
// arbitrary (possibly invalid) offsets: it must not panic, and every count
// must have a span within the text, a positive number, a known kind and
// valid UTF-8 strings.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"The attack in Idlib, which left 89 people dead, was condemned.",
		"The death toll rose from 80 to 95 people; tens of thousands of people took to the streets.",
		"It cost $4.5bn, £1,400, 1.5 million euros and US$ 20m. No one was killed.",
		"Two hundred and fifty people fell ill; half a million were evacuated; a quarter of a",
		"killed 1,000,000,000,000,000,000 people and 99999999999999999999bn dollars",
		"$ £ € 5 , 000 more than at least dozens of of of hundreds of thousands of",
		"\xff\xfe 3 \x00 killed",
	} {
		f.Add(s, 0, 5)
	}
	x, err := counts.New(counts.DefaultConfig(), nil)
	if err != nil {
		f.Fatal(err)
	}
	kinds := map[string]bool{}
	for _, k := range counts.Kinds() {
		kinds[k.String()] = true
	}
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		a := testkit.Annotate(t, text)
		a.Places = []article.Place{{Name: "Somewhere", Mentions: []article.Span{{Start: start, End: end}}}}
		if err := x.Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		for _, c := range a.Counts {
			if c.Span.Start < 0 || c.Span.End > len(text) || c.Span.Empty() {
				t.Fatalf("count %+v: span out of bounds of %d bytes", c, len(text))
			}
			if c.Number <= 0 || !kinds[c.Kind] {
				t.Fatalf("count %+v: bad number or kind", c)
			}
			if utf8.ValidString(text) && (!utf8.ValidString(c.Object) || !utf8.ValidString(c.Place)) {
				t.Fatalf("count %+v: invalid UTF-8", c)
			}
		}
	})
}
