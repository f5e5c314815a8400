package geo_test

import (
	"bytes"
	"compress/gzip"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/geo"
)

func TestDefaultLoads(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() < 200_000 || g.Keys() < 300_000 {
		t.Errorf("gazetteer has %d entries and %d names, want ≥ 200,000 and ≥ 300,000", g.Len(), g.Keys())
	}
	for _, code := range []string{"RU", "SY", "US", "UA", "IR", "GE", "XK"} {
		if _, ok := g.CountryByISO2(code); !ok {
			t.Errorf("no country %s", code)
		}
	}
	if c, ok := g.CountryByISO3("SYR"); !ok || c.ISO2 != "SY" || c.Capital != "Damascus" {
		t.Errorf("CountryByISO3(SYR) = %+v, %v", c, ok)
	}
}

// TestLookup checks the first candidate of names: countries, divisions and
// features come first, then towns by population.
func TestLookup(t *testing.T) {
	g := geo.MustDefault()
	type want struct {
		Name    string
		ID      int
		Country string
		Code    string
	}
	tests := []struct {
		name string
		want want
	}{
		{"Moscow", want{"Moscow", 524901, "RU", "PPLC"}},
		{"moscow", want{"Moscow", 524901, "RU", "PPLC"}},
		{"Idlib", want{"Idlib", 169389, "SY", "PPLA"}},
		{"Russian Federation", want{"Russia", 2017370, "RU", "PCLI"}},
		{"U.S.", want{"United States", 6252001, "US", "PCLI"}},
		{"Kiev", want{"Kyiv", 703448, "UA", "PPLC"}},
		{"Québec", want{"Quebec", 0, "CA", "ADM1"}},
		{"Shayrat air base", want{"Shayrat air base", 0, "SY", "MILB"}},
		{"Crimea", want{"Crimea", 0, "UA", "RGN"}},
		{"Gaza Strip", want{"Gaza Strip", 0, "PS", "RGN"}},
		{"Avoyelles Parish", want{"Avoyelles Parish", 0, "US", "ADM2"}},
		{"Georgia", want{"Georgia", 614540, "GE", "PCLI"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := g.Lookup(tt.name)
			if len(es) == 0 {
				t.Fatalf("Lookup(%q): nothing", tt.name)
			}
			got := want{es[0].Name, es[0].ID, es[0].Country, es[0].Code}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Lookup(%q)[0] (-want +got):\n%s", tt.name, diff)
			}
		})
	}
	if es := g.Lookup("Georgia"); len(es) < 2 || es[1].Country != "US" || es[1].Code != "ADM1" {
		t.Errorf("Lookup(Georgia) lacks the US state second: %+v", es[:min(len(es), 2)])
	}
	if c, ok := g.Demonym("Syrians"); !ok || c.ISO2 != "SY" {
		t.Errorf("Demonym(Syrians) = %+v, %v", c, ok)
	}
	if es := g.Lookup("Syrian"); len(es) != 0 {
		t.Errorf("Lookup(Syrian) = %v, want nothing: demonyms are not names", es)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Québec", "quebec"},
		{"U.S.", "us"},
		{"Washington, D.C.", "washington dc"},
		{"N'Djamena", "ndjamena"},
		{"Guinea-Bissau", "guinea bissau"},
		{"São Tomé and Príncipe", "sao tome and principe"},
		{"Jammu & Kashmir", "jammu and kashmir"},
		{"  Łódź ", "lodz"},
		{"Köln", "koln"},
		{"Москва", "москва"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := geo.Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestBuilderRoundTrip writes a small gazetteer and reads it back through
// an fs.FS, as Load reads the embedded one.
func TestBuilderRoundTrip(t *testing.T) {
	var b geo.Builder
	fr := b.Add(geo.Entry{ID: 3017382, Name: "France", Lat: 46, Lon: 2, Class: 'A', Code: "PCLI", Country: "FR"})
	b.AddCountry(geo.Country{ISO2: "FR", ISO3: "FRA", Capital: "Paris", Entry: fr})
	b.AddName("France", fr)
	b.AddDemonym("French", fr)
	paris := geo.Entry{ID: 2988507, Name: "Paris", Lat: 48.85341, Lon: 2.3488, Population: 2138551, Class: 'P', Code: "PPLC", Country: "FR", Admin1: "11"}
	p := b.Add(paris)
	b.AddName("Paris", p)
	b.AddName("Lutetia", p)
	var raw bytes.Buffer
	zw := gzip.NewWriter(&raw)
	if _, err := b.WriteTo(zw); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	g, err := geo.Load(fstest.MapFS{"g.bin.gz": {Data: raw.Bytes()}}, "g.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]geo.Entry{paris}, g.Lookup("lutetia")); diff != "" {
		t.Errorf("Lookup(lutetia) (-want +got):\n%s", diff)
	}
	if c, ok := g.Demonym("French"); !ok || c.Capital != "Paris" {
		t.Errorf("Demonym(French) = %+v, %v", c, ok)
	}
	if _, err := geo.Load(fstest.MapFS{"bad": {Data: []byte("not gzip")}}, "bad"); err == nil {
		t.Error("Load of a damaged file: no error")
	}
}

// FuzzLoad feeds damaged gazetteer files to the decoder: errors, never a
// panic.
func FuzzLoad(f *testing.F) {
	var b geo.Builder
	i := b.Add(geo.Entry{ID: 1, Name: "A", Class: 'A', Code: "PCLI", Country: "AA"})
	b.AddCountry(geo.Country{ISO2: "AA", ISO3: "AAA", Entry: i})
	b.AddName("A b", i)
	var raw bytes.Buffer
	if _, err := b.WriteTo(&raw); err != nil {
		f.Fatal(err)
	}
	f.Add(raw.Bytes())
	f.Add([]byte("WMGAZ\x01\xff\xff\xff\xff\x0f"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(data)
		zw.Close()
		g, err := geo.Load(fstest.MapFS{"g": {Data: z.Bytes()}}, "g")
		if err == nil {
			g.Lookup("a b")
		}
	})
}
