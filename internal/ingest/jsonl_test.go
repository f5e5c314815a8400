package ingest_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/ingest"
)

// result is one item of an article sequence, for comparing whole runs.
type result struct {
	A   *article.Article
	Err string // the error's message, "" for none
}

func collect(seq func(func(*article.Article, error) bool)) []result {
	var out []result
	for a, err := range seq {
		r := result{A: a}
		if err != nil {
			r.Err = err.Error()
		}
		out = append(out, r)
	}
	return out
}

func TestParseJSONL(t *testing.T) {
	const path = "testdata/jsonl/mixed.jsonl"
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	text6 := "An article with nothing but text."
	want := []result{
		{A: &article.Article{
			ID: "a1", URL: "https://worldmedia.example/a1", Source: "World Media", Title: "Talks resume",
			Date:  time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC),
			Text:  "Delegates returned to the table on Monday.\n\nThey will meet again on Friday.",
			Input: path + ":1",
		}},
		{Err: path + ":3: malformed JSON: unexpected end of JSON input"},
		{Err: path + ":4: missing text"},
		{Err: path + `:5: date "13/04/2017": want YYYY-MM-DD or RFC 3339`},
		{A: &article.Article{
			ID:    "5",
			Date:  time.Date(2017, 4, 14, 9, 30, 0, 0, time.FixedZone("", 2*3600)),
			Text:  "Rebels seized the airport on Friday.\n\nThe army said it would respond.",
			Input: path + ":6",
		}},
		{A: &article.Article{ID: article.ContentID("", text6), Text: text6, Input: path + ":7"}},
		{Err: path + ":8: empty text"},
	}
	got := collect(ingest.ParseJSONL(path, f, 0))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ParseJSONL (-want +got):\n%s", diff)
	}
}

func TestParseJSONLErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		maxLine  int64
		wantLine int
		want     error
	}{
		{"malformed", "{\"text\": \"ok\"}\n{not json}\n", 0, 2, ingest.ErrBadRecord},
		{"wrong type", `{"text": 42}`, 0, 1, ingest.ErrBadRecord},
		{"id of wrong type", `{"id": true, "text": "x"}`, 0, 1, ingest.ErrBadRecord},
		{"array", `["text"]`, 0, 1, ingest.ErrBadRecord},
		{"line too long", "{\"text\": \"" + strings.Repeat("a", 100) + "\"}\n{\"text\": \"short\"}\n", 50, 1, ingest.ErrTooLarge},
		{"no records", "\n\n  \n", 0, 0, ingest.ErrEmpty},
		{"binary", "{\"text\": \"a\x00b\"}", 0, 0, ingest.ErrNotText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errs []error
			for _, err := range ingest.ParseJSONL("in.jsonl", strings.NewReader(tt.in), tt.maxLine) {
				if err != nil {
					errs = append(errs, err)
				}
			}
			if len(errs) != 1 {
				t.Fatalf("errors = %v, want one", errs)
			}
			var re *ingest.RecordError
			if !errors.As(errs[0], &re) || re.Input != "in.jsonl" || re.Line != tt.wantLine || !errors.Is(errs[0], tt.want) {
				t.Errorf("err = %#v (%v), want a *RecordError at in.jsonl:%d wrapping %v", errs[0], errs[0], tt.wantLine, tt.want)
			}
		})
	}
}

func TestParseJSONLLongLinesAndUTF8(t *testing.T) {
	long := strings.Repeat("The delegates talked. ", 20000) // ~440 KB, beyond bufio.Scanner's default
	in := "\xEF\xBB\xBF{\"text\": \"" + long + "\"}\r\n{\"text\": \"Caf\xe9 owners protest.\"}"
	var got []*article.Article
	for a, err := range ingest.ParseJSONL("in.jsonl", strings.NewReader(in), 1<<20) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, a)
	}
	if len(got) != 2 {
		t.Fatalf("got %d articles, want 2", len(got))
	}
	if got[0].Text != strings.TrimSpace(long) {
		t.Errorf("long line: text of %d bytes, want %d", len(got[0].Text), len(strings.TrimSpace(long)))
	}
	if got[1].Text != "Caf\uFFFD owners protest." || !cmp.Equal(got[1].Warnings, []string{"invalid UTF-8 replaced with U+FFFD"}) {
		t.Errorf("invalid UTF-8: text %q, warnings %q", got[1].Text, got[1].Warnings)
	}
}

// TestParseJSONLBBC reads the real BBC corpus shared beside the checkout.
func TestParseJSONLBBC(t *testing.T) {
	const path = bbcPath
	f, err := os.Open(path)
	if err != nil {
		t.Skip("BBC corpus not available:", err)
	}
	defer f.Close()
	n := 0
	for a, err := range ingest.ParseJSONL(path, f, 10<<20) {
		if err != nil {
			t.Fatal(err)
		}
		if a.ID == "" || a.Text == "" || a.Source != "BBC News" || !a.Date.IsZero() {
			t.Fatalf("%s: ID %q, Source %q, Date %v, %d bytes of text", a.Input, a.ID, a.Source, a.Date, len(a.Text))
		}
		n++
	}
	if n != 2225 {
		t.Errorf("read %d articles, want 2225", n)
	}
}
