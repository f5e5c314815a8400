package relations_test

import (
	"fmt"
	"time"

	"worldmedia/internal/relations"
)

func ExampleAnalyze() {
	// Weekly aggregates of US–Russia events, as a Source returns them: the
	// third week is missing (no events).
	week := func(day string, events int, mean, sd float64) relations.Point {
		start, _ := time.Parse(time.DateOnly, day)
		n := float64(events)
		return relations.Point{
			Start:          start,
			Events:         events,
			GoldsteinSum:   mean * n,
			GoldsteinSumSq: (sd*sd*(n-1) + mean*mean*n),
		}
	}
	points := []relations.Point{
		week("2017-03-13", 40, 0.8, 3),
		week("2017-03-20", 35, 1.1, 3),
		week("2017-04-03", 48, -1.2, 4),
		week("2017-04-10", 57, -3.42, 3.5),
	}
	q := relations.Query{A: "USA", B: "RUS", By: relations.Week}
	r, err := relations.Analyze(q, points, relations.DefaultConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range r.Series {
		fmt.Println(row.Period, row.Events, row.Ranked)
	}
	fmt.Println(r.Verdict.Text)
	// Output:
	// 2017-03-13 40 true
	// 2017-03-20 35 true
	// 2017-03-27 0 false
	// 2017-04-03 48 true
	// 2017-04-10 57 true
	// Week of 2017-04-10: Goldstein mean -3.42 over 57 events, the lowest since records begin (2017-03-13); rank 1 of 4 weeks (25th percentile); the difference from the earlier average (0.10) is significant at 95%.
}
