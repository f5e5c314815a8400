package ingest_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/ingest"
)

func TestFeedFetch(t *testing.T) {
	site := newNewsSite(t)
	cfg := testConfig()
	cfg.Fetch = true
	cfg.CachePath = filepath.Join(t.TempDir(), "fetch-cache.json")
	r := newReader(t, cfg)
	feedURL := site.URL + "/feed.rss"

	var got []*article.Article
	var errs []error
	for a, err := range r.Articles(t.Context(), []string{feedURL}, nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, a)
	}

	want := []*article.Article{
		{
			ID:       "wm-2017-0413-001",
			URL:      site.URL + "/news/seed.html",
			Source:   "World Media",
			Title:    seedTitle,
			Date:     time.Date(2017, 4, 13, 8, 30, 0, 0, time.UTC),
			Language: "en",
			Text:     strings.Join(seedBody(t), "\n\n"),
			Input:    site.URL + "/news/seed.html",
		},
		{
			ID:       site.URL + "/news/second.html",
			URL:      site.URL + "/news/second.html",
			Source:   "Harbour Post",
			Title:    "Ministers sign river water-sharing accord",
			Date:     time.Date(2021, 6, 2, 10, 0, 0, 0, time.UTC),
			Language: "en",
			Text: "The water ministers of two neighbouring countries signed an agreement on Tuesday that sets out how the flow of their shared river will be divided during the dry season.\n\n" +
				"Under the accord, a joint commission will meet every three months to review rainfall and reservoir levels, and either side may call an emergency session when the flow falls below an agreed threshold.\n\n" +
				"Farmers' groups on both banks welcomed the deal but said they would watch closely how the commission handled the first summer of its work.",
			Input: site.URL + "/news/second.html",
		},
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ingest.ErrRobots) || !strings.HasPrefix(errs[0].Error(), site.URL+"/private/briefing.html: ") {
		t.Errorf("errors = %v, want one robots.txt refusal of /private/briefing.html", errs)
	}

	first := site.requests()
	if diff := cmp.Diff([]string{"/robots.txt", "/feed.rss", "/news/seed.html", "/news/second.html"}, paths(first)); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	for i, req := range first {
		if ua := req.Header.Get("User-Agent"); ua != cfg.UserAgent {
			t.Errorf("%s: User-Agent %q", req.Path, ua)
		}
		if i > 0 {
			if gap := req.At.Sub(first[i-1].At); gap < cfg.HostInterval {
				t.Errorf("%s came %v after %s, want at least %v", req.Path, gap, first[i-1].Path, cfg.HostInterval)
			}
		}
	}

	// Polling again: a conditional request, a 304, nothing new, no error.
	for a, err := range r.Articles(t.Context(), []string{feedURL}, nil) {
		t.Errorf("second poll yielded %v, %v", a, err)
	}
	again := site.requests()
	if len(again) != 1 || again[0].Path != "/feed.rss" {
		t.Fatalf("second poll requests = %v, want /feed.rss alone", paths(again))
	}
	if h := again[0].Header; h.Get("If-None-Match") != rssETag || h.Get("If-Modified-Since") != rssLastModified {
		t.Errorf("second poll sent If-None-Match %q, If-Modified-Since %q", h.Get("If-None-Match"), h.Get("If-Modified-Since"))
	}
	if gap := again[0].At.Sub(first[len(first)-1].At); gap < cfg.HostInterval {
		t.Errorf("second poll came %v after the last request, want at least %v", gap, cfg.HostInterval)
	}

	// A new Reader with the same cache file polls conditionally too.
	if _, err := os.Stat(cfg.CachePath); err != nil {
		t.Fatalf("cache file not written: %v", err)
	}
	r2 := newReader(t, cfg)
	for a, err := range r2.Articles(t.Context(), []string{feedURL}, nil) {
		t.Errorf("poll with a saved cache yielded %v, %v", a, err)
	}
	var feedReqs []seenRequest
	for _, req := range site.requests() {
		if req.Path == "/feed.rss" {
			feedReqs = append(feedReqs, req)
		}
	}
	if len(feedReqs) != 1 || feedReqs[0].Header.Get("If-None-Match") != rssETag {
		t.Errorf("poll with a saved cache: %d feed requests, If-None-Match %q", len(feedReqs), feedReqs[0].Header.Get("If-None-Match"))
	}
}

