package ingest_test

import (
	"os"
	"testing"

	"worldmedia/internal/ingest"
)

const bbcPath = "../../../shared/data/news/bbc_fulltext.jsonl"

func BenchmarkParseHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/seed_page/source.html")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		if _, err := ingest.ParseHTML("source.html", "", data); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkReaderJSONL reads the BBC corpus through a Reader, language
// detection included.
func BenchmarkReaderJSONL(b *testing.B) {
	if _, err := os.Stat(bbcPath); err != nil {
		b.Skip("BBC corpus not available:", err)
	}
	r, err := ingest.New(ingest.DefaultConfig(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, err := range r.Articles(b.Context(), []string{bbcPath}, nil) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}
