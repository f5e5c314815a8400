package quotes_test

import (
	"strings"
	"testing"
	"worldmedia/internal/testkit"
)

// TestSeed checks the quotations EXPECTED.md requires of the seed article,
// through the real pipeline (nlp, actors, quotes).
func TestSeed(t *testing.T) {
	text := testkit.SeedBody(t)
	a := newAnalysis(t).run(t.Context(), t, text, seedDate)
	tests := []struct {
		name    string
		quote   string // the start of the quotation
		speaker string // "" for none
		at      string // the speaker's words at the attribution, "" for none
	}{
		{"Tillerson's partial quote", "a low point", "Rex Tillerson", "Rex Tillerson"},
		{"Lavrov", "Unbiased experts have to be dispatched", "Sergey Lavrov", "Sergey Lavrov"},
		{"Trump's no", "No", "Donald Trump", "Trump"},
		{"Haley", "To my colleagues from Russian Federation - you are isolating yourselves", "Nikki Haley", "Nikki Haley"},
		{"he is not Haley", "The world's two foremost nuclear powers", "", "he"},
		{"no reliable speaker", "We consider it of utmost importance", "", ""},
		{"stray full stop, no reliable speaker", "With its veto, Russian Federation said no", "", ""},
		{"Trump's all-time low", "We may be at an all-time low", "Donald Trump", "Trump"},
		{"continuation of Trump's quote", "We'll see what happens", "Donald Trump", "Trump"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, q := range a.Quotes {
				if !strings.HasPrefix(q.Text, tt.quote) {
					continue
				}
				if q.Speaker != tt.speaker || q.SpeakerSpan.In(text) != tt.at {
					t.Errorf("%q: speaker %q at %q, want %q at %q", q.Text, q.Speaker, q.SpeakerSpan.In(text), tt.speaker, tt.at)
				}
				return
			}
			t.Errorf("no quotation starting %q among %d", tt.quote, len(a.Quotes))
		})
	}
	if len(a.Quotes) != len(tests) {
		t.Errorf("%d quotations, want %d:", len(a.Quotes), len(tests))
		for _, q := range a.Quotes {
			t.Logf("  %q (%s)", q.Text, q.Speaker)
		}
	}
}
