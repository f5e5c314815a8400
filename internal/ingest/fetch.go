package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// Fetcher downloads pages and feeds as a good citizen: it names itself in
// User-Agent, honours robots.txt, waits [Config.HostInterval] between
// requests to one host (longer when robots.txt asks with Crawl-delay),
// follows at most [Config.MaxRedirects] redirects, gives up after
// [Config.Timeout], reads at most [Config.MaxBytes] of a (decompressed)
// body, accepts gzip, and makes conditional requests: it remembers each
// URL's ETag and Last-Modified and sends them back with If-None-Match and
// If-Modified-Since, so that polling an unchanged feed costs a 304.
//
// A Fetcher is safe for concurrent use.
type Fetcher struct {
	client *http.Client
	// robotsClient fetches robots.txt files; it follows redirects without
	// checking robots.txt again, which could wait on itself.
	robotsClient *http.Client
	userAgent    string
	agent        string // product token matched against robots.txt groups
	maxBytes     int64
	interval     time.Duration
	cachePath    string
	log          *slog.Logger

	mu         sync.Mutex
	hosts      map[string]*hostState // by scheme://host:port
	validators map[string]validator  // by requested URL
	dirty      bool                  // validators changed since loaded or saved
}

// hostState is what the Fetcher knows about one host.
type hostState struct {
	// next is the earliest time the next request may start; guarded by
	// Fetcher.mu.
	next time.Time
	// delay is the interval to keep between requests; guarded by Fetcher.mu.
	delay time.Duration

	robotsMu sync.Mutex // held while robots.txt is fetched
	robots   *robotsRules
}

// validator is what a server said about a URL's version.
type validator struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Response is a downloaded document.
type Response struct {
	// URL is where the document was found, after redirects.
	URL string
	// ContentType is the response's Content-Type header.
	ContentType string
	// Body is the (decompressed) body, nil when NotModified.
	Body []byte
	// NotModified is set when the server answered 304 to a conditional
	// request: the document has not changed since it was last fetched.
	NotModified bool
}

// robotsMaxBytes caps a robots.txt file, as the major crawlers do.
const robotsMaxBytes = 512 << 10

// maxCrawlDelay caps the Crawl-delay a robots.txt can impose.
const maxCrawlDelay = time.Minute

// NewFetcher returns a Fetcher configured by cfg, which it validates. When
// cfg.CachePath names an existing file, the validators saved there are
// loaded; it is an error only when the file exists but cannot be read. A
// nil log discards logging.
func NewFetcher(cfg Config, log *slog.Logger) (*Fetcher, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	f := &Fetcher{
		userAgent:  cfg.UserAgent,
		agent:      productToken(cfg.UserAgent),
		maxBytes:   cfg.MaxBytes,
		interval:   cfg.HostInterval,
		cachePath:  cfg.CachePath,
		log:        log,
		hosts:      make(map[string]*hostState),
		validators: make(map[string]validator),
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	f.client = &http.Client{
		Transport: transport,
		Timeout:   cfg.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > cfg.MaxRedirects {
				return fmt.Errorf("stopped after %d redirects", cfg.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: %w", req.URL.Scheme, ErrUnsupported)
			}
			if len(via) > 0 && req.URL.Host != via[len(via)-1].URL.Host {
				// A redirect to another host is a request to that host:
				// its robots.txt and its interval apply.
				if err := f.allowed(req.Context(), req.URL); err != nil {
					return err
				}
				if err := f.wait(req.Context(), req.URL); err != nil {
					return err
				}
			}
			return nil
		},
	}
	f.robotsClient = &http.Client{
		Transport: transport,
		Timeout:   cfg.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > cfg.MaxRedirects {
				return fmt.Errorf("stopped after %d redirects", cfg.MaxRedirects)
			}
			return nil
		},
	}
	if cfg.CachePath != "" {
		if err := f.loadCache(); err != nil {
			return nil, err
		}
	}
	return f, nil
}

// productToken is the name part of a User-Agent ("worldmedia" in
// "worldmedia/0.1 (+https://...)"), which robots.txt groups name.
func productToken(ua string) string {
	tok := strings.Fields(ua)
	if len(tok) == 0 {
		return ""
	}
	name, _, _ := strings.Cut(tok[0], "/")
	return strings.ToLower(name)
}

