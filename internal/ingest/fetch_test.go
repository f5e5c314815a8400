package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"worldmedia/internal/ingest"
)

func newFetcher(t *testing.T, cfg ingest.Config) *ingest.Fetcher {
	t.Helper()
	f, err := ingest.NewFetcher(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFetcherGet(t *testing.T) {
	big := strings.Repeat("x", 2048)
	var robotsHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		robotsHits.Add(1)
		fmt.Fprint(w, "User-agent: otherbot\nDisallow: /\n\nUser-agent: worldmedia\nDisallow: /members/\n")
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			http.Error(w, "gzip expected", http.StatusBadRequest)
			return
		}
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte("compressed body"))
		zw.Close()
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/plain")
		w.Write(b.Bytes())
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(big)))
		w.Write([]byte(big))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 4 {
			w.Write([]byte(big[:512]))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/redirect/", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/redirect/"))
		if n == 0 {
			fmt.Fprint(w, "arrived")
			return
		}
		http.Redirect(w, r, "/redirect/"+strconv.Itoa(n-1), http.StatusFound)
	})
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(500 * time.Millisecond)
		fmt.Fprint(w, "late")
	})
	mux.HandleFunc("/members/page", func(w http.ResponseWriter, r *http.Request) {
		t.Error("a disallowed page was requested")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	cfg := testConfig()
	cfg.HostInterval = 0
	cfg.MaxBytes = 1024
	cfg.MaxRedirects = 2
	cfg.Timeout = 200 * time.Millisecond
	f := newFetcher(t, cfg)

	tests := []struct {
		path     string
		wantBody string
		wantErr  error
		wantMsg  string
	}{
		{path: "/gzip", wantBody: "compressed body"},
		{path: "/big", wantErr: ingest.ErrTooLarge, wantMsg: "too large: 2048 bytes, limit 1024"},
		{path: "/big-chunked", wantErr: ingest.ErrTooLarge, wantMsg: "too large: more than 1024 bytes"},
		{path: "/redirect/2", wantBody: "arrived"},
		{path: "/redirect/3", wantErr: ingest.ErrFetch, wantMsg: "fetch failed: stopped after 2 redirects"},
		{path: "/error", wantErr: ingest.ErrFetch, wantMsg: "fetch failed: status 500 Internal Server Error"},
		{path: "/missing", wantErr: ingest.ErrFetch, wantMsg: "fetch failed: status 404 Not Found"},
		{path: "/slow", wantErr: ingest.ErrFetch},
		{path: "/members/page", wantErr: ingest.ErrRobots, wantMsg: "disallowed by robots.txt: /members/page"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := f.Get(t.Context(), srv.URL+tt.path)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) || (tt.wantMsg != "" && err.Error() != tt.wantMsg) {
					t.Fatalf("err = %v, want %v (%q)", err, tt.wantErr, tt.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(resp.Body) != tt.wantBody {
				t.Errorf("body = %q, want %q", resp.Body, tt.wantBody)
			}
		})
	}
	if n := robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times, want once", n)
	}
}

func TestFetcherRobotsUnavailable(t *testing.T) {
	tests := []struct {
		name   string
		robots http.HandlerFunc
	}{
		{"404", func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }},
		{"500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusInternalServerError) }},
		{"garbage", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("\x00\x01 not robots")) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mux := http.NewServeMux()
			mux.Handle("/robots.txt", tt.robots)
			mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
			srv := httptest.NewServer(mux)
			defer srv.Close()
			cfg := testConfig()
			cfg.HostInterval = 0
			resp, err := newFetcher(t, cfg).Get(t.Context(), srv.URL+"/page")
			if err != nil || string(resp.Body) != "ok" {
				t.Fatalf("Get = %v, %v; want the page", resp, err)
			}
		})
	}
}

func TestFetcherCrawlDelay(t *testing.T) {
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		times = append(times, time.Now())
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nCrawl-delay: 0.15\n")
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()
	cfg := testConfig()
	cfg.HostInterval = 10 * time.Millisecond
	f := newFetcher(t, cfg)
	for range 2 {
		if _, err := f.Get(t.Context(), srv.URL+"/page"); err != nil {
			t.Fatal(err)
		}
	}
	if len(times) != 3 {
		t.Fatalf("%d requests, want 3", len(times))
	}
	if gap := times[2].Sub(times[1]); gap < 150*time.Millisecond {
		t.Errorf("pages %v apart, want the crawl delay of 150ms", gap)
	}
}

func TestFetcherUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL + "/story.html"
	srv.Close()
	_, err := newFetcher(t, testConfig()).Get(t.Context(), url)
	if !errors.Is(err, ingest.ErrFetch) {
		t.Fatalf("err = %v, want ErrFetch", err)
	}
}

func TestFetcherCancel(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	cfg := testConfig()
	cfg.HostInterval = time.Hour
	f := newFetcher(t, cfg)
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	// robots.txt is fetched first; the page then waits an hour for its turn.
	_, err := f.Get(ctx, srv.URL+"/page")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the context's deadline", err)
	}
}

func TestNewConfigValidation(t *testing.T) {
	tests := []struct {
		name   string
		modify func(*ingest.Config)
	}{
		{"MaxBytes", func(c *ingest.Config) { c.MaxBytes = 0 }},
		{"UserAgent", func(c *ingest.Config) { c.UserAgent = "" }},
		{"UserAgent newline", func(c *ingest.Config) { c.UserAgent = "a\nb" }},
		{"Timeout", func(c *ingest.Config) { c.Timeout = 0 }},
		{"MaxRedirects", func(c *ingest.Config) { c.MaxRedirects = -1 }},
		{"HostInterval", func(c *ingest.Config) { c.HostInterval = -time.Second }},
		{"Extensions", func(c *ingest.Config) { c.Extensions = []string{"txt"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := ingest.DefaultConfig()
			tt.modify(&cfg)
			if _, err := ingest.New(cfg, nil); err == nil || !strings.Contains(err.Error(), tt.name[:4]) {
				t.Errorf("New: err = %v, want one about %s", err, tt.name)
			}
		})
	}
	if _, err := ingest.New(ingest.DefaultConfig(), nil); err != nil {
		t.Errorf("New(DefaultConfig()) = %v", err)
	}
}

func TestFetcherCorruptCache(t *testing.T) {
	cfg := testConfig()
	cfg.CachePath = filepath.Join(t.TempDir(), "cache.json")
	if err := os.WriteFile(cfg.CachePath, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := newFetcher(t, cfg)
	if err := f.SaveCache(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(cfg.CachePath)
	if err != nil || strings.TrimSpace(string(data)) != "{}" {
		t.Errorf("cache file after save = %q, %v; want an empty cache", data, err)
	}
}
