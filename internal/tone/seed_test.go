package tone_test

import (
	"testing"

	"worldmedia/internal/testkit"
	"worldmedia/internal/tone"
)

// TestSeed checks the tone of the seed article against
// shared/seed/EXPECTED.md: clearly negative overall, with high polarity.
// The floors are those of GDELT's V2Tone on hard news: a tone below -3
// and a polarity above 6 (per cent of words).
func TestSeed(t *testing.T) {
	a := testkit.Annotate(t, testkit.Seed(t))
	s, err := tone.New(nil, tone.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	tn := a.Tone
	t.Logf("seed tone %+v", *tn)
	if tn.Tone > -3 {
		t.Errorf("tone %.2f, want below -3 (clearly negative)", tn.Tone)
	}
	if tn.Polarity < 6 {
		t.Errorf("polarity %.2f, want above 6 (high)", tn.Polarity)
	}
	if tn.Negative < 2*tn.Positive {
		t.Errorf("negative %.2f%% not twice positive %.2f%%", tn.Negative, tn.Positive)
	}
	neg := 0
	for _, sent := range a.Sentences {
		if sent.Tone == nil {
			t.Fatal("a sentence has no tone")
		}
		if sent.Tone.Tone < 0 {
			neg++
		}
	}
	if neg < len(a.Sentences)/2 {
		t.Errorf("%d of %d sentences negative, want at least half", neg, len(a.Sentences))
	}
}
