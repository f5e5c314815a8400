package relations_test

import (
	"time"

	"worldmedia/internal/relations"
)

// pt returns the point of the period starting on day with one event of
// each Goldstein score gs.
func pt(day string, gs ...float64) relations.Point {
	p := relations.Point{Start: at(day), Events: len(gs), Stories: len(gs), Sources: 1}
	for _, g := range gs {
		p.GoldsteinSum += g
		p.GoldsteinSumSq += g * g
	}
	return p
}

// rep returns n copies of g.
func rep(g float64, n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = g
	}
	return out
}

// week returns the Monday k weeks after 2017-01-02, as YYYY-MM-DD.
func week(k int) string {
	return at("2017-01-02").AddDate(0, 0, 7*k).Format(time.DateOnly)
}

// testConfig ranks periods of 3 events, so that cases stay small, and
// takes the present to be 2020-01-01.
func testConfig() relations.Config {
	cfg := relations.DefaultConfig()
	cfg.MinEvents = 3
	cfg.Now = func() time.Time { return at("2020-01-01") }
	return cfg
}

func weekly() relations.Query {
	return relations.Query{A: "USA", B: "RUS", By: relations.Week}
}
