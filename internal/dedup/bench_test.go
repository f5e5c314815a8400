package dedup_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"

	"worldmedia/internal/article"
	"worldmedia/internal/dedup"
)

// analyzedBBC returns the BBC articles analysed by nlp and actors, the
// input the dedup stage sees.
func analyzedBBC(b *testing.B) ([]*article.Article, int64) {
	f, err := os.Open(bbcPath)
	if err != nil {
		b.Skipf("%s not present (../shared is beside the checkout): %v", bbcPath, err)
	}
	defer f.Close()
	var as []*article.Article
	var size int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		as = append(as, analyze(b, rec.ID, rec.Text, time.Time{}))
		size += int64(len(rec.Text))
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
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
