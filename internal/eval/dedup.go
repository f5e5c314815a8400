package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
	"worldmedia/internal/dedup"
)

// Spin is a way of rewriting an article that a copier uses to pass it off
// as new.
type Spin int

const (
	// SpinSynonyms replaces common lower-case words by synonyms ("said" →
	// "stated"), every occurrence of every word in the table.
	SpinSynonyms Spin = iota
	// SpinNames rewrites country names to another form ("Russia" ↔
	// "Russian Federation", "US" ↔ "United States" ↔ "USA", "UK" ↔
	// "United Kingdom" ↔ "Britain").
	SpinNames
	// SpinReorder swaps three pairs of sentences.
	SpinReorder
	// SpinTruncate drops the last 20–30% of the text, at a word boundary.
	SpinTruncate
	// SpinBoilerplate adds a paragraph of site furniture (newsletter,
	// sharing, "Related:" with another article's title) before or after.
	SpinBoilerplate
	// SpinCombined applies reorder, names, synonyms and boilerplate
	// together; it is measured but has no target.
	SpinCombined
)

// requiredSpins are the transformations with the 0.95 recall target.
var requiredSpins = []Spin{SpinSynonyms, SpinNames, SpinReorder, SpinTruncate, SpinBoilerplate}

// String returns the spin's name.
func (s Spin) String() string {
	switch s {
	case SpinSynonyms:
		return "synonyms"
	case SpinNames:
		return "names"
	case SpinReorder:
		return "reorder"
	case SpinTruncate:
		return "truncate"
	case SpinBoilerplate:
		return "boilerplate"
	case SpinCombined:
		return "combined"
	}
	return fmt.Sprintf("Spin(%d)", int(s))
}

// MarshalText encodes the spin as its name.
func (s Spin) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// DedupOptions configures [EvalDedupWith].
type DedupOptions struct {
	// Sample is how many originals, drawn at random, are spun into
	// variants; 0 or more than there are means all.
	Sample int
	// Seed seeds the sample and the spinning: the same seed gives the same
	// variants.
	Seed uint64
	// Config configures the detector.
	Config dedup.Config
}

// DefaultDedupOptions returns the options of [EvalDedup]: 500 originals,
// seed 1, the detector's defaults.
func DefaultDedupOptions() DedupOptions {
	return DedupOptions{Sample: 500, Seed: 1, Config: dedup.DefaultConfig()}
}

// SpinScore is the recall of the detector on the variants of one spin.
type SpinScore struct {
	Spin Spin `json:"spin"`
	// Variants are the variants that differ from their original; an
	// original the spin leaves as it was (no country name to rewrite, a
	// single sentence to reorder) is counted in Unchanged and not scored.
	Variants  int `json:"variants"`
	Unchanged int `json:"unchanged"`
	// Found are the variants found as duplicates of their original (or of
	// the article their original duplicates); Wrong those found as
	// duplicates of another article.
	Found  int     `json:"found"`
	Wrong  int     `json:"wrong"`
	Recall float64 `json:"recall"`
	// MeanSimilarity and P5Similarity are the mean and 5th percentile of
	// the estimated similarity of each variant to its original.
	MeanSimilarity float64 `json:"mean_similarity"`
	P5Similarity   float64 `json:"p5_similarity"`
	MinSimilarity  float64 `json:"min_similarity"`
	// Misses are some variants that were not found, for reading.
	Misses []DedupMiss `json:"misses,omitempty"`
}

// DedupMiss is a variant the detector did not recognise.
type DedupMiss struct {
	ID         string  `json:"id"`
	Similarity float64 `json:"similarity"`
	Found      string  `json:"found,omitempty"`
}

// DedupPair is a pair of distinct originals the detector took for copies.
type DedupPair struct {
	ID          string  `json:"id"`
	DuplicateOf string  `json:"duplicate_of"`
	Similarity  float64 `json:"similarity"`
	// Containment is the share of the shorter text's plain word
	// trigrams found in the other's ([containment]).
	Containment float64 `json:"containment"`
}