// Get downloads rawURL. It returns an error wrapping [ErrUnsupported] for a
// scheme other than http(s), [ErrRobots] when robots.txt disallows the URL,
// [ErrTooLarge] for a body over the size cap, and [ErrFetch] for network
// errors, timeouts, too many redirects and statuses other than 2xx and 304.
// The error does not repeat the URL.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnsupported, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%w: not an http(s) URL", ErrUnsupported)
	}
	if err := f.allowed(ctx, u); err != nil {
		return nil, err
	}
	if err := f.wait(ctx, u); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrFetch, err)
	}
	// Accept-Encoding is left to the transport, which then asks for gzip
	// and decompresses transparently.
	req.Header.Set("User-Agent", f.userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	f.mu.Lock()
	v, known := f.validators[rawURL]
	f.mu.Unlock()
	if known {
		if v.ETag != "" {
			req.Header.Set("If-None-Match", v.ETag)
		}
		if v.LastModified != "" {
			req.Header.Set("If-Modified-Since", v.LastModified)
		}
	}

	start := time.Now()
	resp, err := f.client.Do(req)
	if err != nil {
		f.done(u)
		return nil, fetchError(ctx, err)
	}
	defer resp.Body.Close()
	body, err := readCapped(resp.Body, resp.ContentLength, f.maxBytes)
	f.done(resp.Request.URL)
	f.log.Debug("fetched", "url", rawURL, "status", resp.StatusCode, "bytes", len(body), "duration", time.Since(start))
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return &Response{URL: resp.Request.URL.String(), NotModified: true}, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, fmt.Errorf("%w: status %s", ErrFetch, resp.Status)
	case err != nil:
		if errors.Is(err, ErrTooLarge) {
			return nil, err
		}
		return nil, fetchError(ctx, err)
	}
	if nv := (validator{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}); nv != (validator{}) {
		f.mu.Lock()
		if f.validators[rawURL] != nv {
			f.validators[rawURL] = nv
			f.dirty = true
		}
		f.mu.Unlock()
	}
	return &Response{
		URL:         resp.Request.URL.String(),
		ContentType: resp.Header.Get("Content-Type"),
		Body:        body,
	}, nil
}

// fetchError wraps a transport error in ErrFetch, without the URL that
// *url.Error repeats, and keeps the context's own error when it was
// cancelled.
func fetchError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if errors.Is(err, ErrRobots) || errors.Is(err, ErrUnsupported) {
		return err
	}
	return fmt.Errorf("%w: %w", ErrFetch, err)
}

// readCapped reads a body of at most max bytes; a longer one (or one whose
// Content-Length says so) gives ErrTooLarge without reading more than max+1.
func readCapped(r io.Reader, contentLength, max int64) ([]byte, error) {
	if contentLength > max {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, contentLength, max)
	}
	body, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return body, nil
}

// host returns the state of u's host, creating it.
func (f *Fetcher) host(u *url.URL) *hostState {
	key := u.Scheme + "://" + u.Host
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.hosts[key]
	if h == nil {
		h = &hostState{delay: f.interval}
		f.hosts[key] = h
	}
	return h
}

// wait blocks until a request to u's host may start, and books that slot.
func (f *Fetcher) wait(ctx context.Context, u *url.URL) error {
	h := f.host(u)
	f.mu.Lock()
	now := time.Now()
	start := now
	if h.next.After(now) {
		start = h.next
	}
	h.next = start.Add(h.delay)
	f.mu.Unlock()
	if d := start.Sub(now); d > 0 {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
	return nil
}

// done records the end of a request to u's host: the next one waits the
// host's interval from now, however long this one took.
func (f *Fetcher) done(u *url.URL) {
	h := f.host(u)
	f.mu.Lock()
	if next := time.Now().Add(h.delay); next.After(h.next) {
		h.next = next
	}
	f.mu.Unlock()
}

// loadCache reads the validators saved at the cache path; a missing or
// corrupt file is an empty cache. Only an unreadable file is an error.
func (f *Fetcher) loadCache() error {
	data, err := os.ReadFile(f.cachePath)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("ingest: fetch cache: %w", err)
	}
	var v map[string]validator
	if err := json.Unmarshal(data, &v); err != nil {
		// The cache only saves requests: start afresh, and overwrite it.
		f.log.Warn("fetch cache unreadable, starting empty", "path", f.cachePath, "err", err)
		f.dirty = true
		return nil
	}
	maps.Copy(f.validators, v)
	return nil
}

// SaveCache writes the remembered ETag and Last-Modified values to
// [Config.CachePath], replacing the file atomically. It does nothing when
// no cache path is set or nothing changed.
func (f *Fetcher) SaveCache() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.cachePath == "" || !f.dirty {
		return nil
	}
	data, err := json.MarshalIndent(f.validators, "", "  ")
	if err != nil {
		return fmt.Errorf("ingest: fetch cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.cachePath), ".fetch-cache-*")
	if err != nil {
		return fmt.Errorf("ingest: fetch cache: %w", err)
	}
	_, werr := tmp.Write(append(data, '\n'))
	cerr := tmp.Close()
	if err := errors.Join(werr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("ingest: fetch cache: %w", err)
	}
	if err := os.Rename(tmp.Name(), f.cachePath); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("ingest: fetch cache: %w", err)
	}
	f.dirty = false
	return nil
}
