package gdelt_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"worldmedia/internal/gdelt"
)

// sampleCodes is a small code table: a few codes of each root, with their
// CAMEO quad classes and Goldstein values, and one root heading ("01"),
// which the generator must not draw beside longer codes.
func sampleCodes() []gdelt.SampleCode {
	return []gdelt.SampleCode{
		code("01", 0, 1), code("010", 0, 1), code("012", -0.4, 1),
		code("020", 3, 1),
		code("030", 4, 1), code("036", 4, 1),
		code("040", 1, 1), code("042", 1.9, 1), code("043", 2.8, 1),
		code("051", 3.4, 1),
		code("061", 6.4, 2),
		code("070", 7, 2),
		code("081", 5, 2),
		code("090", -2, 2),
		code("100", -5, 3),
		code("111", -2, 3), code("112", -2, 3),
		code("120", -4, 3),
		code("130", -4.4, 3), code("138", -7, 3),
		code("140", -6.5, 3),
		code("150", -7.2, 4),
		code("161", -4, 4),
		code("173", -5, 4),
		code("180", -9, 4), code("1823", -10, 4),
		code("190", -10, 4), code("195", -10, 4),
		code("200", -10, 4),
	}
}

func code(c string, goldstein float64, quad int) gdelt.SampleCode {
	return gdelt.SampleCode{Code: c, Goldstein: goldstein, Quad: quad}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// tenYears is a sample config over ten years ending on a Monday, so that
// the last ISO week is whole.
func tenYears(rows int, seed uint64) gdelt.SampleConfig {
	return gdelt.SampleConfig{Rows: rows, Seed: seed, Start: day("2015-01-01"), End: day("2025-01-06"), Codes: sampleCodes()}
}

// readSample writes the sample of cfg and reads it back.
func readSample(tb testing.TB, cfg gdelt.SampleConfig) []gdelt.EventRow {
	tb.Helper()
	var b bytes.Buffer
	if err := gdelt.WriteSample(&b, cfg); err != nil {
		tb.Fatal(err)
	}
	var rows []gdelt.EventRow
	for r, err := range gdelt.ReadEvents(&b) {
		if err != nil {
			tb.Fatalf("reading the sample back: %v", err)
		}
		rows = append(rows, r)
	}
	return rows
}

func TestWriteSampleReadsBack(t *testing.T) {
	tests := []struct {
		name string
		cfg  gdelt.SampleConfig
	}{
		{"one row", gdelt.SampleConfig{Rows: 1, Start: day("2020-03-01"), End: day("2020-03-02"), Codes: sampleCodes()}},
		{"one day", gdelt.SampleConfig{Rows: 500, Seed: 3, Start: day("2020-03-01").Add(-time.Hour), End: day("2020-03-01").Add(time.Hour), Codes: sampleCodes()}},
		{"more rows than a chunk", gdelt.SampleConfig{Rows: 9000, Seed: 4, Start: day("2019-01-01"), End: day("2020-01-01"), FirstID: 1_000_000, Codes: sampleCodes()}},
		{"fewer rows than days", gdelt.SampleConfig{Rows: 10, Seed: 5, Start: day("2000-01-01"), End: day("2010-01-01"), Codes: sampleCodes()}},
		{"times of day", gdelt.SampleConfig{Rows: 3000, Seed: 6, Start: day("2021-06-01").Add(13 * time.Hour), End: day("2021-06-30").Add(5 * time.Hour), Codes: sampleCodes()}},
		{"ten years", tenYears(20_000, 7)},
	}
	codes := map[string]gdelt.SampleCode{}
	for _, c := range sampleCodes() {
		codes[c.Code] = c
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := readSample(t, tt.cfg)
			if len(rows) != tt.cfg.Rows {
				t.Fatalf("read %d records, want %d", len(rows), tt.cfg.Rows)
			}
			firstID := max(tt.cfg.FirstID, 1)
			for i, r := range rows {
				if err := checkSampleRow(r, firstID+int64(i), tt.cfg, codes); err != nil {
					t.Fatalf("record %d: %v", i, err)
				}
			}
		})
	}
}

