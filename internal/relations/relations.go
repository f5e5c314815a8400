package relations

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// Errors returned by this package, always wrapped with the offending value.
var (
	// ErrPeriod is an unknown period name or value.
	ErrPeriod = errors.New("bad period")
	// ErrActor is an actor code that is not 3 to 15 upper-case letters or
	// digits, or a query whose two actors are the same.
	ErrActor = errors.New("bad actor code")
	// ErrRange is a query whose Since is after its Until, or whose series
	// would have more than [MaxPeriods] periods.
	ErrRange = errors.New("bad date range")
	// ErrConfig is a [Config] that [Analyze] and [Run] reject.
	ErrConfig = errors.New("bad config")
	// ErrPoint is a [Point] with a negative count or a sum that is not a
	// finite number: a fault of the [Source].
	ErrPoint = errors.New("bad point")
)

// MaxPeriods is the most periods a series may have: a little over 270
// years by day.
const MaxPeriods = 100_000

// Point is one period's raw aggregates, as a [Source] computes them from
// the events of a [Query]. Events of duplicate articles are already
// excluded.
type Point struct {
	// Start is the start of the period, as Query.By.Trunc gives it:
	// midnight UTC. Any instant inside a period is read as that period,
	// by its date in UTC.
	Start time.Time
	// Events is the number of events.
	Events int
	// Quad is the number of events of each quad class 1..4 (verbal
	// cooperation, material cooperation, verbal conflict, material
	// conflict) at index 0..3.
	Quad [4]int
	// GoldsteinSum and GoldsteinSumSq are the sum of the events' Goldstein
	// scores and of their squares.
	GoldsteinSum, GoldsteinSumSq float64
	// ToneSum is the sum of the tone of the ToneN events that have one.
	ToneSum float64
	ToneN   int
	// Stories is the number of distinct stories the events come from.
	Stories int
	// Sources is the number of distinct sources (outlets) reporting them.
	Sources int
}

// Source gives the events of a relation per period.
type Source interface {
	// RelationPoints returns the aggregates of the events matching q, one
	// Point per period of q.By that has events, in ascending order of
	// Start. Periods without events may be missing; no events at all is an
	// empty result, not an error. q has been validated.
	RelationPoints(ctx context.Context, q Query) ([]Point, error)
}

// Config says how a series is judged.
type Config struct {
	// MinEvents is the fewest events a period needs to be ranked; the
	// Goldstein mean of fewer says little. At least 1.
	MinEvents int
	// Confidence is the level of the confidence intervals and of the
	// significance test, strictly between 0 and 1.
	Confidence float64
	// Now returns the current time; nil means time.Now. A query's Until in
	// the future ends the series at the current period.
	Now func() time.Time
}

// DefaultConfig returns a Config ranking periods of at least 10 events,
// with 95% confidence intervals.
func DefaultConfig() Config { return Config{MinEvents: 10, Confidence: 0.95} }

func (c Config) validate() error {
	if c.MinEvents < 1 {
		return fmt.Errorf("relations: %w: MinEvents %d below 1", ErrConfig, c.MinEvents)
	}
	if !(c.Confidence > 0 && c.Confidence < 1) {
		return fmt.Errorf("relations: %w: Confidence %g not between 0 and 1", ErrConfig, c.Confidence)
	}
	return nil
}

// Report is the series of a relation and the verdict on its latest period.
// It is the JSON output of `worldmedia relations`; docs/relations.md
// describes each name.
type Report struct {
	A        string `json:"a"`
	B        string `json:"b"`
	Directed bool   `json:"directed"`
	By       Period `json:"by"`
	// Since and Until are the query's bounds as YYYY-MM-DD, "" when open.
	Since string `json:"since"`
	Until string `json:"until"`
	// MinEvents and Confidence are those of the Config used.
	MinEvents  int     `json:"min_events"`
	Confidence float64 `json:"confidence"`
	// Series has a row for every period from the first to the last, in
	// order; empty when there are no events.
	Series []Row `json:"series"`
	// Verdict judges the last row.
	Verdict Verdict `json:"verdict"`
}

