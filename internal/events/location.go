package events

import (
	"slices"
	"strings"

	"worldmedia/internal/article"
)

// locate gives each event the place where it happened, from the places the
// geo stage found (Article.Places): the place named in the event's sentence
// nearest its verb, else one named in its paragraph, else the article's
// main place (the most mentioned). Events stay without location when the
// article names no place.
func locate(a *article.Article) {
	if len(a.Places) == 0 || len(a.Events) == 0 {
		return
	}
	main, best := -1, 0
	for i, p := range a.Places {
		if len(p.Mentions) > best {
			main, best = i, len(p.Mentions)
		}
	}
	for i := range a.Events {
		ev := &a.Events[i]
		if ev.Sentence < 0 || ev.Sentence >= len(a.Sentences) {
			continue
		}
		s := a.Sentences[ev.Sentence].Span
		// A place that names the event's own actors ("U.S." in "U.S.
		// President Donald Trump") says who acted, not where.
		skip := []article.Span{ev.SourceSpan, ev.TargetSpan}
		pi := nearestPlace(a.Places, s, ev.VerbSpan.Start, skip)
		if pi < 0 {
			pi = nearestPlace(a.Places, paragraphOf(a.Text, s), ev.VerbSpan.Start, skip)
		}
		if pi < 0 {
			pi = main
		}
		if pi >= 0 {
			p := a.Places[pi]
			ev.Location = &article.EventLocation{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon}
		}
	}
}

// nearestPlace returns the place with a mention inside span nearest to
// offset at, leaving out mentions inside the skipped spans, or -1.
func nearestPlace(places []article.Place, span article.Span, at int, skip []article.Span) int {
	best, dist := -1, 0
	for i, p := range places {
		for _, m := range p.Mentions {
			if !span.Contains(m) || slices.ContainsFunc(skip, func(s article.Span) bool { return !s.Empty() && s.Overlaps(m) }) {
				continue
			}
			d := m.Start - at
			if d < 0 {
				d = -d
			}
			if best < 0 || d < dist {
				best, dist = i, d
			}
		}
	}
	return best
}

// paragraphOf returns the span of the paragraph (text between blank
// lines) holding s.
func paragraphOf(text string, s article.Span) article.Span {
	start := strings.LastIndex(text[:s.Start], "\n\n")
	if start < 0 {
		start = 0
	} else {
		start += 2
	}
	end := strings.Index(text[s.End:], "\n\n")
	if end < 0 {
		end = len(text)
	} else {
		end += s.End
	}
	return article.Span{Start: start, End: end}
}