// DedupScore is the result of [EvalDedup].
type DedupScore struct {
	Articles int    `json:"articles"`
	Sampled  int    `json:"sampled"`
	Seed     uint64 `json:"seed"`
	// Failed counts the articles (originals or variants) analyze failed
	// on; they are left out.
	Failed int `json:"failed"`

	// IdenticalPairs counts originals whose text (up to white space) is
	// that of an earlier original under another id: true duplicates in
	// the corpus. IdenticalTitled counts those whose title is the same
	// too, and IdenticalFound those the detector found.
	IdenticalPairs  int `json:"identical_pairs"`
	IdenticalTitled int `json:"identical_titled"`
	IdenticalFound  int `json:"identical_found"`
	// NearPairs counts originals the detector took for a duplicate of an
	// earlier original with another text, where the two are near
	// duplicates in the corpus itself: an updated version of one story,
	// at least nearContainment of the shorter text's plain word trigrams
	// in the other. FalseMatches counts the other originals taken for a
	// duplicate; FalseMatchRate divides them by Articles.
	NearPairs      int         `json:"near_pairs"`
	FalseMatches   int         `json:"false_matches"`
	FalseMatchRate float64     `json:"false_match_rate"`
	FalseExamples  []DedupPair `json:"false_examples,omitempty"`
	// NearestP50, NearestP99 and NearestMax describe, for each original
	// the detector found original, the estimated similarity to its most
	// similar earlier original (all pairs compared): how close distinct
	// articles come to the threshold.
	NearestP50 float64 `json:"nearest_distinct_p50"`
	NearestP99 float64 `json:"nearest_distinct_p99"`
	NearestMax float64 `json:"nearest_distinct_max"`
	// Closest are the ten most similar pairs of originals the detector
	// kept apart, for reading (DuplicateOf is then the nearest earlier
	// original, not a duplicate).
	Closest []DedupPair `json:"closest,omitempty"`
	// Stories counts the stories the originals fall into, and
	// StoryMerged the distinct originals given an earlier original's
	// story. The BBC articles are undated, so no window applies.
	Stories     int `json:"stories"`
	StoryMerged int `json:"story_merged"`

	Spins []SpinScore `json:"spins"`
	// Recall is over the variants of the five required spins (all but
	// combined).
	Recall float64 `json:"recall"`
	// Seconds is the wall time of the whole evaluation, analysis included.
	Seconds float64 `json:"seconds"`
}

// newsRecord is one line of a news JSON Lines file.
type newsRecord struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// EvalDedup measures the dedup stage on the news corpus at newsPath with
// [DefaultDedupOptions]; see [EvalDedupWith].
func EvalDedup(ctx context.Context, newsPath string, analyze Analyzer) (*DedupScore, error) {
	return EvalDedupWith(ctx, newsPath, analyze, DefaultDedupOptions())
}