// Row is one period of a series. The optional numbers are nil (JSON null)
// when undefined: the means without events, the interval with fewer than
// two.
type Row struct {
	// Period is the period's label ([Period.Label]); Start its first day.
	Period string `json:"period"`
	Start  string `json:"start"`
	Events int    `json:"events"`
	// The events of each quad class.
	VerbalCooperation   int `json:"verbal_cooperation"`
	MaterialCooperation int `json:"material_cooperation"`
	VerbalConflict      int `json:"verbal_conflict"`
	MaterialConflict    int `json:"material_conflict"`
	// GoldsteinMean is the mean Goldstein score of the events, nil when
	// there are none; GoldsteinSum their sum.
	GoldsteinMean *float64 `json:"goldstein_mean"`
	GoldsteinSum  float64  `json:"goldstein_sum"`
	// ToneMean is the mean tone of the events that have one, nil when none
	// has.
	ToneMean *float64 `json:"tone_mean"`
	Stories  int      `json:"stories"`
	Sources  int      `json:"sources"`
	// CILow and CIHigh bound the confidence interval of GoldsteinMean, nil
	// with fewer than two events.
	CILow  *float64 `json:"ci_low"`
	CIHigh *float64 `json:"ci_high"`
	// Ranked says the period has at least Config.MinEvents events and takes
	// part in the verdict.
	Ranked bool `json:"ranked"`
}

// Run validates q and cfg, reads the points of q from src and analyses
// them as [Analyze]. An error of src is returned wrapped.
func Run(ctx context.Context, src Source, q Query, cfg Config) (Report, error) {
	if err := q.Validate(); err != nil {
		return Report{}, err
	}
	if err := cfg.validate(); err != nil {
		return Report{}, err
	}
	points, err := src.RelationPoints(ctx, q)
	if err != nil {
		return Report{}, fmt.Errorf("relations %s %s: %w", q.A, q.B, err)
	}
	return Analyze(q, points, cfg)
}

// Analyze turns the points of q, as a [Source] returns them, into a
// continuous series and judges its latest period.
//
// The series runs from the period of q.Since (or of the first point with
// events) to the period of q.Until (or of the last point with events);
// periods without a point get zero-event rows. An Until after the current
// period ([Config.Now]) is clipped to it, or to the last point when that
// is later. Points outside the range and points without events are
// ignored; points of the same period are added up. When no point has
// events the series is empty and the verdict says so: that is no error.
//
// It returns an error wrapping [ErrActor], [ErrPeriod] or [ErrRange] for a
// bad query, [ErrConfig] for a bad cfg, [ErrPoint] for a bad point, and
// [ErrRange] when the series would exceed [MaxPeriods] periods.
func Analyze(q Query, points []Point, cfg Config) (Report, error) {
	if err := q.Validate(); err != nil {
		return Report{}, err
	}
	if err := cfg.validate(); err != nil {
		return Report{}, err
	}
	r := Report{
		A: q.A, B: q.B, Directed: q.Directed, By: q.By,
		Since: dayLabel(q.Since), Until: dayLabel(q.Until),
		MinEvents: cfg.MinEvents, Confidence: cfg.Confidence,
		Series: []Row{},
	}
	ps, err := normalize(q, points)
	if err != nil {
		return Report{}, err
	}
	if len(ps) == 0 {
		r.Verdict = noEvents(q)
		return r, nil
	}
	first, last := ps[0].Start, ps[len(ps)-1].Start
	if !q.Since.IsZero() {
		first = q.By.Trunc(q.Since)
	}
	if !q.Until.IsZero() {
		now := time.Now
		if cfg.Now != nil {
			now = cfg.Now
		}
		last = q.By.Trunc(q.Until)
		if cur := q.By.Trunc(now()); last.After(cur) {
			last = cur
			if end := ps[len(ps)-1].Start; end.After(last) {
				last = end
			}
		}
	}
	n := q.By.count(first, last)
	if n > MaxPeriods {
		return Report{}, fmt.Errorf("relations: %w: %d %ss from %s to %s, more than %d",
			ErrRange, n, q.By, q.By.Label(first), q.By.Label(last), MaxPeriods)
	}
	r.Series = make([]Row, 0, n)
	means := make([]float64, 0, n) // the Goldstein mean of each row, 0 without events
	ts := newTTable(cfg.Confidence)
	fs := make(floats, 0, 4*n)
	i := 0
	for t := first; !t.After(last); t = q.By.Next(t) {
		p := Point{Start: t}
		if i < len(ps) && ps[i].Start.Equal(t) {
			p = ps[i]
			i++
		}
		row, mean := makeRow(q.By, p, cfg.MinEvents, ts, &fs)
		r.Series = append(r.Series, row)
		means = append(means, mean)
	}
	r.Verdict = judge(q, r.Series, means, cfg)
	return r, nil
}

