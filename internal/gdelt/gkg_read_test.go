package gdelt_test

import (
	"encoding/csv"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/gdelt"
)

// TestReadGKGSample reads the real GKG 2.1 sample (CSV with a header line):
// every record parses, and a few values are as GDELT wrote them.
func TestReadGKGSample(t *testing.T) {
	f, err := os.Open(samplePath)
	if err != nil {
		t.Skipf("GKG sample: %v", err)
	}
	defer f.Close()
	byID := map[string]gdelt.GKGRecord{}
	n := 0
	for r, err := range gdelt.ReadGKG(f) {
		if err != nil {
			t.Error(err)
			continue
		}
		n++
		byID[r.RecordID] = r
	}
	if n != 199 {
		t.Errorf("read %d records, want 199", n)
	}

	first := byID["20200222011500-T950"]
	tests := []struct {
		name      string
		got, want any
	}{
		{"date", first.Date, time.Date(2020, 2, 22, 1, 15, 0, 0, time.UTC)},
		{"collection", first.SourceCollection, 1},
		{"source", first.SourceName, "newpost.gr"},
		{"tone", first.Tone, &article.Tone{Tone: -5.2896725440806, Positive: 0.755667506297229, Negative: 6.04534005037783,
			Polarity: 6.80100755667506, Activity: 15.8690176322418, SelfGroup: 0, Words: 373}},
		{"locations", first.Locations[:2], []gdelt.GKGLocation{
			{Location: gdelt.Location{Type: gdelt.WorldCity, FullName: "Manchester, Manchester, United Kingdom", CountryCode: "UK",
				ADM1Code: "UKI2", ADM2Code: "40118", Lat: 53.5, Lon: -2.21667, FeatureID: "-2602512"}, Offset: 294},
			{Location: gdelt.Location{Type: gdelt.Country, FullName: "United Kingdom", CountryCode: "UK", ADM1Code: "UK",
				Lat: 54, Lon: -4, FeatureID: "UK"}, Offset: 71},
		}},
		{"V1 locations", first.V1Locations[0], gdelt.GKGLocation{Location: gdelt.Location{Type: gdelt.WorldCity,
			FullName: "Cambridge, Cambridgeshire, United Kingdom", CountryCode: "UK", ADM1Code: "UKC3", Lat: 52.2, Lon: 0.116667,
			FeatureID: "-2591658"}, Offset: -1}},
		{"location country", first.Locations[1].ISO2(), "GB"},
		{"amounts", first.Amounts[:2], []gdelt.GKGAmount{{2, "maximum thrice risk for", 130}, {6, "genes", 451}}},
		{"themes", first.Themes[:2], []gdelt.GKGName{{"TAX_FNCACT_STRIKER", 1861}, {"KILL", 1515}}},
		{"V1 themes", first.V1Themes[:2], []string{"TAX_DISEASE", "TAX_DISEASE_CANCER"}},
		{"page title", first.PageTitle(), "Περισσότερο «φως» στο γενετικό υπόβαθρο του καρκίνου της μήτρας"},
		{"translation", first.TranslationInfo, "srclc:ell;eng:GT-ELL 1.0"},
		{"counts", byID["20200222214500-T192"].Counts, []gdelt.GKGCount{{Type: "ARREST", Number: 11,
			Location: gdelt.Location{Type: gdelt.Country, FullName: "Russia", CountryCode: "RS", ADM1Code: "RS", Lat: 60, Lon: 100,
				FeatureID: "RS"}, Offset: 2185}}},
		{"V1 counts", byID["20200222214500-T192"].V1Counts[0].Offset, -1},
		{"quotations", byID["20200222013000-377"].Quotations, []gdelt.GKGQuotation{
			{Offset: 477, Length: 67, Quote: "How will I use the pond and what type of fishing do I want to have?"}}},
		{"persons", byID["20200222013000-545"].Persons, []gdelt.GKGName{{"Rick Santorum", 339}}},
		{"V1 persons", byID["20200222013000-545"].V1Persons, []string{"rick santorum"}},
		{"dates", byID["20200222011500-T278"].Dates[0], gdelt.GKGDate{Resolution: 4, Month: 2, Day: 21, Year: 0, Offset: 257}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// gkgLine returns a tab-separated GKG record with the given columns set.
func gkgLine(cols map[string]string) string {
	f := make([]string, len(gdelt.GKGColumns))
	for i, n := range gdelt.GKGColumns {
		f[i] = cols[n]
	}
	return strings.Join(f, "\t") + "\n"
}

// TestReadGKGErrors checks that a malformed row gives an error naming its
// line and column, and the rows after it are read.
func TestReadGKGErrors(t *testing.T) {
	good := gkgLine(map[string]string{"GKGRECORDID": "1", "V2.1DATE": "20200222011500", "V1.5TONE": "1,2,3,4,5,6,7"})
	tests := []struct {
		name   string
		bad    string
		column string
		kind   error
	}{
		{"too few columns", "1\t2\t3\n", "", gdelt.ErrColumns},
		{"date", gkgLine(map[string]string{"V2.1DATE": "2020-02-22"}), "V2.1DATE", gdelt.ErrSyntax},
		{"tone values", gkgLine(map[string]string{"V1.5TONE": "1,2,3"}), "V1.5TONE", gdelt.ErrSyntax},
		{"tone number", gkgLine(map[string]string{"V1.5TONE": "1,2,x,4,5,6,7"}), "V1.5TONE", gdelt.ErrSyntax},
		{"location fields", gkgLine(map[string]string{"V2ENHANCEDLOCATIONS": "1#Russia#RS"}), "V2ENHANCEDLOCATIONS", gdelt.ErrSyntax},
		{"location type", gkgLine(map[string]string{"V2ENHANCEDLOCATIONS": "9#Russia#RS#RS##60#100#RS#12"}), "V2ENHANCEDLOCATIONS", gdelt.ErrSyntax},
		{"latitude", gkgLine(map[string]string{"V1LOCATIONS": "1#Russia#RS#RS#north#100#RS"}), "V1LOCATIONS", gdelt.ErrSyntax},
		{"count", gkgLine(map[string]string{"V2.1COUNTS": "KILL#many##1#Russia#RS#RS#60#100#RS#12;"}), "V2.1COUNTS", gdelt.ErrSyntax},
		{"person offset", gkgLine(map[string]string{"V2ENHANCEDPERSONS": "Jo Smith,x"}), "V2ENHANCEDPERSONS", gdelt.ErrSyntax},
		{"person comma", gkgLine(map[string]string{"V2ENHANCEDPERSONS": "Jo Smith"}), "V2ENHANCEDPERSONS", gdelt.ErrSyntax},
		{"quotation", gkgLine(map[string]string{"V2.1QUOTATIONS": "12|4"}), "V2.1QUOTATIONS", gdelt.ErrSyntax},
		{"amount", gkgLine(map[string]string{"V2.1AMOUNTS": "12,people;"}), "V2.1AMOUNTS", gdelt.ErrSyntax},
		{"dates", gkgLine(map[string]string{"V2.1ENHANCEDDATES": "4#2#21"}), "V2.1ENHANCEDDATES", gdelt.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := good + tt.bad + "\n" + good
			var errs []error
			n := 0
			for _, err := range gdelt.ReadGKG(strings.NewReader(in)) {
				if err != nil {
					errs = append(errs, err)
					continue
				}
				n++
			}
			if n != 2 || len(errs) != 1 {
				t.Fatalf("%d records and errors %v, want 2 records and 1 error", n, errs)
			}
			var re *gdelt.RecordError
			if !errors.As(errs[0], &re) {
				t.Fatalf("error %v is no RecordError", errs[0])
			}
			if re.Line != 2 || re.Column != tt.column || !errors.Is(re, tt.kind) {
				t.Errorf("got line %d column %q (%v), want line 2 column %q (%v)", re.Line, re.Column, re, tt.column, tt.kind)
			}
		})
	}
}

// TestReadGKGHeader checks the header detection: a tab-separated header
// line is skipped; the CSV form's line numbers count the header.
func TestReadGKGHeader(t *testing.T) {
	row := gkgLine(map[string]string{"GKGRECORDID": "r1", "V2ENHANCEDPERSONS": "Jo Smith,12"})
	tests := []struct {
		name, in string
		errLine  int
	}{
		{"tsv header", strings.Join(gdelt.GKGColumns, "\t") + "\n" + row + "bad\n", 3},
		{"csv header", "\ufeffGKGRECORDID,DATE,rest\n" + csvLine(t, strings.Split(strings.TrimSuffix(row, "\n"), "\t")) + "\"a\nb\",c\n", 3},
		{"crlf", strings.ReplaceAll(row+"bad\n", "\n", "\r\n"), 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ids []string
			var lines []int
			for r, err := range gdelt.ReadGKG(strings.NewReader(tt.in)) {
				var re *gdelt.RecordError
				switch {
				case errors.As(err, &re):
					lines = append(lines, re.Line)
				case err != nil:
					t.Fatal(err)
				default:
					ids = append(ids, r.RecordID)
					if diff := cmp.Diff([]gdelt.GKGName{{"Jo Smith", 12}}, r.Persons); diff != "" {
						t.Errorf("persons (-want +got):\n%s", diff)
					}
				}
			}
			if diff := cmp.Diff([]string{"r1"}, ids); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]int{tt.errLine}, lines); diff != "" {
				t.Errorf("error lines (-want +got):\n%s", diff)
			}
		})
	}
}

// csvLine returns fields as a line of CSV.
func csvLine(tb testing.TB, fields []string) string {
	var b strings.Builder
	w := csv.NewWriter(&b)
	if err := w.Write(fields); err != nil {
		tb.Fatal(err)
	}
	w.Flush()
	return b.String()
}

// TestReadGKGLongLine reads a record longer than the reader's buffer.
func TestReadGKGLongLine(t *testing.T) {
	var persons []string
	for i := range 20000 {
		persons = append(persons, "Jo Smith,"+strings.Repeat("1", 1+i%5))
	}
	in := gkgLine(map[string]string{"GKGRECORDID": "long", "V2ENHANCEDPERSONS": strings.Join(persons, ";")})
	n := 0
	for r, err := range gdelt.ReadGKG(strings.NewReader(in)) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if len(r.Persons) != len(persons) {
			t.Errorf("%d persons, want %d", len(r.Persons), len(persons))
		}
	}
	if n != 1 {
		t.Errorf("%d records, want 1", n)
	}
}