func TestFeedAtom(t *testing.T) {
	site := newNewsSite(t)
	feedURL := site.URL + "/feed.atom"

	t.Run("items", func(t *testing.T) {
		r := newReader(t, testConfig())
		got := collect(r.Articles(t.Context(), []string{feedURL}, nil))
		want := []result{
			{A: &article.Article{
				ID:       "urn:uuid:harbour-post-0602-1",
				URL:      site.URL + "/news/second.html",
				Source:   "Harbour Post",
				Title:    "Ministers sign river water-sharing accord",
				Date:     time.Date(2021, 6, 2, 10, 0, 0, 0, time.UTC),
				Language: "en",
				Text:     "The water ministers of two neighbouring countries signed an agreement on Tuesday.\n\nA joint commission will meet every three months.",
				Input:    site.URL + "/news/second.html",
			}},
			{A: &article.Article{
				ID:       "urn:uuid:harbour-post-0601-1",
				URL:      site.URL + "/news/port.html",
				Source:   "Harbour Post",
				Title:    "Port expansion plan approved",
				Date:     time.Date(2021, 6, 1, 9, 0, 0, 0, time.UTC),
				Language: "en",
				Text:     "The city council approved the expansion of the container port after a two-year review.",
				Input:    site.URL + "/news/port.html",
			}},
		}
		if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })); diff != "" {
			t.Errorf("articles (-want +got):\n%s", diff)
		}
	})

	t.Run("fetch, one item failing", func(t *testing.T) {
		cfg := testConfig()
		cfg.Fetch = true
		r := newReader(t, cfg)
		var titles []string
		var errs []error
		for a, err := range r.Articles(t.Context(), []string{feedURL}, nil) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			titles = append(titles, a.Title)
		}
		if diff := cmp.Diff([]string{"Ministers sign river water-sharing accord"}, titles); diff != "" {
			t.Errorf("titles (-want +got):\n%s", diff)
		}
		wantErr := site.URL + "/news/port.html: fetch failed: status 404 Not Found"
		if len(errs) != 1 || !errors.Is(errs[0], ingest.ErrFetch) || errs[0].Error() != wantErr {
			t.Errorf("errors = %v, want %q", errs, wantErr)
		}
	})
}

func TestParseFeed(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []result
	}{
		{
			name: "RSS with HTML and entities, relative link, no date",
			in: `<rss version="2.0"><channel><title>Desk &amp; Wire</title><item>
				<title>Aid &lt;b&gt;arrives&lt;/b&gt; in port</title><link>/aid</link>
				<description>&lt;p&gt;The first ship docked at dawn.&lt;/p&gt;&lt;p&gt;More are due.&lt;/p&gt;</description>
				</item></channel></rss>`,
			want: []result{{A: &article.Article{
				ID: "https://wire.example/aid", URL: "https://wire.example/aid", Source: "Desk & Wire",
				Title: "Aid arrives in port", Text: "The first ship docked at dawn.\n\nMore are due.", Input: "https://wire.example/aid",
			}}},
		},
		{
			name: "item without text or link",
			in:   `<rss version="2.0"><channel><title>W</title><item><title>Only a title</title></item></channel></rss>`,
			want: []result{{Err: "feed.xml#item1: empty: item has no text"}},
		},
		{
			name: "not a feed",
			in:   `<html><body><p>Hello</p></body></html>`,
			want: []result{{Err: "feed.xml: bad feed: failed to detect feed type"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(ingest.ParseFeed("feed.xml", "https://wire.example/feed.xml", []byte(tt.in)))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseFeed (-want +got):\n%s", diff)
			}
		})
	}
}
