package eval_test

import (
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"worldmedia/internal/article"
	"worldmedia/internal/eval"
)

// geoGold is a tiny gold set written for this test: offsets are code
// points, so "Zürich" (ü is two bytes) shifts every later byte offset.
const geoGold = `{"id":"a","text":"Zürich and Bern, not Paris.","toponyms":[` +
	`{"start":0,"end":6,"name":"Zürich","lat":47.37,"lon":8.55,"geonameid":"2657896"},` +
	`{"start":11,"end":15,"name":"Bern","lat":46.95,"lon":7.45,"geonameid":"2661552"},` +
	`{"start":21,"end":26,"name":"Paris","lat":48.85,"lon":2.35,"geonameid":"2988507"}]}
{"id":"b","text":"Somewhere.","toponyms":[{"start":0,"end":9,"name":"Somewhere","lat":null,"lon":null,"geonameid":""}]}
`

// fakeGeo places the words it knows, as a geocoder would.
func fakeGeo(_ context.Context, a *article.Article) error {
	known := map[string][2]float64{"Zürich": {47.37, 8.55}, "Bern": {46.95, 7.45}, "Paris": {33.66, -95.55}, "not": {0, 0}}
	for w, ll := range known {
		if i := strings.Index(a.Text, w); i >= 0 {
			a.Places = append(a.Places, article.Place{Name: w, Resolved: w, Lat: ll[0], Lon: ll[1],
				Mentions: []article.Span{{Start: i, End: i + len(w)}}})
		}
	}
	return nil
}

func TestScoreGeo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tiny.dev.jsonl")
	if err := os.WriteFile(path, []byte(geoGold), 0o644); err != nil {
		t.Fatal(err)
	}
	sc, err := eval.ScoreGeo(context.Background(), path, fakeGeo, 10)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Set != "tiny" || sc.Records != 2 || sc.Gold != 3 || sc.Found != 3 || sc.Within161 != 2 {
		t.Errorf("counts: %+v", sc)
	}
	// "not" overlaps no gold toponym.
	if sc.Predicted != 4 || sc.PredictedOK != 3 {
		t.Errorf("predicted %d, overlapping gold %d; want 4, 3", sc.Predicted, sc.PredictedOK)
	}
	if math.Abs(sc.Acc161-2.0/3) > 1e-9 || math.Abs(sc.Precision-0.75) > 1e-9 {
		t.Errorf("acc161 %.3f precision %.3f", sc.Acc161, sc.Precision)
	}
	if sc.MedianKm != 0 || sc.MeanKm < 2500 {
		t.Errorf("mean %.0f km, median %.1f km: want Paris, Texas about 7,800 km off and a median of 0", sc.MeanKm, sc.MedianKm)
	}
	want := []eval.GeoError{{ID: "a", Name: "Paris", Context: "Zürich and Bern, not [Paris].", Resolved: "Paris"}}
	if diff := cmp.Diff(want, sc.Errors, cmpopts.IgnoreFields(eval.GeoError{}, "Km")); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestScoreGeoBadOffsets(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.jsonl")
	bad := `{"id":"x","text":"Bern","toponyms":[{"start":2,"end":9,"name":"Bern","lat":1,"lon":2}]}`
	if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := eval.ScoreGeo(context.Background(), path, fakeGeo, 0); !errors.Is(err, eval.ErrOffsets) {
		t.Errorf("error %v, want ErrOffsets", err)
	}
}

func TestTotalGeo(t *testing.T) {
	a := &eval.GeoScore{Set: "a", Gold: 2, Found: 2, Within161: 1, Predicted: 2, PredictedOK: 2}
	b := &eval.GeoScore{Set: "b", Gold: 2, Found: 0, Within161: 0, Predicted: 2, PredictedOK: 0}
	tot := eval.TotalGeo([]*eval.GeoScore{a, b})
	if tot.Gold != 4 || tot.Acc161 != 0.25 || tot.Recall != 0.5 || tot.Precision != 0.5 {
		t.Errorf("total %+v", tot)
	}
}
