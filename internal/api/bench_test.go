package api_test

import (
	"io"
	"net/http"
	"testing"
)

// BenchmarkEvents serves pages of 100 events through a real server and
// client.
func BenchmarkEvents(b *testing.B) {
	db := openStore(b, b.Context(), 30) // 360 GDELT records and 4 events
	srv := serve(b, db, testConfig(), nil)
	client := srv.Client()
	url := srv.URL + "/api/v1/events?limit=100"
	var n int64
	b.ReportAllocs()
	for b.Loop() {
		resp, err := client.Get(url)
		if err != nil {
			b.Fatal(err)
		}
		m, err := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d, %v", resp.StatusCode, err)
		}
		n += m
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	b.SetBytes(n / int64(b.N))
}
