package nlp_test

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/eval"
	"worldmedia/internal/nlp"
)

func defaultModels(t testing.TB) *nlp.Models {
	t.Helper()
	m, err := nlp.DefaultModels()
	if err != nil {
		t.Fatalf("embedded models: %v", err)
	}
	return m
}

// entities returns the entities of labelled words as "TYPE:words".
func entities(words, labels []string) []string {
	var out []string
	for _, c := range eval.Chunks(labels) {
		out = append(out, c.Type+":"+strings.Join(words[c.Start:c.End], " "))
	}
	return out
}

func TestRecognize(t *testing.T) {
	m := defaultModels(t)
	tests := []struct {
		name string
		doc  []string // sentences, words separated by spaces
		want [][]string
	}{
		{
			name: "minister and capital",
			doc: []string{
				"Russian Foreign Minister Sergey Lavrov said on Monday that Moscow would not accept the proposal .",
				"Lavrov spoke to reporters after talks in Geneva .",
			},
			want: [][]string{
				{"MISC:Russian", "PER:Sergey Lavrov", "LOC:Moscow"},
				{"PER:Lavrov", "LOC:Geneva"},
			},
		},
		{
			name: "security council",
			doc: []string{
				"The UN Security Council will meet in New York on Friday to discuss the crisis in Sudan .",
			},
			want: [][]string{{"ORG:UN Security Council", "LOC:New York", "LOC:Sudan"}},
		},
		{
			name: "news typography",
			doc: []string{
				"“ We will not give up , ” Ukraine ’s President Volodymyr Zelensky told the BBC on Tuesday .",
			},
			want: [][]string{{"LOC:Ukraine", "PER:Volodymyr Zelensky", "ORG:BBC"}},
		},
		{
			name: "titles",
			doc:  []string{"Mr Putin met President Macron and Dr Tedros in Paris ."},
			want: [][]string{{"PER:Putin", "PER:Macron", "PER:Tedros", "LOC:Paris"}},
		},
		{
			name: "headline",
			doc: []string{
				"RUSSIA SAYS TALKS WITH UKRAINE ARE OVER .",
				"Russia said on Friday that peace talks with Ukraine were over .",
			},
			want: [][]string{{"LOC:RUSSIA", "LOC:UKRAINE"}, {"LOC:Russia", "LOC:Ukraine"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := make([][]string, len(tt.doc))
			for i, s := range tt.doc {
				sents[i] = strings.Fields(s)
			}
			tags, labels := m.Annotate(sents)
			var got [][]string
			for i := range sents {
				got = append(got, entities(sents[i], labels[i]))
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("entities (-want +got):\n%s\ntags: %v", d, tags)
			}
		})
	}
}

func TestRecognizeEdgeCases(t *testing.T) {
	m := defaultModels(t)
	tests := []struct {
		name  string
		sents [][]string
		tags  [][]string
	}{
		{"no sentences", nil, nil},
		{"empty sentence", [][]string{{}, {"Paris"}}, nil},
		{"no tags", [][]string{{"Angela", "Merkel", "visited", "Paris", "."}}, nil},
		{"short tags", [][]string{{"Angela", "Merkel", "visited"}}, [][]string{{"NNP"}}},
		{"odd words", [][]string{{"", "\xff\xfe", strings.Repeat("Ab", 5000), "日本", "😀", "-"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			labels := m.NER.Recognize(tt.sents, tt.tags)
			if len(labels) != len(tt.sents) {
				t.Fatalf("got %d sentences, want %d", len(labels), len(tt.sents))
			}
			for i := range labels {
				if len(labels[i]) != len(tt.sents[i]) {
					t.Errorf("sentence %d: %d labels for %d words", i, len(labels[i]), len(tt.sents[i]))
				}
			}
		})
	}
}

// TestConcurrent checks that models shared by goroutines give the results
// they give alone (run with -race to check the sharing too).
func TestConcurrent(t *testing.T) {
	m := defaultModels(t)
	var docs [][][]string
	for i := range 8 {
		docs = append(docs, [][]string{
			strings.Fields(fmt.Sprintf("Talks %d between Iran and the European Union resumed in Vienna on Monday .", i)),
			strings.Fields("Foreign Minister Abbas Araghchi led the delegation , IRNA said ."),
		})
	}
	want := make([][][]string, len(docs))
	for i, d := range docs {
		_, want[i] = m.Annotate(d)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for range 20 {
				for i := range docs {
					k := (i + g) % len(docs)
					if _, got := m.Annotate(docs[k]); !cmp.Equal(want[k], got) {
						t.Errorf("document %d: concurrent labels differ", k)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

// conllDev is CoNLL-2003 eng.testa (see ../shared/data/README.md).
const conllDev = "../../../shared/data/ner/eng.testa"

// TestCoNLLFloor checks accuracy floors on the CoNLL-2003 development set;
// "worldmedia eval ner" prints the figures.
func TestCoNLLFloor(t *testing.T) {
	if _, err := os.Stat(conllDev); err != nil {
		t.Skipf("../shared/data/ner not present: %v", err)
	}
	docs, err := eval.ReadCoNLLFile(conllDev)
	if err != nil {
		t.Fatal(err)
	}
	m := defaultModels(t)
	r, err := eval.RunNER(t.Context(), docs, m.Annotate)
	if err != nil {
		t.Fatal(err)
	}
	const minF1, minPOS = 0.85, 0.95
	if f := r.NER.Overall.F1(); f < minF1 {
		t.Errorf("entity F1 %.4f, want at least %.2f", f, minF1)
	}
	for _, typ := range []string{"PER", "LOC", "ORG", "MISC"} {
		if f := r.NER.Types[typ].F1(); f < minF1 {
			t.Errorf("%s F1 %.4f, want at least %.2f", typ, f, minF1)
		}
	}
	if r.POSAccuracy < minPOS {
		t.Errorf("POS accuracy %.4f, want at least %.2f", r.POSAccuracy, minPOS)
	}
}
