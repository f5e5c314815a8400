package relations_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/relations"
)

// at parses an RFC 3339 time or a YYYY-MM-DD day (UTC); it panics on a typo
// in a test table.
func at(s string) time.Time {
	layout := time.RFC3339
	if len(s) == len(time.DateOnly) {
		layout = time.DateOnly
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestPeriodSteps(t *testing.T) {
	type steps struct{ Trunc, Next, Label string }
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	tests := []struct {
		name string
		by   relations.Period
		t    string
		want steps
	}{
		{"day mid-day", relations.Day, "2017-04-13T15:04:05Z", steps{"2017-04-13", "2017-04-14", "2017-04-13"}},
		{"day end of month", relations.Day, "2017-04-30T23:59:59Z", steps{"2017-04-30", "2017-05-01", "2017-04-30"}},
		{"day end of year", relations.Day, "2016-12-31T12:00:00Z", steps{"2016-12-31", "2017-01-01", "2016-12-31"}},
		{"day leap", relations.Day, "2016-02-28T00:00:00Z", steps{"2016-02-28", "2016-02-29", "2016-02-28"}},
		{"day in another zone is its UTC day", relations.Day, "2017-04-13T23:30:00-05:00", steps{"2017-04-14", "2017-04-15", "2017-04-14"}},
		{"week thursday", relations.Week, "2017-04-13T10:00:00Z", steps{"2017-04-10", "2017-04-17", "2017-04-10"}},
		{"week monday", relations.Week, "2017-04-10T00:00:00Z", steps{"2017-04-10", "2017-04-17", "2017-04-10"}},
		{"week sunday belongs to the monday before", relations.Week, "2017-04-16T23:59:59Z", steps{"2017-04-10", "2017-04-17", "2017-04-10"}},
		{"week across months", relations.Week, "2017-05-02T00:00:00Z", steps{"2017-05-01", "2017-05-08", "2017-05-01"}},
		{"week across years", relations.Week, "2017-01-01T08:00:00Z", steps{"2016-12-26", "2017-01-02", "2016-12-26"}},
		{"week ending in the new year", relations.Week, "2018-12-31T00:00:00Z", steps{"2018-12-31", "2019-01-07", "2018-12-31"}},
		{"month", relations.Month, "2017-04-13T10:00:00Z", steps{"2017-04-01", "2017-05-01", "2017-04"}},
		{"month of 31 days", relations.Month, "2017-01-31T10:00:00Z", steps{"2017-01-01", "2017-02-01", "2017-01"}},
		{"month across years", relations.Month, "2016-12-31T23:00:00Z", steps{"2016-12-01", "2017-01-01", "2016-12"}},
		{"year", relations.Year, "2017-04-13T10:00:00Z", steps{"2017-01-01", "2018-01-01", "2017"}},
		{"year last day", relations.Year, "2016-12-31T23:59:59Z", steps{"2016-01-01", "2017-01-01", "2016"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tm := at(tt.t)
			got := steps{day(tt.by.Trunc(tm)), day(tt.by.Next(tm)), tt.by.Label(tm)}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%s of %s (-want +got):\n%s", tt.by, tt.t, diff)
			}
			if loc := tt.by.Trunc(tm).Location(); loc != time.UTC {
				t.Errorf("Trunc location %v, want UTC", loc)
			}
		})
	}
}

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		in      string
		want    relations.Period
		wantErr bool
	}{
		{"day", relations.Day, false},
		{"week", relations.Week, false},
		{"Month", relations.Month, false},
		{"YEAR", relations.Year, false},
		{"", 0, true},
		{"weekly", 0, true},
		{"quarter", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := relations.ParsePeriod(tt.in)
			if tt.wantErr {
				if !errors.Is(err, relations.ErrPeriod) {
					t.Fatalf("ParsePeriod(%q) error %v, want ErrPeriod", tt.in, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want || got.String() != strings.ToLower(tt.in) {
				t.Errorf("ParsePeriod(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestPeriodText(t *testing.T) {
	var got struct{ By relations.Period }
	if err := json.Unmarshal([]byte(`{"By":"month"}`), &got); err != nil {
		t.Fatal(err)
	}
	if got.By != relations.Month {
		t.Errorf("decoded %v, want month", got.By)
	}
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(`{"By":"month"}`, string(b)); diff != "" {
		t.Errorf("encoded (-want +got):\n%s", diff)
	}
	if _, err := json.Marshal(struct{ By relations.Period }{}); !errors.Is(err, relations.ErrPeriod) {
		t.Errorf("encoding the zero period: error %v, want ErrPeriod", err)
	}
	if s := relations.Period(9).String(); s != "Period(9)" {
		t.Errorf("String of a bad period = %q", s)
	}
}
