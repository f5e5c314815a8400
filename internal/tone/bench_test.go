package tone_test

import (
	"testing"

	"worldmedia/internal/testkit"
	"worldmedia/internal/tone"
)

// BenchmarkScore measures the tone stage alone over the BBC corpus, already
// annotated by nlp.
func BenchmarkScore(b *testing.B) {
	as, size := testkit.TaggedBBC(b)
	s, err := tone.New(nil, tone.DefaultConfig(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			if err := s.Process(b.Context(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(len(as))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
