package ingest_test

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"unicode/utf8"

	"worldmedia/internal/article"
	"worldmedia/internal/ingest"
)

// addFiles adds testdata files to a fuzz test's seed corpus.
func addFiles(f *testing.F, paths ...string) {
	f.Helper()
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkArticle reports what is wrong with an article a parser returned
// without error.
func checkArticle(t *testing.T, a *article.Article) {
	t.Helper()
	if a == nil {
		t.Fatal("nil article without error")
	}
	if a.Text == "" {
		t.Error("empty Text without error")
	}
	for name, s := range map[string]string{"Text": a.Text, "Title": a.Title, "Source": a.Source, "ID": a.ID, "URL": a.URL, "Language": a.Language} {
		if !utf8.ValidString(s) {
			t.Errorf("%s is not valid UTF-8: %q", name, s)
		}
	}
	if a.ID == "" {
		t.Error("empty ID")
	}
}

// checkError reports an error that does not name its input.
func checkError(t *testing.T, err error) {
	t.Helper()
	var re *ingest.RecordError
	if !errors.As(err, &re) {
		t.Errorf("error %v (%T) is not a *RecordError", err, err)
	}
}

func FuzzParseText(f *testing.F) {
	// Seeds are kept small: the fuzzer minimises every new input it finds
	// interesting, which takes long for inputs of several kilobytes.
	addFiles(f, "testdata/dir/01.txt")
	f.Add([]byte("World Media\nTitle\n\nBody."))
	f.Add([]byte("Title\r\n\r\nTitle\r\n\r\nBody text here."))
	f.Add([]byte("Caf\xe9\n\n\xff\xfe"))
	f.Add([]byte("\xFF\xFEa\x00b\x00"))
	f.Add([]byte("\n\n \t"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ingest.ParseText("fuzz.txt", data)
		if err != nil {
			checkError(t, err)
			return
		}
		checkArticle(t, a)
	})
}

func FuzzParseHTML(f *testing.F) {
	addFiles(f, "testdata/dir/sub/03.html", "testdata/bad/nomain.html")
	f.Add([]byte(`<html><head><meta charset="iso-8859-1"></head><body><article><p>Caf\xe9 owners protest.</p></article></body></html>`))
	f.Add([]byte(`<p>one<br>two<table><tr><td>cell</td></tr></table>`))
	f.Add([]byte(`<script type="application/ld+json">{"articleBody": "<p>From JSON-LD.</p>"}</script>`))
	f.Add([]byte("<"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ingest.ParseHTML("fuzz.html", "", data)
		if err != nil {
			checkError(t, err)
			return
		}
		checkArticle(t, a)
	})
}

func FuzzParseJSONL(f *testing.F) {
	addFiles(f, "testdata/dir/sub/02.jsonl")
	f.Add([]byte(`{"text": "a"}` + "\n" + `{"text": "b", "id": 1e400}`))
	f.Add([]byte(`{"text": "\u0000\ud800", "date": "2017-02-30"}`))
	f.Add([]byte("\xEF\xBB\xBF{\"text\": \"x\"}\r\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		n := 0
		for a, err := range ingest.ParseJSONL("fuzz.jsonl", bytes.NewReader(data), 256) {
			n++
			if n > lines+1 {
				t.Fatalf("more results (%d) than lines (%d)", n, lines)
			}
			if err != nil {
				checkError(t, err)
				continue
			}
			checkArticle(t, a)
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	addFiles(f, "testdata/bad/broken.rss")
	f.Add([]byte(`<rss version="2.0"><channel><title>W</title><language>en</language><item><title>T</title><link>/a</link><guid>g1</guid><pubDate>Thu, 13 Apr 2017 08:30:00 GMT</pubDate><description>&lt;p&gt;Body.&lt;/p&gt;</description></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>E</title><link href="x"/><id>i</id><updated>2021-06-01T09:00:00Z</updated><content type="html">&lt;p&gt;C&lt;/p&gt;</content></entry></feed>`))
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1", "content_html": "<p>Hi</p>"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for a, err := range ingest.ParseFeed("fuzz.xml", "https://example.org/feed", data) {
			if err != nil {
				checkError(t, err)
				continue
			}
			checkArticle(t, a)
		}
	})
}
