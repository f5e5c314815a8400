package dedup_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"worldmedia/internal/article"
	"worldmedia/internal/dedup"
	"worldmedia/internal/testkit"
)

// TestSeed checks the MUST of shared/seed/EXPECTED.md ("Spun copies"): the
// seed with "Russian Federation" turned back into "Russia", or with three
// sentences reordered, is a near-duplicate of it; a different article on
// US–Russia relations from the same week (testdata) is not. That article
// reports the same visit (Tillerson in Moscow), so it shares the seed's
// story (doc.go).
func TestSeed(t *testing.T) {
	seed := testkit.SeedBody(t)
	tests := []struct {
		name string
		text string
		date time.Time
		want dedup.Result
	}{
		{
			name: "de-spun: Russian Federation back to Russia",
			text: strings.ReplaceAll(seed, "Russian Federation", "Russia"),
			date: seedDate,
			want: dedup.Result{DuplicateOf: "seed", Story: "seed"},
		},
		{
			name: "three sentences reordered",
			text: reorder(t, seed, 1, 5, 9),
			date: seedDate,
			want: dedup.Result{DuplicateOf: "seed", Story: "seed"},
		},
		{
			name: "spun both ways, a day later",
			text: reorder(t, strings.ReplaceAll(seed, "Russian Federation", "Russia"), 2, 6, 11),
			date: seedDate.AddDate(0, 0, 1),
			want: dedup.Result{DuplicateOf: "seed", Story: "seed"},
		},
		{
			name: "another article of the week: Tillerson meets Putin",
			text: readTestdata(t, "tillerson-putin-kremlin.txt"),
			date: seedDate.AddDate(0, 0, -1),
			want: dedup.Result{Story: "seed"},
		},
		{
			name: "the other article a month later",
			text: readTestdata(t, "tillerson-putin-kremlin.txt"),
			date: seedDate.AddDate(0, 1, 0),
			want: dedup.Result{Story: "copy"},
		},
	}
	d, err := dedup.New(dedup.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	orig := analyze(t, "seed", seed, seedDate)
	if err := d.Process(t.Context(), orig); err != nil {
		t.Fatal(err)
	}
	if orig.DuplicateOf != "" || orig.Story != "seed" {
		t.Fatalf("seed: duplicate of %q, story %q; want original, its own story", orig.DuplicateOf, orig.Story)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := analyze(t, "copy", tc.text, tc.date)
			got := d.Check(a)
			t.Logf("similarity %.3f, story similarity %.3f", d.Signature(a).Similarity(d.Signature(orig)),
				d.StorySignature(a).Similarity(d.StorySignature(orig)))
			if diff := cmp.Diff(tc.want, got, cmpopts.IgnoreFields(dedup.Result{}, "Similarity")); diff != "" {
				t.Errorf("Check (-want +got):\n%s", diff)
			}
			if tc.want.DuplicateOf != "" && got.Similarity < dedup.DefaultConfig().Threshold {
				t.Errorf("similarity %.3f below the threshold", got.Similarity)
			}
		})
	}
}

// reorder moves the sentences at the given indexes of text round: the
// first takes the second's place, the second the third's, the third the
// first's.
func reorder(tb testing.TB, text string, i, j, k int) string {
	tb.Helper()
	a := analyze(tb, "", text, time.Time{})
	s := a.Sentences
	if k >= len(s) {
		tb.Fatalf("%d sentences, want more than %d", len(s), k)
	}
	at := map[int]article.Span{i: s[j].Span, j: s[k].Span, k: s[i].Span}
	var b strings.Builder
	prev := 0
	for n, sent := range s {
		b.WriteString(text[prev:sent.Span.Start])
		sp, ok := at[n]
		if !ok {
			sp = sent.Span
		}
		b.WriteString(sp.In(text))
		prev = sent.Span.End
	}
	b.WriteString(text[prev:])
	out := b.String()
	if out == text {
		tb.Fatal("reordering changed nothing")
	}
	return out
}
