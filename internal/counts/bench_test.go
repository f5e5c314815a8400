package counts_test

import (
	"testing"

	"worldmedia/internal/counts"
	"worldmedia/internal/testkit"
)

// BenchmarkExtract measures the counts stage alone over the BBC corpus,
// already annotated by nlp.
func BenchmarkExtract(b *testing.B) {
	as, size := testkit.TaggedBBC(b)
	x, err := counts.New(counts.DefaultConfig(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		for _, a := range as {
			if err := x.Process(b.Context(), a); err != nil {
				b.Fatal(err)
			}
			n += len(a.Counts)
		}
	}
	b.ReportMetric(float64(len(as))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(float64(n), "counts/corpus")
}
