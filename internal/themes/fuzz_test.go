package themes_test

import (
	"errors"
	"testing"

	"worldmedia/internal/article"
	"worldmedia/internal/testkit"
	"worldmedia/internal/themes"
)

// FuzzParse loads arbitrary bytes as a taxonomy file: it must not panic,
// every error must carry a *LineError with a line, and a taxonomy that
// loads must tag text with spans inside it.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		small,
		"WAR = war ; events: 19\n    | battle\n    ; events: 20\n",
		"X = a*b | *** | 's | '' ; events: ,\n  |\n;\n=\n",
		"WAR = w\xffr\n\x00 = \n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tax, err := themes.Parse("f.txt", data)
		if err != nil {
			var le *themes.LineError
			if !errors.As(err, &le) || le.Line < 1 {
				t.Fatalf("error %v carries no *LineError with a line", err)
			}
			return
		}
		g, err := themes.New(tax, themes.DefaultConfig(), nil)
		if err != nil {
			t.Fatal(err)
		}
		a := testkit.Annotate(t, "Women's rights, sanctions and the civil war; terrorists bombed it.")
		a.Events = []article.Event{{Code: "195", VerbSpan: article.Span{Start: 0, End: 5}}}
		if err := g.Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		for _, th := range a.Themes {
			if len(th.Mentions) == 0 {
				t.Fatalf("theme %s without mentions", th.Name)
			}
			for _, m := range th.Mentions {
				if m.In(a.Text) == "" {
					t.Fatalf("theme %s: span %v outside the text", th.Name, m)
				}
			}
		}
	})
}
