package api_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"worldmedia/internal/api"
)

func TestHealthz(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	srv := serve(t, db, testConfig(), nil)
	r := do(t, srv, "GET", "/healthz")
	if r.status != 200 || string(r.body) != `{"status":"ok"}`+"\n" {
		t.Errorf("status %d: %s", r.status, r.body)
	}
	checkHeaders(t, r)
}

func TestOpenAPIAtRoot(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	srv := serve(t, db, testConfig(), nil)
	root, v1 := do(t, srv, "GET", "/openapi.json"), do(t, srv, "GET", "/api/v1/openapi.json")
	if root.status != 200 || v1.status != 200 || string(root.body) != string(v1.body) {
		t.Errorf("/openapi.json (%d, %d bytes) differs from /api/v1/openapi.json (%d, %d bytes)",
			root.status, len(root.body), v1.status, len(v1.body))
	}
	checkHeaders(t, root)
}

func TestMetrics(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	srv := serve(t, db, testConfig(), nil)
	do(t, srv, "GET", "/api/v1/health")
	do(t, srv, "GET", "/api/v1/health")
	do(t, srv, "GET", "/api/v1/articles/nope")
	do(t, srv, "GET", "/api/v1/events?limit=0")
	do(t, srv, "GET", "/no/such/path")
	do(t, srv, "POST", "/api/v1/code")
	r := do(t, srv, "GET", "/metrics")
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type %q, want text/plain", ct)
	}
	body := string(r.body)
	for _, want := range []string{
		`worldmedia_http_requests_total{code="200",route="/api/v1/health"} 2`,
		`worldmedia_http_requests_total{code="404",route="/api/v1/articles/{id}"} 1`,
		`worldmedia_http_requests_total{code="400",route="/api/v1/events"} 1`,
		`worldmedia_http_requests_total{code="404",route="unmatched"} 1`,
		`worldmedia_http_requests_total{code="503",route="/api/v1/code"} 1`,
		`worldmedia_http_request_duration_seconds_bucket{route="/api/v1/health",le="0.001"}`,
		`worldmedia_http_request_duration_seconds_count{route="/api/v1/health"} 2`,
		"# TYPE worldmedia_http_requests_in_flight gauge\nworldmedia_http_requests_in_flight 1\n", // this request
		"# TYPE go_goroutines gauge",
		"go_memstats_alloc_bytes ",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	// The scrape is counted too, the next time.
	if r := do(t, srv, "GET", "/metrics"); !strings.Contains(string(r.body), `worldmedia_http_requests_total{code="200",route="/metrics"} 1`) {
		t.Errorf("the scrape is not counted")
	}
	// Query strings do not make new series.
	if n := len(regexp.MustCompile(`(?m)^worldmedia_http_requests_total`).FindAllString(body, -1)); n != 5 {
		t.Errorf("%d request series, want 5:\n%s", n, body)
	}
	t.Run("a registry for each handler", func(t *testing.T) {
		other := serve(t, db, testConfig(), nil)
		if r := do(t, other, "GET", "/metrics"); strings.Contains(string(r.body), "/api/v1/health") {
			t.Errorf("a new handler reports the requests of another")
		}
	})
}

// TestMounted serves the handler as worldmedia serve mounts it, beside a
// dashboard at /.
func TestMounted(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	h, err := api.New(db, testConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	for _, p := range []string{"/api/", "/healthz", "/metrics", "/openapi.json"} {
		mux.Handle(p, h)
	}
	mux.Handle("/", http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "dashboard") }))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	for path, want := range map[string]string{
		"/api/v1/health": `"version":"test"`, "/healthz": `{"status":"ok"}`, "/metrics": "go_goroutines",
		"/openapi.json": `"openapi":"3.1.0"`, "/": "dashboard", "/index.html": "dashboard", "/api/v9": `"status":404`,
	} {
		r := do(t, srv, "GET", path)
		if !strings.Contains(string(r.body), want) {
			t.Errorf("GET %s: %d %.100s, want %q", path, r.status, r.body, want)
		}
	}
}

// TestNoCORS checks that no Access-Control header is ever sent, even
// when asked.
func TestNoCORS(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	cfg := testConfig()
	cfg.Analyzer = &fakeAnalyzer{}
	srv := serve(t, db, cfg, nil)
	for _, tt := range []struct{ method, path string }{
		{"GET", "/api/v1/events"}, {"OPTIONS", "/api/v1/code"}, {"OPTIONS", "/api/v1/events"}, {"POST", "/api/v1/code"},
	} {
		r := post(t, srv, tt.method, tt.path, strings.NewReader("a"), "text/plain",
			"Origin: https://evil.example", "Access-Control-Request-Method: POST")
		for name := range r.header {
			if strings.HasPrefix(name, "Access-Control-") {
				t.Errorf("%s %s: header %s", tt.method, tt.path, name)
			}
		}
	}
}
