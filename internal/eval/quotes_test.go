package eval_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/eval"
	"worldmedia/internal/nlp"
	"worldmedia/internal/quotes"
)

// cp returns the code-point offset of the first occurrence of sub in s.
func cp(t *testing.T, s, sub string) int {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	return utf8.RuneCountInString(s[:i])
}

// TestScoreQuotes scores a made-up article whose text has multi-byte
// characters before the quotations, so code points and bytes differ.
func TestScoreQuotes(t *testing.T) {
	text := "Café déjà vu.\n\n“Prices will fall,” Ms Añez said. He is “effectively tied” with Rubio, Ruiz said. “A song,” she sang."
	att := func(content, speaker string) eval.GoldAttribute {
		s := cp(t, text, content)
		e := s + utf8.RuneCountInString(content)
		a := eval.GoldAttribute{Quote: content, Speaker: speaker, Start: s, End: e, Spans: [][2]int{{s, e}},
			SpeakerStart: -1, SpeakerEnd: -1, QuoteMarks: strings.ContainsAny(content, "\"“”")}
		if speaker != "" {
			a.SpeakerStart = cp(t, text, speaker)
			a.SpeakerEnd = a.SpeakerStart + utf8.RuneCountInString(speaker)
		}
		return a
	}
	rec := eval.QuoteGoldArticle{ID: "t1", Text: text, Quotes: []eval.GoldAttribute{
		att("“Prices will fall,”", "Ms Añez"),
		att("He is “effectively tied” with Rubio", "Ruiz"),
		att("with Rubio", ""), // no quotation marks: not scored
	}}
	b, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "gold.jsonl")
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	span := func(sub string) article.Span {
		i := strings.Index(text, sub)
		return article.Span{Start: i, End: i + len(sub)}
	}
	analyze := func(ctx context.Context, a *article.Article) error {
		a.Quotes = []article.Quote{
			{Text: "Prices will fall", Span: span("Prices will fall"), Speaker: "Jeanine Añez", SpeakerSpan: span("Añez")},
			{Text: "effectively tied with", Span: span("effectively tied” with"), Speaker: "Someone", SpeakerSpan: span("He")},
			{Text: "A song", Span: span("A song"), Speaker: "she", SpeakerSpan: span("she")},
		}
		return nil
	}
	got, err := eval.ScoreQuotes(t.Context(), path, analyze)
	if err != nil {
		t.Fatal(err)
	}
	want := &eval.QuoteScore{
		Set: "gold", Articles: 1, Gold: 2, Predicted: 3,
		ExactMatches: 1, ExactPrecision: 1.0 / 3, ExactRecall: 0.5, ExactF1: 0.4,
		OverlapMatches: 2, OverlapPrecision: 2.0 / 3, OverlapRecall: 1, OverlapF1: 0.8,
		SpeakerGold: 2, SpeakerRight: 1, SpeakerAccuracy: 0.5, Named: 2, NamedRate: 1, NamedRight: 1,
	}
	opts := []cmp.Option{
		cmpopts.IgnoreFields(eval.QuoteScore{}, "Missed", "Extra", "Inexact", "WrongSpeaker"),
		cmpopts.EquateApprox(0, 1e-9),
	}
	if d := cmp.Diff(want, got, opts...); d != "" {
		t.Errorf("score (-want +got):\n%s", d)
	}
	if len(got.Extra) != 1 || got.Extra[0].Quote != "A song" {
		t.Errorf("extra = %+v, want the unattributed \"A song\"", got.Extra)
	}
}

const polnearDev = "../../../shared/data/quotes/polnear.dev.jsonl"

// TestScoreQuotesPolNeARFloor runs nlp, actors and quotes over the PolNeAR
// dev set and fails when a figure falls below its floor, set just under
// what the extractor reaches, so that regressions show.
func TestScoreQuotesPolNeARFloor(t *testing.T) {
	if _, err := os.Stat(polnearDev); err != nil {
		t.Skipf("%s not present (the gold sets live beside the checkout, in ../shared): %v", polnearDev, err)
	}
	if testing.Short() {
		t.Skip("analyses 5 MB of text")
	}
	ann, err := nlp.NewAnnotator(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	dict, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	res := actors.New(dict, nil)
	qx, err := quotes.New(quotes.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	analyze := func(ctx context.Context, a *article.Article) error {
		if err := ann.Process(ctx, a); err != nil {
			return err
		}
		if err := res.Process(ctx, a); err != nil {
			return err
		}
		return qx.Process(ctx, a)
	}
	sc, err := eval.ScoreQuotes(t.Context(), polnearDev, analyze)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("gold %d predicted %d; exact P %.3f R %.3f F1 %.3f; overlap P %.3f R %.3f F1 %.3f; speaker %.3f (named %.3f)",
		sc.Gold, sc.Predicted, sc.ExactPrecision, sc.ExactRecall, sc.ExactF1,
		sc.OverlapPrecision, sc.OverlapRecall, sc.OverlapF1, sc.SpeakerAccuracy, sc.NamedRate)
	floors := []struct {
		name       string
		got, floor float64
	}{
		{"exact F1", sc.ExactF1, 0.94},
		{"overlap F1", sc.OverlapF1, 0.945},
		{"speaker accuracy", sc.SpeakerAccuracy, 0.89},
	}
	for _, f := range floors {
		if f.got < f.floor {
			t.Errorf("%s %.3f, floor %.2f", f.name, f.got, f.floor)
		}
	}
}
