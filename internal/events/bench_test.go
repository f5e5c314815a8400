package events_test

import (
	"testing"

	"worldmedia/internal/actors"
	"worldmedia/internal/events"
	"worldmedia/internal/testkit"
)

// BenchmarkActorsAndEvents measures actor lookup and event coding of tagged
// sentences: the part of the pipeline after nlp that issue 3 builds.
func BenchmarkActorsAndEvents(b *testing.B) {
	as, _ := testkit.TaggedBBC(b)
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
