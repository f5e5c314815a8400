package store_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"worldmedia/internal/events"
	"worldmedia/internal/gdelt"
	"worldmedia/internal/relations"
	"worldmedia/internal/store"
)

// benchRows is the size of the generated GDELT file the benchmarks use:
// $WORLDMEDIA_BENCH_ROWS, default 1,000,000 (the README's figures use
// 10,000,000).
func benchRows(b *testing.B) int {
	if s := os.Getenv("WORLDMEDIA_BENCH_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			b.Fatalf("WORLDMEDIA_BENCH_ROWS=%q", s)
		}
		return n
	}
	return 1_000_000
}

// sampleFile writes a synthetic GDELT 2.0 file of n records.
func sampleFile(b *testing.B, n int) string {
	b.Helper()
	lex, err := events.DefaultLexicon()
	if err != nil {
		b.Fatal(err)
	}
	var codes []gdelt.SampleCode
	for _, c := range lex.Codes() {
		codes = append(codes, gdelt.SampleCode{Code: c.Code, Goldstein: c.Goldstein, Quad: c.Quad})
	}
	path := filepath.Join(b.TempDir(), "sample.CSV")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	err = gdelt.WriteSample(f, gdelt.SampleConfig{Rows: n, Seed: 1, Codes: codes,
		Start: time.Date(2015, 1, 5, 0, 0, 0, 0, time.UTC), End: time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	return path
}

func BenchmarkImportEventsFile(b *testing.B) {
	n := benchRows(b)
	path := sampleFile(b, n)
	i := 0
	for b.Loop() {
		db, err := store.Open(b.Context(), filepath.Join(b.TempDir(), "b"+strconv.Itoa(i)+".duckdb"), store.DefaultConfig(), nil)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.ImportEventsFile(b.Context(), "sample", path, strconv.Itoa(i), store.ImportOptions{}); err != nil {
			b.Fatal(err)
		}
		db.Close()
		i++
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkRelationPoints(b *testing.B) {
	n := benchRows(b)
	path := sampleFile(b, n)
	db, err := store.Open(b.Context(), filepath.Join(b.TempDir(), "r.duckdb"), store.DefaultConfig(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ImportEventsFile(b.Context(), "sample", path, "sha", store.ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	for _, q := range []struct {
		name string
		q    relations.Query
	}{
		{"USA-RUS-week", relations.Query{A: "USA", B: "RUS", By: relations.Week}},
		{"USAGOV-CHN-month-directed", relations.Query{A: "USAGOV", B: "CHN", By: relations.Month, Directed: true}},
	} {
		b.Run(q.name, func(b *testing.B) {
			// Each iteration asks with another Until past the data, so
			// that the store's answer cache is no help: the figure is the
			// query's.
			until := time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
			for b.Loop() {
				qq := q.q
				qq.Until = until
				until = until.AddDate(0, 0, 1)
				if _, err := relations.Run(b.Context(), db, qq, relations.DefaultConfig()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
