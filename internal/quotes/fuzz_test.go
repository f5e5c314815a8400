package quotes_test

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"worldmedia/internal/article"
	"worldmedia/internal/quotes"
)

// FuzzExtract runs the real pipeline on arbitrary text and checks that the
// stage does not panic, that every span lies in the text on rune
// boundaries, and that every quotation is valid UTF-8 and is its span's
// text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"We will win," said Donald Trump.`,
		"“Nested ‘single’ and \"straight\" marks,” she said.",
		"He said: “Unclosed\n\n“Continued here.”",
		`"a" "b" "c" " " "`,
		"”Reversed“ marks and „low” ones «guillemets».",
		`<a href="x">link</a> id="1"`,
		"\"Ends with a mark\"",
		"“",
		"Tillerson said that relations are at \"a low point\", he added, \"or not.\"",
	} {
		f.Add(s)
	}
	p := newAnalysis(f)
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		a := p.run(t.Context(), t, text, seedDate)
		in := func(sp article.Span) bool {
			return 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(text) &&
				(sp.Start == len(text) || utf8.RuneStart(text[sp.Start])) &&
				(sp.End == len(text) || utf8.RuneStart(text[sp.End]))
		}
		for _, q := range a.Quotes {
			if !in(q.Span) || q.Span.Empty() {
				t.Fatalf("quotation span %v out of bounds in %q", q.Span, text)
			}
			if q.Text != q.Span.In(text) || !utf8.ValidString(q.Text) {
				t.Fatalf("quotation text %q is not its span %v", q.Text, q.Span)
			}
			if !in(q.SpeakerSpan) {
				t.Fatalf("speaker span %v out of bounds in %q", q.SpeakerSpan, text)
			}
			if q.Speaker != "" && q.SpeakerSpan.Empty() {
				t.Fatalf("speaker %q without a span", q.Speaker)
			}
			if !utf8.ValidString(q.Speaker) {
				t.Fatalf("speaker %q is not valid UTF-8", q.Speaker)
			}
		}
	})
}

// FuzzLexicon loads arbitrary word lists: no panic, and every error is a
// *LineError wrapping ErrSyntax or the file's absence.
func FuzzLexicon(f *testing.F) {
	f.Add("say: said\ntell: told | after\npoint out\n", "m john\nf mary\n# comment\n")
	f.Add("a b c\n: x\n|\n", "x y\nm\n")
	f.Add("say | before\n", "m john\nf john\n")
	f.Fuzz(func(t *testing.T, verbs, genders string) {
		cfg := quotes.DefaultConfig()
		cfg.Lexicon = fstest.MapFS{
			"speech_verbs.txt": {Data: []byte(verbs)},
			"gender.txt":       {Data: []byte(genders)},
		}
		x, err := quotes.New(cfg, nil)
		if err != nil {
			var le *quotes.LineError
			if !errors.As(err, &le) || !errors.Is(err, quotes.ErrSyntax) {
				t.Fatalf("error %v is not a *LineError wrapping ErrSyntax", err)
			}
			return
		}
		a := &article.Article{Text: `"It said this," he said.`}
		if err := x.Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
	})
}
