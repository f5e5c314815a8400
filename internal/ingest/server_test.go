package ingest_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"worldmedia/internal/ingest"
)

// seenRequest is one request a test server received.
type seenRequest struct {
	Path   string
	At     time.Time
	Header http.Header
}

// newsSite is a test web site serving feeds and pages, which records every
// request it gets.
type newsSite struct {
	*httptest.Server
	mu   sync.Mutex
	seen []seenRequest
}

const (
	rssETag         = `"rss-v1"`
	rssLastModified = "Wed, 02 Jun 2021 12:00:00 GMT"
)

// newNewsSite serves:
//
//	/robots.txt          disallows /private/
//	/feed.rss, /feed.atom the feeds in testdata/feed, with ETag and Last-Modified
//	/news/seed.html      the seed page
//	/news/second.html    a second page
//	anything else        404
func newNewsSite(t *testing.T) *newsSite {
	t.Helper()
	s := &newsSite{}
	read := func(path string) string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	rss, atom := read("testdata/feed/feed.rss"), read("testdata/feed/feed.atom")
	pages := map[string]string{
		"/news/seed.html":   read("testdata/seed_page/source.html"),
		"/news/second.html": read("testdata/feed/second.html"),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
	})
	feed := func(body, contentType, etag string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("ETag", etag)
			w.Header().Set("Last-Modified", rssLastModified)
			if r.Header.Get("If-None-Match") == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", contentType)
			w.Write([]byte(strings.ReplaceAll(body, "{{base}}", s.URL)))
		}
	}
	mux.HandleFunc("/feed.rss", feed(rss, "application/rss+xml; charset=utf-8", rssETag))
	mux.HandleFunc("/feed.atom", feed(atom, "application/atom+xml", `"atom-v1"`))
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.seen = append(s.seen, seenRequest{Path: r.URL.Path, At: time.Now(), Header: r.Header.Clone()})
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// requests returns the requests seen so far and forgets them.
func (s *newsSite) requests() []seenRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	seen := s.seen
	s.seen = nil
	return seen
}

// paths returns the paths of requests.
func paths(reqs []seenRequest) []string {
	var p []string
	for _, r := range reqs {
		p = append(p, r.Path)
	}
	return p
}

// testConfig is the default configuration with a short host interval.
func testConfig() ingest.Config {
	cfg := ingest.DefaultConfig()
	cfg.HostInterval = 50 * time.Millisecond
	cfg.Timeout = 5 * time.Second
	return cfg
}

func newReader(t *testing.T, cfg ingest.Config) *ingest.Reader {
	t.Helper()
	r, err := ingest.New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
