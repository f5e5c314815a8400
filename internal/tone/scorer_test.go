package tone_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"worldmedia/internal/article"
	"worldmedia/internal/testkit"
	"worldmedia/internal/tone"
)

// small is a lexicon for the tests, so that expected figures can be
// worked out by hand.
const small = `
[positive]
good win help hope
[negative]
bad war kill brutal angry deadly
[negator]
not no never
[intensifier]
very
[downtoner]
slightly
[inactive]
be say have
[self]
i we us our
`

func smallScorer(t *testing.T) *tone.Scorer {
	t.Helper()
	lex, err := tone.Parse("small.txt", []byte(small))
	if err != nil {
		t.Fatal(err)
	}
	s, err := tone.New(lex, tone.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// pct builds the expected tone from counts over words.
func pct(pos, neg, active, self float64, words int) article.Tone {
	w := float64(words)
	p, n := 100*pos/w, 100*neg/w
	return article.Tone{Tone: p - n, Positive: p, Negative: n, Polarity: p + n,
		Activity: 100 * active / w, SelfGroup: 100 * self / w, Words: words}
}

func TestScore(t *testing.T) {
	s := smallScorer(t)
	tests := []struct {
		name string
		text string
		want article.Tone
	}{
		{"negative word", "The war was bad.", pct(0, 2, 0, 0, 4)},
		{"positive word", "The team will win.", pct(1, 0, 1, 0, 4)},
		{"negation flips at half weight", "It was not good.", pct(0, 0.5, 0, 0, 4)},
		{"negation of a negative", "It was not bad.", pct(0.5, 0, 0, 0, 4)},
		{"negation reaches three words", "No one was good.", pct(0, 0.5, 0, 0, 4)},
		{"negation ends after three words", "No one there was good.", pct(1, 0, 0, 0, 5)},
		{"negation ends with the clause", "Not today, good news.", pct(1, 0, 0, 0, 4)},
		{"but ends negation", "It was not bad but good.", pct(1.5, 0, 0, 0, 6)},
		{"intensifier", "It was very good.", pct(1.5, 0, 0, 0, 4)},
		{"downtoner", "It was slightly bad.", pct(0, 0.5, 0, 0, 4)},
		{"inflected forms use lemmas", "Troops killed many in wars.", pct(0, 2, 1, 0, 5)},
		{"derived adverb", "They fought brutally.", pct(0, 1, 1, 0, 3)},
		{"derived comparative", "He grew angrier.", pct(0, 1, 1, 0, 3)},
		{"derived superlative", "The deadliest war.", pct(0, 2, 0, 0, 3)},
		{"self references", "We said our plan is good.", pct(1, 0, 0, 2, 6)},
		{"US is the country, us the pronoun", "The US helped us.", pct(1, 0, 1, 1, 4)},
		{"names carry no sentiment", "Yesterday Hope Smith arrived in War.", pct(0, 0, 1, 0, 6)},
		{"a capitalised first word may", "War is bad.", pct(0, 2, 0, 0, 3)},
		{"punctuation is no word", "Bad , bad ... !", pct(0, 2, 0, 0, 2)},
		{"empty", "", article.Tone{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := testkit.Annotate(t, tt.text)
			if err := s.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if a.Tone == nil {
				t.Fatal("no tone")
			}
			if diff := cmp.Diff(tt.want, *a.Tone, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
				t.Errorf("tone of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestSentences checks that each sentence gets its own tone and the
// article's is measured over all words, not averaged.
func TestSentences(t *testing.T) {
	s := smallScorer(t)
	a := testkit.Annotate(t, "War is bad. We will win the fight today.")
	if err := s.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Sentences) != 2 {
		t.Fatalf("got %d sentences, want 2", len(a.Sentences))
	}
	var got []article.Tone
	for _, sent := range a.Sentences {
		got = append(got, *sent.Tone)
	}
	got = append(got, *a.Tone)
	want := []article.Tone{pct(0, 2, 0, 0, 3), pct(1, 0, 1, 1, 6), pct(1, 2, 1, 1, 9)}
	if diff := cmp.Diff(want, got, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestNew(t *testing.T) {
	def := tone.DefaultConfig()
	for _, tt := range []struct {
		name string
		edit func(*tone.Config)
		ok   bool
	}{
		{"default", func(*tone.Config) {}, true},
		{"no negation", func(c *tone.Config) { c.NegationWindow = 0 }, true},
		{"negative window", func(c *tone.Config) { c.NegationWindow = -1 }, false},
		{"negated weight above one", func(c *tone.Config) { c.NegatedWeight = 2 }, false},
		{"intensifier below one", func(c *tone.Config) { c.IntensifierWeight = 0.5 }, false},
		{"downtoner NaN", func(c *tone.Config) { c.DowntonerWeight = nan() }, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := def
			tt.edit(&cfg)
			_, err := tone.New(nil, cfg, nil)
			if (err == nil) != tt.ok {
				t.Fatalf("New(%+v) = %v, want ok %v", cfg, err, tt.ok)
			}
			if err != nil && !errors.Is(err, tone.ErrConfig) {
				t.Errorf("%v does not wrap ErrConfig", err)
			}
		})
	}
}

func nan() float64 {
	var zero float64
	return zero / zero
}
