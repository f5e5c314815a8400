package ingest_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/ingest"
)

// normalizeParagraphs splits a text into paragraphs with whitespace runs
// collapsed, for comparing extracted text with a fixture.
func normalizeParagraphs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func TestParseHTMLSeedPage(t *testing.T) {
	const path = "testdata/seed_page/source.html"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ingest.ParseHTML(path, "", data)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(seedBody(t), normalizeParagraphs(a.Text)); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	for _, junk := range []string{"Advertisement", "Subscribe", "Related stories", "Tillerson arrives", "Comments", "Cold War", "Privacy", "Share on", "Home", "Topics"} {
		if strings.Contains(a.Text, junk) {
			t.Errorf("Text holds page furniture %q", junk)
		}
	}
	type meta struct {
		Title, Source, Language, URL string
		Date                         time.Time
	}
	got := meta{a.Title, a.Source, a.Language, a.URL, a.Date}
	want := meta{
		Title:    seedTitle,
		Source:   "World Media",
		Language: "en",
		URL:      "https://worldmedia.example/2017/04/13/us-russia-all-time-low",
		Date:     time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("metadata (-want +got):\n%s", diff)
	}
}

func TestParseHTMLPageURL(t *testing.T) {
	data, err := os.ReadFile("testdata/feed/second.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ingest.ParseHTML("https://harbour.example/news/second.html", "https://harbour.example/news/second.html", data)
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != "https://harbour.example/news/second.html" || a.URL != a.ID {
		t.Errorf("ID %q, URL %q: want the page URL", a.ID, a.URL)
	}
	wantText := "The water ministers of two neighbouring countries signed an agreement"
	if !strings.HasPrefix(a.Text, wantText) || strings.Contains(a.Text, "Ministers sign") || strings.Contains(a.Text, "Port expansion") {
		t.Errorf("Text = %q", a.Text)
	}
}

func TestParseHTMLErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"no main text", `<!DOCTYPE html><html><head><title>Home</title></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav><footer><a href="/about">About</a></footer></body></html>`, ingest.ErrNoMainText},
		{"empty body", `<html><head><title>Nothing here</title></head><body></body></html>`, ingest.ErrNoMainText},
		{"script only", `<html><body><script>var x = "Lots of text that is no article at all, just code.";</script></body></html>`, ingest.ErrNoMainText},
		{"empty file", "  \n", ingest.ErrEmpty},
		{"binary", "\x00\x01\x02<html>", ingest.ErrNotText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.ParseHTML("page.html", "", []byte(tt.in))
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v (article %+v), want %v", err, a, tt.want)
			}
			var re *ingest.RecordError
			if !errors.As(err, &re) || re.Input != "page.html" {
				t.Errorf("err = %#v, want a *RecordError for page.html", err)
			}
		})
	}
}

func TestParseHTMLCharset(t *testing.T) {
	body := "<p>Le ministre a d\xe9clar\xe9 mardi que les n\xe9gociations reprendraient \xe0 Gen\xe8ve la semaine prochaine, apr\xe8s une pause de deux mois.</p>"
	tests := []struct {
		name         string
		page         string
		wantWarnings []string
		wantPrefix   string
	}{
		{
			name:       "declared latin-1",
			page:       `<html><head><meta charset="iso-8859-1"><title>N</title></head><body><article>` + body + `</article></body></html>`,
			wantPrefix: "Le ministre a déclaré mardi",
		},
		{
			name:         "undeclared, not UTF-8",
			page:         `<html><head><title>N</title></head><body><article>` + body + `</article></body></html>`,
			wantPrefix:   "Le ministre a d\uFFFDclar\uFFFD mardi",
			wantWarnings: []string{"invalid UTF-8 replaced with U+FFFD"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.ParseHTML("p.html", "", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(a.Text, tt.wantPrefix) {
				t.Errorf("Text = %q, want prefix %q", a.Text, tt.wantPrefix)
			}
			if diff := cmp.Diff(tt.wantWarnings, a.Warnings); diff != "" {
				t.Errorf("Warnings (-want +got):\n%s", diff)
			}
		})
	}
}
