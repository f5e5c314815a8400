package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// GeoToponym is one gold toponym of a geoparsing set. Start and End are
// offsets in Unicode code points, as the sets give them.
type GeoToponym struct {
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Name      string   `json:"name"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
	GeonameID string   `json:"geonameid"`
	// Type is GeoWebNews' pragmatic type ("Literal", "Demonym"), "" in
	// the other sets.
	Type string `json:"type"`
}

// GeoRecord is one article of a geoparsing gold set
// (../shared/data/geo/*.jsonl).
type GeoRecord struct {
	ID       string       `json:"id"`
	Source   string       `json:"source"`
	Title    string       `json:"title"`
	Date     string       `json:"date"`
	Text     string       `json:"text"`
	Toponyms []GeoToponym `json:"toponyms"`
}

// ErrOffsets is a gold toponym whose offsets do not lie within its text.
var ErrOffsets = errors.New("toponym offsets outside the text")

// GeoScore is the result of geocoding a gold set.
type GeoScore struct {
	Set     string `json:"set"`
	Records int    `json:"records"`
	// Gold counts the gold toponyms with coordinates; Found those a
	// predicted place mention overlaps; Within161 those found within
	// 161 km (100 miles) of the gold position.
	Gold      int `json:"gold_toponyms"`
	Found     int `json:"found"`
	Within161 int `json:"within_161km"`
	// Predicted counts the predicted place mentions; PredictedOK those that
	// overlap a gold toponym (with or without coordinates).
	Predicted   int `json:"predicted_mentions"`
	PredictedOK int `json:"predicted_overlapping_gold"`

	// Recall is Found/Gold; Acc161 is Within161/Gold (a missed toponym
	// counts as wrong); Precision is PredictedOK/Predicted.
	Recall    float64 `json:"recall"`
	Acc161    float64 `json:"acc_161km"`
	Precision float64 `json:"precision"`
	// MeanKm and MedianKm are the error distances over found toponyms.
	MeanKm   float64 `json:"mean_error_km"`
	MedianKm float64 `json:"median_error_km"`

	// Errors are the worst resolutions and the misses, worst first.
	Errors []GeoError `json:"errors,omitempty"`

	errs []float64 // error distance of each found toponym
}

// GeoError is a gold toponym that was missed or placed more than 161 km
// away.
type GeoError struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// Context is the text around the toponym.
	Context string `json:"context"`
	// Resolved is the predicted place ("" when missed), Km its distance.
	Resolved string  `json:"resolved"`
	Country  string  `json:"country"`
	Km       float64 `json:"km"`
}

// ReadGeo reads a geoparsing gold set.
func ReadGeo(path string) ([]GeoRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []GeoRecord
	r := bufio.NewReader(f)
	for line := 1; ; line++ {
		b, err := r.ReadBytes('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			var rec GeoRecord
			if jerr := json.Unmarshal(b, &rec); jerr != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, jerr)
			}
			out = append(out, rec)
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
}

// GeoSetName returns a gold file's set name: "lgl" for lgl.dev.jsonl.
func GeoSetName(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), ".jsonl")
	return strings.TrimSuffix(strings.TrimSuffix(base, ".dev"), ".test")
}

// ScoreGeo runs analyze over every record of a geoparsing gold set and
// scores the places it writes against the gold toponyms: a gold toponym
// with coordinates is found when a predicted place mention overlaps it, and
// right when that place lies within 161 km. maxErrors bounds the errors
// kept.
func ScoreGeo(ctx context.Context, path string, analyze Analyzer, maxErrors int) (*GeoScore, error) {
	recs, err := ReadGeo(path)
	if err != nil {
		return nil, err
	}
	sc := &GeoScore{Set: GeoSetName(path)}
	var errs []GeoError
	for _, rec := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a := &article.Article{ID: rec.ID, Title: rec.Title, Source: rec.Source, Text: rec.Text}
		if d, err := article.ParseDate(rec.Date); err == nil {
			a.Date = d
		}
		if err := analyze(ctx, a); err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, rec.ID, err)
		}
		gold, err := byteSpans(rec)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", path, rec.ID, err)
		}
		sc.Records++
		errs = append(errs, sc.add(rec, gold, a.Places)...)
	}
	sc.finish()
	slices.SortStableFunc(errs, func(x, y GeoError) int {
		return cmpFloat(y.Km, x.Km)
	})
	if len(errs) > maxErrors {
		errs = errs[:maxErrors]
	}
	sc.Errors = errs
	return sc, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// byteSpans converts the code-point offsets of a record's toponyms to byte
// spans of its text.
func byteSpans(rec GeoRecord) ([]article.Span, error) {
	// offs[i] is the byte offset of code point i; offs[n] = len(text).
	offs := make([]int, 0, len(rec.Text)+1)
	for i := range rec.Text {
		offs = append(offs, i)
	}
	offs = append(offs, len(rec.Text))
	out := make([]article.Span, len(rec.Toponyms))
	for i, t := range rec.Toponyms {
		if t.Start < 0 || t.End < t.Start || t.End >= len(offs) {
			return nil, fmt.Errorf("toponym %q [%d,%d): %w", t.Name, t.Start, t.End, ErrOffsets)
		}
		out[i] = article.Span{Start: offs[t.Start], End: offs[t.End]}
	}
	return out, nil
}

// add scores one record and returns its errors.
func (sc *GeoScore) add(rec GeoRecord, gold []article.Span, places []article.Place) []GeoError {
	var errs []GeoError
	for _, p := range places {
		for _, m := range p.Mentions {
			sc.Predicted++
			for _, g := range gold {
				if m.Overlaps(g) {
					sc.PredictedOK++
					break
				}
			}
		}
	}
	for i, t := range rec.Toponyms {
		if t.Lat == nil || t.Lon == nil {
			continue
		}
		sc.Gold++
		g := gold[i]
		var best *article.Place
		bestOver := 0
		for pi := range places {
			for _, m := range places[pi].Mentions {
				if !m.Overlaps(g) {
					continue
				}
				if ov := min(m.End, g.End) - max(m.Start, g.Start); ov > bestOver {
					best, bestOver = &places[pi], ov
				}
			}
		}
		ge := GeoError{ID: rec.ID, Name: t.Name, Context: around(rec.Text, g, 60)}
		if best == nil {
			ge.Km = math.Inf(1)
			errs = append(errs, ge)
			continue
		}
		sc.Found++
		km := haversineKm(*t.Lat, *t.Lon, best.Lat, best.Lon)
		sc.errs = append(sc.errs, km)
		if km <= 161 {
			sc.Within161++
			continue
		}
		ge.Resolved, ge.Country, ge.Km = best.Resolved, best.Country, km
		errs = append(errs, ge)
	}
	return errs
}

// finish computes the rates from the counts.
func (sc *GeoScore) finish() {
	if sc.Gold > 0 {
		sc.Recall = float64(sc.Found) / float64(sc.Gold)
		sc.Acc161 = float64(sc.Within161) / float64(sc.Gold)
	}
	if sc.Predicted > 0 {
		sc.Precision = float64(sc.PredictedOK) / float64(sc.Predicted)
	}
	sc.MeanKm, sc.MedianKm = 0, 0
	if n := len(sc.errs); n > 0 {
		s := slices.Clone(sc.errs)
		slices.Sort(s)
		var sum float64
		for _, v := range s {
			sum += v
		}
		sc.MeanKm = sum / float64(n)
		sc.MedianKm = s[n/2]
		if n%2 == 0 {
			sc.MedianKm = (s[n/2-1] + s[n/2]) / 2
		}
	}
}

// TotalGeo sums the scores of several sets into an "overall" row.
func TotalGeo(scores []*GeoScore) *GeoScore {
	t := &GeoScore{Set: "overall"}
	for _, s := range scores {
		t.Records += s.Records
		t.Gold += s.Gold
		t.Found += s.Found
		t.Within161 += s.Within161
		t.Predicted += s.Predicted
		t.PredictedOK += s.PredictedOK
		t.errs = append(t.errs, s.errs...)
	}
	t.finish()
	return t
}

// around returns the text around a span, on one line, with the span in
// brackets.
func around(text string, s article.Span, n int) string {
	lo, hi := max(s.Start-n, 0), min(s.End+n, len(text))
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	out := text[lo:s.Start] + "[" + text[s.Start:s.End] + "]" + text[s.End:hi]
	return strings.Join(strings.Fields(out), " ")
}

// haversineKm is the great-circle distance between two points in degrees.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}
