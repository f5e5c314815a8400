package tone_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"worldmedia/internal/article"
	"worldmedia/internal/tone"
)

// taggedBBC returns the BBC articles annotated by nlp, the input the tone
// stage sees, and their size in bytes.
func taggedBBC(b *testing.B) ([]*article.Article, int64) {
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
		a := annotate(b, rec.Text)
		a.ID = rec.ID
		as = append(as, a)
		size += int64(len(rec.Text))
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	return as, size
}

// BenchmarkScore measures the tone stage alone over the BBC corpus, already
// annotated by nlp.
func BenchmarkScore(b *testing.B) {
	as, size := taggedBBC(b)
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
