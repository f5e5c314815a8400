package ingest_test

import (
	"context"
	"errors"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/ingest"
)

func TestReaderInputs(t *testing.T) {
	cfg := testConfig()
	date := time.Date(2021, 5, 3, 0, 0, 0, 0, time.UTC)
	cfg.Date = date
	r := newReader(t, cfg)
	stdin := strings.NewReader("{\"id\": \"s1\", \"text\": \"Talks collapsed late on Sunday night.\"}\n")
	inputs := []string{"testdata/dir", seedPath, "-"}

	type short struct {
		Input, ID, Source, Title, Date, Language, TextStart string
	}
	var got []short
	for a, err := range r.Articles(t.Context(), inputs, stdin) {
		if err != nil {
			t.Errorf("unexpected error: %v", err)
			continue
		}
		got = append(got, short{a.Input, a.ID, a.Source, a.Title, a.DateString(), a.Language, a.Text[:min(len(a.Text), 24)]})
	}
	want := []short{
		{"testdata/dir/01.txt", article.ContentID("Ferry strike ends", "The ferry crews returned to work on Sunday after a four-day strike over pay."), "Harbour Post", "Ferry strike ends", "2021-05-03", "", "The ferry crews returned"},
		{"testdata/dir/sub/02.jsonl:1", "d2", "", "", "2021-05-01", "", "The port reopened on Sat"},
		{"testdata/dir/sub/02.jsonl:2", "d3", "", "", "2021-05-03", "", "Shipping resumed within "},
		{"testdata/dir/sub/03.html", "", "Harbour Post", "Dock workers vote on new contract", "2021-05-03", "en", "Dock workers will vote n"},
		{"testdata/dir/sub/deeper/04.TXT", "", "", "", "2021-05-03", "", "The harbour master said "},
		{seedPath, "", "World Media", seedTitle, "2021-05-03", "en", "U.S. Secretary of State "},
		{"<stdin>:1", "s1", "", "", "2021-05-03", "", "Talks collapsed late on "},
	}
	// Language is guessed only from enough text, so the short ones have
	// none. Content ids are checked by the parsers' tests.
	for i := range got {
		if i < len(want) && want[i].ID == "" {
			got[i].ID = ""
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
}

func TestReaderStdinSniffing(t *testing.T) {
	seedHTML, err := os.ReadFile("testdata/seed_page/source.html")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		in        string
		wantTitle string
	}{
		{"text", "World Media\n\nTalks resume in Geneva\n\nDelegates returned to the table on Monday.\n", "Talks resume in Geneva"},
		{"html", string(seedHTML), seedTitle},
		{"feed", `<?xml version="1.0"?><!-- a comment --><rss version="2.0"><channel><title>W</title><item><title>Feed item</title><description>Body text.</description></item></channel></rss>`, "Feed item"},
		{"jsonl", `{"title": "JSON title", "text": "Body text."}`, "JSON title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newReader(t, testConfig())
			var titles []string
			for a, err := range r.Articles(t.Context(), []string{"-"}, strings.NewReader(tt.in)) {
				if err != nil {
					t.Fatal(err)
				}
				titles = append(titles, a.Title)
			}
			if diff := cmp.Diff([]string{tt.wantTitle}, titles); diff != "" {
				t.Errorf("titles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReaderBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	binary := write("photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	empty := write("empty.txt", nil)
	blank := write("blank.txt", []byte("\n \t\n"))
	large := write("large.txt", []byte(strings.Repeat("Words and more words. ", 100)))
	latin1 := write("latin1.txt", []byte("Caf\xe9 owners protest new rules on Monday.\n"))
	unknown := write("data.bin", []byte("Some plain text in an unknown extension."))
	closed := httptest.NewServer(http.NotFoundHandler())
	closedURL := closed.URL + "/story.html"
	closed.Close()

	cfg := testConfig()
	cfg.MaxBytes = 1024
	r := newReader(t, cfg)
	inputs := []string{
		binary, empty, blank, large,
		"testdata/bad/nomain.html", "testdata/bad/broken.rss",
		closedURL, filepath.Join(dir, "missing.txt"), "ftp://example.org/x.txt",
		latin1, unknown,
	}
	var errs []error
	var got []*article.Article
	for a, err := range r.Articles(t.Context(), inputs, nil) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, a)
	}
	wantErrs := []struct {
		input string
		kind  error
	}{
		{binary, ingest.ErrNotText},
		{empty, ingest.ErrEmpty},
		{blank, ingest.ErrEmpty},
		{large, ingest.ErrTooLarge},
		{"testdata/bad/nomain.html", ingest.ErrNoMainText},
		{"testdata/bad/broken.rss", ingest.ErrBadFeed},
		{closedURL, ingest.ErrFetch},
		{filepath.Join(dir, "missing.txt"), fs.ErrNotExist},
		{"ftp://example.org/x.txt", ingest.ErrUnsupported},
	}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors:\n%v\nwant %d", errs, len(wantErrs))
	}
	for i, w := range wantErrs {
		var re *ingest.RecordError
		if !errors.As(errs[i], &re) || re.Input != w.input || !errors.Is(errs[i], w.kind) {
			t.Errorf("error %d = %v, want a *RecordError for %s wrapping %v", i, errs[i], w.input, w.kind)
		}
		if !strings.HasPrefix(errs[i].Error(), w.input+": ") {
			t.Errorf("error %d = %q, want it to start with the input", i, errs[i])
		}
	}
	if len(got) != 2 {
		t.Fatalf("got %d articles, want 2", len(got))
	}
	if got[0].Text != "Caf\uFFFD owners protest new rules on Monday." || !cmp.Equal(got[0].Warnings, []string{"invalid UTF-8 replaced with U+FFFD"}) {
		t.Errorf("latin1.txt: text %q, warnings %q", got[0].Text, got[0].Warnings)
	}
	if got[1].Input != unknown {
		t.Errorf("second article from %s, want %s", got[1].Input, unknown)
	}
}

func TestReaderCancel(t *testing.T) {
	r := newReader(t, testConfig())
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var results []error
	for a, err := range r.Articles(ctx, []string{seedPath, seedPath, seedPath}, nil) {
		results = append(results, err)
		if a != nil {
			cancel()
		}
	}
	if len(results) != 2 || results[0] != nil || !errors.Is(results[1], context.Canceled) {
		t.Errorf("results = %v, want an article, then the cancellation, then nothing", results)
	}
}

func TestReaderStopEarly(t *testing.T) {
	r := newReader(t, testConfig())
	n := 0
	for range r.Articles(t.Context(), []string{"testdata/jsonl/mixed.jsonl", seedPath}, nil) {
		n++
		if n == 2 {
			break
		}
	}
	if n != 2 {
		t.Errorf("iterated %d times", n)
	}
}

func TestReaderDocument(t *testing.T) {
	r, err := ingest.New(ingest.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, ctype, body string
		want              []string // titles, or "error: …" substrings
	}{
		{"text", "text/plain", "Troops shelled the city on Monday.", []string{""}},
		{"html", "text/html", "<html><head><title>Shelling</title></head><body><article><p>Troops shelled the city on Monday, " +
			"officials said, and more attacks were expected in the coming days across the region.</p></article></body></html>", []string{"Shelling"}},
		{"jsonl", "application/x-ndjson", `{"title":"A","text":"One."}` + "\n" + `{"title":"B","text":"Two."}` + "\n" + "{bad\n",
			[]string{"A", "B", "error: request:3"}},
		{"empty", "text/plain", "", []string{"error: empty"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for a, err := range r.Document(t.Context(), "request", tt.ctype, []byte(tt.body)) {
				if err != nil {
					got = append(got, "error: "+err.Error())
					continue
				}
				got = append(got, a.Title)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(tt.want[i], "error: ") && got[i] != tt.want[i] || strings.HasPrefix(tt.want[i], "error: ") && !strings.Contains(got[i], strings.TrimPrefix(tt.want[i], "error: ")) {
					t.Errorf("article %d: %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}
