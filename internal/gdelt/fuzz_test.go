package gdelt_test

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"worldmedia/internal/gdelt"
)

// FuzzReadGKG checks that no input makes ReadGKG panic, that every
// malformed row is a RecordError with a line, and that valid UTF-8 in
// gives valid UTF-8 out.
func FuzzReadGKG(f *testing.F) {
	var b strings.Builder
	if err := gdelt.WriteGKG(&b, handArticle(f), gdelt.GKGOptions{}); err != nil {
		f.Fatal(err)
	}
	f.Add(b.String())
	f.Add(strings.Join(gdelt.GKGColumns, "\t") + "\n" + b.String())
	f.Add("GKGRECORDID,DATE\n\"a\",\"b\n")
	f.Add(gkgLine(map[string]string{"V2.1COUNTS": "KILL#1e300##1#A#B#C#x#y#z#1;", "V1.5TONE": "NaN,1,2,3,4,5,6"}))
	if sample, err := os.Open(samplePath); err == nil {
		// A few real records (the CSV form) as seeds.
		sc := bufio.NewScanner(sample)
		sc.Buffer(nil, 1<<20)
		var lines []string
		for len(lines) < 6 && sc.Scan() {
			lines = append(lines, sc.Text())
		}
		sample.Close()
		f.Add(strings.Join(lines, "\n"))
	}
	f.Fuzz(func(t *testing.T, in string) {
		for r, err := range gdelt.ReadGKG(strings.NewReader(in)) {
			if err != nil {
				var re *gdelt.RecordError
				if !errors.As(err, &re) || re.Line < 1 {
					t.Fatalf("error %v: want a RecordError with a line", err)
				}
				continue
			}
			if utf8.ValidString(in) && !utf8.ValidString(r.RecordID) {
				t.Errorf("record id %q is not valid UTF-8", r.RecordID)
			}
		}
	})
}

// FuzzReadEvents checks that no input makes ReadEvents or ReadReduced
// panic and that every row read is written back with 61 columns on one
// line.
func FuzzReadEvents(f *testing.F) {
	var b strings.Builder
	if err := gdelt.WriteEvents(&b, eventRowsWant()); err != nil {
		f.Fatal(err)
	}
	f.Add(b.String())
	f.Add(v1Row("0", true) + v1Row("1", false))
	f.Add("GLOBALEVENTID,SQLDATE\n1,2\n")
	f.Add(strings.Replace(v1Row("9", true), "19790101", "19791301", 1))
	f.Add("Date\tSource\n19790101\tAFR\tFRA\t043\t1\t4\t1\t2.8\t4\t-14.4\t28.4\n")
	f.Fuzz(func(t *testing.T, in string) {
		for _, err := range gdelt.ReadReduced(strings.NewReader(in)) {
			var re *gdelt.RecordError
			if err != nil && (!errors.As(err, &re) || re.Line < 1) {
				t.Fatalf("reduced: error %v: want a RecordError with a line", err)
			}
		}
		for r, err := range gdelt.ReadEvents(strings.NewReader(in)) {
			if err != nil {
				var re *gdelt.RecordError
				if !errors.As(err, &re) || re.Line < 1 {
					t.Fatalf("error %v: want a RecordError with a line", err)
				}
				continue
			}
			var out strings.Builder
			if err := gdelt.WriteEvents(&out, []gdelt.EventRow{r}); err != nil {
				t.Fatal(err)
			}
			s := out.String()
			if strings.Count(s, "\n") != 1 || strings.Count(s, "\t") != 60 {
				t.Fatalf("row written as %q", s)
			}
		}
	})
}