// EvalDedupWith measures the dedup stage on the news corpus at newsPath
// (JSON Lines with id, title and text). Every original is analysed with
// analyze and passed to a [dedup.Detector] in file order, which gives the
// false-match rate; then a seeded sample of originals is spun each way
// ([Spin]), each variant analysed and checked against the detector's
// memory, which gives the recall per spin.
func EvalDedupWith(ctx context.Context, newsPath string, analyze Analyzer, opt DedupOptions) (*DedupScore, error) {
	start := time.Now()
	recs, err := readNews(newsPath)
	if err != nil {
		return nil, err
	}
	d, err := dedup.New(opt.Config, nil)
	if err != nil {
		return nil, err
	}
	sc := &DedupScore{Articles: len(recs), Seed: opt.Seed}

	type original struct {
		rec       newsRecord
		dupOf     string
		sig       dedup.Signature
		sentences []article.Span
	}
	origs := make([]original, 0, len(recs))
	firstByText := make(map[string]string) // white-space-normalised text → id
	byID := make(map[string]int)           // id → index in origs
	stories := make(map[string]bool)
	textOf := make(map[string]string, len(recs))
	for _, rec := range recs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		a := &article.Article{ID: rec.ID, Title: rec.Title, Text: rec.Text}
		if err := analyze(ctx, a); err != nil {
			sc.Failed++
			continue
		}
		if err := d.Process(ctx, a); err != nil {
			return nil, err
		}
		o := original{rec: rec, dupOf: a.DuplicateOf, sig: d.Signature(a)}
		textOf[rec.ID] = rec.Text
		for _, s := range a.Sentences {
			o.sentences = append(o.sentences, s.Span)
		}
		key := strings.Join(strings.Fields(rec.Text), " ")
		first, twin := firstByText[key]
		switch {
		case twin:
			sc.IdenticalPairs++
			if rec.Title == origs[byID[first]].rec.Title {
				sc.IdenticalTitled++
			}
			if a.DuplicateOf != "" {
				sc.IdenticalFound++
			}
		case a.DuplicateOf != "":
			pair := DedupPair{ID: rec.ID, DuplicateOf: a.DuplicateOf}
			if j, ok := byID[a.DuplicateOf]; ok {
				pair.Similarity = o.sig.Similarity(origs[j].sig)
				pair.Containment = containment(rec.Text, origs[j].rec.Text)
			}
			if pair.Containment >= nearContainment {
				sc.NearPairs++
				break
			}
			sc.FalseMatches++
			if len(sc.FalseExamples) < 20 {
				sc.FalseExamples = append(sc.FalseExamples, pair)
			}
		}
		if !twin {
			firstByText[key] = rec.ID
			if stories[a.Story] {
				sc.StoryMerged++
			}
			stories[a.Story] = true
		}
		byID[rec.ID] = len(origs)
		origs = append(origs, o)
	}
	sc.Stories = len(stories)
	sc.FalseMatchRate = fraction(sc.FalseMatches, sc.Articles)

	// The nearest distinct earlier original of each original, by brute
	// force: N²/2 signature comparisons.
	var nearest []float64
	for i, o := range origs {
		if i == 0 || o.dupOf != "" {
			continue
		}
		best, bestJ := 0.0, 0
		for j, p := range origs[:i] {
			if s := o.sig.Similarity(p.sig); s > best {
				best, bestJ = s, j
			}
		}
		nearest = append(nearest, best)
		sc.Closest = append(sc.Closest, DedupPair{ID: o.rec.ID, DuplicateOf: origs[bestJ].rec.ID, Similarity: best})
	}
	slices.SortStableFunc(sc.Closest, func(x, y DedupPair) int { return cmpFloat(y.Similarity, x.Similarity) })
	sc.Closest = sc.Closest[:min(len(sc.Closest), 10)]
	for i := range sc.Closest {
		c := &sc.Closest[i]
		c.Containment = containment(textOf[c.ID], textOf[c.DuplicateOf])
	}
	slices.Sort(nearest)
	sc.NearestP50, sc.NearestP99 = percentile(nearest, 0.50), percentile(nearest, 0.99)
	if len(nearest) > 0 {
		sc.NearestMax = nearest[len(nearest)-1]
	}

	// The sample.
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	picked := rng.Perm(len(origs))
	if opt.Sample > 0 && opt.Sample < len(picked) {
		picked = picked[:opt.Sample]
	}
	slices.Sort(picked)
	sc.Sampled = len(picked)

	spins := append(slices.Clone(requiredSpins), SpinCombined)
	sims := make([][]float64, len(spins))
	sc.Spins = make([]SpinScore, len(spins))
	for si, s := range spins {
		sc.Spins[si].Spin = s
	}
	for _, i := range picked {
		o := &origs[i]
		for si, s := range spins {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			ss := &sc.Spins[si]
			r := rand.New(rand.NewPCG(opt.Seed, uint64(i)<<8|uint64(s)))
			text := spin(s, o.rec.Text, o.sentences, recs[r.IntN(len(recs))].Title, r)
			if text == o.rec.Text {
				ss.Unchanged++
				continue
			}
			v := &article.Article{ID: o.rec.ID + "~" + s.String(), Title: o.rec.Title, Text: text}
			if err := analyze(ctx, v); err != nil {
				sc.Failed++
				continue
			}
			ss.Variants++
			res := d.Check(v)
			sim := d.Signature(v).Similarity(o.sig)
			sims[si] = append(sims[si], sim)
			switch {
			case res.DuplicateOf != "" && (res.DuplicateOf == o.rec.ID || res.DuplicateOf == o.dupOf):
				ss.Found++
			default:
				if res.DuplicateOf != "" {
					ss.Wrong++
				}
				if len(ss.Misses) < 10 {
					ss.Misses = append(ss.Misses, DedupMiss{ID: v.ID, Similarity: sim, Found: res.DuplicateOf})
				}
			}
		}
	}
	found, variants := 0, 0
	for si := range sc.Spins {
		ss := &sc.Spins[si]
		ss.Recall = fraction(ss.Found, ss.Variants)
		slices.Sort(sims[si])
		ss.P5Similarity = percentile(sims[si], 0.05)
		if len(sims[si]) > 0 {
			ss.MinSimilarity = sims[si][0]
		}
		for _, x := range sims[si] {
			ss.MeanSimilarity += x / float64(len(sims[si]))
		}
		if ss.Spin != SpinCombined {
			found += ss.Found
			variants += ss.Variants
		}
	}
	sc.Recall = fraction(found, variants)
	sc.Seconds = time.Since(start).Seconds()
	return sc, nil
}

