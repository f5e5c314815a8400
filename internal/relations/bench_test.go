package relations_test

import (
	"math/rand/v2"
	"testing"

	"worldmedia/internal/relations"
)

// BenchmarkAnalyze judges twenty years of daily points, some days missing.
func BenchmarkAnalyze(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	var ps []relations.Point
	for d := at("2000-01-01"); d.Before(at("2020-01-01")); d = d.AddDate(0, 0, 1) {
		if rng.IntN(10) == 0 {
			continue
		}
		n := 1 + rng.IntN(60)
		p := relations.Point{Start: d, Events: n, Stories: n / 2, Sources: n / 3, ToneN: n}
		for range n {
			g := rng.NormFloat64()*3 - 0.5
			p.GoldsteinSum += g
			p.GoldsteinSumSq += g * g
			p.Quad[rng.IntN(4)]++
			p.ToneSum += rng.NormFloat64()
		}
		ps = append(ps, p)
	}
	q := relations.Query{A: "USA", B: "RUS", By: relations.Day}
	cfg := relations.DefaultConfig()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := relations.Analyze(q, ps, cfg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(ps))*float64(b.N)/b.Elapsed().Seconds(), "points/s")
}
