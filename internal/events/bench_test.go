package events_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/events"
	"worldmedia/internal/nlp"
)

const bbcPath = "../../../shared/data/news/bbc_fulltext.jsonl"

// taggedBBC returns the BBC articles segmented and tagged by nlp, the
// input the actor and event stages see.
func taggedBBC(b *testing.B) []*article.Article {
	f, err := os.Open(bbcPath)
	if err != nil {
		b.Skipf("%s not present (../shared is beside the checkout in CI): %v", bbcPath, err)
	}
	defer f.Close()
	ann, err := nlp.NewAnnotator(nil, nil)
	if err != nil {
		b.Fatal(err)
	}
	var as []*article.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var rec struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatal(err)
		}
		a := &article.Article{ID: rec.ID, Text: rec.Text}
		if err := ann.Process(b.Context(), a); err != nil {
			b.Fatal(err)
		}
		as = append(as, a)
	}
	return as
}

// BenchmarkActorsAndEvents measures actor lookup and event coding of tagged
// sentences: the part of the pipeline after nlp that issue 3 builds.
func BenchmarkActorsAndEvents(b *testing.B) {
	as := taggedBBC(b)
	d, err := actors.Default()
	if err != nil {
		b.Fatal(err)
	}
	res := actors.New(d, nil)
	coder, err := events.New(nil, events.DefaultConfig(), nil)
	if err != nil {
		b.Fatal(err)
	}
	sents, evs := 0, 0
	for _, a := range as {
		sents += len(a.Sentences)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		evs = 0
		for _, a := range as {
			if err := res.Process(b.Context(), a); err != nil {
				b.Fatal(err)
			}
			if err := coder.Process(b.Context(), a); err != nil {
				b.Fatal(err)
			}
			evs += len(a.Events)
		}
	}
	b.ReportMetric(float64(sents)*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(evs), "events/corpus")
}
