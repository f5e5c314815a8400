package gdelt_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/gdelt"
)

func TestWriteGKG(t *testing.T) {
	var b strings.Builder
	if err := gdelt.WriteGKG(&b, handArticle(t), gdelt.GKGOptions{}); err != nil {
		t.Fatal(err)
	}
	row, ok := strings.CutSuffix(b.String(), "\n")
	if !ok || strings.ContainsAny(row, "\n\r") {
		t.Fatalf("want one line ending in a newline, got %q", b.String())
	}
	got := strings.Split(row, "\t")
	if len(got) != len(gdelt.GKGColumns) {
		t.Fatalf("%d columns, want %d", len(got), len(gdelt.GKGColumns))
	}
	// Offsets are in runes: "Café" puts every byte offset one ahead, and
	// the guillemets two more.
	want := map[string]string{
		"GKGRECORDID":                  "20170413103000-a1",
		"V2.1DATE":                     "20170413103000",
		"V2SOURCECOLLECTIONIDENTIFIER": "1",
		"V2SOURCECOMMONNAME":           "example.org",
		"V2DOCUMENTIDENTIFIER":         "https://www.example.org/news/1",
		"V1COUNTS": "KILL#12#people#4#Idlib, Syria#SY#SY12#35.93062#36.63393#169389;" +
			"ARREST#3#men#3#Houston, Texas, United States#US#USTX#29.76328#-95.36327#4699066;" +
			"EVACUATION#200#residents#######;",
		"V2.1COUNTS": "KILL#12#people#4#Idlib, Syria#SY#SY12#35.93062#36.63393#169389#34;" +
			"ARREST#3#men#3#Houston, Texas, United States#US#USTX#29.76328#-95.36327#4699066#155;" +
			"EVACUATION#200#residents########174;",
		"V1THEMES":         "KILL;ARREST;",
		"V2ENHANCEDTHEMES": "KILL,49;ARREST,155;",
		"V1LOCATIONS": "4#Idlib, Syria#SY#SY12#35.93062#36.63393#169389;" +
			"1#Syria#SY#SY#35#38#SY;" +
			"3#Houston, Texas, United States#US#USTX#29.76328#-95.36327#4699066;" +
			"2#Texas, United States#US#USTX#31.25#-99.25#TX;" +
			"4#Mediterranean###35#18#;" +
			"4#Gaza, Gaza Strip#GZ#GZGZ#31.50161#34.46672#281133",
		"V2ENHANCEDLOCATIONS": "4#Idlib, Syria#SY#SY12##35.93062#36.63393#169389#15;" +
			"1#Syria#SY#SY##35#38#SY#22;" +
			"3#Houston, Texas, United States#US#USTX##29.76328#-95.36327#4699066#132;" +
			"2#Texas, United States#US#USTX##31.25#-99.25#TX#141;" +
			"4#Mediterranean####35#18##282;" +
			"4#Gaza, Gaza Strip#GZ#GZGZ##31.50161#34.46672#281133#299",
		"V1PERSONS":               "ahmed haddad",
		"V2ENHANCEDPERSONS":       "Ahmed Haddad,94",
		"V1ORGANIZATIONS":         "smith  jones & co",
		"V2ENHANCEDORGANIZATIONS": "Smith  Jones & Co,110",
		"V1.5TONE":                "-3.5,1.25,4.75,6,10.5,0.5,200",
		"V2GCAM":                  "wc:200",
		"V2.1QUOTATIONS":          "73|13||We are afraid#244|8||We're  1",
		"V2.1ALLNAMES": "Idlib,15;Syria,22;Ramadan,63;Ahmed Haddad,94;Smith  Jones & Co,110;Houston,132;" +
			"Texas,141;Mediterranean,282;Gaza,299",
		"V2.1AMOUNTS": "12,people,34;3,men,155;200,residents,174;4500000,USD,227;",
		"V2EXTRASXML": "<PAGE_TITLE>Caf&#xE9; &lt;b&gt; &amp; co</PAGE_TITLE>",
	}
	for i, name := range gdelt.GKGColumns {
		t.Run(name, func(t *testing.T) {
			if got[i] != want[name] {
				t.Errorf("got  %q\nwant %q", got[i], want[name])
			}
		})
	}
}

