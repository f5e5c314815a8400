package gdelt_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"worldmedia/internal/article"
)

// samplePath is the GKG 2.1 sample beside the checkout; tests that need it
// skip when it is absent.
const samplePath = "../../../shared/data/gdelt/gkg-2.1-20200222.sample.csv"

// span returns the byte span of the n-th (1-based) occurrence of s in text.
func span(tb testing.TB, text, s string, n int) article.Span {
	tb.Helper()
	from := 0
	for ; n > 0; n-- {
		i := strings.Index(text[from:], s)
		if i < 0 {
			tb.Fatalf("%q not in text", s)
		}
		from += i
		if n > 1 {
			from += len(s)
		}
	}
	return article.Span{Start: from, End: from + len(s)}
}

// seedArticle reads testdata/seed.json: worldmedia's analysis of the seed
// article (shared/seed), made with
//
//	go run ./cmd/worldmedia code --date 2017-04-13 testdata/us-russia-all-time-low.txt
func seedArticle(tb testing.TB) *article.Article {
	tb.Helper()
	b, err := os.ReadFile("testdata/seed.json")
	if err != nil {
		tb.Fatal(err)
	}
	var a article.Article
	if err := json.Unmarshal(b, &a); err != nil {
		tb.Fatal(err)
	}
	var d struct{ Date string }
	if err := json.Unmarshal(b, &d); err != nil {
		tb.Fatal(err)
	}
	if a.Date, err = article.ParseDate(d.Date); err != nil {
		tb.Fatal(err)
	}
	return &a
}

// handArticle is an article built by hand with every field the GKG writer
// reads, non-ASCII text before the offsets and separators inside values.
func handArticle(tb testing.TB) *article.Article {
	tb.Helper()
	text := "Café owners in Idlib, Syria, said 12 people were killed during Ramadan. «We are afraid», said Ahmed " +
		"Haddad of Smith, Jones & Co.\nIn Houston, Texas, police arrested 3 men and 200 residents were evacuated " +
		"from Nowhere. A fine of $4.5m was paid. \"We're #1\", he said. Boats crossed the Mediterranean to Gaza."
	sp := func(s string) article.Span { return span(tb, text, s, 1) }
	return &article.Article{
		ID:    "a1",
		Title: "Café <b> & co",
		URL:   "https://www.example.org/news/1",
		Date:  time.Date(2017, 4, 13, 10, 30, 0, 0, time.UTC),
		Text:  text,
		Mentions: []article.Mention{
			{Span: sp("Ramadan"), Type: article.Misc},
			{Span: sp("Ahmed Haddad"), Type: article.Person},
		},
		Persons:       []article.Entity{{Name: "Ahmed Haddad", Type: article.Person, Mentions: []article.Span{sp("Ahmed Haddad")}}},
		Organizations: []article.Entity{{Name: "Smith, Jones & Co", Mentions: []article.Span{sp("Smith, Jones & Co")}}},
		Places: []article.Place{
			{Name: "Idlib", Resolved: "Idlib", GeonameID: 169389, Country: "SY", ADM1: "12", Lat: 35.93062, Lon: 36.63393, Mentions: []article.Span{sp("Idlib")}},
			{Name: "Syria", Resolved: "Syria", GeonameID: 163843, Country: "SY", Lat: 35, Lon: 38, Mentions: []article.Span{sp("Syria")}},
			{Name: "Houston", Resolved: "Houston", GeonameID: 4699066, Country: "US", ADM1: "TX", Lat: 29.76328, Lon: -95.36327, Mentions: []article.Span{sp("Houston")}},
			{Name: "Texas", Resolved: "Texas", Country: "US", ADM1: "TX", Lat: 31.25, Lon: -99.25, Mentions: []article.Span{sp("Texas")}},
			{Name: "Mediterranean", Resolved: "Mediterranean", Lat: 35, Lon: 18, Mentions: []article.Span{sp("Mediterranean")}},
			{Name: "Gaza", Resolved: "Gaza", GeonameID: 281133, Country: "PS", ADM1: "GZ", Lat: 31.50161, Lon: 34.46672, Mentions: []article.Span{sp("Gaza")}},
		},
		Counts: []article.Count{
			{Kind: "KILL", Number: 12, Object: "people", Place: "Idlib", Span: sp("12 people were killed")},
			{Kind: "ARREST", Number: 3, Object: "men", Place: "Houston", Span: sp("arrested 3 men")},
			{Kind: "EVACUATE", Number: 200, Object: "residents", Place: "Nowhere", Span: sp("200 residents were evacuated")},
			{Kind: "AMOUNT", Number: 4_500_000, Object: "USD", Span: sp("$4.5m")},
		},
		Quotes: []article.Quote{
			{Text: "We are afraid", Span: sp("We are afraid"), Speaker: "Ahmed Haddad"},
			{Text: "We're #1", Span: sp("We're #1")},
		},
		Tone: &article.Tone{Tone: -3.5, Positive: 1.25, Negative: 4.75, Polarity: 6, Activity: 10.5, SelfGroup: 0.5, Words: 200},
		Themes: []article.Theme{
			{Name: "KILL", Mentions: []article.Span{sp("killed")}},
			{Name: "ARREST", Mentions: []article.Span{sp("arrested")}},
		},
	}
}
