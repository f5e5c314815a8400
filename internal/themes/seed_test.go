package themes_test

import (
	"strings"
	"testing"
	"time"

	"worldmedia/internal/actors"
	"worldmedia/internal/events"
	"worldmedia/internal/testkit"
	"worldmedia/internal/themes"
)

// TestSeed runs the seed article through nlp, actors, events and themes,
// as cmd wires them, and checks the themes the brief asks of it: armed
// conflict, chemical weapons, sanctions and diplomacy, each from both
// keywords and coded events where the article has them.
func TestSeed(t *testing.T) {
	text := testkit.Seed(t)
	a := testkit.Annotate(t, text)
	a.Date = time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC)
	dict, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	coder, err := events.New(nil, events.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	g, err := themes.New(nil, themes.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := actors.New(dict, nil).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if err := coder.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	if err := g.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	got := texts(a)
	t.Logf("seed themes: %q", got)
	// Keywords: each theme has a mention holding these words (a keyword
	// inside an event's verb span is reported as that span).
	for _, want := range []struct{ theme, has string }{
		{"ARMEDCONFLICT", "air defense"},
		{"ARMEDCONFLICT", "barrel bomb"},
		{"WMD_CHEMICAL", "chemical weapons"},
		{"WMD_CHEMICAL", "gas attack"},
		{"SANCTIONS", "sanctions"},
		{"DIPLOMACY", "diplomatic"},
		{"DIPLOMACY", "foreign minister"},
	} {
		found := false
		for _, m := range got[want.theme] {
			found = found || strings.Contains(m, want.has)
		}
		if !found {
			t.Errorf("%s: no mention holding %q in %q", want.theme, want.has, got[want.theme])
		}
	}
	// Events: every use of force the coder found evidences ARMEDCONFLICT.
	force := 0
	for _, e := range a.Events {
		if e.Root != "19" || e.Negated {
			continue
		}
		force++
		found := false
		for _, th := range a.Themes {
			for _, m := range th.Mentions {
				found = found || th.Name == "ARMEDCONFLICT" && m.Contains(e.VerbSpan)
			}
		}
		if !found {
			t.Errorf("event %s %q is no ARMEDCONFLICT mention", e.Code, e.VerbSpan.In(text))
		}
	}
	if force == 0 {
		t.Error("the coder found no use of force (root 19) in the seed; EXPECTED.md has one")
	}
	for _, th := range a.Themes {
		for _, m := range th.Mentions {
			if m.In(text) == "" {
				t.Errorf("%s: span %v outside the text", th.Name, m)
			}
		}
	}
}
