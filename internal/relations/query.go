package relations

import (
	"fmt"
	"time"
)

// Query says which relation to follow and by which period.
type Query struct {
	// A and B are the actors. A code of 3 characters is a country or
	// region code, matched against an event actor's country code ("USA"
	// matches "USA", "USAGOV", "USAMIL"); a longer code is a full CAMEO
	// actor code, matched as a prefix of the event actor's code ("USAGOV"
	// matches "USAGOV" and "USAGOVLEG", "IGOUNO" the UN). Codes are 3 to
	// 15 upper-case letters or digits.
	A, B string
	// Directed keeps only the events with source A and target B; otherwise
	// events with source A and target B and those with source B and target
	// A are counted alike.
	Directed bool
	// By is the step of the series.
	By Period
	// Since and Until bound the events by their day, both included; the
	// zero time leaves that end open. Only their date in UTC counts.
	Since, Until time.Time
}

// Validate returns an error wrapping [ErrActor] for a bad or repeated
// actor code, [ErrPeriod] for a missing or unknown By, and [ErrRange] when
// Since is after Until.
func (q Query) Validate() error {
	for _, c := range [...]string{q.A, q.B} {
		if !validCode(c) {
			return fmt.Errorf("relations: %w: %q (want 3 to 15 upper-case letters or digits)", ErrActor, c)
		}
	}
	if q.A == q.B {
		return fmt.Errorf("relations: %w: %q twice", ErrActor, q.A)
	}
	if !q.By.valid() {
		return fmt.Errorf("relations: %w: %s", ErrPeriod, q.By)
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && Day.Trunc(q.Since).After(Day.Trunc(q.Until)) {
		return fmt.Errorf("relations: %w: since %s is after until %s", ErrRange, dayLabel(q.Since), dayLabel(q.Until))
	}
	return nil
}

func validCode(c string) bool {
	if len(c) < 3 || len(c) > 15 {
		return false
	}
	for i := range len(c) {
		if !('A' <= c[i] && c[i] <= 'Z' || '0' <= c[i] && c[i] <= '9') {
			return false
		}
	}
	return true
}
