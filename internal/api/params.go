package api

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// paramError is a bad parameter: its message names the parameter.
type paramError struct {
	name, problem string
}

func (e *paramError) Error() string { return e.name + ": " + e.problem }

func (e *paramError) Unwrap() error { return ErrParam }

func badParam(name, format string, args ...any) error {
	return &paramError{name: name, problem: fmt.Sprintf(format, args...)}
}

// params are a request's query parameters, each given once, checked
// against the names its route accepts. An empty value is a parameter not
// given. The typed getters record the first error, reported by err.
type params struct {
	vals map[string]string
	err  error
}

// parseParams parses a raw query string and checks it: every name is
// accepted, given once, and every value is UTF-8 without control
// characters and at most maxValue bytes.
func parseParams(raw string, accepted []string) (*params, error) {
	p := &params{}
	if raw == "" {
		return p, nil
	}
	q, err := url.ParseQuery(raw)
	if err != nil {
		return nil, badParam("query", "%v", err)
	}
	var unknown []string
	names := slices.Sorted(maps.Keys(q))
	for _, name := range names {
		vs := q[name]
		if !slices.Contains(accepted, name) {
			unknown = append(unknown, strconv.Quote(clip(name)))
			continue
		}
		if len(vs) > 1 {
			return nil, badParam(name, "given %d times, at most once", len(vs))
		}
		if err := checkValue(name, vs[0]); err != nil {
			return nil, err
		}
	}
	if len(unknown) > 0 {
		want := "none"
		if len(accepted) > 0 {
			want = strings.Join(accepted, ", ")
		}
		noun := "unknown parameter"
		if len(unknown) > 1 {
			noun += "s"
		}
		return nil, &paramError{name: noun + " " + strings.Join(unknown, ", "), problem: "accepted: " + want}
	}
	p.vals = make(map[string]string, len(q))
	for name, vs := range q {
		if vs[0] != "" {
			p.vals[name] = vs[0]
		}
	}
	return p, nil
}

// checkValue refuses a value longer than maxValue bytes, not UTF-8 or with
// control characters, which no parameter needs and the database should not
// see.
func checkValue(name, v string) error {
	if len(v) > maxValue {
		return badParam(name, "%d bytes, at most %d", len(v), maxValue)
	}
	if !utf8.ValidString(v) {
		return badParam(name, "not UTF-8")
	}
	for _, r := range v {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return badParam(name, "control character %U", r)
		}
	}
	return nil
}

// clip shortens a name quoted in a message.
func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 40
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// fail records the first error.
func (p *params) fail(err error) {
	if p.err == nil {
		p.err = err
	}
}

// str returns the value of name, "" when not given.
func (p *params) str(name string) string { return p.vals[name] }

// bool returns the value of name: true, false, 1 or 0; false when not
// given.
func (p *params) bool(name string) bool {
	switch v := p.vals[name]; v {
	case "", "false", "0":
		return false
	case "true", "1":
		return true
	default:
		p.fail(badParam(name, "want true, false, 1 or 0, got %q", clip(v)))
		return false
	}
}

// int returns the value of name, def when not given; a value outside
// lo..hi is an error.
func (p *params) int(name string, def, lo, hi int) int {
	v, ok := p.vals[name]
	if !ok {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			p.fail(badParam(name, "want %d..%d, got %s", lo, hi, clip(v)))
		} else {
			p.fail(badParam(name, "want an integer, got %q", clip(v)))
		}
		return def
	}
	if n < lo || n > hi {
		p.fail(badParam(name, "want %d..%d, got %d", lo, hi, n))
		return def
	}
	return n
}

// date returns the value of name as a day (YYYY-MM-DD), the zero time
// when not given.
func (p *params) date(name string) time.Time {
	v, ok := p.vals[name]
	if !ok {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil || t.Year() < 1 {
		p.fail(badParam(name, "want a date YYYY-MM-DD, got %q", clip(v)))
		return time.Time{}
	}
	return t
}

// dates returns the since and until parameters, until not before since.
func (p *params) dates() (since, until time.Time) {
	since, until = p.date("since"), p.date("until")
	if !since.IsZero() && !until.IsZero() && until.Before(since) {
		p.fail(badParam("until", "%s is before since %s", until.Format(time.DateOnly), since.Format(time.DateOnly)))
	}
	return since, until
}

// actor returns the value of name upper-cased as an actor code: 3 to 15
// ASCII letters or digits.
func (p *params) actor(name string) string {
	v := p.vals[name]
	if v == "" {
		return ""
	}
	if len(v) < 3 || len(v) > 15 || !alnum(v) {
		p.fail(badParam(name, "want an actor code of 3 to 15 letters or digits, got %q", clip(v)))
		return ""
	}
	return strings.ToUpper(v)
}

// alnum reports whether s has only ASCII letters and digits.
func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// oneOf returns the value of name, which must be one of choices; def when
// not given.
func (p *params) oneOf(name, def string, choices ...string) string {
	v, ok := p.vals[name]
	if !ok {
		return def
	}
	if !slices.Contains(choices, v) {
		p.fail(badParam(name, "want %s, got %q", strings.Join(choices, ", "), clip(v)))
		return def
	}
	return v
}