// readNews reads a news JSON Lines file.
func readNews(path string) ([]newsRecord, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var recs []newsRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for line := 1; sc.Scan(); line++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var rec newsRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		recs = append(recs, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return recs, nil
}

func fraction(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

// percentile returns the p-quantile of sorted xs (nearest rank), 0 when
// empty.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	i := int(p * float64(len(xs)))
	return xs[min(i, len(xs)-1)]
}

// nearContainment is the least containment ([containment]) of two texts
// of the corpus for them to count as versions of one story.
const nearContainment = 0.5

// containment returns the share of the plain lower-case word trigrams of
// the shorter of a and b that the other has: a measure of near duplicates
// independent of the detector.
func containment(a, b string) float64 {
	x, y := wordTrigrams(a), wordTrigrams(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(x) == 0 {
		return 0
	}
	n := 0
	for t := range x {
		if y[t] {
			n++
		}
	}
	return float64(n) / float64(len(x))
}

func wordTrigrams(text string) map[[3]string]bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := make(map[[3]string]bool, len(words))
	for i := 0; i+3 <= len(words); i++ {
		out[[3]string(words[i:i+3])] = true
	}
	return out
}

// spin rewrites text one way. sentences are the spans of text's sentences;
// title is another article's, for a "Related:" line.
func spin(s Spin, text string, sentences []article.Span, title string, r *rand.Rand) string {
	switch s {
	case SpinSynonyms:
		return spinSynonyms(text, r)
	case SpinNames:
		return spinNames(text, r)
	case SpinReorder:
		return spinReorder(text, sentences, r)
	case SpinTruncate:
		return spinTruncate(text, r)
	case SpinBoilerplate:
		return spinBoilerplate(text, title, r)
	case SpinCombined:
		t := spinReorder(text, sentences, r)
		t = spinNames(t, r)
		t = spinSynonyms(t, r)
		return spinBoilerplate(t, title, r)
	}
	return text
}

// synonyms is a spinner's table of common news words and their
// replacements.
var synonyms = map[string][]string{
	"said": {"stated", "declared", "remarked"}, "says": {"states", "declares"},
	"told": {"informed"}, "added": {"noted"}, "announced": {"revealed", "unveiled"},
	"claimed": {"alleged"}, "warned": {"cautioned"}, "asked": {"requested"},
	"reported": {"noted"}, "believe": {"think"}, "think": {"believe"},
	"big": {"large", "huge"}, "large": {"big"}, "small": {"little", "tiny"},
	"important": {"significant", "key"}, "major": {"key", "main"}, "main": {"principal"},
	"new": {"fresh", "novel"}, "recent": {"latest"}, "top": {"leading"},
	"difficult": {"hard", "tough"}, "hard": {"difficult"}, "good": {"fine", "great"},
	"bad": {"poor"}, "likely": {"probable"}, "expected": {"anticipated"},
	"help": {"assist", "aid"}, "helped": {"assisted"}, "show": {"demonstrate"},
	"shows": {"demonstrates"}, "showed": {"demonstrated"}, "use": {"utilise"},
	"used": {"utilised"}, "buy": {"purchase"}, "bought": {"purchased"},
	"start": {"begin"}, "started": {"began"}, "begin": {"start"}, "end": {"finish"},
	"ended": {"finished"}, "make": {"create"}, "made": {"created"}, "get": {"obtain"},
	"got": {"obtained"}, "need": {"require"}, "needs": {"requires"}, "needed": {"required"},
	"want": {"wish"}, "wanted": {"wished"}, "plan": {"scheme"}, "plans": {"schemes"},
	"increase": {"rise"}, "rise": {"increase"}, "fell": {"dropped"}, "fall": {"drop"},
	"quickly": {"rapidly"}, "many": {"numerous"}, "people": {"individuals"},
	"country": {"nation"}, "firm": {"company"}, "company": {"firm"}, "chief": {"head"},
	"boss": {"chief"}, "jobs": {"positions"}, "however": {"nevertheless"},
	"also": {"additionally"}, "because": {"since"}, "very": {"extremely"},
	"almost": {"nearly"}, "about": {"around"}, "before": {"prior to"},
}

var lowerWord = regexp.MustCompile(`\b[a-z]+\b`)

// spinSynonyms replaces every lower-case word of the synonym table.
func spinSynonyms(text string, r *rand.Rand) string {
	return lowerWord.ReplaceAllStringFunc(text, func(w string) string {
		if alts, ok := synonyms[w]; ok {
			return alts[r.IntN(len(alts))]
		}
		return w
	})
}

// countryNames maps a country's name to the other forms a spinner uses.
var countryNames = map[string][]string{
	"Russia": {"Russian Federation"}, "Russian Federation": {"Russia"},
	"United States": {"US", "USA"}, "US": {"United States", "USA"}, "U.S.": {"United States", "US"},
	"USA":            {"United States", "US"},
	"United Kingdom": {"UK", "Britain"}, "UK": {"United Kingdom", "Britain"}, "U.K.": {"United Kingdom"},
	"Britain": {"UK", "United Kingdom"}, "Great Britain": {"United Kingdom"},
	"China": {"People's Republic of China"}, "Iran": {"Islamic Republic of Iran"},
	"Syria": {"Syrian Arab Republic"}, "Germany": {"Federal Republic of Germany"},
	"France": {"French Republic"}, "Italy": {"Italian Republic"}, "Spain": {"Kingdom of Spain"},
	"South Korea": {"Republic of Korea"}, "North Korea": {"DPRK"},
}

// countryName matches the names of countryNames, the longest first so
// that "Great Britain" wins over "Britain"; "U.S." and "U.K." end in a
// full stop, after which \b would need a letter.
var countryName = func() *regexp.Regexp {
	var words, dotted []string
	for n := range countryNames {
		if strings.HasSuffix(n, ".") {
			dotted = append(dotted, regexp.QuoteMeta(n))
		} else {
			words = append(words, regexp.QuoteMeta(n))
		}
	}
	byLen := func(a, b string) int { return len(b) - len(a) }
	slices.SortFunc(words, byLen)
	slices.Sort(dotted)
	return regexp.MustCompile(`\b(?:` + strings.Join(words, "|") + `)\b|\b(?:` + strings.Join(dotted, "|") + `)`)
}()

// spinNames rewrites every country name of the table to another form.
func spinNames(text string, r *rand.Rand) string {
	return countryName.ReplaceAllStringFunc(text, func(n string) string {
		alts := countryNames[n]
		if len(alts) == 0 {
			return n
		}
		return alts[r.IntN(len(alts))]
	})
}

// spinReorder swaps three random pairs of sentences, keeping the white
// space between them in place.
func spinReorder(text string, sentences []article.Span, r *rand.Rand) string {
	n := len(sentences)
	if n < 2 {
		return text
	}
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	for range 3 {
		i, j := r.IntN(n), r.IntN(n-1)
		if j >= i {
			j++
		}
		perm[i], perm[j] = perm[j], perm[i]
	}
	var b strings.Builder
	b.Grow(len(text) + n)
	prev := 0
	for i, s := range sentences {
		b.WriteString(text[prev:s.Start])
		b.WriteString(sentences[perm[i]].In(text))
		prev = s.End
	}
	b.WriteString(text[prev:])
	return b.String()
}

// spinTruncate drops the last 20–30% of text, cutting at a word boundary.
func spinTruncate(text string, r *rand.Rand) string {
	keep := int(float64(len(text)) * (0.7 + 0.1*r.Float64()))
	cut := strings.LastIndexFunc(text[:keep], unicode.IsSpace)
	if cut <= 0 {
		return text
	}
	for !utf8.RuneStart(text[cut]) {
		cut--
	}
	return strings.TrimRightFunc(text[:cut], unicode.IsSpace)
}

// boilerplate are paragraphs of site furniture; %s is another story's
// title.
var boilerplate = []string{
	"Subscribe to our newsletter to get the best of our journalism in your inbox every morning. Follow us on Twitter and Facebook for the latest news. Related: %s",
	"Related: %s. Share this story: Email, Facebook, Twitter, WhatsApp. Copyright 2005. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
	"Advertisement. Most read: %s. Sign up for breaking news alerts and get the stories that matter delivered straight to you. We use cookies to improve your experience on our site.",
	"Read more: %s. Get our daily email briefing, the day's biggest stories handpicked by our editors. Comments are closed for this article. Report an error or send us a tip.",
}

// spinBoilerplate adds a paragraph of site furniture before or after text.
func spinBoilerplate(text, title string, r *rand.Rand) string {
	p := fmt.Sprintf(boilerplate[r.IntN(len(boilerplate))], title)
	if r.IntN(2) == 0 {
		return p + "\n\n" + text
	}
	return text + "\n\n" + p
}
