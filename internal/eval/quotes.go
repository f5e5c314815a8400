package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// Scoring quotations against PolNeAR (../shared/data/quotes/polnear.*.jsonl).
//
// What is comparable. PolNeAR annotates every attribution: direct quotes,
// indirect (reported) speech and attributed beliefs, each with a source, a
// cue and content spans. worldmedia extracts direct quotations, the words
// between quotation marks, so only attributions whose content holds a double
// quotation mark are scored (the data's quote_marks flag; 2,605 of 9,655 in
// dev). Their content spans are wider than a quotation: they take in the
// marks, the reported-speech frame around a partial quotation ("he is
// “effectively tied for second place” with Rubio") and, for split quotations
// ("“X,” he said, “Y.”"), both parts; and annotators often split one
// quotation of several sentences into a content part per sentence. So the
// parts of an attribution with nothing but unquoted text on one line
// between them are joined first, and the gold unit is each passage between
// double quotation marks inside a joined part, paired within that part (curly pairs nest, straight marks pair in turn, an unclosed opening
// mark runs to the end of the span, a closing mark without an opener starts
// the passage at the span's start), trimmed as worldmedia trims a
// quotation: surrounding space, leading [.,;:] and trailing [,;:]. Each unit
// keeps its attribution's source. Quoted passages outside any attribution
// (titles, scare quotes of the writer) are not in the gold: predicting them
// counts against precision. The file's title line is part of its text and
// its offsets, so the article's Text is the whole text.
//
// Offsets in the file are Unicode code points; they are converted to byte
// offsets per article before anything is compared.
//
// Matching. A prediction matches a gold unit exactly when the spans are
// equal, and by overlap when the shared bytes are at least half of each;
// each gold unit and each prediction is matched once, greedily by the
// largest overlap. Precision, recall and F1 are given for both.
//
// Speakers. Over the overlap-matched pairs whose gold has a source, the
// speaker is right when the predicted SpeakerSpan overlaps the gold source
// span, or when the predicted Speaker name contains the head word of the
// gold source (its last word before a comma or relative clause, possessive
// dropped; not for pronouns). PolNeAR's sources are the literal mention at
// the attribution, often a pronoun, never resolved to a name, so a
// SpeakerSpan on the right pronoun is right here whether or not worldmedia
// named the person; NamedRate says how often a name was given.

// QuoteGoldArticle is one article of the PolNeAR gold set.
type QuoteGoldArticle struct {
	ID     string          `json:"id"`
	Source string          `json:"source"`
	Date   string          `json:"date"`
	Title  string          `json:"title"`
	Text   string          `json:"text"`
	Quotes []GoldAttribute `json:"quotes"`
}

// GoldAttribute is one PolNeAR attribution. Offsets are code points into
// the article's text, -1 when absent.
type GoldAttribute struct {
	Quote        string   `json:"quote"`
	Speaker      string   `json:"speaker"`
	Start        int      `json:"start"`
	End          int      `json:"end"`
	Spans        [][2]int `json:"spans"`
	SpeakerStart int      `json:"speaker_start"`
	SpeakerEnd   int      `json:"speaker_end"`
	Cue          string   `json:"cue"`
	CueStart     int      `json:"cue_start"`
	CueEnd       int      `json:"cue_end"`
	QuoteMarks   bool     `json:"quote_marks"`
}

// QuoteScore is the result of scoring quotation extraction on a gold file.
type QuoteScore struct {
	Set       string `json:"set"`
	Articles  int    `json:"articles"`
	Gold      int    `json:"gold_quotes"`
	Predicted int    `json:"predicted_quotes"`

	ExactMatches   int     `json:"exact_matches"`
	ExactPrecision float64 `json:"exact_precision"`
	ExactRecall    float64 `json:"exact_recall"`
	ExactF1        float64 `json:"exact_f1"`

	OverlapMatches   int     `json:"overlap_matches"`
	OverlapPrecision float64 `json:"overlap_precision"`
	OverlapRecall    float64 `json:"overlap_recall"`
	OverlapF1        float64 `json:"overlap_f1"`

	// SpeakerGold is the number of overlap-matched quotations whose gold
	// has a source; SpeakerRight how many of them got it.
	SpeakerGold     int     `json:"speaker_scored"`
	SpeakerRight    int     `json:"speaker_right"`
	SpeakerAccuracy float64 `json:"speaker_accuracy"`
	// Named is how many scored quotations were given a speaker name,
	// NamedRight how many of those were also right, and PronounSources
	// how many have a pronoun as gold source.
	Named          int     `json:"named"`
	NamedRate      float64 `json:"named_rate"`
	NamedRight     int     `json:"named_right"`
	PronounSources int     `json:"pronoun_sources"`
	// NoSourceGold counts matched quotations whose gold has no source, and
	// NoSourceEmpty those of them predicted without a speaker.
	NoSourceGold  int `json:"no_source_gold"`
	NoSourceEmpty int `json:"no_source_predicted_empty"`

	// Missed, Extra, Inexact (matched by overlap only) and WrongSpeaker
	// are examples for reading.
	Missed       []QuoteExample `json:"missed,omitempty"`
	Inexact      []QuoteExample `json:"inexact,omitempty"`
	Extra        []QuoteExample `json:"extra,omitempty"`
	WrongSpeaker []QuoteExample `json:"wrong_speaker,omitempty"`
}

