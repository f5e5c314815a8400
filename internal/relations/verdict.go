package relations

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Verdict judges the latest period of a series (its last row) by its
// Goldstein mean against the earlier ranked periods. When Meaningful is
// false, Rank, Percentile, Direction, Since, Record, Significant and
// Baseline keep their zero values and Text says why.
type Verdict struct {
	// Period is the label of the latest period, "" when there are no
	// events.
	Period string `json:"period"`
	// Metric is what is compared: "goldstein_mean".
	Metric string `json:"metric"`
	// Value is the latest period's Goldstein mean, nil without events.
	Value *float64 `json:"value"`
	// Events is the number of events of the latest period.
	Events int `json:"events"`
	// Rank is the latest period's place among the ranked periods,
	// itself included, from the lowest mean (1); ties share the best
	// place.
	Rank int `json:"rank"`
	// RankedPeriods is the number of ranked periods, the latest included
	// when it is ranked.
	RankedPeriods int `json:"ranked_periods"`
	// Percentile is the share of ranked periods with a mean at or below
	// the latest's, 0 to 100.
	Percentile float64 `json:"percentile"`
	// Direction is "low" when the latest mean is at or below the median of
	// the ranked periods, else "high".
	Direction string `json:"direction"`
	// Since is the label of the most recent earlier ranked period whose
	// mean was strictly lower (direction "low") or higher ("high") than
	// the latest; "" when there is none.
	Since string `json:"since"`
	// Record says no earlier ranked period was lower (or higher): the
	// latest is the lowest (highest) since the series begins, ties
	// included.
	Record bool `json:"record"`
	// Meaningful says the latest period is ranked and there is at least
	// one earlier ranked period to compare it with.
	Meaningful bool `json:"meaningful"`
	// Significant says the latest period's confidence interval lies
	// entirely below (direction "low") or above ("high") Baseline.
	Significant bool `json:"significant"`
	// Baseline is the mean Goldstein score of all the events of the
	// earlier ranked periods, pooled.
	Baseline *float64 `json:"baseline"`
	// CILow and CIHigh bound the confidence interval of the latest mean,
	// nil with fewer than two events.
	CILow  *float64 `json:"ci_low"`
	CIHigh *float64 `json:"ci_high"`
	// Text says all this in one English sentence.
	Text string `json:"text"`
}

// metric is the only Verdict.Metric so far.
const metric = "goldstein_mean"

// noEvents returns the verdict on a query without events.
func noEvents(q Query) Verdict {
	who := "between " + q.A + " and " + q.B
	if q.Directed {
		who = "from " + q.A + " to " + q.B
	}
	var when string
	switch s, u := dayLabel(q.Since), dayLabel(q.Until); {
	case s != "" && u != "":
		when = " from " + s + " to " + u
	case s != "":
		when = " since " + s
	case u != "":
		when = " until " + u
	}
	return Verdict{Metric: metric, Text: "no events " + who + when}
}

