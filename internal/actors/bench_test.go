package actors_test

import (
	"strings"
	"testing"
	"time"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/testkit"
)

// BenchmarkFind finds and combines the actors of the seed article, one
// paragraph a sentence, with the embedded dictionary.
func BenchmarkFind(b *testing.B) {
	d, err := actors.Default()
	if err != nil {
		b.Fatal(err)
	}
	text := seedText(b)
	var paras []string
	var toks [][]article.Token
	for p := range strings.SplitSeq(text, "\n") {
		if p != "" {
			paras = append(paras, p)
			toks = append(toks, tokenize(p))
		}
	}
	date := time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	b.SetBytes(int64(len(text)))
	n := 0
	for b.Loop() {
		for i, p := range paras {
			d.Combine(d.Find(p, toks[i], date), toks[i], p)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkProcess resolves the actors of the BBC News corpus as tagged by
// nlp, the stage's input in the pipeline.
func BenchmarkProcess(b *testing.B) {
	as, size := testkit.TaggedBBC(b)
	d, err := actors.Default()
	if err != nil {
		b.Fatal(err)
	}
	res := actors.New(d, nil)
	sents := 0
	for _, a := range as {
		sents += len(a.Sentences)
	}
	b.ReportAllocs()
	b.SetBytes(size)
	for b.Loop() {
		for _, a := range as {
			if err := res.Process(b.Context(), a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}
