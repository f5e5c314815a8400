package geo_test

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/geo"
	"worldmedia/internal/nlp"
	"worldmedia/internal/pipeline"
)

// shared is where the gold sets and corpora live, beside the checkout.
const shared = "../../../shared/data"

// stages are the stages geo runs after, built once for all tests.
var stages = sync.OnceValues(func() ([]pipeline.Stage, error) {
	ann, err := nlp.NewAnnotator(nil, nil)
	if err != nil {
		return nil, err
	}
	d, err := actors.Default()
	if err != nil {
		return nil, err
	}
	return []pipeline.Stage{ann, actors.New(d, nil)}, nil
})

// analyzer returns a function that runs nlp, actors and a geo resolver
// with cfg over an article.
func analyzer(tb testing.TB, cfg geo.Config) func(ctx context.Context, a *article.Article) error {
	tb.Helper()
	st, err := stages()
	if err != nil {
		tb.Fatal(err)
	}
	r, err := geo.New(nil, cfg, nil)
	if err != nil {
		tb.Fatal(err)
	}
	p := pipeline.New(nil, append(st[:len(st):len(st)], r)...)
	return p.Process
}

// analyse runs nlp, actors and geo (default configuration) over text.
func analyse(tb testing.TB, text, date string) *article.Article {
	tb.Helper()
	a := &article.Article{ID: "test", Text: text}
	if date != "" {
		d, err := time.Parse(article.DateLayout, date)
		if err != nil {
			tb.Fatal(err)
		}
		a.Date = d
	}
	if err := analyzer(tb, geo.DefaultConfig())(context.Background(), a); err != nil {
		tb.Fatal(err)
	}
	return a
}

// seedBody returns the seed article's body: the file less its first three
// non-empty lines (site name, title twice).
func seedBody(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../../testdata/us-russia-all-time-low.txt")
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	skipped := 0
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		if skipped == 3 {
			return strings.Join(lines[i:], "\n")
		}
		skipped++
	}
	tb.Fatal("seed article too short")
	return ""
}

// placeOf returns the place whose mentions include the first occurrence of
// name in a's text, or nil.
func placeOf(a *article.Article, name string) *article.Place {
	at := strings.Index(a.Text, name)
	if at < 0 {
		return nil
	}
	span := article.Span{Start: at, End: at + len(name)}
	for i := range a.Places {
		for _, m := range a.Places[i].Mentions {
			if m.Overlaps(span) {
				return &a.Places[i]
			}
		}
	}
	return nil
}
