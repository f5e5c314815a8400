package counts_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/counts"
	"worldmedia/internal/nlp"
	"worldmedia/internal/testkit"
)

// TestSeed runs the seed article through nlp, actors and counts, as cmd
// wires them, and checks the MUST of shared/seed/EXPECTED.md: 89 people
// killed, in Idlib. It runs once without geo (the place comes from the
// entity recognizer) and once with geo's places.
func TestSeed(t *testing.T) {
	text := testkit.Seed(t)
	ann, err := nlp.NewAnnotator(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	x, err := counts.New(counts.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, withGeo := range []bool{false, true} {
		name := "without geo"
		if withGeo {
			name = "with geo"
		}
		t.Run(name, func(t *testing.T) {
			a := &article.Article{Text: text, Date: time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC)}
			if err := ann.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if err := actors.New(dict, nil).Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if withGeo {
				a.Places = []article.Place{place(text, "Syria"), place(text, "Idlib"), place(text, "United States")}
			}
			if err := x.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			// The article has no other count: "15-member", "2014" and
			// "last year's" are no counts.
			want := []got{{"KILL", 89, "people", "Idlib", "left 89 people dead"}}
			if diff := cmp.Diff(want, summarize(a)); diff != "" {
				t.Errorf("seed counts (-want +got):\n%s", diff)
			}
			for _, c := range a.Counts {
				if c.Span.In(text) == "" {
					t.Errorf("count %+v has a span outside the text", c)
				}
			}
		})
	}
}
