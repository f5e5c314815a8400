package eval_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/eval"
	"worldmedia/internal/nlp"
)

const bbcPath = "../../../shared/data/news/bbc_fulltext.jsonl"

// nlpActors is the analysis dedup runs after in cmd: nlp, then actors.
var nlpActors = sync.OnceValues(func() (eval.Analyzer, error) {
	ann, err := nlp.NewAnnotator(nil, nil)
	if err != nil {
		return nil, err
	}
	dict, err := actors.Default()
	if err != nil {
		return nil, err
	}
	act := actors.New(dict, nil)
	return func(ctx context.Context, a *article.Article) error {
		if err := ann.Process(ctx, a); err != nil {
			return err
		}
		return act.Process(ctx, a)
	}, nil
})

func analyzer(t *testing.T) eval.Analyzer {
	t.Helper()
	f, err := nlpActors()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// tinyNews are four distinct articles written for this test, and an
// identical copy of the first under another id.
var tinyNews = []struct{ id, text string }{
	{"n1", "Russia and the United States agreed on Wednesday to hold new talks on arms control in Geneva next month. " +
		"The US said the talks would cover nuclear warheads and the missiles that carry them. " +
		"Officials in Moscow said they were ready to discuss every weapon system on the table. " +
		"Neither side said how long the talks were expected to last. " +
		"The last treaty between the two countries expires in February, and both have warned of a new arms race."},
	{"n2", "Heavy rain caused floods across the north of England on Tuesday, closing roads and railway lines. " +
		"Hundreds of homes were evacuated in Cumbria as rivers burst their banks overnight. " +
		"The Environment Agency issued more than forty flood warnings and said more rain was on the way. " +
		"Engineers worked through the night to shore up defences along the river in Carlisle. " +
		"Schools in the area will stay closed until the water goes down, the county council said."},
	{"n3", "The central bank raised its main interest rate by half a point to curb inflation, its third rise this year. " +
		"Prices rose by nine percent in the year to May, the fastest pace in four decades. " +
		"The governor said further rises were likely if wages kept climbing at the current rate. " +
		"Shares fell in early trading as investors worried about the cost of borrowing for companies. " +
		"Economists expect the economy to shrink slightly in the second half of the year."},
	{"n4", "Federer beat Nadal in four sets on Sunday to win his eighth title at the tournament. " +
		"The Swiss player broke serve early in the final set and never looked back. " +
		"Nadal, who had won their previous three meetings, said his opponent had played brilliantly. " +
		"The crowd gave both men a standing ovation as they left the court after more than three hours. " +
		"Federer will now rise to second place in the world rankings, his highest position in two years."},
	{"n1-copy", ""}, // the text of n1
}

func writeTinyNews(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, n := range tinyNews {
		text := n.text
		if text == "" {
			text = tinyNews[0].text
		}
		line, err := json.Marshal(map[string]string{"id": n.id, "title": "Title of " + n.id, "text": text})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "news.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEvalDedupTiny(t *testing.T) {
	path := writeTinyNews(t)
	opt := eval.DefaultDedupOptions()
	sc, err := eval.EvalDedupWith(t.Context(), path, analyzer(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	type counts struct {
		Articles, Sampled, Identical, IdenticalFound, Near, False int
	}
	got := counts{sc.Articles, sc.Sampled, sc.IdenticalPairs, sc.IdenticalFound, sc.NearPairs, sc.FalseMatches}
	if diff := cmp.Diff(counts{5, 5, 1, 1, 0, 0}, got); diff != "" {
		t.Errorf("counts (-want +got):\n%s", diff)
	}
	var spins []string
	for _, s := range sc.Spins {
		spins = append(spins, s.Spin.String())
		if s.Variants+s.Unchanged != 5 {
			t.Errorf("%s: %d variants and %d unchanged, want 5 in all", s.Spin, s.Variants, s.Unchanged)
		}
		// Combined spins of texts this short fall below the threshold.
		if s.Spin != eval.SpinCombined && s.Recall < 0.8 {
			t.Errorf("%s: recall %.2f (%d of %d), misses %+v", s.Spin, s.Recall, s.Found, s.Variants, s.Misses)
		}
	}
	want := []string{"synonyms", "names", "reorder", "truncate", "boilerplate", "combined"}
	if diff := cmp.Diff(want, spins); diff != "" {
		t.Errorf("spins (-want +got):\n%s", diff)
	}
	// Only n1 and its copy name countries.
	if names := sc.Spins[1]; names.Variants != 2 || names.Unchanged != 3 {
		t.Errorf("names: %d variants, %d unchanged; want 2, 3", names.Variants, names.Unchanged)
	}

	// The same seed gives the same score.
	again, err := eval.EvalDedupWith(t.Context(), path, analyzer(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sc, again, cmpopts.IgnoreFields(eval.DedupScore{}, "Seconds")); diff != "" {
		t.Errorf("second run differs (-first +second):\n%s", diff)
	}
}

func TestEvalDedupMissingFile(t *testing.T) {
	if _, err := eval.EvalDedup(t.Context(), filepath.Join(t.TempDir(), "none.jsonl"), analyzer(t)); !os.IsNotExist(err) {
		t.Errorf("err = %v, want not exist", err)
	}
}

// TestEvalDedupBBC checks the floors of the brief on 100 BBC originals
// (the eval program samples 500): recall at least 0.95 for each spin with
// a target, false matches at most 1% of the articles, every identical
// pair found.
func TestEvalDedupBBC(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses about 2,800 articles")
	}
	if _, err := os.Stat(bbcPath); err != nil {
		t.Skipf("BBC corpus not present (../shared beside the checkout): %v", err)
	}
	opt := eval.DefaultDedupOptions()
	opt.Sample = 100
	sc, err := eval.EvalDedupWith(t.Context(), bbcPath, analyzer(t), opt)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sc.Spins {
		t.Logf("%-12s %4d variants  recall %.3f  similarity mean %.3f p5 %.3f min %.3f",
			s.Spin, s.Variants, s.Recall, s.MeanSimilarity, s.P5Similarity, s.MinSimilarity)
		if s.Spin != eval.SpinCombined && s.Recall < 0.95 {
			t.Errorf("%s: recall %.3f below 0.95; misses %+v", s.Spin, s.Recall, s.Misses)
		}
	}
	t.Logf("identical %d (found %d), near %d, false %d (%.4f), nearest distinct p99 %.3f max %.3f, %.1fs",
		sc.IdenticalPairs, sc.IdenticalFound, sc.NearPairs, sc.FalseMatches, sc.FalseMatchRate,
		sc.NearestP99, sc.NearestMax, sc.Seconds)
	if sc.Recall < 0.95 {
		t.Errorf("recall %.3f below 0.95", sc.Recall)
	}
	if sc.FalseMatchRate > 0.01 {
		t.Errorf("false matches %d (%.4f) above 1%%: %+v", sc.FalseMatches, sc.FalseMatchRate, sc.FalseExamples)
	}
	if sc.IdenticalFound != sc.IdenticalPairs {
		t.Errorf("found %d of %d identical pairs", sc.IdenticalFound, sc.IdenticalPairs)
	}
}
