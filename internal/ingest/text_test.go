package ingest_test

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/ingest"
)

const (
	seedTitle = "Trump declares US-Russia relations may be at 'all-time low'"
	seedPath  = "testdata/text/us-russia-all-time-low.txt"
)

// seedBody returns the body paragraphs of the seed text fixture, read
// independently of the parser: everything after the header lines.
func seedBody(t testing.TB) []string {
	t.Helper()
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, p := range strings.Split(string(data), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	// Site name, title, title again.
	return paras[3:]
}

func TestParseTextSeed(t *testing.T) {
	data, err := os.ReadFile(seedPath)
	if err != nil {
		t.Fatal(err)
	}
	a, err := ingest.ParseText(seedPath, data)
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "World Media" {
		t.Errorf("Source = %q, want %q", a.Source, "World Media")
	}
	if a.Title != seedTitle {
		t.Errorf("Title = %q, want %q", a.Title, seedTitle)
	}
	if !strings.HasPrefix(a.Text, "U.S. Secretary of State Rex Tillerson") {
		t.Errorf("Text starts %q", a.Text[:min(len(a.Text), 60)])
	}
	if strings.Contains(a.Text, seedTitle) || strings.Contains(a.Text, "World Media") {
		t.Error("Text holds the title or the site name")
	}
	if diff := cmp.Diff(seedBody(t), strings.Split(a.Text, "\n\n")); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	if a.ID != article.ContentID(a.Title, a.Text) || a.Input != seedPath || a.Warnings != nil {
		t.Errorf("ID %q, Input %q, Warnings %q", a.ID, a.Input, a.Warnings)
	}
}

func TestParseText(t *testing.T) {
	const (
		body1 = "The council met on Tuesday to discuss the budget."
		body2 = "Its members agreed to meet again next month."
	)
	tests := []struct {
		name string
		in   string
		want *article.Article
	}{
		{
			name: "site name, title, body",
			in:   "BBC News\n\nBudget talks resume\n\n" + body1 + "\n\n" + body2 + "\n",
			want: &article.Article{Source: "BBC News", Title: "Budget talks resume", Text: body1 + "\n\n" + body2},
		},
		{
			name: "site name and title in one block",
			in:   "World Media\nBudget talks resume\n\n" + body1,
			want: &article.Article{Source: "World Media", Title: "Budget talks resume", Text: body1},
		},
		{
			name: "title repeated",
			in:   "Budget talks resume\n\nBudget  talks resume\n\n" + body1,
			want: &article.Article{Title: "Budget talks resume", Text: body1},
		},
		{
			name: "title only",
			in:   "Budget talks resume?\n\n" + body1 + "\n\n" + body2,
			want: &article.Article{Title: "Budget talks resume?", Text: body1 + "\n\n" + body2},
		},
		{
			name: "sentence-case first line is a title, not a site",
			in:   "Storm hits coast\n\nThousands without power as storm hits coast\n\n" + body1,
			want: &article.Article{Title: "Storm hits coast", Text: "Thousands without power as storm hits coast\n\n" + body1},
		},
		{
			name: "body only",
			in:   body1 + "\n\n" + body2,
			want: &article.Article{Text: body1 + "\n\n" + body2},
		},
		{
			name: "one short paragraph",
			in:   "Budget talks resume",
			want: &article.Article{Text: "Budget talks resume"},
		},
		{
			name: "site and title without body keep everything",
			in:   "World Media\n\nBudget talks resume",
			want: &article.Article{Text: "World Media\n\nBudget talks resume"},
		},
		{
			name: "first line of a wrapped paragraph is no title",
			in:   "The council met on Tuesday to discuss\nthe budget for next year.\n\n" + body2,
			want: &article.Article{Text: "The council met on Tuesday to discuss\nthe budget for next year.\n\n" + body2},
		},
		{
			name: "one paragraph a line, with header",
			in:   "World Media\nBudget talks resume\n" + body1 + "\n" + body2 + "\n",
			want: &article.Article{Source: "World Media", Title: "Budget talks resume", Text: body1 + "\n" + body2},
		},
		{
			name: "CRLF, indentation and extra blank lines",
			in:   "\r\n  Budget talks resume  \r\n\r\n\r\n\t" + body1 + "\r\n\r\n\r\n" + body2 + "\r\n\r\n",
			want: &article.Article{Title: "Budget talks resume", Text: body1 + "\n\n" + body2},
		},
		{
			name: "title ending in a quotation",
			in:   "Minister: 'We will not resign'\n\n" + body1,
			want: &article.Article{Title: "Minister: 'We will not resign'", Text: body1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ingest.ParseText("in.txt", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Input = "in.txt"
			tt.want.ID = article.ContentID(tt.want.Title, tt.want.Text)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseText (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseTextErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ingest.ErrEmpty},
		{"whitespace", []byte(" \n\t\r\n "), ingest.ErrEmpty},
		{"NUL bytes", []byte("PK\x03\x04\x00\x00binary"), ingest.ErrNotText},
		{"control bytes", []byte("\x01\x02\x03\x04\x05\x06\x07\x08 some text after"), ingest.ErrNotText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.ParseText("bad.txt", tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var re *ingest.RecordError
			if !errors.As(err, &re) || re.Input != "bad.txt" || a != nil {
				t.Errorf("err = %#v, article %v; want a *RecordError for bad.txt and no article", err, a)
			}
		})
	}
}

func TestParseTextEncoding(t *testing.T) {
	tests := []struct {
		name         string
		in           []byte
		wantText     string
		wantWarnings []string
	}{
		{"invalid UTF-8", []byte("Caf\xe9 owners protest new rules.\n"), "Caf\uFFFD owners protest new rules.", []string{"invalid UTF-8 replaced with U+FFFD"}},
		{"UTF-8 BOM", []byte("\xEF\xBB\xBFCafé owners protest."), "Café owners protest.", nil},
		{"UTF-16LE BOM", []byte("\xFF\xFEC\x00a\x00f\x00\xE9\x00.\x00"), "Café.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ingest.ParseText("x.txt", tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tt.wantText {
				t.Errorf("Text = %q, want %q", a.Text, tt.wantText)
			}
			if diff := cmp.Diff(tt.wantWarnings, a.Warnings); diff != "" {
				t.Errorf("Warnings (-want +got):\n%s", diff)
			}
		})
	}
}

func ExampleParseText() {
	a, err := ingest.ParseText("story.txt", []byte("World Media\n\nTalks resume in Geneva\n\nDelegates returned to the table on Monday.\n"))
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s | %s | %s\n", a.Source, a.Title, a.Text)
	// Output: World Media | Talks resume in Geneva | Delegates returned to the table on Monday.
}
