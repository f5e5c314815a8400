// Package testkit holds what the stages' tests and benchmarks share: the
// paths of the gold and news data beside the checkout, the committed seed
// article, and articles annotated by the real nlp stage. It is imported
// only by tests.
package testkit

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"worldmedia/internal/article"
	"worldmedia/internal/nlp"
)

// root is the module's directory, found from this file's place in it.
var root = func() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}()

// Shared returns the path of rel under ../shared beside the checkout, or
// skips the test with a message when it is absent (a user's clone has no
// ../shared; CI has it).
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	p := filepath.Join(root, "..", "shared", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("%s not present (../shared beside the checkout holds the gold and news data): %v", rel, err)
	}
	return p
}

// SeedPath is the committed seed article: site name, the title twice, body.
func SeedPath() string { return filepath.Join(root, "testdata", "us-russia-all-time-low.txt") }

// SeedBody returns the seed article's body: its text without the site
// name and the repeated title (the first three non-empty lines).
func SeedBody(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(SeedPath())
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	skipped := 0
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if skipped == 3 {
			return strings.TrimSpace(strings.Join(lines[i:], "\n"))
		}
		skipped++
	}
	tb.Fatal("seed article has no body")
	return ""
}

var annotator = sync.OnceValues(func() (*nlp.Annotator, error) { return nlp.NewAnnotator(nil, nil) })

// Annotate runs the nlp stage on text: sentences, tokens with tags and
// lemmas, entity mentions, persons and organisations.
func Annotate(tb testing.TB, text string) *article.Article {
	tb.Helper()
	ann, err := annotator()
	if err != nil {
		tb.Fatal(err)
	}
	a := &article.Article{Text: text}
	if err := ann.Process(tb.Context(), a); err != nil {
		tb.Fatal(err)
	}
	return a
}

// TaggedBBC returns the BBC News corpus (../shared/data/news) annotated by
// nlp, the input the later stages see, and its size in bytes; it skips
// when the corpus is absent.
func TaggedBBC(tb testing.TB) ([]*article.Article, int64) {
	tb.Helper()
	f, err := os.Open(Shared(tb, "data/news/bbc_fulltext.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var as []*article.Article
	var size int64
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatal(err)
		}
		a := Annotate(tb, rec.Text)
		a.ID = rec.ID
		as = append(as, a)
		size += int64(len(rec.Text))
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return as, size
}

// Seed returns the whole committed seed article, as a scraper saw it.
func Seed(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(SeedPath())
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