// QuoteExample is one quotation shown in a report.
type QuoteExample struct {
	ID    string `json:"id"`
	Quote string `json:"quote"`
	// GoldQuote is the gold quotation an inexact prediction matched.
	GoldQuote string `json:"gold_quote,omitempty"`
	Gold      string `json:"gold_speaker,omitempty"`
	Predicted string `json:"predicted_speaker,omitempty"`
	Context   string `json:"context,omitempty"`
}

// examplesKept is how many examples of each kind a score keeps.
const examplesKept = 200

// goldQuote is one scored gold unit: a quoted passage with its source, in
// byte offsets.
type goldQuote struct {
	span    article.Span
	speaker article.Span // empty when the attribution has no source
	source  string
}

// ScoreQuotes runs analyze on every article of the PolNeAR file at path
// and scores the quotations it writes.
func ScoreQuotes(ctx context.Context, path string, analyze Analyzer) (*QuoteScore, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := &QuoteScore{Set: strings.TrimSuffix(baseName(path), ".jsonl")}
	r := bufio.NewReaderSize(f, 1<<20)
	for line := 1; ; line++ {
		b, err := r.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			var rec QuoteGoldArticle
			if jerr := json.Unmarshal(b, &rec); jerr != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, jerr)
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if err := sc.add(ctx, rec, analyze); err != nil {
				return nil, fmt.Errorf("%s:%d: %s: %w", path, line, rec.ID, err)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	sc.finish()
	return sc, nil
}

func baseName(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

func (sc *QuoteScore) add(ctx context.Context, rec QuoteGoldArticle, analyze Analyzer) error {
	gold, err := goldQuotes(rec)
	if err != nil {
		return err
	}
	a := &article.Article{ID: rec.ID, Text: rec.Text, Source: rec.Source, Input: rec.ID}
	if rec.Date != "" {
		if d, err := article.ParseDate(rec.Date); err == nil {
			a.Date = d
		}
	}
	if err := analyze(ctx, a); err != nil {
		return err
	}
	sc.Articles++
	sc.Gold += len(gold)
	sc.Predicted += len(a.Quotes)

	for _, g := range gold {
		for _, p := range a.Quotes {
			if p.Span == g.span {
				sc.ExactMatches++
				break
			}
		}
	}
	pairs := matchQuotes(gold, a.Quotes)
	sc.OverlapMatches += len(pairs)
	matchedGold := make([]bool, len(gold))
	matchedPred := make([]bool, len(a.Quotes))
	for _, pr := range pairs {
		matchedGold[pr[0]], matchedPred[pr[1]] = true, true
		g, p := gold[pr[0]], a.Quotes[pr[1]]
		if g.span != p.Span && len(sc.Inexact) < examplesKept {
			sc.Inexact = append(sc.Inexact, QuoteExample{ID: rec.ID, Quote: p.Text, GoldQuote: g.span.In(rec.Text),
				Context: excerpt(rec.Text, g.span)})
		}
		if g.speaker.Empty() {
			sc.NoSourceGold++
			if p.Speaker == "" && p.SpeakerSpan.Empty() {
				sc.NoSourceEmpty++
			}
			continue
		}
		sc.SpeakerGold++
		if isPronoun(g.source) {
			sc.PronounSources++
		}
		if p.Speaker != "" {
			sc.Named++
		}
		if speakerRight(g, p) {
			sc.SpeakerRight++
			if p.Speaker != "" {
				sc.NamedRight++
			}
		} else if len(sc.WrongSpeaker) < examplesKept {
			sc.WrongSpeaker = append(sc.WrongSpeaker, QuoteExample{ID: rec.ID, Quote: p.Text, Gold: g.source,
				Predicted: fmt.Sprintf("%s [%s]", p.Speaker, p.SpeakerSpan.In(rec.Text)), Context: excerpt(rec.Text, g.span)})
		}
	}
	for i, g := range gold {
		if !matchedGold[i] && len(sc.Missed) < examplesKept {
			sc.Missed = append(sc.Missed, QuoteExample{ID: rec.ID, Quote: g.span.In(rec.Text), Gold: g.source,
				Context: excerpt(rec.Text, g.span)})
		}
	}
	for i, p := range a.Quotes {
		if !matchedPred[i] && len(sc.Extra) < examplesKept {
			sc.Extra = append(sc.Extra, QuoteExample{ID: rec.ID, Quote: p.Text, Predicted: p.Speaker,
				Context: excerpt(rec.Text, p.Span)})
		}
	}
	return nil
}

// excerpt returns the text around sp, for reading.
func excerpt(text string, sp article.Span) string {
	from := max(sp.Start-120, 0)
	to := min(sp.End+120, len(text))
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	for to < len(text) && !utf8.RuneStart(text[to]) {
		to++
	}
	return strings.Join(strings.Fields(text[from:to]), " ")
}

// matchQuotes pairs gold units and predictions that overlap by at least
// half of each, greedily by the largest overlap; it returns index pairs.
func matchQuotes(gold []goldQuote, pred []article.Quote) [][2]int {
	type cand struct{ g, p, n int }
	var cs []cand
	for gi, g := range gold {
		for pi, p := range pred {
			n := min(g.span.End, p.Span.End) - max(g.span.Start, p.Span.Start)
			if n <= 0 || 2*n < g.span.Len() || 2*n < p.Span.Len() {
				continue
			}
			cs = append(cs, cand{gi, pi, n})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return b.n - a.n })
	usedG := map[int]bool{}
	usedP := map[int]bool{}
	var out [][2]int
	for _, c := range cs {
		if usedG[c.g] || usedP[c.p] {
			continue
		}
		usedG[c.g], usedP[c.p] = true, true
		out = append(out, [2]int{c.g, c.p})
	}
	return out
}

// speakerRight reports whether prediction p names gold g's source.
func speakerRight(g goldQuote, p article.Quote) bool {
	if p.SpeakerSpan.Overlaps(g.speaker) {
		return true
	}
	head := headWord(g.source)
	if head == "" || isPronoun(head) || p.Speaker == "" {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(p.Speaker), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}) {
		if w == head {
			return true
		}
	}
	return false
}

// headWord returns the lower-case head of a source phrase: its last word
// before a comma, parenthesis or relative pronoun, without a possessive.
func headWord(src string) string {
	src = strings.ToLower(src)
	if i := strings.IndexAny(src, ",(;"); i >= 0 {
		src = src[:i]
	}
	for _, rel := range []string{" who ", " which ", " that "} {
		if i := strings.Index(src, rel); i >= 0 {
			src = src[:i]
		}
	}
	words := strings.FieldsFunc(src, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' && r != '’'
	})
	if len(words) == 0 {
		return ""
	}
	w := words[len(words)-1]
	for _, s := range []string{"'s", "’s", "'", "’"} {
		w = strings.TrimSuffix(w, s)
	}
	return w
}

