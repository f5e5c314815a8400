package testkit

import (
	"strings"
	"testing"
	"time"

	"worldmedia/internal/article"
)

// Span returns the span of the first s in text, failing the test when
// text has none.
func Span(tb testing.TB, text, s string) article.Span {
	tb.Helper()
	i := strings.Index(text, s)
	if i < 0 {
		tb.Fatalf("%q not in %q", s, text)
	}
	return article.Span{Start: i, End: i + len(s)}
}

// AnalysedArticle is a hand-made analysed article, for the tests of what
// reads analyses (the store, the API): two sentences, a material
// conflict event and a verbal cooperation event, a negated one, a person,
// a place, a quote, a count and a theme.
func AnalysedArticle(tb testing.TB, id, url, text string) *article.Article {
	tb.Helper()
	if text == "" {
		text = "Syrian troops shelled Idlib on Tuesday, killing 12 people.\n" +
			`Russia's foreign minister Sergei Lavrov praised the UN, saying "we welcome the talks". Russia did not attack.`
	}
	s1 := Span(tb, text, "Syrian troops shelled Idlib on Tuesday, killing 12 people.")
	s2 := article.Span{Start: s1.End + 1, End: len(text)}
	idlib := article.Place{Name: "Idlib", Resolved: "Idlib", GeonameID: 163115, Country: "SY", ADM1: "12",
		Lat: 35.93, Lon: 36.63, Mentions: []article.Span{Span(tb, text, "Idlib")}}
	return &article.Article{
		ID: id, URL: url, Title: "Troops shell Idlib", Source: "Test News", Language: "en", Text: text,
		Date:      time.Date(2017, 4, 13, 10, 30, 0, 0, time.UTC),
		Story:     id,
		Sentences: []article.Sentence{{Span: s1}, {Span: s2}},
		Events: []article.Event{
			{Source: "SYRMIL", Target: "SYR", Code: "195", Root: "19", Goldstein: -10, Quad: 4, Plover: "FIGHT",
				Date: "2017-04-11", Sentence: 0, SourceSpan: Span(tb, text, "Syrian troops"), VerbSpan: Span(tb, text, "shelled"),
				TargetSpan: Span(tb, text, "Idlib"), Location: &article.EventLocation{Name: "Idlib", Country: "SY", Lat: 35.93, Lon: 36.63}},
			{Source: "RUSGOV", Target: "IGOUNO", Code: "051", Root: "05", Goldstein: 3.4, Quad: 1, Plover: "AGREE",
				Date: "2017-04-13", Sentence: 1, SourceSpan: Span(tb, text, "Russia's foreign minister Sergei Lavrov"),
				VerbSpan: Span(tb, text, "praised"), TargetSpan: Span(tb, text, "the UN")},
			{Source: "RUS", Code: "190", Root: "19", Goldstein: -10, Quad: 4, Date: "2017-04-13", Sentence: 1, Negated: true},
		},
		Persons:       []article.Entity{{Name: "Sergei Lavrov", Code: "RUSGOV", Mentions: []article.Span{Span(tb, text, "Sergei Lavrov")}}},
		Organizations: []article.Entity{{Name: "UN", Code: "IGOUNO", Mentions: []article.Span{Span(tb, text, "UN")}}},
		Places:        []article.Place{idlib},
		Quotes:        []article.Quote{{Text: "we welcome the talks", Span: Span(tb, text, "we welcome the talks"), Speaker: "Sergei Lavrov", SpeakerCode: "RUSGOV", SpeakerSpan: Span(tb, text, "Sergei Lavrov")}},
		Counts:        []article.Count{{Kind: "KILL", Number: 12, Object: "people", Place: "Idlib", Span: Span(tb, text, "killing 12 people")}},
		Tone:          &article.Tone{Tone: -2.5, Positive: 3, Negative: 5.5, Polarity: 8.5, Words: 30},
		Themes:        []article.Theme{{Name: "ARMEDCONFLICT", Mentions: []article.Span{Span(tb, text, "shelled")}}},
	}
}
