package gdelt_test

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/gdelt"
)

func TestSplitActorCode(t *testing.T) {
	tests := []struct {
		code string
		want gdelt.Actor
	}{
		{"", gdelt.Actor{}},
		{"US", gdelt.Actor{Code: "US"}},
		{"USA", gdelt.Actor{Code: "USA", CountryCode: "USA"}},
		{"USAGOV", gdelt.Actor{Code: "USAGOV", CountryCode: "USA", Type1Code: "GOV"}},
		{"AFR", gdelt.Actor{Code: "AFR", CountryCode: "AFR"}},
		{"CVL", gdelt.Actor{Code: "CVL", Type1Code: "CVL"}},
		{"SUN", gdelt.Actor{Code: "SUN", CountryCode: "SUN"}},
		{"IGOUNO", gdelt.Actor{Code: "IGOUNO", KnownGroupCode: "UNO", Type1Code: "IGO"}},
		{"IGOWSTNATMIL", gdelt.Actor{Code: "IGOWSTNATMIL", KnownGroupCode: "NAT", Type1Code: "IGO", Type2Code: "MIL"}},
		{"LBNREBHEZ", gdelt.Actor{Code: "LBNREBHEZ", CountryCode: "LBN", KnownGroupCode: "HEZ", Type1Code: "REB"}},
		{"IMGSEAMOSASF", gdelt.Actor{Code: "IMGSEAMOSASF", KnownGroupCode: "ASF", Religion1Code: "MOS", Type1Code: "IMG"}},
		{"IRQKURKDP", gdelt.Actor{Code: "IRQKURKDP", CountryCode: "IRQ", KnownGroupCode: "KDP", EthnicCode: "KUR"}},
		{"SYRSUNREB", gdelt.Actor{Code: "SYRSUNREB", CountryCode: "SYR", Religion1Code: "SUN", Type1Code: "REB"}},
		{"CHRCTH", gdelt.Actor{Code: "CHRCTH", Religion1Code: "CHR", Religion2Code: "CTH"}},
		{"USAGOVMILREBCOP", gdelt.Actor{Code: "USAGOVMILREBCOP", CountryCode: "USA", Type1Code: "GOV", Type2Code: "MIL", Type3Code: "REB"}},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, gdelt.SplitActorCode(tt.code)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// eventArticle has two events in two paragraphs, the first coded twice,
// and a negated one.
func eventArticle(tb testing.TB) *article.Article {
	tb.Helper()
	text := "Syrian troops shelled Idlib on Tuesday.\nRussia's foreign minister praised the UN. " +
		"Syrian troops shelled Idlib again. Russia did not attack."
	sp := func(s string, n int) article.Span { return span(tb, text, s, n) }
	idlib := &article.EventLocation{Name: "Idlib", Country: "SY", Lat: 35.93062, Lon: 36.63393}
	return &article.Article{
		ID: "e1", URL: "https://example.org/e1", Text: text,
		Date: time.Date(2017, 4, 13, 10, 30, 0, 0, time.UTC),
		Sentences: []article.Sentence{
			{Span: sp("Syrian troops shelled Idlib on Tuesday.", 1)},
			{Span: sp("Russia's foreign minister praised the UN.", 1)},
			{Span: sp("Syrian troops shelled Idlib again.", 1)},
			{Span: sp("Russia did not attack.", 1)},
		},
		Actors: []article.ActorMention{
			{Span: sp("Russia", 1), Code: "RUS", Name: "Russia", Kind: "country"},
			{Span: sp("the UN", 1), Code: "IGOUNO", Name: "United Nations", Kind: "organization"},
		},
		Events: []article.Event{
			{Source: "SYRMIL", Code: "194", Root: "19", Goldstein: -10, Quad: 4, Date: "2017-04-11", Sentence: 0,
				SourceSpan: sp("Syrian troops", 1), VerbSpan: sp("shelled", 1), Location: idlib},
			{Source: "RUSGOV", Target: "IGOUNO", Code: "051", Root: "05", Goldstein: 3.4, Quad: 1, Date: "2017-04-13", Sentence: 1,
				SourceSpan: sp("Russia's foreign minister", 1), VerbSpan: sp("praised", 1), TargetSpan: sp("the UN", 1)},
			{Source: "SYRMIL", Code: "194", Root: "19", Goldstein: -10, Quad: 4, Date: "2017-04-11", Sentence: 2,
				SourceSpan: sp("Syrian troops", 2), VerbSpan: sp("shelled", 2), Location: idlib},
			{Source: "RUS", Code: "190", Root: "19", Goldstein: -10, Quad: 4, Date: "2017-04-13", Sentence: 3, Negated: true,
				SourceSpan: sp("Russia", 2), VerbSpan: sp("attack", 1)},
		},
		Places: []article.Place{
			{Name: "Idlib", Resolved: "Idlib", GeonameID: 169389, Country: "SY", ADM1: "12", Lat: 35.93062, Lon: 36.63393,
				Mentions: []article.Span{sp("Idlib", 1), sp("Idlib", 2)}},
		},
		Tone: &article.Tone{Tone: -2.5},
	}
}

func eventRowsWant() []gdelt.EventRow {
	added := time.Date(2017, 4, 13, 10, 30, 0, 0, time.UTC)
	return []gdelt.EventRow{
		{
			ID: 100, Date: time.Date(2017, 4, 11, 0, 0, 0, 0, time.UTC),
			Actor1: gdelt.Actor{Code: "SYRMIL", Name: "SYRIAN TROOPS", CountryCode: "SYR", Type1Code: "MIL"},
			IsRoot: true, Code: "194", BaseCode: "194", RootCode: "19", Quad: 4, Goldstein: -10,
			NumMentions: 2, NumSources: 1, NumArticles: 1, AvgTone: -2.5,
			ActionGeo: gdelt.Location{Type: gdelt.WorldCity, FullName: "Idlib, Syria", CountryCode: "SY", ADM1Code: "SY12",
				Lat: 35.93062, Lon: 36.63393, FeatureID: "169389"},
			Added: added, SourceURL: "https://example.org/e1",
		},
		{
			ID: 101, Date: time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC),
			Actor1: gdelt.Actor{Code: "RUSGOV", Name: "RUSSIA", CountryCode: "RUS", Type1Code: "GOV"},
			Actor2: gdelt.Actor{Code: "IGOUNO", Name: "UNITED NATIONS", KnownGroupCode: "UNO", Type1Code: "IGO"},
			Code:   "051", BaseCode: "051", RootCode: "05", Quad: 1, Goldstein: 3.4,
			NumMentions: 1, NumSources: 1, NumArticles: 1, AvgTone: -2.5,
			Added: added, SourceURL: "https://example.org/e1",
		},
	}
}

func TestEventRows(t *testing.T) {
	got := gdelt.EventRows(eventArticle(t), 100)
	if diff := cmp.Diff(eventRowsWant(), got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestWriteEvents checks the layout column by column.
func TestWriteEvents(t *testing.T) {
	var b strings.Builder
	if err := gdelt.WriteEvents(&b, eventRowsWant()[:1]); err != nil {
		t.Fatal(err)
	}
	got := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\t")
	if len(got) != len(gdelt.EventColumns) || len(gdelt.EventColumns) != 61 {
		t.Fatalf("%d columns, %d names, want 61", len(got), len(gdelt.EventColumns))
	}
	want := map[string]string{
		"GLOBALEVENTID": "100", "SQLDATE": "20170411", "MonthYear": "201704", "Year": "2017", "FractionDate": "2017.2767",
		"Actor1Code": "SYRMIL", "Actor1Name": "SYRIAN TROOPS", "Actor1CountryCode": "SYR", "Actor1Type1Code": "MIL",
		"IsRootEvent": "1", "EventCode": "194", "EventBaseCode": "194", "EventRootCode": "19", "QuadClass": "4",
		"GoldsteinScale": "-10", "NumMentions": "2", "NumSources": "1", "NumArticles": "1", "AvgTone": "-2.5",
		"Actor1Geo_Type": "0", "Actor2Geo_Type": "0",
		"ActionGeo_Type": "4", "ActionGeo_FullName": "Idlib, Syria", "ActionGeo_CountryCode": "SY", "ActionGeo_ADM1Code": "SY12",
		"ActionGeo_Lat": "35.93062", "ActionGeo_Long": "36.63393", "ActionGeo_FeatureID": "169389",
		"DATEADDED": "20170413103000", "SOURCEURL": "https://example.org/e1",
	}
	for i, name := range gdelt.EventColumns {
		if got[i] != want[name] {
			t.Errorf("%s = %q, want %q", name, got[i], want[name])
		}
	}
}

func TestEventsRoundTrip(t *testing.T) {
	rows := append(eventRowsWant(), gdelt.EventRow{ID: 7}) // no date, no place
	var b strings.Builder
	if err := gdelt.WriteEvents(&b, rows); err != nil {
		t.Fatal(err)
	}
	var got []gdelt.EventRow
	for r, err := range gdelt.ReadEvents(strings.NewReader(b.String())) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, r)
	}
	if diff := cmp.Diff(rows, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// v1Row returns a GDELT 1.0 daily row (58 columns) with a country as the
// action's place, or a backfile row (57) without SOURCEURL.
func v1Row(id string, url bool) string {
	f := []string{id, "19790101", "197901", "1979", "1979.0027"}
	f = append(f, "", "", "", "", "", "", "", "", "", "")
	f = append(f, "AFR", "AFRICA", "AFR", "", "", "", "", "", "", "")
	f = append(f, "1", "040", "040", "04", "1", "1.0", "9", "1", "9", "5.5263157")
	f = append(f, "0", "", "", "", "", "", "")
	f = append(f, "4", "Moscow, Moskva, Russia", "RS", "RS48", "55.7522", "37.6156", "-2960561")
	f = append(f, "1", "Russia", "RS", "RS", "60", "100", "RS")
	f = append(f, "20130203")
	if url {
		f = append(f, "http://example.org/1")
	}
	return strings.Join(f, "\t") + "\n"
}

func TestReadEventsV1(t *testing.T) {
	in := v1Row("0", true) + v1Row("1", false) + "2\t19790101\n" + v1Row("x", true) + v1Row("4", true)
	var got []gdelt.EventRow
	var errs []*gdelt.RecordError
	for r, err := range gdelt.ReadEvents(strings.NewReader(in)) {
		var re *gdelt.RecordError
		switch {
		case errors.As(err, &re):
			errs = append(errs, re)
		case err != nil:
			t.Fatal(err)
		default:
			got = append(got, r)
		}
	}
	want := gdelt.EventRow{
		Date:   time.Date(1979, 1, 1, 0, 0, 0, 0, time.UTC),
		Actor2: gdelt.Actor{Code: "AFR", Name: "AFRICA", CountryCode: "AFR"},
		IsRoot: true, Code: "040", BaseCode: "040", RootCode: "04", Quad: 1, Goldstein: 1,
		NumMentions: 9, NumSources: 1, NumArticles: 9, AvgTone: 5.5263157,
		Actor2Geo: gdelt.Location{Type: gdelt.WorldCity, FullName: "Moscow, Moskva, Russia", CountryCode: "RS", ADM1Code: "RS48",
			Lat: 55.7522, Lon: 37.6156, FeatureID: "-2960561"},
		ActionGeo: gdelt.Location{Type: gdelt.Country, FullName: "Russia", CountryCode: "RS", ADM1Code: "RS", Lat: 60, Lon: 100, FeatureID: "RS"},
		Added:     time.Date(2013, 2, 3, 0, 0, 0, 0, time.UTC),
		SourceURL: "http://example.org/1",
	}
	w1, w2, w4 := want, want, want
	w2.ID, w2.SourceURL = 1, ""
	w4.ID = 4
	if diff := cmp.Diff([]gdelt.EventRow{w1, w2, w4}, got); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
	type loc struct {
		Line   int
		Column string
		Kind   error
	}
	var gotErrs []loc
	for _, e := range errs {
		k := gdelt.ErrSyntax
		if errors.Is(e, gdelt.ErrColumns) {
			k = gdelt.ErrColumns
		}
		gotErrs = append(gotErrs, loc{e.Line, e.Column, k})
	}
	wantErrs := []loc{{3, "", gdelt.ErrColumns}, {4, "GLOBALEVENTID", gdelt.ErrSyntax}}
	if diff := cmp.Diff(wantErrs, gotErrs, cmp.Comparer(func(a, b error) bool { return a == b })); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestReadEventsColumnNames checks that an error in a 1.0 row names the
// column by its 2.0 name.
func TestReadEventsColumnNames(t *testing.T) {
	row := strings.Replace(v1Row("0", true), "37.6156", "east", 1)
	for _, err := range gdelt.ReadEvents(strings.NewReader(row)) {
		var re *gdelt.RecordError
		if !errors.As(err, &re) {
			t.Fatalf("got %v, want a RecordError", err)
		}
		if re.Column != "Actor2Geo_Type" {
			t.Errorf("column %q, want Actor2Geo_Type (the geography's first)", re.Column)
		}
	}
}

// reducedPath is the GDELT 1.0 reduced sample beside the checkout.
const reducedPath = "../../../shared/data/gdelt/reduced-1979.sample.tsv"

func TestReadReduced(t *testing.T) {
	f, err := os.Open(reducedPath)
	if err != nil {
		t.Skipf("reduced sample: %v", err)
	}
	defer f.Close()
	var rows []gdelt.EventRow
	for r, err := range gdelt.ReadReduced(f) {
		if err != nil {
			t.Error(err)
			continue
		}
		rows = append(rows, r)
	}
	if len(rows) != 999 {
		t.Fatalf("read %d rows, want 999", len(rows))
	}
	day := time.Date(1979, 1, 1, 0, 0, 0, 0, time.UTC)
	want := []gdelt.EventRow{
		// 19790101 AFR FRA 043 1 4 1 2.8, geographies cut short.
		{Date: day, Actor1: gdelt.Actor{Code: "AFR", CountryCode: "AFR"}, Actor2: gdelt.Actor{Code: "FRA", CountryCode: "FRA"},
			Code: "043", BaseCode: "043", RootCode: "04", NumMentions: 1, NumArticles: 4, Quad: 1, Goldstein: 2.8},
		// 19790101 ARG ARGGOVMIL 172 1 4 4 -5 4 -14.4432 28.4517 ...
		{Date: day, Actor1: gdelt.Actor{Code: "ARG", CountryCode: "ARG"},
			Actor2: gdelt.Actor{Code: "ARGGOVMIL", CountryCode: "ARG", Type1Code: "GOV", Type2Code: "MIL"},
			Code:   "172", BaseCode: "172", RootCode: "17", NumMentions: 1, NumArticles: 4, Quad: 4, Goldstein: -5,
			Actor1Geo: gdelt.Location{Type: gdelt.WorldCity, Lat: -14.4432, Lon: 28.4517},
			Actor2Geo: gdelt.Location{Type: gdelt.WorldCity, Lat: -14.4432, Lon: 28.4517},
			ActionGeo: gdelt.Location{Type: gdelt.WorldCity, Lat: -14.4432, Lon: 28.4517}},
	}
	if diff := cmp.Diff(want, []gdelt.EventRow{rows[0], rows[4]}); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}
