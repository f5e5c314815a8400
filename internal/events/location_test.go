package events

import (
	"testing"

	"worldmedia/internal/article"
)

func TestLocate(t *testing.T) {
	text := "Syrian troops shelled Idlib on Monday. Rebels fired back.\n\nMoscow condemned the attack."
	//       0         1         2         3         4         5         6
	sent := func(a, b int) article.Sentence { return article.Sentence{Span: article.Span{Start: a, End: b}} }
	a := &article.Article{
		Text:      text,
		Sentences: []article.Sentence{sent(0, 38), sent(39, 57), sent(59, len(text))},
		Places: []article.Place{
			{Name: "Idlib", Country: "SY", Lat: 35.93, Lon: 36.63, Mentions: []article.Span{{Start: 22, End: 27}}},
			{Name: "Moscow", Country: "RU", Lat: 55.75, Lon: 37.62, Mentions: []article.Span{{Start: 59, End: 65}}},
		},
		Events: []article.Event{
			{Sentence: 0, VerbSpan: article.Span{Start: 14, End: 21}}, // in its sentence
			{Sentence: 1, VerbSpan: article.Span{Start: 46, End: 51}}, // in its paragraph
			{Sentence: 2, VerbSpan: article.Span{Start: 66, End: 75}}, // Moscow, in its sentence
		},
	}
	locate(a)
	want := []string{"Idlib", "Idlib", "Moscow"}
	for i, ev := range a.Events {
		if ev.Location == nil || ev.Location.Name != want[i] {
			t.Errorf("event %d located at %+v, want %s", i, ev.Location, want[i])
		}
	}
	// With no place in its paragraph, an event takes the article's main place.
	a.Places = a.Places[1:]
	for i := range a.Events {
		a.Events[i].Location = nil
	}
	locate(a)
	if l := a.Events[0].Location; l == nil || l.Name != "Moscow" {
		t.Errorf("event 0 located at %+v, want the main place Moscow", l)
	}
}