// isPronoun reports whether s is a personal pronoun.
func isPronoun(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "he", "she", "they", "it", "i", "we", "you", "him", "her", "them":
		return true
	}
	return false
}

// goldQuotes returns the scored gold units of an article in byte offsets.
func goldQuotes(rec QuoteGoldArticle) ([]goldQuote, error) {
	bytesAt := runeOffsets(rec.Text)
	conv := func(cp int) (int, error) {
		if cp < 0 || cp >= len(bytesAt) {
			return 0, fmt.Errorf("offset %d outside the text (%d code points)", cp, len(bytesAt)-1)
		}
		return bytesAt[cp], nil
	}
	var out []goldQuote
	seen := map[article.Span]bool{}
	for _, q := range rec.Quotes {
		if !q.QuoteMarks {
			continue
		}
		var spk article.Span
		if q.SpeakerStart >= 0 && q.SpeakerEnd > q.SpeakerStart {
			s, err := conv(q.SpeakerStart)
			if err != nil {
				return nil, err
			}
			e, err := conv(q.SpeakerEnd)
			if err != nil {
				return nil, err
			}
			spk = article.Span{Start: s, End: e}
		}
		var parts []article.Span
		for _, part := range q.Spans {
			s, err := conv(part[0])
			if err != nil {
				return nil, err
			}
			e, err := conv(part[1])
			if err != nil {
				return nil, err
			}
			parts = append(parts, article.Span{Start: s, End: e})
		}
		for _, part := range mergeParts(rec.Text, parts) {
			for _, sp := range quotedPassages(rec.Text, part.Start, part.End) {
				if seen[sp] {
					continue
				}
				seen[sp] = true
				out = append(out, goldQuote{span: sp, speaker: spk, source: q.Speaker})
			}
		}
	}
	slices.SortFunc(out, func(a, b goldQuote) int { return a.span.Start - b.span.Start })
	return out, nil
}

