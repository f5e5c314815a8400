package eval_test

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/eval"
)

func TestReadCoNLL(t *testing.T) {
	docs, err := eval.ReadCoNLLFile("testdata/tiny.conll")
	if err != nil {
		t.Fatal(err)
	}
	var got [][]string
	for _, d := range docs {
		for _, s := range d.Sentences {
			got = append(got, s.Labels)
		}
	}
	want := [][]string{
		{"B-ORG", "O", "B-MISC", "O", "O"},
		{"B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O"},
		{"B-PER", "B-PER"},
	}
	if len(docs) != 2 {
		t.Errorf("got %d documents, want 2", len(docs))
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("IOB2 labels (-want +got):\n%s", d)
	}
}

func TestReadCoNLLError(t *testing.T) {
	_, err := eval.ReadCoNLL(strings.NewReader("EU NNP I-NP I-ORG\n\nbroken line\n"))
	var le *eval.LineError
	if !errors.As(err, &le) || le.Line != 3 || !errors.Is(err, eval.ErrFormat) {
		t.Errorf("err = %v, want ErrFormat at line 3", err)
	}
}

func TestChunks(t *testing.T) {
	tests := []struct {
		name   string
		labels []string
		want   []eval.Chunk
	}{
		{"empty", nil, nil},
		{"single", []string{"O", "B-PER", "O"}, []eval.Chunk{{"PER", 1, 2}}},
		{"two adjacent", []string{"B-PER", "B-PER"}, []eval.Chunk{{"PER", 0, 1}, {"PER", 1, 2}}},
		{"I starts after O", []string{"O", "I-LOC", "I-LOC"}, []eval.Chunk{{"LOC", 1, 3}}},
		{"type change", []string{"B-ORG", "I-LOC"}, []eval.Chunk{{"ORG", 0, 1}, {"LOC", 1, 2}}},
		{"at end", []string{"O", "B-MISC", "I-MISC"}, []eval.Chunk{{"MISC", 1, 3}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, eval.Chunks(tt.labels)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// predicted is a made-up annotator output for testdata/tiny.conll: a
// boundary error on "John Smith", the two people "Alice" and "Bob" run
// together, and one wrong tag.
var predicted = map[string][]string{
	"EU":    {"B-ORG", "O", "B-MISC", "O", "O"},
	"Peter": {"B-PER", "I-PER", "O", "B-PER", "O", "O", "B-LOC", "I-LOC", "O"},
	"Alice": {"B-PER", "I-PER"},
}

func TestRunNER(t *testing.T) {
	docs, err := eval.ReadCoNLLFile("testdata/tiny.conll")
	if err != nil {
		t.Fatal(err)
	}
	pos := map[string][]string{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			pos[s.Words[0]] = s.POS
		}
	}
	ann := func(sents [][]string) (tags, labels [][]string) {
		for _, s := range sents {
			tg := append([]string(nil), pos[s[0]]...)
			if s[0] == "EU" {
				tg[1] = "NNS" // one wrong tag in 16
			}
			tags = append(tags, tg)
			labels = append(labels, predicted[s[0]])
		}
		return tags, labels
	}
	r, err := eval.RunNER(context.Background(), docs, ann)
	if err != nil {
		t.Fatal(err)
	}
	wantCounts := map[string]eval.Counts{
		"PER":  {Gold: 4, Predicted: 3, Correct: 1},
		"ORG":  {Gold: 1, Predicted: 1, Correct: 1},
		"MISC": {Gold: 1, Predicted: 1, Correct: 1},
		"LOC":  {Gold: 1, Predicted: 1, Correct: 1},
	}
	if d := cmp.Diff(wantCounts, r.NER.Types); d != "" {
		t.Errorf("per type (-want +got):\n%s", d)
	}
	o := r.NER.Overall
	if o != (eval.Counts{Gold: 7, Predicted: 6, Correct: 4}) {
		t.Errorf("overall = %+v", o)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"precision", o.Precision(), 4.0 / 6},
		{"recall", o.Recall(), 4.0 / 7},
		{"F1", o.F1(), 8.0 / 13},
		{"POS accuracy", r.POSAccuracy, 15.0 / 16},
	} {
		if math.Abs(c.got-c.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if r.Tokens != 16 || r.Sentences != 3 || r.Documents != 2 {
		t.Errorf("tokens, sentences, documents = %d, %d, %d", r.Tokens, r.Sentences, r.Documents)
	}

	var text strings.Builder
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "0.6154") {
		t.Errorf("table lacks the overall F1 0.6154:\n%s", text.String())
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var js struct {
		Overall struct {
			F1   float64 `json:"f1"`
			Gold int     `json:"gold"`
		} `json:"overall"`
		Types []struct {
			Type string `json:"type"`
		} `json:"types"`
	}
	if err := json.Unmarshal(b, &js); err != nil {
		t.Fatal(err)
	}
	if js.Overall.Gold != 7 || math.Abs(js.Overall.F1-8.0/13) > 1e-9 || len(js.Types) != 4 || js.Types[0].Type != "PER" {
		t.Errorf("JSON report: %s", b)
	}
}