// judge returns the verdict on the last of rows, which is not empty;
// means[i] is the Goldstein mean of rows[i].
func judge(q Query, rows []Row, means []float64, cfg Config) Verdict {
	k := len(rows) - 1
	last := rows[k]
	v := Verdict{
		Period: last.Period,
		Metric: metric,
		Value:  last.GoldsteinMean,
		Events: last.Events,
		CILow:  last.CILow,
		CIHigh: last.CIHigh,
	}
	var earlier, events int
	var sum float64
	for _, r := range rows[:k] {
		if r.Ranked {
			earlier++
			events += r.Events
			sum += r.GoldsteinSum
		}
	}
	v.RankedPeriods = earlier
	if !last.Ranked {
		v.Text = fmt.Sprintf("too little data: %s %s (at least %d needed)",
			eventCount(last.Events), during(q.By, last.Period), cfg.MinEvents)
		return v
	}
	v.RankedPeriods++
	m := means[k]
	head := fmt.Sprintf("%s: Goldstein mean %s over %s", heading(q.By, last.Period), num(m), eventCount(last.Events))
	if earlier == 0 {
		v.Text = fmt.Sprintf("%s; no earlier %s has the %d events needed for a comparison", head, q.By, cfg.MinEvents)
		return v
	}
	v.Meaningful = true

	ranked := make([]float64, 0, v.RankedPeriods)
	less, atMost := 0, 1
	for i, r := range rows[:k] {
		if !r.Ranked {
			continue
		}
		ranked = append(ranked, means[i])
		if means[i] < m {
			less++
		}
		if means[i] <= m {
			atMost++
		}
	}
	ranked = append(ranked, m)
	v.Rank = less + 1
	v.Percentile = float64(100*atMost) / float64(v.RankedPeriods)
	v.Direction = "high"
	if m <= median(ranked) {
		v.Direction = "low"
	}
	low := v.Direction == "low"
	tied := false
	for i := k - 1; i >= 0; i-- {
		if !rows[i].Ranked {
			continue
		}
		if (low && means[i] < m) || (!low && means[i] > m) {
			v.Since = rows[i].Period
			break
		}
		tied = tied || means[i] == m
	}
	v.Record = v.Since == ""
	base := sum / float64(events)
	v.Baseline = ptr(base)
	if v.CILow != nil {
		v.Significant = (low && *v.CIHigh < base) || (!low && *v.CILow > base)
	}

	var b strings.Builder
	b.WriteString(head)
	b.WriteString(", ")
	switch {
	case v.Record && tied:
		fmt.Fprintf(&b, "equal to the %s since records begin (%s)", v.Direction+"est", rows[0].Period)
	case v.Record:
		fmt.Fprintf(&b, "the %s since records begin (%s)", v.Direction+"est", rows[0].Period)
	default:
		fmt.Fprintf(&b, "the %s since %s", v.Direction+"est", v.Since)
	}
	fmt.Fprintf(&b, "; rank %d of %d %ss (%s percentile); ", v.Rank, v.RankedPeriods, q.By, ordinal(percentileWhole(v.Percentile)))
	level := strconv.FormatFloat(cfg.Confidence*100, 'g', 6, 64) + "%"
	switch {
	case v.CILow == nil:
		fmt.Fprintf(&b, "one event gives no confidence interval to compare with the earlier average (%s)", num(base))
	case v.Significant:
		fmt.Fprintf(&b, "the difference from the earlier average (%s) is significant at %s", num(base), level)
	default:
		fmt.Fprintf(&b, "the difference from the earlier average (%s) is not significant at %s", num(base), level)
	}
	b.WriteByte('.')
	v.Text = b.String()
	return v
}

// median returns the median of xs, which it sorts; xs is not empty.
func median(xs []float64) float64 {
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// heading names a period at the start of a sentence: "Week of 2017-04-10",
// "2017-04".
func heading(by Period, label string) string {
	if by == Week {
		return "Week of " + label
	}
	return label
}

// during names a period after a count: "in the week of 2017-04-10", "on
// 2017-04-13", "in 2017-04".
func during(by Period, label string) string {
	switch by {
	case Day:
		return "on " + label
	case Week:
		return "in the week of " + label
	}
	return "in " + label
}

func eventCount(n int) string {
	switch n {
	case 0:
		return "no events"
	case 1:
		return "1 event"
	}
	return strconv.Itoa(n) + " events"
}

// num formats a Goldstein value with two decimals, never as "-0.00".
func num(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if s == "-0.00" {
		return "0.00"
	}
	return s
}

// percentileWhole returns the percentile rounded down to a whole number,
// at least 1, as the text gives it: the lowest of 66 periods (1.5) is at
// the 1st percentile.
func percentileWhole(p float64) int {
	return max(1, min(100, int(math.Floor(p))))
}

// ordinal returns n as an English ordinal: "1st", "22nd", "13th".
func ordinal(n int) string {
	suffix := "th"
	switch n % 100 {
	case 11, 12, 13:
	default:
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}