// mergeParts joins the content parts of one attribution that lie in one
// quotation: annotators often split a quotation of several sentences into
// a part per sentence. Two parts are joined when only text without
// quotation marks or line breaks stands between them.
func mergeParts(text string, parts []article.Span) []article.Span {
	slices.SortFunc(parts, func(a, b article.Span) int { return a.Start - b.Start })
	var out []article.Span
	for _, p := range parts {
		if n := len(out); n > 0 && out[n-1].End <= p.Start &&
			!strings.ContainsAny(text[out[n-1].End:p.Start], "\"“”„«»\n") {
			out[n-1].End = max(out[n-1].End, p.End)
			continue
		}
		out = append(out, p)
	}
	return out
}

// runeOffsets returns the byte offset of every code point of text, and
// len(text) after the last.
func runeOffsets(text string) []int {
	out := make([]int, 0, len(text)+1)
	for i := range text {
		out = append(out, i)
	}
	return append(out, len(text))
}

// quotedPassages returns the passages between double quotation marks in
// text[from:to], trimmed (see the file comment).
func quotedPassages(text string, from, to int) []article.Span {
	var out []article.Span
	add := func(s, e int) {
		sp := trimQuote(text, s, e)
		if sp.End > sp.Start && strings.IndexFunc(sp.In(text), func(r rune) bool {
			return unicode.IsLetter(r) || unicode.IsDigit(r)
		}) >= 0 {
			out = append(out, sp)
		}
	}
	open := -1 // offset after the opening mark
	curly := false
	depth := 0
	first := true
	for i := from; i < to; {
		r, n := utf8.DecodeRuneInString(text[i:to])
		switch {
		case r == '"':
			switch {
			case open < 0 && first && closesHere(text, from, i):
				add(from, i)
			case open < 0:
				open, curly = i+n, false
			case !curly || depth == 0 && closesHere(text, from, i) && !strings.ContainsAny(text[i+n:to], "”»"):
				// a straight mark closes a curly quotation when no curly
				// closer follows ("“…" he said)
				add(open, i)
				open = -1
			}
			first = false
		case r == '“' || r == '„' || r == '«':
			if open < 0 {
				open, curly, depth = i+n, true, 0
			} else if curly {
				depth++
			}
			first = false
		case r == '”' || r == '»':
			switch {
			case open < 0 && first:
				add(from, i)
			case open >= 0 && curly && depth > 0:
				depth--
			case open >= 0 && (curly || !strings.Contains(text[i+n:to], `"`)):
				// a curly closer ends a straight quotation when no
				// straight mark follows
				add(open, i)
				open = -1
			}
			first = false
		}
		i += n
	}
	if open >= 0 {
		add(open, to)
	}
	return out
}

// closesHere reports whether the straight mark at i, the first mark of a
// content span starting at from, closes a quotation begun before the span:
// a word stands right before it.
func closesHere(text string, from, i int) bool {
	if i == from {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[from:i])
	return !unicode.IsSpace(r)
}

// doubleMarks are the double quotation marks.
const doubleMarks = "\"“”„«»"

// trimQuote trims text[s:e] as worldmedia trims a quotation: surrounding
// space and stray double marks, leading [.,;:], trailing [,;:].
func trimQuote(text string, s, e int) article.Span {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !unicode.IsSpace(r) && !strings.ContainsRune(".,;:"+doubleMarks, r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !unicode.IsSpace(r) && !strings.ContainsRune(",;:"+doubleMarks, r) {
			break
		}
		e -= n
	}
	return article.Span{Start: s, End: e}
}

func (sc *QuoteScore) finish() {
	div := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	f1 := func(p, r float64) float64 {
		if p+r == 0 {
			return 0
		}
		return 2 * p * r / (p + r)
	}
	sc.ExactPrecision = div(sc.ExactMatches, sc.Predicted)
	sc.ExactRecall = div(sc.ExactMatches, sc.Gold)
	sc.ExactF1 = f1(sc.ExactPrecision, sc.ExactRecall)
	sc.OverlapPrecision = div(sc.OverlapMatches, sc.Predicted)
	sc.OverlapRecall = div(sc.OverlapMatches, sc.Gold)
	sc.OverlapF1 = f1(sc.OverlapPrecision, sc.OverlapRecall)
	sc.SpeakerAccuracy = div(sc.SpeakerRight, sc.SpeakerGold)
	sc.NamedRate = div(sc.Named, sc.SpeakerGold)
}