// checkSampleRow checks what WriteSample promises of every record.
func checkSampleRow(r gdelt.EventRow, id int64, cfg gdelt.SampleConfig, codes map[string]gdelt.SampleCode) error {
	switch c, ok := codes[r.Code]; {
	case r.ID != id:
		return fmt.Errorf("ID %d, want %d", r.ID, id)
	case r.Date.Before(cfg.Start) || !r.Date.Before(cfg.End):
		return fmt.Errorf("date %s outside [%s, %s)", r.Date, cfg.Start, cfg.End)
	case !ok || r.Code == "01":
		return fmt.Errorf("code %q was not to be drawn", r.Code)
	case r.Quad != c.Quad || r.Goldstein != c.Goldstein:
		return fmt.Errorf("code %s has quad %d and Goldstein %v, want %d and %v", r.Code, r.Quad, r.Goldstein, c.Quad, c.Goldstein)
	case r.BaseCode != r.Code[:3] || r.RootCode != r.Code[:2]:
		return fmt.Errorf("code %s has base %s and root %s", r.Code, r.BaseCode, r.RootCode)
	case r.Actor1.CountryCode == "" || r.Actor1.Code != r.Actor1.CountryCode+r.Actor1.Type1Code || r.Actor1.Name == "":
		return fmt.Errorf("bad Actor1 %+v", r.Actor1)
	case r.Actor2.Code != "" && (r.Actor2.CountryCode == r.Actor1.CountryCode || r.Actor2.Code != r.Actor2.CountryCode+r.Actor2.Type1Code || r.Actor2.Name == ""):
		return fmt.Errorf("bad Actor2 %+v beside Actor1 %s", r.Actor2, r.Actor1.Code)
	case r.NumMentions < 1 || r.NumMentions > 10 || r.NumSources < 1 || r.NumSources > 3 ||
		r.NumArticles < r.NumSources || r.NumArticles > r.NumMentions:
		return fmt.Errorf("mentions %d, sources %d, articles %d", r.NumMentions, r.NumSources, r.NumArticles)
	case r.AvgTone < -10 || r.AvgTone > 5:
		return fmt.Errorf("tone %v", r.AvgTone)
	case r.ActionGeo.Type != gdelt.Country || r.Actor1Geo.Type != gdelt.NoLocation || r.Actor2Geo.Type != gdelt.NoLocation:
		return fmt.Errorf("geography types %s, %s, %s", r.Actor1Geo.Type, r.Actor2Geo.Type, r.ActionGeo.Type)
	case r.ActionGeo.CountryCode != gdelt.FIPS(r.ActionGeo.ISO2()) || r.ActionGeo.ISO2() == "":
		return fmt.Errorf("action country %q", r.ActionGeo.CountryCode)
	case r.Added.Sub(r.Date) < time.Hour || r.Added.Sub(r.Date) > 12*time.Hour:
		return fmt.Errorf("added %s for the day %s", r.Added, r.Date)
	case r.SourceURL != fmt.Sprintf("https://news.example.org/%s/%d", r.Date.Format("2006/01/02"), r.ID):
		return fmt.Errorf("URL %s", r.SourceURL)
	}
	return nil
}

func TestWriteSampleDeterministic(t *testing.T) {
	tests := []struct {
		name       string
		seed1      uint64
		seed2      uint64
		wantEquals bool
	}{
		{"same seed", 1, 1, true},
		{"seed 0", 0, 0, true},
		{"other seed", 1, 2, false},
	}
	write := func(seed uint64) []byte {
		var b bytes.Buffer
		if err := gdelt.WriteSample(&b, tenYears(10_000, seed)); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := bytes.Equal(write(tt.seed1), write(tt.seed2)); got != tt.wantEquals {
				t.Errorf("seeds %d and %d: equal output is %v, want %v", tt.seed1, tt.seed2, got, tt.wantEquals)
			}
		})
	}
}

