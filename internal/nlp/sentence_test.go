package nlp_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/nlp"
)

// The -update flag rewrites golden files. Another test file of the package
// may define it too; whichever comes first wins and both read it by name.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files in testdata")
	}
}

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// bbcPath is the BBC news corpus in the shared data beside the checkout.
var bbcPath = filepath.Join("..", "..", "..", "shared", "data", "news", "bbc_fulltext.jsonl")

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"blank", " \n\n\t ", nil},
		{"one sentence without period", "Russia vetoed the resolution", []string{"Russia vetoed the resolution"}},
		{"spans exclude surrounding space", "  One.   Two.  ", []string{"One.", "Two."}},
		{"question and exclamation", "Really? Yes! Fine.", []string{"Really?", "Yes!", "Fine."}},
		{"lower case after period", "The vote was held at 5 p.m. on Monday. It failed.",
			[]string{"The vote was held at 5 p.m. on Monday.", "It failed."}},

		// "U.S." and other abbreviations that can end a sentence.
		{"U.S. before title", "U.S. Secretary of State Rex Tillerson arrived. The U.S. President Donald Trump waited.",
			[]string{"U.S. Secretary of State Rex Tillerson arrived.", "The U.S. President Donald Trump waited."}},
		{"U.S. before name", "prompted U.S. President Donald Trump to act, U.S. Ambassador Nikki Haley said.",
			[]string{"prompted U.S. President Donald Trump to act, U.S. Ambassador Nikki Haley said."}},
		{"U.S. before The", "He lives in the U.S. The president said no.", []string{"He lives in the U.S.", "The president said no."}},
		{"U.S. before pronoun", "Talks stalled in the U.S. He said so.", []string{"Talks stalled in the U.S.", "He said so."}},
		{"U.S. before But", "Russia blames the U.S. But Washington denies it.", []string{"Russia blames the U.S.", "But Washington denies it."}},
		{"U.S. before quotation", `improved relations with the U.S. "We consider it important".`,
			[]string{"improved relations with the U.S.", `"We consider it important".`}},
		{"U.S. before lower-case quotation", `the U.S. "war on terror" failed.`, []string{`the U.S. "war on terror" failed.`}},
		{"U.N. before organisation", "at the U.N. Security Council. It voted.", []string{"at the U.N. Security Council.", "It voted."}},
		{"U.S. closing a quotation", `"We trust the U.S." They left.`, []string{`"We trust the U.S."`, "They left."}},
		{"Inc. before title", "Apple Inc. Chief Executive Tim Cook spoke. Apple Inc. It fell.",
			[]string{"Apple Inc. Chief Executive Tim Cook spoke.", "Apple Inc.", "It fell."}},
		{"St.", "He flew to St. Petersburg via Main St. The trip was long.",
			[]string{"He flew to St. Petersburg via Main St.", "The trip was long."}},
		{"etc.", "Apples, pears, etc. Markets grew.", []string{"Apples, pears, etc.", "Markets grew."}},
		{"a.m. before starter", "It began at 10 a.m. The crowd grew. At 5 p.m. Monday it ended.",
			[]string{"It began at 10 a.m.", "The crowd grew.", "At 5 p.m. Monday it ended."}},
		{"US state in dateline", "SPRINGFIELD, Ill. (AP) — Police said. Nobody came.",
			[]string{"SPRINGFIELD, Ill. (AP) — Police said.", "Nobody came."}},

		// Titles, initials and numbers never end sentences.
		{"titles", "Gen. Joseph Votel met Sen. John McCain and Dr. Smith. Mr. Jones left.",
			[]string{"Gen. Joseph Votel met Sen. John McCain and Dr. Smith.", "Mr. Jones left."}},
		{"title before starter word", "He met Lt. Col. The Rev. Smith.", []string{"He met Lt. Col. The Rev. Smith."}},
		{"initials", "George W. Bush met J. K. Rowling in London. They talked.",
			[]string{"George W. Bush met J. K. Rowling in London.", "They talked."}},
		{"initial ending a sentence", "They chose Plan B. But it failed.", []string{"They chose Plan B.", "But it failed."}},
		{"numbers", "Growth was 3.5 percent. No. 10 Downing Street said 1,400 jobs.",
			[]string{"Growth was 3.5 percent.", "No. 10 Downing Street said 1,400 jobs."}},
		{"months", "The vote is on Jan. 5 in Washington. It was delayed to Sept. The date is unclear.",
			[]string{"The vote is on Jan. 5 in Washington.", "It was delayed to Sept.", "The date is unclear."}},
		{"month before a name", "hosted by Ant and Dec. Natalie left.", []string{"hosted by Ant and Dec.", "Natalie left."}},
		{"capitals before a period", "patients with MS. Final approval came.", []string{"patients with MS.", "Final approval came."}},
		{"inline abbreviations", "Some, e.g. France, agreed, i.e. most. Smith vs. Jones began.",
			[]string{"Some, e.g. France, agreed, i.e. most.", "Smith vs. Jones began."}},

		// Quotations.
		{"period inside quotation", `He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"period after quotation", `"We'll see what happens". Russia wants sanctions eased.`,
			[]string{`"We'll see what happens".`, "Russia wants sanctions eased."}},
		{"quotation spanning sentences", `"First. Second," he said.`, []string{`"First.`, `Second," he said.`}},
		{"comma inside quotation", `"We will win," he said. "They will lose."`,
			[]string{`"We will win," he said.`, `"They will lose."`}},
		{"question inside quotation", `"Why?" he asked. Nobody knew!`, []string{`"Why?" he asked.`, "Nobody knew!"}},
		{"curly quotes", "“We will win.” He smiled. ‘Fine.’ They left.",
			[]string{"“We will win.”", "He smiled.", "‘Fine.’", "They left."}},
		{"stray period after quote", `".With its veto, Russian Federation said no to accountability". Even if we have them, we wouldn't use them.`,
			[]string{`".With its veto, Russian Federation said no to accountability".`, "Even if we have them, we wouldn't use them."}},
		{"parentheses", "He left (finally). Then silence. (He was tired.) Nobody asked.",
			[]string{"He left (finally).", "Then silence.", "(He was tired.)", "Nobody asked."}},

		// Ellipses.
		{"ellipsis before starter", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"ellipsis before name", "We waited for... Putin to arrive.", []string{"We waited for... Putin to arrive."}},
		{"ellipsis before lower case", "It was… difficult. It ended.", []string{"It was… difficult.", "It ended."}},

		// Datelines.
		{"dateline AP", "MOSCOW (AP) — Russian officials said on Monday they would retaliate. The Kremlin agreed.",
			[]string{"MOSCOW (AP) — Russian officials said on Monday they would retaliate.", "The Kremlin agreed."}},
		{"dateline Reuters", "WASHINGTON, April 12 (Reuters) - The United States said it was ready. Moscow disagreed.",
			[]string{"WASHINGTON, April 12 (Reuters) - The United States said it was ready.", "Moscow disagreed."}},
		{"dateline on its own line", "MOSCOW —\nRussian officials said they would retaliate.",
			[]string{"MOSCOW —\nRussian officials said they would retaliate."}},

		// Lines and paragraphs.
		{"blank line without period", "First paragraph without a period\n\nSecond paragraph.",
			[]string{"First paragraph without a period", "Second paragraph."}},
		{"blank line after U.S.", "which aired in the U.S.\n\nNeither Syria nor Russia responded.",
			[]string{"which aired in the U.S.", "Neither Syria nor Russia responded."}},
		{"blank line after title", "He met Gen.\n\nSmith later.", []string{"He met Gen.", "Smith later."}},
		{"blank line inside a quotation", "\"We will\n\nwin\" he said", []string{`"We will`, `win" he said`}},
		{"blank line with spaces and CRLF", "One\r\n  \r\nTwo.\r\n\r\nThree", []string{"One", "Two.", "Three"}},
		{"paragraph separator", "One\u2029Two", []string{"One", "Two"}},
		{"line break after period", "It ended.\nthen nothing", []string{"It ended.", "then nothing"}},
		{"heading", "Syria crisis\nThe view from Moscow is bleak.", []string{"Syria crisis", "The view from Moscow is bleak."}},
		{"wrapped line", "Russian officials said on\nMonday that the talks had\nfailed.",
			[]string{"Russian officials said on\nMonday that the talks had\nfailed."}},
		{"wrapped line before lower case", "Russian officials\nsaid so.", []string{"Russian officials\nsaid so."}},
		{"list items", "The measures include:\n - A ban on smoking\n - Fines for owners\n",
			[]string{"The measures include:", "- A ban on smoking", "- Fines for owners"}},

		{"numbered list", "Steps:\n1. The first point\n2. The second point.", []string{"Steps:", "1. The first point", "2. The second point."}},
		{"number ending a sentence", "He scored 12. The crowd cheered.", []string{"He scored 12.", "The crowd cheered."}},
		{"sentences run together", "The attack ended.The response came.", []string{"The attack ended.", "The response came."}},
		{"question then lower case", "Why? because.", []string{"Why? because."}},
		{"invalid utf-8", "Bad \xff byte. Next \xe2\x80 one.", []string{"Bad \xff byte.", "Next \xe2\x80 one."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents := nlp.Segment(tt.text)
			checkSentences(t, tt.text, sents)
			if diff := cmp.Diff(tt.want, sentenceTexts(tt.text, sents)); diff != "" {
				t.Errorf("Segment(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestSegmentTokens checks that Segment's tokens are Tokenize's.
func TestSegmentTokens(t *testing.T) {
	text := "U.S. Ambassador Nikki Haley spoke. \"We won't,\" she said.\n\nRussia's veto stood."
	var got []article.Token
	for _, s := range nlp.Segment(text) {
		got = append(got, s.Tokens...)
	}
	if diff := cmp.Diff(nlp.Tokenize(text), got); diff != "" {
		t.Errorf("Segment tokens differ from Tokenize (-tokenize +segment):\n%s", diff)
	}
}

// TestSegmentSeed segments the body of the seed article and compares it with
// testdata/segment/seed.golden, one sentence a line.
func TestSegmentSeed(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "us-russia-all-time-low.txt"))
	if err != nil {
		t.Fatal(err)
	}
	body := seedBody(t, string(raw))
	sents := nlp.Segment(body)
	checkSentences(t, body, sents)
	texts := sentenceTexts(body, sents)

	for i, s := range texts {
		if !strings.HasSuffix(s, "U.S.") || i+1 == len(texts) {
			continue
		}
		next := texts[i+1]
		if next == "" || !unicode.IsUpper([]rune(next)[0]) {
			continue
		}
		// A sentence may end with "U.S." before a new sentence, never
		// before the name or title that "U.S." qualifies.
		switch first, _, _ := strings.Cut(next, " "); first {
		case "President", "Secretary", "Ambassador", "Donald", "Rex", "Nikki":
			t.Errorf("sentence %d ends with U.S. before %q", i, first)
		}
	}
	want := "But after last week's chemical weapons attack their relationship is increasingly becoming a burden for Putin, jeopardizing chances for improved relations with the U.S."
	i := indexOf(texts, want)
	if i < 0 || i+1 == len(texts) || !strings.HasPrefix(texts[i+1], `"We consider it`) {
		t.Errorf("no break between %q and %q", "with the U.S.", `"We consider it`)
	}

	var b strings.Builder
	for _, s := range texts {
		b.WriteString(strings.ReplaceAll(s, "\n", `\n`))
		b.WriteByte('\n')
	}
	golden(t, filepath.Join("testdata", "segment", "seed.golden"), b.String())
}

// seedBody drops the seed file's first three non-empty lines (site name and
// title twice), as ingest does.
func seedBody(t *testing.T, raw string) string {
	t.Helper()
	rest := raw
	for n := 0; n < 3; {
		line, after, ok := strings.Cut(rest, "\n")
		if !ok {
			t.Fatal("seed article has fewer than four non-empty lines")
		}
		if strings.TrimSpace(line) != "" {
			n++
		}
		rest = after
	}
	return rest
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if updateGolden() {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(got, "\n")); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// TestSegmentBBC checks the invariants of sentences and tokens on every
// article of the BBC corpus.
func TestSegmentBBC(t *testing.T) {
	texts := bbcTexts(t)
	for i, text := range texts {
		sents := nlp.Segment(text)
		if !t.Run(fmt.Sprint(i), func(t *testing.T) { checkSentences(t, text, sents) }) {
			break
		}
		if strings.TrimSpace(text) != "" && len(sents) == 0 {
			t.Fatalf("article %d: no sentences", i)
		}
	}
}

// bbcTexts reads the texts of the BBC corpus, skipping the test when the
// shared data is absent.
func bbcTexts(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(bbcPath)
	if errors.Is(err, fs.ErrNotExist) {
		tb.Skip("bbc_fulltext.jsonl: ../shared not present")
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatalf("%s:%d: %v", bbcPath, line, err)
		}
		texts = append(texts, rec.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return texts
}

func sentenceTexts(text string, sents []article.Sentence) []string {
	var out []string
	for _, s := range sents {
		out = append(out, s.Span.In(text))
	}
	return out
}

// checkSentences checks that sentences lie in text in order without
// overlap, that each spans exactly its tokens, never a blank line, and that
// the tokens are sound.
func checkSentences(t *testing.T, text string, sents []article.Sentence) {
	t.Helper()
	prev := 0
	for i, s := range sents {
		sp := s.Span
		if sp.Start < prev || sp.End <= sp.Start || sp.End > len(text) {
			t.Fatalf("sentence %d span %v out of order or bounds (previous end %d, len %d)", i, sp, prev, len(text))
		}
		if len(s.Tokens) == 0 {
			t.Fatalf("sentence %d %q has no tokens", i, sp.In(text))
		}
		if s.Tokens[0].Span.Start != sp.Start || s.Tokens[len(s.Tokens)-1].Span.End != sp.End {
			t.Fatalf("sentence %d span %v does not run from its first token to its last", i, sp)
		}
		if strings.Contains(sp.In(text), "\n\n") {
			t.Fatalf("sentence %d spans a blank line: %q", i, sp.In(text))
		}
		checkTokens(t, text, sp, s.Tokens)
		prev = sp.End
	}
}

func ExampleSegment() {
	text := `MOSCOW (AP) — Relations with the U.S. are at "a low point". U.S. President Donald Trump agreed.`
	for _, s := range nlp.Segment(text) {
		fmt.Println(s.Span.In(text))
	}
	// Output:
	// MOSCOW (AP) — Relations with the U.S. are at "a low point".
	// U.S. President Donald Trump agreed.
}

func ExampleTokenize() {
	text := "Russia's veto didn't stop the U.S.-led strike."
	var words []string
	for _, tk := range nlp.Tokenize(text) {
		words = append(words, tk.Span.In(text))
	}
	fmt.Println(strings.Join(words, " | "))
	// Output:
	// Russia | 's | veto | did | n't | stop | the | U.S.-led | strike | .
}

func BenchmarkSegment(b *testing.B) {
	texts := bbcTexts(b)
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, t := range texts {
			nlp.Segment(t)
		}
		n++
	}
	b.ReportMetric(float64(n*len(texts))/b.Elapsed().Seconds(), "articles/s")
}
