package gdelt_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"
	"time"

	"worldmedia/internal/gdelt"
)

// eventFile returns n generated event rows in the 2.0 layout.
func eventFile(tb testing.TB, n int) []byte {
	tb.Helper()
	base := eventRowsWant()
	rows := make([]gdelt.EventRow, n)
	for i := range rows {
		r := base[i%len(base)]
		r.ID = int64(i)
		r.Date = r.Date.AddDate(0, 0, i%300)
		r.SourceURL = fmt.Sprintf("https://example.org/news/%d", i)
		rows[i] = r
	}
	var b bytes.Buffer
	if err := gdelt.WriteEvents(&b, rows); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func BenchmarkReadEvents(b *testing.B) {
	const n = 10_000
	data := eventFile(b, n)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	start := time.Now()
	loops := 0
	for b.Loop() {
		k := 0
		for _, err := range gdelt.ReadEvents(bytes.NewReader(data)) {
			if err != nil {
				b.Fatal(err)
			}
			k++
		}
		if k != n {
			b.Fatalf("read %d rows, want %d", k, n)
		}
		loops++
	}
	b.ReportMetric(float64(n*loops)/time.Since(start).Seconds(), "rows/s")
}

func BenchmarkWriteGKG(b *testing.B) {
	a := seedArticle(b)
	b.ReportAllocs()
	start := time.Now()
	loops := 0
	for b.Loop() {
		if err := gdelt.WriteGKG(io.Discard, a, gdelt.GKGOptions{}); err != nil {
			b.Fatal(err)
		}
		loops++
	}
	b.ReportMetric(float64(loops)/time.Since(start).Seconds(), "articles/s")
}