func TestWriteSampleRootFrequencies(t *testing.T) {
	// The documented shares, in percent; they sum to 99.5.
	want := map[string]float64{
		"01": 12, "02": 5, "03": 6, "04": 22, "05": 8, "06": 3, "07": 3, "08": 2, "09": 2, "10": 2,
		"11": 7, "12": 2, "13": 3, "14": 2, "15": 1, "16": 2, "17": 7, "18": 4, "19": 6, "20": 0.5,
	}
	for k, v := range want {
		want[k] = v / 99.5
	}
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rows := readSample(t, tenYears(50_000, seed))
			got := map[string]float64{}
			for _, r := range rows {
				got[r.RootCode] += 1 / float64(len(rows))
			}
			if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0.15, 0.003)); diff != "" {
				t.Errorf("root shares (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteSampleWithinRoot(t *testing.T) {
	rows := readSample(t, tenYears(50_000, 1))
	n := map[string]float64{}
	for _, r := range rows {
		n[r.Code]++
	}
	// The codes of a root are drawn alike.
	got := map[string]float64{"012": n["012"] / n["010"], "036": n["036"] / n["030"], "1823": n["1823"] / n["180"]}
	want := map[string]float64{"012": 1, "036": 1, "1823": 1}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0.2, 0)); diff != "" {
		t.Errorf("ratios of codes of one root (-want +got):\n%s", diff)
	}
}

// usRussia returns the records between the United States and Russia.
func usRussia(rows []gdelt.EventRow) []gdelt.EventRow {
	var out []gdelt.EventRow
	for _, r := range rows {
		a, b := r.Actor1.CountryCode, r.Actor2.CountryCode
		if a == "USA" && b == "RUS" || a == "RUS" && b == "USA" {
			out = append(out, r)
		}
	}
	return out
}

func conflictShare(rows []gdelt.EventRow) float64 {
	n := 0
	for _, r := range rows {
		if r.Quad >= 3 {
			n++
		}
	}
	return float64(n) / float64(len(rows))
}

func goldsteinMean(rows []gdelt.EventRow) float64 {
	var sum float64
	for _, r := range rows {
		sum += r.Goldstein
	}
	return sum / float64(len(rows))
}

func TestWriteSampleTension(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			cfg := tenYears(100_000, seed)
			rows := readSample(t, cfg)
			pair := usRussia(rows)
			if share := float64(len(pair)) / float64(len(rows)); share < 0.055 || share > 0.065 {
				t.Errorf("USA–RUS records are %.3f of all, want about 0.06", share)
			}
			period := cfg.End.Sub(cfg.Start)
			early := cfg.Start.Add(period / 5)
			late := cfg.End.Add(-period / 20)
			var first, last []gdelt.EventRow
			weeks := map[string][]gdelt.EventRow{}
			lastWeek := ""
			for _, r := range pair {
				if r.Date.Before(early) {
					first = append(first, r)
				}
				if !r.Date.Before(late) {
					last = append(last, r)
				}
				y, w := r.Date.ISOWeek()
				k := fmt.Sprintf("%d-W%02d", y, w)
				weeks[k] = append(weeks[k], r)
				lastWeek = max(lastWeek, k)
			}
			if a, b := conflictShare(first), conflictShare(last); !(b > a+0.2) {
				t.Errorf("USA–RUS conflict share is %.2f in the first 20%% of the period, %.2f in the last 5%%", a, b)
			}
			// The last week is the worst on record: the highest conflict
			// share, and the lowest Goldstein mean of the weeks of at
			// least 10 records (as the relations barometer ranks them).
			top, low := conflictShare(weeks[lastWeek]), goldsteinMean(weeks[lastWeek])
			ranked := 0
			for k, w := range weeks {
				if k == lastWeek {
					continue
				}
				if conflictShare(w) >= top {
					t.Errorf("week %s has a conflict share of %.2f (%d records), the last week %s %.2f",
						k, conflictShare(w), len(w), lastWeek, top)
				}
				if len(w) >= 10 {
					ranked++
					if goldsteinMean(w) <= low {
						t.Errorf("week %s has a Goldstein mean of %.2f (%d records), the last week %s %.2f",
							k, goldsteinMean(w), len(w), lastWeek, low)
					}
				}
			}
			if len(weeks[lastWeek]) < 10 || ranked < len(weeks)*9/10 {
				t.Errorf("%d of %d weeks have 10 records or more, the last %d", ranked, len(weeks)-1, len(weeks[lastWeek]))
			}
		})
	}
}

