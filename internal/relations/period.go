package relations

import (
	"fmt"
	"strings"
	"time"
)

// Period is the step of a series. The zero Period is no period: a [Query]
// must name one.
type Period uint8

const (
	// Day is a calendar day in UTC.
	Day Period = iota + 1
	// Week is an ISO week, Monday to Sunday in UTC, as DuckDB's
	// date_trunc('week').
	Week
	// Month is a calendar month in UTC.
	Month
	// Year is a calendar year in UTC.
	Year
	numPeriods = Year
)

var periodNames = [...]string{Day: "day", Week: "week", Month: "month", Year: "year"}

// String returns the name of the period: "day", "week", "month", "year".
func (p Period) String() string {
	if p.valid() {
		return periodNames[p]
	}
	return fmt.Sprintf("Period(%d)", uint8(p))
}

func (p Period) valid() bool { return p >= Day && p <= numPeriods }

// ParsePeriod returns the period named s ("day", "week", "month" or "year",
// in any case). It returns an error wrapping [ErrPeriod] for any other s.
func ParsePeriod(s string) (Period, error) {
	for p := Day; p <= numPeriods; p++ {
		if strings.EqualFold(s, periodNames[p]) {
			return p, nil
		}
	}
	return 0, fmt.Errorf("relations: %w: %q (want day, week, month or year)", ErrPeriod, s)
}

// MarshalText encodes p as its name, so that a [Report] says "by": "week".
func (p Period) MarshalText() ([]byte, error) {
	if !p.valid() {
		return nil, fmt.Errorf("relations: %w: %d", ErrPeriod, uint8(p))
	}
	return []byte(periodNames[p]), nil
}

// UnmarshalText decodes a period name, as [ParsePeriod].
func (p *Period) UnmarshalText(b []byte) error {
	q, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// Trunc returns the start of the period containing t, at midnight UTC.
// Weeks start on Monday. The zero Period truncates to the day.
func (p Period) Trunc(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	switch p {
	case Week:
		// Monday is 0: Go's Weekday counts from Sunday.
		back := (int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Weekday()) + 6) % 7
		return time.Date(y, m, d-back, 0, 0, 0, 0, time.UTC)
	case Month:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case Year:
		return time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
	default:
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
}

// Next returns the start of the period after the one containing t.
func (p Period) Next(t time.Time) time.Time {
	s := p.Trunc(t)
	switch p {
	case Week:
		return s.AddDate(0, 0, 7)
	case Month:
		return s.AddDate(0, 1, 0)
	case Year:
		return s.AddDate(1, 0, 0)
	default:
		return s.AddDate(0, 0, 1)
	}
}

// Label returns the name of the period containing t: "2017-04-13" for a
// day, "2017-04-10" for a week (its Monday), "2017-04" for a month, "2017"
// for a year.
func (p Period) Label(t time.Time) string {
	s := p.Trunc(t)
	switch p {
	case Month:
		return s.Format("2006-01")
	case Year:
		return s.Format("2006")
	default:
		return s.Format(time.DateOnly)
	}
}

// count returns the number of periods from the one containing a to the one
// containing b, both included; 0 when b is before a.
func (p Period) count(a, b time.Time) int64 {
	a, b = p.Trunc(a), p.Trunc(b)
	if b.Before(a) {
		return 0
	}
	switch p {
	case Month:
		return int64(b.Year()-a.Year())*12 + int64(b.Month()-a.Month()) + 1
	case Year:
		return int64(b.Year()-a.Year()) + 1
	}
	// Midnights in UTC are whole days apart; b.Sub(a) would saturate
	// beyond 292 years, Unix seconds do not.
	days := daysSinceEpoch(b) - daysSinceEpoch(a)
	if p == Week {
		return days/7 + 1
	}
	return days + 1
}

// daysSinceEpoch returns the days from 1970-01-01 to t, a midnight UTC.
func daysSinceEpoch(t time.Time) int64 { return t.Unix() / 86400 }
