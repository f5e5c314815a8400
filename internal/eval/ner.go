// Package eval scores worldmedia against gold sets. It reads the gold
// formats, runs a caller-supplied annotator over them and counts agreement;
// it knows nothing of how the annotations are made, so the command wires the
// models in.
package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// ErrFormat reports a line that is not in the CoNLL-2003 column format.
var ErrFormat = errors.New("not a CoNLL-2003 line (want: word POS chunk NER)")

// LineError locates a problem in a CoNLL file.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }

func (e *LineError) Unwrap() error { return e.Err }

// Sentence is one sentence of a CoNLL-2003 file: a word per token with its
// part-of-speech tag, chunk tag and entity label. Labels are in IOB2 ("B-PER"
// starts every entity), converted from the file's IOB1.
type Sentence struct {
	Words  []string
	POS    []string
	Chunks []string
	Labels []string
}

// Document is a run of sentences between two -DOCSTART- lines.
type Document struct {
	Sentences []Sentence
}

// ReadCoNLLFile reads a CoNLL-2003 file (see [ReadCoNLL]).
func ReadCoNLLFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err // *PathError names the file
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// ReadCoNLL reads CoNLL-2003 text: one token a line as "word POS chunk NER",
// a blank line after each sentence, "-DOCSTART-" lines between documents.
// Entity labels are converted from IOB1 to IOB2. Sentences before the first
// -DOCSTART- line form a document of their own.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	var (
		docs []Document
		doc  Document
		sent Sentence
	)
	endSentence := func() {
		if len(sent.Words) > 0 {
			IOB1ToIOB2(sent.Labels)
			doc.Sentences = append(doc.Sentences, sent)
		}
		sent = Sentence{}
	}
	endDocument := func() {
		endSentence()
		if len(doc.Sentences) > 0 {
			docs = append(docs, doc)
		}
		doc = Document{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			endSentence()
			continue
		}
		f := strings.Fields(text)
		if f[0] == "-DOCSTART-" {
			endDocument()
			continue
		}
		if len(f) < 4 {
			return nil, &LineError{Line: line, Err: ErrFormat}
		}
		sent.Words = append(sent.Words, f[0])
		sent.POS = append(sent.POS, f[1])
		sent.Chunks = append(sent.Chunks, f[2])
		sent.Labels = append(sent.Labels, f[len(f)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, &LineError{Line: line + 1, Err: err}
	}
	endDocument()
	return docs, nil
}

// IOB1ToIOB2 rewrites labels in place from IOB1 (an entity starts with I-
// unless it directly follows one of the same type) to IOB2 (every entity
// starts with B-). Labels already in IOB2 are left as they are.
func IOB1ToIOB2(labels []string) {
	prev := "O"
	for i, l := range labels {
		if typ, ok := strings.CutPrefix(l, "I-"); ok {
			if prev == "O" || labelType(prev) != typ {
				labels[i] = "B-" + typ
			}
		}
		prev = l
	}
}

// labelType returns the entity type of an IOB label ("PER" for "B-PER"), or
// "" for O.
func labelType(l string) string {
	if len(l) > 2 && l[1] == '-' {
		return l[2:]
	}
	return ""
}

// Chunk is one entity in a label sequence: tokens [Start, End) of Type.
type Chunk struct {
	Type       string
	Start, End int
}

// Chunks returns the entities of an IOB2 label sequence as conlleval reads
// them: B-X starts an entity, I-X continues one of type X and otherwise
// starts one, O and any other label end it.
func Chunks(labels []string) []Chunk {
	var out []Chunk
	open := -1
	typ := ""
	for i, l := range labels {
		t := labelType(l)
		switch {
		case t == "":
			if open >= 0 {
				out = append(out, Chunk{typ, open, i})
				open = -1
			}
		case strings.HasPrefix(l, "I-") && open >= 0 && t == typ:
			// continues
		default:
			if open >= 0 {
				out = append(out, Chunk{typ, open, i})
			}
			open, typ = i, t
		}
	}
	if open >= 0 {
		out = append(out, Chunk{typ, open, len(labels)})
	}
	return out
}

// Counts are the entity counts of one type (or of all).
type Counts struct {
	Gold      int `json:"gold"`
	Predicted int `json:"predicted"`
	Correct   int `json:"correct"`
}

// Precision is Correct/Predicted, 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Correct/Gold, 0 when there is no gold entity.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// NERScore is conlleval's exact-match entity score: an entity is correct
// when a predicted one has the same type, first and last token as a gold
// one. A boundary error is therefore one false positive and one false
// negative.
type NERScore struct {
	Overall Counts
	Types   map[string]Counts
}

// Add scores one sentence's predicted labels against its gold labels (both
// IOB2, the same length).
func (s *NERScore) Add(gold, pred []string) {
	if s.Types == nil {
		s.Types = map[string]Counts{}
	}
	g, p := Chunks(gold), Chunks(pred)
	want := make(map[Chunk]bool, len(g))
	for _, c := range g {
		want[c] = true
		tc := s.Types[c.Type]
		tc.Gold++
		s.Types[c.Type] = tc
		s.Overall.Gold++
	}
	for _, c := range p {
		tc := s.Types[c.Type]
		tc.Predicted++
		s.Overall.Predicted++
		if want[c] {
			tc.Correct++
			s.Overall.Correct++
		}
		s.Types[c.Type] = tc
	}
}

// NERAnnotator labels one document: for each sentence, a part-of-speech tag
// and an IOB2 entity label per word.
type NERAnnotator func(sents [][]string) (tags, labels [][]string)

// NERReport is the result of [RunNER].
type NERReport struct {
	Documents   int
	Sentences   int
	Tokens      int
	NER         NERScore
	POSCorrect  int
	Elapsed     time.Duration
	POSAccuracy float64
}

// TokensPerSecond is the annotator's throughput over the run.
func (r *NERReport) TokensPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Tokens) / r.Elapsed.Seconds()
}

