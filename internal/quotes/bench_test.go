package quotes_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"worldmedia/internal/article"
)

const bbcPath = "../../../shared/data/news/bbc_fulltext.jsonl"

// BenchmarkExtract runs the quotation stage alone over the BBC news
// articles, annotated by nlp and actors beforehand.
func BenchmarkExtract(b *testing.B) {
	f, err := os.Open(bbcPath)
	if err != nil {
		b.Skipf("%s not present (the data lives beside the checkout, in ../shared): %v", bbcPath, err)
	}
	defer f.Close()
	p := newAnalysis(b)
	var arts []*article.Article
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		arts = append(arts, p.annotate(b.Context(), b, rec.Text, seedDate))
		size += len(rec.Text)
	}
	if err := sc.Err(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(size))
	n := 0
	for b.Loop() {
		for _, a := range arts {
			if err := p.qx.Process(b.Context(), a); err != nil {
				b.Fatal(err)
			}
		}
		n += len(arts)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
