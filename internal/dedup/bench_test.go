package dedup_test

import (
	"testing"

	"worldmedia/internal/article"
	"worldmedia/internal/dedup"
	"worldmedia/internal/testkit"
)

// analyzedBBC returns the BBC articles analysed by nlp and actors, the
// input the dedup stage sees, and their size in bytes.
func analyzedBBC(b *testing.B) ([]*article.Article, int64) {
	as, size := testkit.TaggedBBC(b)
	p, err := pipeline()
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range as {
		if err := p.act.Process(b.Context(), a); err != nil {
			b.Fatal(err)
		}
	}
	return as, size
}

// BenchmarkSignature measures the text signature alone over the BBC
// corpus, already analysed.
func BenchmarkSignature(b *testing.B) {
	as, size := analyzedBBC(b)
	d, err := dedup.New(dedup.DefaultConfig(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range as {
			_ = d.Signature(a)
		}
	}
	b.ReportMetric(float64(b.N*len(as))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkProcess measures the whole stage over the BBC corpus, each
// loop into a fresh detector: both signatures, the look-ups and the adds.
func BenchmarkProcess(b *testing.B) {
	as, size := analyzedBBC(b)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		d, err := dedup.New(dedup.DefaultConfig(), nil)
		if err != nil {
			b.Fatal(err)
		}
		for _, a := range as {
			if err := d.Process(b.Context(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(as))/b.Elapsed().Seconds(), "articles/s")
}
