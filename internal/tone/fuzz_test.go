package tone_test

import (
	"errors"
	"math"
	"testing"

	"worldmedia/internal/testkit"
	"worldmedia/internal/tone"
)

// FuzzParse loads arbitrary bytes as a lexicon: it must not panic, every
// error must carry a *LineError with a line, and a lexicon that loads must
// score text.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		small,
		"[positive]\ngood\n[negative]\ngood\n",
		"[[positive]]\n[]\n[positive\n#\n",
		"good\n[x]\n\xff\xfe\n[self]\nI\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lex, err := tone.Parse("f.txt", data)
		if err != nil {
			var le *tone.LineError
			if !errors.As(err, &le) || le.Line < 1 {
				t.Fatalf("error %v carries no *LineError with a line", err)
			}
			return
		}
		s, err := tone.New(lex, tone.DefaultConfig(), nil)
		if err != nil {
			t.Fatal(err)
		}
		a := testkit.Annotate(t, "It was not very good, but we won the war.")
		if err := s.Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzScore scores arbitrary text with the embedded lexicon: no panic, and
// every figure finite and within its bounds.
func FuzzScore(f *testing.F) {
	for _, s := range []string{
		"The war was not very bad.",
		"Never, never, never! Very very very good.",
		"\xff\xfe US us We our .",
	} {
		f.Add(s)
	}
	s, err := tone.New(nil, tone.DefaultConfig(), nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := testkit.Annotate(t, text)
		if err := s.Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		tn := a.Tone
		for _, v := range []float64{tn.Positive, tn.Negative, tn.Activity, tn.SelfGroup} {
			if math.IsNaN(v) || v < 0 || v > 150 {
				t.Fatalf("tone %+v out of bounds", *tn)
			}
		}
		if math.Abs(tn.Tone-(tn.Positive-tn.Negative)) > 1e-9 || math.Abs(tn.Polarity-(tn.Positive+tn.Negative)) > 1e-9 {
			t.Fatalf("tone %+v inconsistent", *tn)
		}
	})
}
