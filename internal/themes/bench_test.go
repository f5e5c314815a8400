package themes_test

import (
	"testing"

	"worldmedia/internal/testkit"
	"worldmedia/internal/themes"
)

// BenchmarkTag measures the themes stage alone (keywords; the BBC articles
// carry no events here) over the BBC corpus, already annotated by nlp.
func BenchmarkTag(b *testing.B) {
	as, size := testkit.TaggedBBC(b)
	g, err := themes.New(nil, themes.DefaultConfig(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		for _, a := range as {
			if err := g.Process(b.Context(), a); err != nil {
				b.Fatal(err)
			}
			n += len(a.Themes)
		}
	}
	b.ReportMetric(float64(len(as))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(n)/float64(len(as)), "themes/article")
}
