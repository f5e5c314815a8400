package nlp_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"worldmedia/internal/nlp"
)

// newsPath is the BBC News full-text set (see ../shared/data/README.md),
// read in place and never copied here.
const newsPath = "../../../shared/data/news/bbc_fulltext.jsonl"

func loadNews(b *testing.B) (texts []string, size int64) {
	b.Helper()
	f, err := os.Open(newsPath)
	if err != nil {
		b.Skipf("%s not present: %v", newsPath, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			b.Fatalf("%s: %v", newsPath, err)
		}
		texts = append(texts, rec.Text)
		size += int64(len(rec.Text))
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("%s: %v", newsPath, err)
	}
	return texts, size
}

// segmented holds an article's sentences as words.
func segmented(texts []string) [][][]string {
	docs := make([][][]string, len(texts))
	for i, text := range texts {
		for _, s := range nlp.Segment(text) {
			words := make([]string, len(s.Tokens))
			for j, t := range s.Tokens {
				words[j] = text[t.Span.Start:t.Span.End]
			}
			docs[i] = append(docs[i], words)
		}
	}
	return docs
}

// BenchmarkAnnotate runs the whole language layer over real news:
// segmentation and tokenization, tagging and entity recognition. Bytes are
// bytes of raw text.
func BenchmarkAnnotate(b *testing.B) {
	texts, size := loadNews(b)
	m, err := nlp.DefaultModels()
	if err != nil {
		b.Fatal(err)
	}
	var tags [][]string
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			sents := nlp.Segment(text)
			words := make([][]string, len(sents))
			tags = tags[:0]
			for i, s := range sents {
				w := make([]string, len(s.Tokens))
				for j, t := range s.Tokens {
					w[j] = text[t.Span.Start:t.Span.End]
				}
				words[i] = w
				tg := make([]string, len(w))
				m.POS.Tag(w, tg)
				tags = append(tags, tg)
			}
			m.NER.Recognize(words, tags)
		}
	}
	b.ReportMetric(float64(len(texts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkTag and BenchmarkRecognize time the models alone on segmented
// news; bytes are still bytes of raw text, so the three figures compare.
func BenchmarkTag(b *testing.B) {
	texts, size := loadNews(b)
	docs := segmented(texts)
	m, err := nlp.DefaultModels()
	if err != nil {
		b.Fatal(err)
	}
	tags := make([]string, 0, 256)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			for _, s := range d {
				tags = append(tags[:0], s...)
				m.POS.Tag(s, tags)
			}
		}
	}
}

func BenchmarkRecognize(b *testing.B) {
	texts, size := loadNews(b)
	docs := segmented(texts)
	m, err := nlp.DefaultModels()
	if err != nil {
		b.Fatal(err)
	}
	tags := make([][][]string, len(docs))
	tokens := 0
	for i, d := range docs {
		tags[i] = make([][]string, len(d))
		for j, s := range d {
			tags[i][j] = make([]string, len(s))
			m.POS.Tag(s, tags[i][j])
			tokens += len(s)
		}
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range docs {
			m.NER.Recognize(d, tags[i])
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
