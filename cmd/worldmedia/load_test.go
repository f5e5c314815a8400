package main

import (
	"bytes"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"worldmedia/internal/testkit"
)

// BenchmarkServeLoad is the loopback load test of the server: concurrent
// clients (GOMAXPROCS × -cpu… see b.SetParallelism) request an endpoint
// of a server over a store with the seed article and 1,000,000 generated
// GDELT events; it reports requests/s and the 99th percentile latency.
//
//	go test -run '^$' -bench ServeLoad -benchtime 10s ./cmd/worldmedia/
func BenchmarkServeLoad(b *testing.B) {
	dir := b.TempDir()
	db := filepath.Join(dir, "w.duckdb")
	sample := filepath.Join(dir, "sample.CSV")
	for _, args := range [][]string{
		{"generate", "gdelt", "--rows", "1000000", "-o", sample},
		{"import", "gdelt", "--db", db, sample},
		{"ingest", "--db", db, "--date", "2017-04-13", "--progress", "none", testkit.SeedPath()},
	} {
		var out, errb bytes.Buffer
		if st := run(b.Context(), env{bytes.NewReader(nil), &out, &errb}, args); st != exitOK {
			b.Fatalf("%v: status %d\n%s", args, st, errb.String())
		}
	}
	base := startServe(b, "--db", db)
	seed := testkit.Seed(b)
	for _, ep := range []struct {
		name, method, path, ctype string
		body                      string
	}{
		{"relations-week", "GET", "/api/v1/relations?a=USA&b=RUS&by=week", "", ""},
		{"events", "GET", "/api/v1/events?source=USA&target=RUS&both=true&limit=100", "", ""},
		{"code-seed", "POST", "/api/v1/code", "text/plain", seed},
	} {
		b.Run(ep.name, func(b *testing.B) {
			var mu sync.Mutex
			var lat []time.Duration
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
			b.SetParallelism(4)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				var mine []time.Duration
				for pb.Next() {
					req, _ := http.NewRequest(ep.method, base+ep.path, bytes.NewReader([]byte(ep.body)))
					if ep.ctype != "" {
						req.Header.Set("Content-Type", ep.ctype)
					}
					t0 := time.Now()
					resp, err := client.Do(req)
					if err != nil {
						b.Error(err)
						return
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 200 {
						b.Errorf("%s: status %d", ep.path, resp.StatusCode)
						return
					}
					mine = append(mine, time.Since(t0))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			if len(lat) == 0 {
				return
			}
			slices.Sort(lat)
			b.ReportMetric(float64(len(lat))/b.Elapsed().Seconds(), "req/s")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		})
	}
}