func TestWriteGKGOptions(t *testing.T) {
	a := handArticle(t)
	tests := []struct {
		name   string
		opts   gdelt.GKGOptions
		column string
		want   string
	}{
		{"byte offsets", gdelt.GKGOptions{Offsets: gdelt.ByteOffsets}, "V2ENHANCEDPERSONS", "Ahmed Haddad,97"},
		{"byte offsets in quotations", gdelt.GKGOptions{Offsets: gdelt.ByteOffsets}, "V2.1QUOTATIONS", "75|13||We are afraid#247|8||We're  1"},
		{"record id", gdelt.GKGOptions{RecordID: "20170413103000-7"}, "GKGRECORDID", "20170413103000-7"},
		{"level", gdelt.GKGOptions{Level: func(article.Place) gdelt.LocType { return gdelt.Country }}, "V1LOCATIONS",
			"1#Syria#SY#SY#35.93062#36.63393#SY;1#Syria#SY#SY#35#38#SY;1#United States#US#US#29.76328#-95.36327#US;" +
				"1#United States#US#US#31.25#-99.25#US;1#Mediterranean###35#18#;1#Gaza Strip#GZ#GZ#31.50161#34.46672#GZ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := column(t, a, tt.opts, tt.column); got != tt.want {
				t.Errorf("%s:\ngot  %q\nwant %q", tt.column, got, tt.want)
			}
		})
	}
}

// column writes a as GKG and returns the named column.
func column(tb testing.TB, a *article.Article, opts gdelt.GKGOptions, name string) string {
	tb.Helper()
	var b strings.Builder
	if err := gdelt.WriteGKG(&b, a, opts); err != nil {
		tb.Fatal(err)
	}
	f := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\t")
	for i, n := range gdelt.GKGColumns {
		if n == name {
			return f[i]
		}
	}
	tb.Fatalf("no column %s", name)
	return ""
}

// TestWriteGKGClean checks that tabs and line breaks in any value keep the
// record one line of 27 columns.
func TestWriteGKGClean(t *testing.T) {
	a := &article.Article{
		ID: "x\ty", Title: "a\tb\nc", Source: "So\turce", Text: "Jo\tSmith\nsaid\r\n",
		Persons: []article.Entity{{Name: "Jo\tSmith", Mentions: []article.Span{{Start: 0, End: 8}}}},
		Quotes:  []article.Quote{{Text: "line\none", Span: article.Span{Start: 9, End: 13}}},
		Themes:  []article.Theme{{Name: "A\tB", Mentions: []article.Span{{Start: 0, End: 2}}}},
	}
	var b strings.Builder
	if err := gdelt.WriteGKG(&b, a, gdelt.GKGOptions{}); err != nil {
		t.Fatal(err)
	}
	row := b.String()
	if n := strings.Count(row, "\t"); n != len(gdelt.GKGColumns)-1 {
		t.Errorf("%d tabs, want %d: %q", n, len(gdelt.GKGColumns)-1, row)
	}
	if n := strings.Count(row, "\n"); n != 1 || !strings.HasSuffix(row, "\n") || strings.Contains(row, "\r") {
		t.Errorf("want one line: %q", row)
	}
}

func TestCountType(t *testing.T) {
	for _, tt := range []struct{ kind, typ string }{
		{"KILL", "KILL"}, {"WOUND", "WOUND"}, {"ARREST", "ARREST"}, {"KIDNAP", "KIDNAP"},
		{"DISPLACE", "DISPLACED"}, {"REFUGEES", "REFUGEES"}, {"EVACUATE", "EVACUATION"},
		{"PROTEST", "PROTEST"}, {"SICKENED", "SICKENED"}, {"AFFECT", "AFFECT"},
	} {
		t.Run(tt.kind, func(t *testing.T) {
			if got := gdelt.CountType(tt.kind); got != tt.typ {
				t.Errorf("CountType(%q) = %q, want %q", tt.kind, got, tt.typ)
			}
			if got := gdelt.CountKind(tt.typ); got != tt.kind {
				t.Errorf("CountKind(%q) = %q, want %q", tt.typ, got, tt.kind)
			}
		})
	}
}