// failWriter fails every write.
type failWriter struct{}

var errWrite = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWriteSampleWriterError(t *testing.T) {
	err := gdelt.WriteSample(failWriter{}, tenYears(10_000, 1))
	if !errors.Is(err, errWrite) {
		t.Errorf("err = %v, want %v", err, errWrite)
	}
}

func TestWriteSampleBadConfig(t *testing.T) {
	ok := tenYears(10, 1)
	with := func(f func(*gdelt.SampleConfig)) gdelt.SampleConfig {
		cfg := ok
		cfg.Codes = sampleCodes()
		f(&cfg)
		return cfg
	}
	add := func(c gdelt.SampleCode) func(*gdelt.SampleConfig) {
		return func(cfg *gdelt.SampleConfig) { cfg.Codes = append(cfg.Codes, c) }
	}
	tests := []struct {
		name string
		cfg  gdelt.SampleConfig
		want string // in the message
	}{
		{"no rows", with(func(c *gdelt.SampleConfig) { c.Rows = 0 }), "Rows"},
		{"negative rows", with(func(c *gdelt.SampleConfig) { c.Rows = -5 }), "Rows"},
		{"end before start", with(func(c *gdelt.SampleConfig) { c.Start, c.End = c.End, c.Start }), "no day"},
		{"end at start", with(func(c *gdelt.SampleConfig) { c.End = c.Start }), "no day"},
		{"no midnight", with(func(c *gdelt.SampleConfig) {
			c.Start, c.End = day("2020-01-01").Add(time.Hour), day("2020-01-01").Add(20*time.Hour)
		}), "no day"},
		{"zero times", gdelt.SampleConfig{Rows: 1, Codes: sampleCodes()}, "no day"},
		{"year 10000", with(func(c *gdelt.SampleConfig) { c.End = day("9999-12-31").AddDate(0, 0, 2) }), "years"},
		{"negative first ID", with(func(c *gdelt.SampleConfig) { c.FirstID = -1 }), "FirstID"},
		{"no codes", with(func(c *gdelt.SampleConfig) { c.Codes = nil }), "no codes"},
		{"quad 0", with(add(code("191", -10, 0))), "quad"},
		{"quad 5", with(add(code("191", -10, 5))), "quad"},
		{"Goldstein 11", with(add(code("191", 11, 4))), "Goldstein"},
		{"Goldstein NaN", with(add(code("191", math.NaN(), 4))), "Goldstein"},
		{"root 21", with(add(code("210", -10, 4))), "root"},
		{"root 00", with(add(code("001", 0, 1))), "root"},
		{"one digit", with(add(code("1", 0, 1))), "digits"},
		{"five digits", with(add(code("19111", 0, 4))), "digits"},
		{"letters", with(add(code("19a", -10, 4))), "digits"},
		{"twice", with(add(code("190", -10, 4))), "twice"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			err := gdelt.WriteSample(&b, tt.cfg)
			if !errors.Is(err, gdelt.ErrSampleConfig) {
				t.Fatalf("err = %v, want %v", err, gdelt.ErrSampleConfig)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %q, want it to name %q", err, tt.want)
			}
			if b.Len() > 0 {
				t.Errorf("wrote %d bytes", b.Len())
			}
		})
	}
}

func BenchmarkWriteSample(b *testing.B) {
	cfg := tenYears(100_000, 1)
	b.ReportAllocs()
	start := time.Now()
	loops := 0
	for b.Loop() {
		if err := gdelt.WriteSample(io.Discard, cfg); err != nil {
			b.Fatal(err)
		}
		loops++
	}
	b.ReportMetric(float64(cfg.Rows*loops)/time.Since(start).Seconds(), "rows/s")
}
