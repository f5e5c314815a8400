package events

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"worldmedia/internal/article"
)

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]time.Month{
	"january": 1, "jan.": 1, "jan": 1, "february": 2, "feb.": 2, "feb": 2, "march": 3, "mar.": 3,
	"april": 4, "apr.": 4, "may": 5, "june": 6, "july": 7, "august": 8, "aug.": 8, "september": 9,
	"sept.": 9, "sep.": 9, "october": 10, "oct.": 10, "november": 11, "nov.": 11, "december": 12, "dec.": 12,
}

// dateExpr is a date expression of a sentence, resolved.
type dateExpr struct {
	at         int       // token index
	date       time.Time // zero when historical
	historical bool      // dates its clause to an earlier year
}

// dateExpressions finds the date expressions of a sentence and resolves
// them against the publication date pub: "on Wednesday" is the latest
// Wednesday on or before it, "yesterday" the day before, "last week" seven
// days before, "three days ago" and "two weeks ago" so many days before,
// "April 12" that day of the publication year (or the year before, when
// that day is still to come). "in 2014", "last year" and "18 years ago"
// date their clause to an earlier year: historical. Without a publication date
// nothing resolves.
func (c *Coder) dateExpressions(pub time.Time, toks []tok) []dateExpr {
	if pub.IsZero() {
		return nil
	}
	pub = time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
	var out []dateExpr
	add := func(i int, d time.Time) { out = append(out, dateExpr{at: i, date: d}) }
	for i, t := range toks {
		w := t.lower
		next, prev := "", ""
		if i+1 < len(toks) {
			next = toks[i+1].lower
		}
		if i > 0 {
			prev = toks[i-1].lower
		}
		wd, isDay := weekdays[w]
		switch {
		case isDay:
			if t.tag != "NNP" && t.tag != "NN" && t.tag != "" {
				continue
			}
			back := (int(pub.Weekday()) - int(wd) + 7) % 7
			if prev == "last" && back == 0 {
				back = 7
			}
			add(i, pub.AddDate(0, 0, -back))
		case w == "yesterday":
			add(i, pub.AddDate(0, 0, -1))
		case w == "today" || w == "tonight":
			add(i, pub)
		case prev == "this" && (w == "week" || w == "month" || w == "year"):
			// Within the publication's week, month or year: dated by it.
			add(i, pub)
		case prev == "last" && w == "night":
			add(i, pub.AddDate(0, 0, -1))
		case w == "weekend" && (prev == "the" || prev == "last"):
			// "over the weekend", "last weekend": the Saturday before the
			// publication (its own when it is one).
			back := (int(pub.Weekday()) - int(time.Saturday) + 7) % 7
			if prev == "last" && back == 0 {
				back = 7
			}
			add(i, pub.AddDate(0, 0, -back))
		case prev == "last" && w == "week":
			add(i, pub.AddDate(0, 0, -7))
		case prev == "last" && w == "month":
			add(i, pub.AddDate(0, -1, 0))
		case prev == "last" && w == "year":
			out = append(out, dateExpr{at: i, historical: true})
		case w == "ago" && i >= 2:
			// "three days ago", "two weeks ago", "18 years ago".
			n, ok := countWord(toks[i-2].lower)
			if !ok {
				continue
			}
			switch strings.TrimSuffix(prev, "s") {
			case "day":
				add(i, pub.AddDate(0, 0, -n))
			case "week":
				add(i, pub.AddDate(0, 0, -7*n))
			case "month":
				add(i, pub.AddDate(0, -n, 0))
			case "year", "decade", "century":
				out = append(out, dateExpr{at: i, historical: true})
			}
		case months[w] != 0 && t.tag == "NNP":
			if d, ok := dayNumber(next); ok {
				add(i, pastDate(pub, months[w], d, toks, i+2))
			} else if d, ok := dayNumber(prev); ok {
				add(i, pastDate(pub, months[w], d, toks, i+1))
			} else if prev == "in" || prev == "last" {
				// "in December", "last March", "in May 2015": the month
				// most recently past, dated by its first day (by the
				// publication date within it); an earlier year's is
				// historical.
				if y, ok := year(next); ok {
					if y < pub.Year() {
						out = append(out, dateExpr{at: i, historical: true})
					} else if d := time.Date(y, months[w], 1, 0, 0, 0, 0, time.UTC); !d.After(pub) {
						add(i, d)
					}
					continue
				}
				if months[w] == pub.Month() && prev == "in" {
					add(i, pub)
					continue
				}
				d := time.Date(pub.Year(), months[w], 1, 0, 0, 0, 0, time.UTC)
				if !d.Before(time.Date(pub.Year(), pub.Month(), 1, 0, 0, 0, 0, time.UTC)) {
					d = d.AddDate(-1, 0, 0)
				}
				add(i, d)
			}
		default:
			// "in 2014" dates the clause; "its 2014 annexation" dates only
			// that noun (see yearBefore).
			if y, ok := year(w); ok && y < pub.Year() && prev == "in" && !isEventNounTag(toks, i+1) {
				out = append(out, dateExpr{at: i, historical: true})
			}
		}
	}
	return out
}

// dateReach is how many tokens away from an event a date expression may be
// and still date it; farther ones modify something else ("the attack last
// week" in a sentence about today's talks).
const dateReach = 10

// nearestDate returns the date of the expression nearest to token i within
// dateReach (the publication date when there is none), and whether it is
// historical.
func nearestDate(ds []dateExpr, i int, pub time.Time) (string, bool) {
	best := -1
	for k, d := range ds {
		if abs(d.at-i) <= dateReach && (best < 0 || abs(d.at-i) < abs(ds[best].at-i)) {
			best = k
		}
	}
	if best < 0 {
		if pub.IsZero() {
			return "", false
		}
		return pub.Format(article.DateLayout), false
	}
	if ds[best].historical {
		return "", true
	}
	return ds[best].date.Format(article.DateLayout), false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func isEventNounTag(toks []tok, i int) bool {
	return i < len(toks) && (toks[i].tag == "NN" || toks[i].tag == "NNS")
}

// pastDate returns month/day in the publication year, or the year given
// right after it ("April 12, 2016"), or the year before when that day is
// after the publication date.
func pastDate(pub time.Time, m time.Month, d int, toks []tok, after int) time.Time {
	y := pub.Year()
	for k := after; k < len(toks) && k <= after+1; k++ {
		if yy, ok := year(toks[k].lower); ok {
			return time.Date(yy, m, d, 0, 0, 0, 0, time.UTC)
		}
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.After(pub) {
		t = t.AddDate(-1, 0, 0)
	}
	return t
}

func dayNumber(s string) (int, bool) {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if len(s) > len(suf) && s[len(s)-len(suf):] == suf {
			s = s[:len(s)-len(suf)]
			break
		}
	}
	d, err := strconv.Atoi(s)
	return d, err == nil && d >= 1 && d <= 31
}

// countWord parses a small count written in digits or words ("3", "three",
// "a").
func countWord(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 0 && n < 1000
	}
	n := slices.Index([]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve"}, s)
	if s == "a" || s == "an" {
		n = 1
	}
	return n, n >= 0
}

// year parses a four-digit year from 1900 to 2100.
func year(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	return y, err == nil && y >= 1900 && y <= 2100
}