// RunNER annotates every document of a gold set with ann, on the gold
// tokens, and scores the entity labels and part-of-speech tags. Only the
// time spent in ann counts towards the throughput.
func RunNER(ctx context.Context, docs []Document, ann NERAnnotator) (*NERReport, error) {
	r := &NERReport{NER: NERScore{Types: map[string]Counts{}}}
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
		}
		start := time.Now()
		tags, labels := ann(words)
		r.Elapsed += time.Since(start)
		r.Documents++
		for i, s := range d.Sentences {
			r.Sentences++
			r.Tokens += len(s.Words)
			pred := make([]string, len(s.Words))
			for j := range pred {
				pred[j] = "O"
				if i < len(labels) && j < len(labels[i]) {
					pred[j] = labels[i][j]
				}
				if i < len(tags) && j < len(tags[i]) && tags[i][j] == s.POS[j] {
					r.POSCorrect++
				}
			}
			r.NER.Add(s.Labels, pred)
		}
	}
	r.POSAccuracy = ratio(r.POSCorrect, r.Tokens)
	return r, nil
}

// typeOrder is the order of the CoNLL types in reports; others follow
// alphabetically.
var typeOrder = []string{"PER", "LOC", "ORG", "MISC"}

func (r *NERReport) types() []string {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range typeOrder {
		if _, ok := r.NER.Types[t]; ok {
			out = append(out, t)
			seen[t] = true
		}
	}
	var rest []string
	for t := range r.NER.Types {
		if !seen[t] {
			rest = append(rest, t)
		}
	}
	slices.Sort(rest)
	return append(out, rest...)
}

// WriteText writes the report as a table: precision, recall, F1, gold and
// predicted counts per type and overall, then POS accuracy and throughput.
func (r *NERReport) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "type\tprecision\trecall\tF1\tgold\tpredicted\tcorrect\t\n")
	row := func(name string, c Counts) {
		fmt.Fprintf(tw, "%s\t%.4f\t%.4f\t%.4f\t%d\t%d\t%d\t\n",
			name, c.Precision(), c.Recall(), c.F1(), c.Gold, c.Predicted, c.Correct)
	}
	for _, t := range r.types() {
		row(t, r.NER.Types[t])
	}
	row("overall", r.NER.Overall)
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "\nPOS accuracy  %.4f (%d/%d tokens)\ndocuments %d, sentences %d, tokens %d\nspeed  %.0f tokens/s (%.2fs)\n",
		r.POSAccuracy, r.POSCorrect, r.Tokens, r.Documents, r.Sentences, r.Tokens,
		r.TokensPerSecond(), r.Elapsed.Seconds())
	return err
}

type jsonCounts struct {
	Type      string  `json:"type"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Counts
}

// MarshalJSON encodes the report with a row per type and the overall row.
func (r *NERReport) MarshalJSON() ([]byte, error) {
	mk := func(t string, c Counts) jsonCounts {
		return jsonCounts{t, c.Precision(), c.Recall(), c.F1(), c}
	}
	rows := []jsonCounts{}
	for _, t := range r.types() {
		rows = append(rows, mk(t, r.NER.Types[t]))
	}
	return json.Marshal(struct {
		Documents       int          `json:"documents"`
		Sentences       int          `json:"sentences"`
		Tokens          int          `json:"tokens"`
		Overall         jsonCounts   `json:"overall"`
		Types           []jsonCounts `json:"types"`
		POSAccuracy     float64      `json:"pos_accuracy"`
		Seconds         float64      `json:"seconds"`
		TokensPerSecond float64      `json:"tokens_per_second"`
	}{r.Documents, r.Sentences, r.Tokens, mk("overall", r.NER.Overall), rows,
		r.POSAccuracy, r.Elapsed.Seconds(), r.TokensPerSecond()})
}
