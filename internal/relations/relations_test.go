package relations_test

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"worldmedia/internal/relations"
)

func TestAnalyzeSeries(t *testing.T) {
	type row struct {
		Period string
		Start  string
		Events int
	}
	monthly := weekly()
	monthly.By = relations.Month
	with := func(q relations.Query, f func(*relations.Query)) relations.Query { f(&q); return q }
	tests := []struct {
		name   string
		q      relations.Query
		now    string // the present, "" for testConfig's
		points []relations.Point
		want   []row
	}{
		{
			name:   "gaps filled between points",
			q:      weekly(),
			points: []relations.Point{pt(week(0), 1, 2, 3), pt(week(3), -1)},
			want: []row{
				{"2017-01-02", "2017-01-02", 3}, {"2017-01-09", "2017-01-09", 0},
				{"2017-01-16", "2017-01-16", 0}, {"2017-01-23", "2017-01-23", 1},
			},
		},
		{
			name:   "since before the first point, on a wednesday",
			q:      with(weekly(), func(q *relations.Query) { q.Since = at("2016-12-21") }),
			points: []relations.Point{pt(week(0), 1, 2, 3)},
			want: []row{
				{"2016-12-19", "2016-12-19", 0}, {"2016-12-26", "2016-12-26", 0}, {"2017-01-02", "2017-01-02", 3},
			},
		},
		{
			name:   "until after the last point, on a sunday",
			q:      with(weekly(), func(q *relations.Query) { q.Until = at("2017-01-22") }),
			points: []relations.Point{pt(week(0), 1, 2, 3)},
			want: []row{
				{"2017-01-02", "2017-01-02", 3}, {"2017-01-09", "2017-01-09", 0}, {"2017-01-16", "2017-01-16", 0},
			},
		},
		{
			name:   "until in the future is clipped to the present",
			q:      with(weekly(), func(q *relations.Query) { q.Until = at("2030-01-01") }),
			now:    "2017-01-11T12:00:00Z",
			points: []relations.Point{pt(week(0), 1, 2, 3)},
			want:   []row{{"2017-01-02", "2017-01-02", 3}, {"2017-01-09", "2017-01-09", 0}},
		},
		{
			name:   "until in the future keeps points after the present",
			q:      with(weekly(), func(q *relations.Query) { q.Until = at("2030-01-01") }),
			now:    "2016-12-27T00:00:00Z",
			points: []relations.Point{pt(week(0), 1, 2, 3), pt(week(1), 1)},
			want:   []row{{"2017-01-02", "2017-01-02", 3}, {"2017-01-09", "2017-01-09", 1}},
		},
		{
			name: "points outside the bounds are dropped",
			q: with(weekly(), func(q *relations.Query) {
				q.Since, q.Until = at("2017-01-09"), at("2017-01-16")
			}),
			points: []relations.Point{pt(week(0), 1), pt(week(1), 2), pt(week(3), 3)},
			want:   []row{{"2017-01-09", "2017-01-09", 1}, {"2017-01-16", "2017-01-16", 0}},
		},
		{
			name: "months across a year, unsorted, merged, mid-period starts",
			q:    monthly,
			points: []relations.Point{
				pt("2017-02-01", 1), pt("2016-11-01", 1, 1), pt("2017-02-15", 2, 2),
			},
			want: []row{
				{"2016-11", "2016-11-01", 2}, {"2016-12", "2016-12-01", 0},
				{"2017-01", "2017-01-01", 0}, {"2017-02", "2017-02-01", 3},
			},
		},
		{
			name:   "points without events are ignored",
			q:      weekly(),
			points: []relations.Point{{Start: at(week(0))}, pt(week(1), 1), {Start: at(week(3))}},
			want:   []row{{"2017-01-09", "2017-01-09", 1}},
		},
		{
			name:   "days",
			q:      with(weekly(), func(q *relations.Query) { q.By = relations.Day }),
			points: []relations.Point{pt("2016-12-30", 1), pt("2017-01-02", 1)},
			want: []row{
				{"2016-12-30", "2016-12-30", 1}, {"2016-12-31", "2016-12-31", 0},
				{"2017-01-01", "2017-01-01", 0}, {"2017-01-02", "2017-01-02", 1},
			},
		},
		{
			name:   "years",
			q:      with(weekly(), func(q *relations.Query) { q.By = relations.Year }),
			points: []relations.Point{pt("2014-06-01", 1), pt("2016-01-01", 1)},
			want:   []row{{"2014", "2014-01-01", 1}, {"2015", "2015-01-01", 0}, {"2016", "2016-01-01", 1}},
		},
		{
			name:   "no points",
			q:      with(weekly(), func(q *relations.Query) { q.Since = at("2017-01-01") }),
			points: nil,
			want:   []row{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := testConfig()
			if tt.now != "" {
				cfg.Now = func() time.Time { return at(tt.now) }
			}
			in := slices.Clone(tt.points)
			r, err := relations.Analyze(tt.q, tt.points, cfg)
			if err != nil {
				t.Fatal(err)
			}
			got := []row{}
			for _, s := range r.Series {
				got = append(got, row{s.Period, s.Start, s.Events})
				if s.Events == 0 && (s.GoldsteinMean != nil || s.CILow != nil || s.Ranked) {
					t.Errorf("empty row %s has a mean, an interval or a rank: %+v", s.Period, s)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("series (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(in, tt.points); diff != "" {
				t.Errorf("Analyze changed its input (-before +after):\n%s", diff)
			}
		})
	}
}

func TestAnalyzeRow(t *testing.T) {
	p := pt(week(0), 1, 2, 3, 4, 5)
	p.Quad = [4]int{1, 2, 0, 2}
	p.ToneSum, p.ToneN = -9, 3
	p.Stories, p.Sources = 4, 2
	r, err := relations.Analyze(weekly(), []relations.Point{p, pt(week(1), 1)}, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	f := func(x float64) *float64 { return &x }
	// mean 3, sample sd √2.5, t(0.975, 4) = 2.776445.
	half := 2.7764451051977987 * math.Sqrt(2.5/5)
	want := []relations.Row{
		{
			Period: "2017-01-02", Start: "2017-01-02", Events: 5,
			VerbalCooperation: 1, MaterialCooperation: 2, VerbalConflict: 0, MaterialConflict: 2,
			GoldsteinMean: f(3), GoldsteinSum: 15, ToneMean: f(-3), Stories: 4, Sources: 2,
			CILow: f(3 - half), CIHigh: f(3 + half), Ranked: true,
		},
		{
			Period: "2017-01-09", Start: "2017-01-09", Events: 1,
			GoldsteinMean: f(1), GoldsteinSum: 1, Stories: 1, Sources: 1,
		},
	}
	if diff := cmp.Diff(want, r.Series, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

func TestAnalyzeConstantScores(t *testing.T) {
	// Σx² - (Σx)²/n rounds to -1.3e-15 for seven scores of 0.7: the
	// interval must be the mean itself, not NaN or a sliver.
	r, err := relations.Analyze(weekly(), []relations.Point{pt(week(0), rep(0.7, 7)...)}, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	row := r.Series[0]
	got := []any{deref(row.GoldsteinMean), deref(row.CILow), deref(row.CIHigh)}
	if diff := cmp.Diff([]any{0.7, 0.7, 0.7}, got, cmpopts.EquateApprox(0, 1e-15)); diff != "" {
		t.Errorf("mean and interval of constant scores (-want +got):\n%s", diff)
	}
	if _, err := json.Marshal(r); err != nil {
		t.Errorf("encoding: %v", err)
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func TestVerdict(t *testing.T) {
	type verdict struct {
		Period        string
		Events        int
		Rank          int
		RankedPeriods int
		Percentile    float64
		Direction     string
		Since         string
		Record        bool
		Meaningful    bool
		Significant   bool
		Text          string
	}
	monthly := weekly()
	monthly.By = relations.Month
	tests := []struct {
		name   string
		q      relations.Query
		points []relations.Point
		want   verdict
	}{
		{
			name: "lowest since records begin",
			q:    weekly(),
			points: []relations.Point{
				pt(week(0), 1, 1, 2), pt(week(1), 0, 1, 2), pt(week(2), -1, 0, 1), pt(week(3), -5, -5, -6),
			},
			want: verdict{
				Period: "2017-01-23", Events: 3, Rank: 1, RankedPeriods: 4, Percentile: 25,
				Direction: "low", Record: true, Meaningful: true, Significant: true,
				Text: "Week of 2017-01-23: Goldstein mean -5.33 over 3 events, the lowest since records begin (2017-01-02); " +
					"rank 1 of 4 weeks (25th percentile); the difference from the earlier average (0.78) is significant at 95%.",
			},
		},
		{
			name: "lowest since a month",
			q:    monthly,
			points: []relations.Point{
				pt("2014-02-01", 1, 1, 1), pt("2014-03-01", -6, -6, -6), pt("2014-04-01", 2, 2, 2),
				pt("2014-05-01", 1, 1, 1), pt("2014-06-01", -3, -3, -3.5),
			},
			want: verdict{
				Period: "2014-06", Events: 3, Rank: 2, RankedPeriods: 5, Percentile: 40,
				Direction: "low", Since: "2014-03", Meaningful: true, Significant: true,
				Text: "2014-06: Goldstein mean -3.17 over 3 events, the lowest since 2014-03; " +
					"rank 2 of 5 months (40th percentile); the difference from the earlier average (-0.50) is significant at 95%.",
			},
		},
		{
			name: "highest since, not significant",
			q:    weekly(),
			points: []relations.Point{
				pt(week(0), 5, 5, 5), pt(week(1), -2, -2, -2), pt(week(2), -1, -1, -1), pt(week(3), 3, -4, 10),
			},
			want: verdict{
				Period: "2017-01-23", Events: 3, Rank: 3, RankedPeriods: 4, Percentile: 75,
				Direction: "high", Since: "2017-01-02", Meaningful: true,
				Text: "Week of 2017-01-23: Goldstein mean 3.00 over 3 events, the highest since 2017-01-02; " +
					"rank 3 of 4 weeks (75th percentile); the difference from the earlier average (0.67) is not significant at 95%.",
			},
		},
		{
			name: "highest record, significant",
			q:    weekly(),
			points: []relations.Point{
				pt(week(0), 0, 0, 1), pt(week(1), -1, 0, 0), pt(week(2), 7, 7, 7.5),
			},
			want: verdict{
				Period: "2017-01-16", Events: 3, Rank: 3, RankedPeriods: 3, Percentile: 100,
				Direction: "high", Record: true, Meaningful: true, Significant: true,
				Text: "Week of 2017-01-16: Goldstein mean 7.17 over 3 events, the highest since records begin (2017-01-02); " +
					"rank 3 of 3 weeks (100th percentile); the difference from the earlier average (0.00) is significant at 95%.",
			},
		},
		{
			name: "tie with the record",
			q:    weekly(),
			points: []relations.Point{
				pt(week(0), -5, -5, -5), pt(week(1), 2, 2, 2), pt(week(2), 1, 1, 1), pt(week(3), -5, -5, -5),
			},
			want: verdict{
				Period: "2017-01-23", Events: 3, Rank: 1, RankedPeriods: 4, Percentile: 50,
				Direction: "low", Record: true, Meaningful: true, Significant: true,
				Text: "Week of 2017-01-23: Goldstein mean -5.00 over 3 events, equal to the lowest since records begin (2017-01-02); " +
					"rank 1 of 4 weeks (50th percentile); the difference from the earlier average (-0.67) is significant at 95%.",
			},
		},
		{
			name: "tie in between is passed over",
			q:    weekly(),
			points: []relations.Point{
				pt(week(0), -6, -6, -6), pt(week(1), -2, -2, -2), pt(week(2), -2, -2, -2), pt(week(3), -2, -2, -2),
			},
			want: verdict{
				Period: "2017-01-23", Events: 3, Rank: 2, RankedPeriods: 4, Percentile: 100,
				Direction: "low", Since: "2017-01-02", Meaningful: true,
				Text: "Week of 2017-01-23: Goldstein mean -2.00 over 3 events, the lowest since 2017-01-02; " +
					"rank 2 of 4 weeks (100th percentile); the difference from the earlier average (-3.33) is not significant at 95%.",
			},
		},
		{
			name: "unranked periods neither rank nor end a run",
			q:    weekly(),
			points: []relations.Point{
				pt(week(0), -4, -4, -4), pt(week(1), -9), pt(week(2), 1, 1, 1), pt(week(3), -3, -3, -3),
			},
			want: verdict{
				Period: "2017-01-23", Events: 3, Rank: 2, RankedPeriods: 3, Percentile: 200.0 / 3,
				Direction: "low", Since: "2017-01-02", Meaningful: true, Significant: true,
				Text: "Week of 2017-01-23: Goldstein mean -3.00 over 3 events, the lowest since 2017-01-02; " +
					"rank 2 of 3 weeks (66th percentile); the difference from the earlier average (-1.50) is significant at 95%.",
			},
		},
		{
			name: "too little data",
			q:    weekly(),
			points: []relations.Point{
				pt(week(0), 1, 1, 1), pt(week(1), 2, 2, 2), pt(week(2), -9, -9),
			},
			want: verdict{
				Period: "2017-01-16", Events: 2, RankedPeriods: 2,
				Text: "too little data: 2 events in the week of 2017-01-16 (at least 3 needed)",
			},
		},
		{
			name:   "too little data by day",
			q:      relations.Query{A: "USA", B: "RUS", By: relations.Day},
			points: []relations.Point{pt("2017-04-12", 1, 1, 1), pt("2017-04-13", -9)},
			want: verdict{
				Period: "2017-04-13", Events: 1, RankedPeriods: 1,
				Text: "too little data: 1 event on 2017-04-13 (at least 3 needed)",
			},
		},
		{
			name: "latest period empty",
			q: relations.Query{
				A: "USA", B: "RUS", By: relations.Month, Until: at("2017-03-31"),
			},
			points: []relations.Point{pt("2017-01-01", 1, 1, 1), pt("2017-02-01", 2, 2, 2)},
			want: verdict{
				Period: "2017-03", RankedPeriods: 2,
				Text: "too little data: no events in 2017-03 (at least 3 needed)",
			},
		},
		{
			name:   "single period",
			q:      weekly(),
			points: []relations.Point{pt(week(5), -1, -2, -3)},
			want: verdict{
				Period: "2017-02-06", Events: 3, RankedPeriods: 1,
				Text: "Week of 2017-02-06: Goldstein mean -2.00 over 3 events; no earlier week has the 3 events needed for a comparison",
			},
		},
		{
			name:   "no earlier ranked period",
			q:      relations.Query{A: "USA", B: "RUS", By: relations.Year},
			points: []relations.Point{pt("2015-01-01", 1), pt("2016-01-01", 1, 2), pt("2017-01-01", -1, -2, -3)},
			want: verdict{
				Period: "2017", Events: 3, RankedPeriods: 1,
				Text: "2017: Goldstein mean -2.00 over 3 events; no earlier year has the 3 events needed for a comparison",
			},
		},
		{
			name:   "no events",
			q:      relations.Query{A: "USA", B: "RUS", By: relations.Week},
			points: nil,
			want:   verdict{Text: "no events between USA and RUS"},
		},
		{
			name: "no events, directed and bounded",
			q: relations.Query{
				A: "USAGOV", B: "RUS", Directed: true, By: relations.Week,
				Since: at("2017-01-01"), Until: at("2017-06-30"),
			},
			points: []relations.Point{pt(week(40), 1, 2, 3)},
			want:   verdict{Text: "no events from USAGOV to RUS from 2017-01-01 to 2017-06-30"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := relations.Analyze(tt.q, tt.points, testConfig())
			if err != nil {
				t.Fatal(err)
			}
			v := r.Verdict
			got := verdict{
				v.Period, v.Events, v.Rank, v.RankedPeriods, v.Percentile, v.Direction,
				v.Since, v.Record, v.Meaningful, v.Significant, v.Text,
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
				t.Errorf("verdict (-want +got):\n%s", diff)
			}
			if v.Metric != "goldstein_mean" {
				t.Errorf("metric %q", v.Metric)
			}
			if len(r.Series) > 0 {
				last := r.Series[len(r.Series)-1]
				if diff := cmp.Diff(last.GoldsteinMean, v.Value); diff != "" {
					t.Errorf("value is not the last row's mean (-row +value):\n%s", diff)
				}
				if diff := cmp.Diff([]*float64{last.CILow, last.CIHigh}, []*float64{v.CILow, v.CIHigh}); diff != "" {
					t.Errorf("interval is not the last row's (-row +verdict):\n%s", diff)
				}
			}
			if (v.Baseline != nil) != v.Meaningful {
				t.Errorf("baseline %v with meaningful %v", deref(v.Baseline), v.Meaningful)
			}
		})
	}
}

func TestVerdictPercentile(t *testing.T) {
	// Ten monthly means 1..9 and then 4.5: four earlier means are lower.
	var ps []relations.Point
	for i := range 9 {
		ps = append(ps, pt(at("2016-01-01").AddDate(0, i, 0).Format(time.DateOnly), rep(float64(i+1), 3)...))
	}
	ps = append(ps, pt("2016-10-01", 4, 4.5, 5))
	q := relations.Query{A: "USA", B: "RUS", By: relations.Month}
	r, err := relations.Analyze(q, ps, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	v := r.Verdict
	got := []any{v.Rank, v.RankedPeriods, v.Percentile, v.Direction, v.Since, v.Record}
	want := []any{5, 10, 50.0, "low", "2016-04", false}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("rank, periods, percentile, direction, since, record (-want +got):\n%s", diff)
	}
}

func TestVerdictConfidence(t *testing.T) {
	// A difference significant at 95% but not at 99.9%.
	ps := []relations.Point{pt(week(0), 0, 0, 0, 0), pt(week(1), -1, -2, -3, -2)}
	tests := []struct {
		conf float64
		want bool
		text string
	}{
		{0.95, true, "is significant at 95%."},
		{0.999, false, "is not significant at 99.9%."},
	}
	for _, tt := range tests {
		cfg := testConfig()
		cfg.Confidence = tt.conf
		r, err := relations.Analyze(weekly(), ps, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if v := r.Verdict; v.Significant != tt.want || !strings.HasSuffix(v.Text, tt.text) {
			t.Errorf("confidence %g: significant %v, text %q; want %v, %q", tt.conf, v.Significant, v.Text, tt.want, tt.text)
		}
	}
}

func TestAnalyzeErrors(t *testing.T) {
	good := []relations.Point{pt(week(0), 1, 2, 3)}
	bad := func(f func(*relations.Point)) []relations.Point { p := good[0]; f(&p); return []relations.Point{p} }
	cfg := func(f func(*relations.Config)) relations.Config { c := testConfig(); f(&c); return c }
	tests := []struct {
		name   string
		q      relations.Query
		points []relations.Point
		cfg    relations.Config
		want   error
	}{
		{"bad query", relations.Query{A: "USA", B: "USA", By: relations.Week}, good, testConfig(), relations.ErrActor},
		{"no period", relations.Query{A: "USA", B: "RUS"}, good, testConfig(), relations.ErrPeriod},
		{"min events 0", weekly(), good, cfg(func(c *relations.Config) { c.MinEvents = 0 }), relations.ErrConfig},
		{"confidence 1", weekly(), good, cfg(func(c *relations.Config) { c.Confidence = 1 }), relations.ErrConfig},
		{"confidence 0", weekly(), good, cfg(func(c *relations.Config) { c.Confidence = 0 }), relations.ErrConfig},
		{"confidence NaN", weekly(), good, cfg(func(c *relations.Config) { c.Confidence = math.NaN() }), relations.ErrConfig},
		{"negative events", weekly(), bad(func(p *relations.Point) { p.Events = -1 }), testConfig(), relations.ErrPoint},
		{"negative quad", weekly(), bad(func(p *relations.Point) { p.Quad[2] = -1 }), testConfig(), relations.ErrPoint},
		{"NaN sum", weekly(), bad(func(p *relations.Point) { p.GoldsteinSum = math.NaN() }), testConfig(), relations.ErrPoint},
		{"infinite tone", weekly(), bad(func(p *relations.Point) { p.ToneSum = math.Inf(-1) }), testConfig(), relations.ErrPoint},
		{
			name:   "days over three centuries",
			q:      relations.Query{A: "USA", B: "RUS", By: relations.Day, Since: at("1700-01-01")},
			points: []relations.Point{pt("2017-04-13", 1)},
			cfg:    testConfig(),
			want:   relations.ErrRange,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := relations.Analyze(tt.q, tt.points, tt.cfg)
			if !errors.Is(err, tt.want) {
				t.Errorf("Analyze error %v, want %v", err, tt.want)
			}
		})
	}
	// The same span by week is fine.
	q := relations.Query{A: "USA", B: "RUS", By: relations.Week, Since: at("1700-01-01")}
	if _, err := relations.Analyze(q, []relations.Point{pt("2017-04-13", 1)}, testConfig()); err != nil {
		t.Errorf("three centuries by week: %v", err)
	}
}

func TestReportJSON(t *testing.T) {
	q := relations.Query{A: "USA", B: "RUS", By: relations.Week, Since: at("2017-01-02")}
	tone := pt(week(0), 1, 2, 3)
	tone.ToneSum, tone.ToneN = -4, 2
	r, err := relations.Analyze(q, []relations.Point{tone, pt(week(2), -2)}, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Top     map[string]json.RawMessage
		Series  []map[string]any `json:"series"`
		Verdict map[string]any   `json:"verdict"`
	}
	if err := json.Unmarshal(b, &doc.Top); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	keys := func(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }
	if diff := cmp.Diff([]string{
		"a", "b", "by", "confidence", "directed", "min_events", "series", "since", "until", "verdict",
	}, slices.Sorted(maps.Keys(doc.Top))); diff != "" {
		t.Errorf("top-level names (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{
		"ci_high", "ci_low", "events", "goldstein_mean", "goldstein_sum", "material_conflict",
		"material_cooperation", "period", "ranked", "sources", "start", "stories", "tone_mean",
		"verbal_conflict", "verbal_cooperation",
	}, keys(doc.Series[0])); diff != "" {
		t.Errorf("row names (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{
		"baseline", "ci_high", "ci_low", "direction", "events", "meaningful", "metric", "percentile",
		"period", "rank", "ranked_periods", "record", "significant", "since", "text", "value",
	}, keys(doc.Verdict)); diff != "" {
		t.Errorf("verdict names (-want +got):\n%s", diff)
	}
	for name, want := range map[string]string{
		"a": `"USA"`, "by": `"week"`, "since": `"2017-01-02"`, "until": `""`, "directed": "false",
	} {
		if got := string(doc.Top[name]); got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	rows := []map[string]any{}
	for _, row := range doc.Series {
		rows = append(rows, map[string]any{
			"period": row["period"], "events": row["events"], "goldstein_mean": row["goldstein_mean"],
			"tone_mean": row["tone_mean"], "ci_low": row["ci_low"] == nil, "ranked": row["ranked"],
		})
	}
	want := []map[string]any{
		{"period": "2017-01-02", "events": 3.0, "goldstein_mean": 2.0, "tone_mean": -2.0, "ci_low": false, "ranked": true},
		{"period": "2017-01-09", "events": 0.0, "goldstein_mean": nil, "tone_mean": nil, "ci_low": true, "ranked": false},
		{"period": "2017-01-16", "events": 1.0, "goldstein_mean": -2.0, "tone_mean": nil, "ci_low": true, "ranked": false},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}

	// Without events the series is an empty list, not null.
	empty, err := relations.Analyze(q, nil, testConfig())
	if err != nil {
		t.Fatal(err)
	}
	b, err = json.Marshal(empty)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"series":[]`) || !strings.Contains(string(b), `"value":null`) {
		t.Errorf("empty report: %s", b)
	}
}

// sourceFunc adapts a function to relations.Source.
type sourceFunc func(context.Context, relations.Query) ([]relations.Point, error)

func (f sourceFunc) RelationPoints(ctx context.Context, q relations.Query) ([]relations.Point, error) {
	return f(ctx, q)
}

func TestRun(t *testing.T) {
	errDown := errors.New("database is down")
	q := weekly()
	q.Directed = true
	tests := []struct {
		name    string
		q       relations.Query
		points  []relations.Point
		srcErr  error
		wantErr error
		called  bool
		rows    int
	}{
		{"points", q, []relations.Point{pt(week(0), 1, 2, 3), pt(week(2), -1, -1, -1)}, nil, nil, true, 3},
		{"no events", q, nil, nil, nil, true, 0},
		{"source error is wrapped", q, nil, errDown, errDown, true, 0},
		{"bad query never reaches the source", relations.Query{A: "USA", B: "RUS"}, nil, nil, relations.ErrPeriod, false, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *relations.Query
			src := sourceFunc(func(ctx context.Context, q relations.Query) ([]relations.Point, error) {
				got = &q
				return tt.points, tt.srcErr
			})
			r, err := relations.Run(t.Context(), src, tt.q, testConfig())
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("Run error %v, want %v", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			if (got != nil) != tt.called {
				t.Fatalf("source called: %v, want %v", got != nil, tt.called)
			}
			if got != nil {
				if diff := cmp.Diff(tt.q, *got); diff != "" {
					t.Errorf("query passed to the source (-want +got):\n%s", diff)
				}
			}
			if len(r.Series) != tt.rows {
				t.Errorf("%d rows, want %d", len(r.Series), tt.rows)
			}
		})
	}
}
