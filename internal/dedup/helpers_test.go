package dedup_test

import (
	"os"
	"sync"
	"testing"
	"time"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/nlp"
)

// seedDate is the seed article's publication date (shared/seed/EXPECTED.md).
var seedDate = time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC)

type stages struct {
	ann *nlp.Annotator
	act *actors.Resolver
}

var pipeline = sync.OnceValues(func() (stages, error) {
	ann, err := nlp.NewAnnotator(nil, nil)
	if err != nil {
		return stages{}, err
	}
	dict, err := actors.Default()
	if err != nil {
		return stages{}, err
	}
	return stages{ann, actors.New(dict, nil)}, nil
})

// analyze runs nlp and actors on text, as cmd wires them before dedup.
func analyze(tb testing.TB, id, text string, date time.Time) *article.Article {
	tb.Helper()
	p, err := pipeline()
	if err != nil {
		tb.Fatal(err)
	}
	a := &article.Article{ID: id, Text: text, Date: date}
	if err := p.ann.Process(tb.Context(), a); err != nil {
		tb.Fatal(err)
	}
	if err := p.act.Process(tb.Context(), a); err != nil {
		tb.Fatal(err)
	}
	return a
}

func readTestdata(tb testing.TB, name string) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