func TestPlaceLevel(t *testing.T) {
	tests := []struct {
		name string
		p    article.Place
		want gdelt.LocType
	}{
		{"country", article.Place{Resolved: "Syria", GeonameID: 163843, Country: "SY"}, gdelt.Country},
		{"US state", article.Place{Resolved: "Texas", Country: "US", ADM1: "TX"}, gdelt.USState},
		{"US town", article.Place{Resolved: "Houston", GeonameID: 4699066, Country: "US", ADM1: "TX"}, gdelt.USCity},
		{"US county", article.Place{Resolved: "Cook County", Country: "US", ADM1: "IL"}, gdelt.USCity},
		{"world division", article.Place{Resolved: "Crimea", Country: "UA", ADM1: "11"}, gdelt.WorldState},
		{"world town", article.Place{Resolved: "Idlib", GeonameID: 169389, Country: "SY", ADM1: "12"}, gdelt.WorldCity},
		{"sea", article.Place{Resolved: "Mediterranean"}, gdelt.WorldCity},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := gdelt.PlaceLevel(tt.p); got != tt.want {
				t.Errorf("PlaceLevel = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestRoundTripSeed writes the seed article's analysis as GKG, reads it
// back and finds the same persons, organisations, places, counts, themes,
// quotations and tone, at the same (rune) offsets.
func TestRoundTripSeed(t *testing.T) {
	a := seedArticle(t)
	var b strings.Builder
	if err := gdelt.WriteGKG(&b, a, gdelt.GKGOptions{}); err != nil {
		t.Fatal(err)
	}
	var recs []gdelt.GKGRecord
	for r, err := range gdelt.ReadGKG(strings.NewReader(b.String())) {
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 1 {
		t.Fatalf("read %d records, want 1", len(recs))
	}
	r := recs[0]
	runes := func(b int) int { return utf8.RuneCountInString(a.Text[:b]) }

	names := func(es []article.Entity) []gdelt.GKGName {
		var out []gdelt.GKGName
		for _, e := range es {
			for _, m := range e.Mentions {
				out = append(out, gdelt.GKGName{Name: e.Name, Offset: runes(m.Start)})
			}
		}
		return out
	}
	if diff := cmp.Diff(names(a.Persons), r.Persons); diff != "" {
		t.Errorf("persons (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(names(a.Organizations), r.Organizations); diff != "" {
		t.Errorf("organizations (-want +got):\n%s", diff)
	}

	type place struct {
		Country  string
		Lat, Lon float64
		Offset   int
	}
	var wantPlaces, gotPlaces []place
	for _, p := range a.Places {
		for _, m := range p.Mentions {
			wantPlaces = append(wantPlaces, place{p.Country, p.Lat, p.Lon, runes(m.Start)})
		}
	}
	for _, l := range r.Locations {
		gotPlaces = append(gotPlaces, place{l.ISO2(), l.Lat, l.Lon, l.Offset})
	}
	if diff := cmp.Diff(wantPlaces, gotPlaces); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}

	type count struct {
		Kind, Object string
		Number       int64
		Place        string
		Offset       int
	}
	var wantCounts, gotCounts []count
	for _, c := range a.Counts {
		if c.Kind != "AMOUNT" {
			wantCounts = append(wantCounts, count{c.Kind, c.Object, c.Number, "SY", runes(c.Span.Start)})
		}
	}
	for _, c := range r.Counts {
		gotCounts = append(gotCounts, count{gdelt.CountKind(c.Type), c.Object, c.Number, c.Location.ISO2(), c.Offset})
	}
	if len(wantCounts) == 0 {
		t.Fatal("the seed analysis has no counts")
	}
	if diff := cmp.Diff(wantCounts, gotCounts); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}

	var wantThemes []gdelt.GKGName
	for _, th := range a.Themes {
		for _, m := range th.Mentions {
			wantThemes = append(wantThemes, gdelt.GKGName{Name: th.Name, Offset: runes(m.Start)})
		}
	}
	if diff := cmp.Diff(wantThemes, r.Themes); diff != "" {
		t.Errorf("themes (-want +got):\n%s", diff)
	}
	if len(r.Quotations) != len(a.Quotes) {
		t.Errorf("%d quotations, want %d", len(r.Quotations), len(a.Quotes))
	}
	for i, q := range r.Quotations {
		if i < len(a.Quotes) && q.Offset != runes(a.Quotes[i].Span.Start) {
			t.Errorf("quotation %d at %d, want %d", i, q.Offset, runes(a.Quotes[i].Span.Start))
		}
	}
	if diff := cmp.Diff(a.Tone, r.Tone); diff != "" {
		t.Errorf("tone (-want +got):\n%s", diff)
	}
	if got := r.PageTitle(); got != a.Title {
		t.Errorf("page title %q, want %q", got, a.Title)
	}
	if !r.Date.Equal(a.Date) {
		t.Errorf("date %v, want %v", r.Date, a.Date)
	}
}
