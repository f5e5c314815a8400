package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"
)

// genArticles writes n generated news articles as JSON Lines to path:
// each has a unique URL, a date in 2020–2024, and three to six sentences
// in which one country's government or army acts on another (threats,
// meetings, accusations, attacks, aid…), so that the analysis codes
// events, places and quotes. The same seed gives the same file.
func genArticles(tb testing.TB, path string, n int, seed uint64) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<16)
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	countries := []struct{ name, adj, capital string }{
		{"the United States", "American", "Washington"}, {"Russia", "Russian", "Moscow"}, {"China", "Chinese", "Beijing"},
		{"France", "French", "Paris"}, {"Germany", "German", "Berlin"}, {"Iran", "Iranian", "Tehran"},
		{"Israel", "Israeli", "Jerusalem"}, {"Turkey", "Turkish", "Ankara"}, {"India", "Indian", "New Delhi"},
		{"Pakistan", "Pakistani", "Islamabad"}, {"Japan", "Japanese", "Tokyo"}, {"Brazil", "Brazilian", "Brasilia"},
		{"Egypt", "Egyptian", "Cairo"}, {"Nigeria", "Nigerian", "Abuja"}, {"Ukraine", "Ukrainian", "Kyiv"},
		{"Syria", "Syrian", "Damascus"}, {"Saudi Arabia", "Saudi", "Riyadh"}, {"Mexico", "Mexican", "Mexico City"},
	}
	actions := []string{
		"accused %s of violating the ceasefire", "met with officials from %s", "threatened to impose sanctions on %s",
		"praised %s for its cooperation", "condemned %s over the arrests", "signed a trade agreement with %s",
		"attacked positions held by %s", "sent humanitarian aid to %s", "demanded that %s release the prisoners",
		"rejected a proposal from %s", "expelled diplomats from %s", "called for talks with %s",
	}
	roles := []string{"government", "foreign minister", "army", "president", "defence ministry", "ambassador"}
	days := []string{"on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "yesterday"}
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		a := countries[r.IntN(len(countries))]
		b := countries[r.IntN(len(countries))]
		for b == a {
			b = countries[r.IntN(len(countries))]
		}
		act := fmt.Sprintf(actions[r.IntN(len(actions))], b.name)
		text := fmt.Sprintf("The %s %s %s %s, officials in %s said.", a.adj, roles[r.IntN(len(roles))], act,
			days[r.IntN(len(days))], a.capital)
		for range 2 + r.IntN(4) {
			c := countries[r.IntN(len(countries))]
			switch r.IntN(4) {
			case 0:
				text += fmt.Sprintf(" %q, a spokesman for the %s government said in %s.",
					fmt.Sprintf("We will respond to report %d", r.IntN(1_000_000)), c.adj, c.capital)
			case 1:
				text += fmt.Sprintf(" At least %d people were killed near %s, according to the %s Red Crescent.",
					2+r.IntN(90), c.capital, b.adj)
			case 2:
				text += fmt.Sprintf(" The %s %s %s.", c.adj, roles[r.IntN(len(roles))],
					fmt.Sprintf(actions[r.IntN(len(actions))], a.name))
			default:
				text += fmt.Sprintf(" Analysts said relations had worsened since talks in %s in %d.", c.capital, 2010+r.IntN(10))
			}
		}
		rec := map[string]string{
			"id":     fmt.Sprintf("gen-%d-%d", seed, i),
			"url":    fmt.Sprintf("https://news.example.org/%d/%d", seed, i),
			"source": []string{"Example Wire", "Example Times", "Example Post"}[r.IntN(3)],
			"date":   start.AddDate(0, 0, r.IntN(5*365)).Format(time.DateOnly),
			"title":  fmt.Sprintf("%s and %s: report %d", a.name, b.name, i),
			"text":   text,
		}
		line, err := json.Marshal(rec)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(line)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
}
