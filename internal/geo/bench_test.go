package geo_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"testing"

	"worldmedia/internal/article"
	"worldmedia/internal/geo"
)

// BenchmarkResolve geocodes BBC articles that nlp and actors have already
// annotated: the geo stage alone, per core.
func BenchmarkResolve(b *testing.B) {
	path := shared + "/news/bbc_fulltext.jsonl"
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("%s not present (../shared is beside the checkout in CI): %v", path, err)
	}
	defer f.Close()
	st, err := stages()
	if err != nil {
		b.Fatal(err)
	}
	var as []*article.Article
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && len(as) < 400 {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		a := &article.Article{ID: rec.ID, Text: rec.Text}
		for _, s := range st {
			if err := s.Process(context.Background(), a); err != nil {
				b.Fatal(err)
			}
		}
		as = append(as, a)
		size += len(rec.Text)
	}
	r, err := geo.New(nil, geo.DefaultConfig(), nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.SetBytes(int64(size))
	b.ResetTimer()
	n := 0
	for b.Loop() {
		for _, a := range as {
			if err := r.Process(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
		n += len(as)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkLoad decodes the embedded gazetteer.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := geo.Load(geo.Embedded(), geo.DefaultFile); err != nil {
			b.Fatal(err)
		}
	}
}