// normalize checks the points and returns those with events inside the
// range of q, truncated to their period, sorted and merged, in a new slice.
func normalize(q Query, points []Point) ([]Point, error) {
	var lo, hi time.Time
	if !q.Since.IsZero() {
		lo = q.By.Trunc(q.Since)
	}
	if !q.Until.IsZero() {
		hi = q.By.Trunc(q.Until)
	}
	ps := make([]Point, 0, len(points))
	sorted := true
	for _, p := range points {
		if err := checkPoint(p); err != nil {
			return nil, err
		}
		if p.Events == 0 {
			continue
		}
		p.Start = q.By.Trunc(p.Start)
		if (!lo.IsZero() && p.Start.Before(lo)) || (!hi.IsZero() && p.Start.After(hi)) {
			continue
		}
		if len(ps) > 0 && p.Start.Before(ps[len(ps)-1].Start) {
			sorted = false
		}
		ps = append(ps, p)
	}
	if !sorted {
		slices.SortStableFunc(ps, func(a, b Point) int { return a.Start.Compare(b.Start) })
	}
	out := ps[:0]
	for _, p := range ps {
		if k := len(out) - 1; k >= 0 && out[k].Start.Equal(p.Start) {
			out[k] = add(out[k], p)
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

// checkPoint returns an error wrapping ErrPoint when p cannot be aggregates.
func checkPoint(p Point) error {
	bad := p.Events < 0 || p.ToneN < 0 || p.Stories < 0 || p.Sources < 0
	for _, n := range p.Quad {
		bad = bad || n < 0
	}
	for _, f := range [...]float64{p.GoldsteinSum, p.GoldsteinSumSq, p.ToneSum} {
		bad = bad || math.IsNaN(f) || math.IsInf(f, 0)
	}
	if bad {
		return fmt.Errorf("relations: %w: %+v", ErrPoint, p)
	}
	return nil
}

// add returns the aggregates of a and b together. Distinct stories and
// sources cannot be merged exactly; their sum is an upper bound.
func add(a, b Point) Point {
	a.Events += b.Events
	for i := range a.Quad {
		a.Quad[i] += b.Quad[i]
	}
	a.GoldsteinSum += b.GoldsteinSum
	a.GoldsteinSumSq += b.GoldsteinSumSq
	a.ToneSum += b.ToneSum
	a.ToneN += b.ToneN
	a.Stories += b.Stories
	a.Sources += b.Sources
	return a
}

// makeRow returns the row of p and its Goldstein mean (0 without events).
func makeRow(by Period, p Point, minEvents int, ts *tTable, fs *floats) (Row, float64) {
	row := Row{
		Period:              by.Label(p.Start),
		Start:               p.Start.Format(time.DateOnly),
		Events:              p.Events,
		VerbalCooperation:   p.Quad[0],
		MaterialCooperation: p.Quad[1],
		VerbalConflict:      p.Quad[2],
		MaterialConflict:    p.Quad[3],
		GoldsteinSum:        p.GoldsteinSum,
		Stories:             p.Stories,
		Sources:             p.Sources,
		Ranked:              p.Events >= minEvents,
	}
	var mean float64
	if p.Events > 0 {
		mean = p.GoldsteinSum / float64(p.Events)
		row.GoldsteinMean = fs.ptr(mean)
	}
	if p.ToneN > 0 {
		row.ToneMean = fs.ptr(p.ToneSum / float64(p.ToneN))
	}
	if lo, hi, ok := meanCI(p.Events, p.GoldsteinSum, p.GoldsteinSumSq, ts); ok {
		row.CILow, row.CIHigh = fs.ptr(lo), fs.ptr(hi)
	}
	return row, mean
}

func ptr(f float64) *float64 { return &f }

// floats holds the optional numbers of a series in one allocation.
type floats []float64

// ptr returns a pointer to a new element x of fs. Earlier pointers stay
// valid when append moves fs: they keep the old array alive.
func (fs *floats) ptr(x float64) *float64 {
	*fs = append(*fs, x)
	return &(*fs)[len(*fs)-1]
}

// dayLabel returns t as YYYY-MM-DD in UTC, "" for the zero time.
func dayLabel(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}
