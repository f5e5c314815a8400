package themes_test

import (
	"os"
	"sync"
	"testing"

	"worldmedia/internal/article"
	"worldmedia/internal/nlp"
)

// Paths of the shared data beside the checkout; tests that need them skip
// when they are absent.
const (
	seedPath = "../../../shared/seed/us-russia-all-time-low.txt"
	bbcPath  = "../../../shared/data/news/bbc_fulltext.jsonl"
)

var annotator = sync.OnceValues(func() (*nlp.Annotator, error) { return nlp.NewAnnotator(nil, nil) })

// annotate runs the nlp stage on text: the sentences, tokens and lemmas the
// themes stage reads.
func annotate(tb testing.TB, text string) *article.Article {
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

func readSeed(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Skipf("seed article not present (../shared beside the checkout): %v", err)
	}
	return string(b)
}
