package counts_test

import (
	"os"
	"strings"
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

// annotate runs the nlp stage on text, giving the sentences, tokens and
// entity mentions the counts stage reads.
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

// place returns a geocoded place named name with a mention at each
// occurrence of name in text.
func place(text, name string) article.Place {
	p := article.Place{Name: name}
	for i := 0; ; {
		k := strings.Index(text[i:], name)
		if k < 0 {
			break
		}
		p.Mentions = append(p.Mentions, article.Span{Start: i + k, End: i + k + len(name)})
		i += k + len(name)
	}
	return p
}

func readSeed(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		tb.Skipf("seed article not present (../shared beside the checkout): %v", err)
	}
	return string(b)
}
