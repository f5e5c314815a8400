package actors_test

import (
	"errors"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf8"

	"worldmedia/internal/actors"
)

// FuzzParse loads arbitrary bytes as every kind of dictionary file: it must
// not panic, every error must be a *LineError, and a dictionary that loads
// must find phrases within the bounds of any text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"RUS = Russia | Russian Federation\nRUS adj = Russian\nRUSGOV capital = Moscow\n",
		"SUN = Soviet Union | USSR @ ..1991-12-26\n",
		"GOV = government | foreign minister\n",
		"Donald Trump | Trump = USABUS ..2017-01-19 (businessman) ; USAGOV 2017-01-20..2021-01-20 (president)\n",
		"X = \n= Y\n@@\n|||\n(((\n",
		"RUS = the | 's | - | ...\nRUS = Côte d'Ivoire @ 2017-02-29\n",
		"\xff\xfe = \x00",
	} {
		f.Add([]byte(s), "Russia's foreign minister said the Soviet Union's troops in eastern Ukraine.")
	}
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		fsys := fstest.MapFS{
			"countries.txt":     {Data: data},
			"organizations.txt": {Data: data},
			"groups.txt":        {Data: data},
			"roles.txt":         {Data: data},
			"people/x.txt":      {Data: data},
		}
		d, err := actors.Load(fsys)
		if err != nil {
			errs := []error{err}
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			}
			for _, e := range errs {
				var le *actors.LineError
				if !errors.As(e, &le) || le.Line < 1 {
					t.Fatalf("error %v is no *LineError with a line", e)
				}
			}
			return
		}
		if !utf8.ValidString(text) {
			return
		}
		toks := tokenize(text)
		ms := d.Find(text, toks, time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC))
		for _, m := range ms {
			if m.Span.Start < 0 || m.Span.End > len(text) || m.Span.Empty() || m.First > m.Last || m.Last >= len(toks) {
				t.Fatalf("match %+v out of bounds", m)
			}
		}
		for _, a := range d.Combine(ms, toks, text) {
			if a.Span.Start < 0 || a.Span.End > len(text) || a.First > a.Last || a.Last >= len(toks) {
				t.Fatalf("actor %+v out of bounds", a)
			}
		}
		d.Lookup(text, time.Time{})
		d.Person(text, time.Time{})
	})
}
