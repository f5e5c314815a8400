package dedup_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/dedup"
)

// plain returns an article of text with an actor mention of code at every
// occurrence of each name of codes.
func plain(id, text string, codes map[string]string) *article.Article {
	a := &article.Article{ID: id, Text: text}
	for name, code := range codes {
		for i := 0; ; {
			k := strings.Index(text[i:], name)
			if k < 0 {
				break
			}
			a.Actors = append(a.Actors, article.ActorMention{Span: article.Span{Start: i + k, End: i + k + len(name)}, Code: code})
			i += k + len(name)
		}
	}
	slices.SortFunc(a.Actors, func(x, y article.ActorMention) int { return x.Span.Start - y.Span.Start })
	return a
}

func newDetector(t *testing.T) *dedup.Detector {
	t.Helper()
	d, err := dedup.New(dedup.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// words returns n distinct words numbered from first.
func words(first, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = fmt.Sprintf("w%d", first+i)
	}
	return strings.Join(ws, " ")
}

func TestSignatureSimilarity(t *testing.T) {
	const story = "The minister said on Monday that talks with Russia would resume next week in Geneva, after a pause of two months."
	russia := map[string]string{"Russian Federation": "RUS", "Russia": "RUS", "the Kremlin": "RUSGOV", "Moscow": "RUSGOV"}
	tests := []struct {
		name     string
		a, b     *article.Article
		min, max float64
	}{
		{"identical", plain("a", story, nil), plain("b", story, nil), 1, 1},
		{"case, punctuation and spacing", plain("a", story, nil),
			plain("b", strings.ToUpper(strings.ReplaceAll(story, " ", " --  ")), nil), 1, 1},
		{"names read as their codes", plain("a", story, russia),
			plain("b", strings.ReplaceAll(story, "Russia", "the Russian Federation"), russia), 1, 1},
		{"capital and seat of power alike", plain("a", "Officials in Moscow said the talks went well and would go on.", russia),
			plain("b", "Officials in the Kremlin said the talks went well and would go on.", russia), 1, 1},
		{"without codes the name differs", plain("a", story, nil),
			plain("b", strings.ReplaceAll(story, "Russia", "the Russian Federation"), nil), 0.5, 0.95},
		{"places by GeoNames id", placed("a", story, "Geneva", 2660646), placed("b", strings.ReplaceAll(story, "Geneva", "Genf"), "Genf", 2660646), 1, 1},
		{"unrelated", plain("a", story, nil), plain("b", "Shares in the retailer fell sharply after a weak Christmas season, its third in a row.", nil), 0, 0.05},
		// 998 and 998 shingles sharing 498: Jaccard 0.332.
		{"half the words shared", plain("a", words(0, 1000), nil), plain("b", words(500, 1000), nil), 0.332 - 0.13, 0.332 + 0.13},
		{"empty matches nothing", plain("a", "", nil), plain("b", " ... ", nil), 0, 0},
	}
	d := newDetector(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sa, sb := d.Signature(tc.a), d.Signature(tc.b)
			if len(sa) != dedup.DefaultConfig().Hashes {
				t.Fatalf("signature of %d values, want %d", len(sa), dedup.DefaultConfig().Hashes)
			}
			if s := sa.Similarity(sb); s < tc.min || s > tc.max {
				t.Errorf("similarity %.3f, want %.3f to %.3f", s, tc.min, tc.max)
			}
		})
	}
}

func placed(id, text, name string, geonameID int) *article.Article {
	a := &article.Article{ID: id, Text: text}
	i := strings.Index(text, name)
	a.Places = []article.Place{{Name: name, GeonameID: geonameID, Mentions: []article.Span{{Start: i, End: i + len(name)}}}}
	return a
}

func TestSignatureBinary(t *testing.T) {
	sig := dedup.Signature{0, 1, math.MaxUint32, 0xdeadbeef}
	b, err := sig.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 1+4*len(sig) {
		t.Errorf("%d bytes, want %d", len(b), 1+4*len(sig))
	}
	var got dedup.Signature
	if err := got.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sig, got); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	for _, bad := range [][]byte{nil, {}, {2, 0, 0, 0, 0}, b[:len(b)-1]} {
		if err := got.UnmarshalBinary(bad); !errors.Is(err, dedup.ErrSignatureFormat) {
			t.Errorf("UnmarshalBinary(%v) = %v, want ErrSignatureFormat", bad, err)
		}
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*dedup.Config)
	}{
		{"no shingle", func(c *dedup.Config) { c.Shingle = 0 }},
		{"bands do not divide", func(c *dedup.Config) { c.Bands = 7 }},
		{"no hashes", func(c *dedup.Config) { c.Hashes = 0 }},
		{"threshold zero", func(c *dedup.Config) { c.Threshold = 0 }},
		{"threshold above one", func(c *dedup.Config) { c.Threshold = 1.5 }},
		{"threshold NaN", func(c *dedup.Config) { c.Threshold = math.NaN() }},
		{"story bands", func(c *dedup.Config) { c.StoryBands = 0 }},
		{"story threshold", func(c *dedup.Config) { c.StoryThreshold = -1 }},
		{"negative window", func(c *dedup.Config) { c.StoryWindow = -time.Hour }},
		{"negative terms", func(c *dedup.Config) { c.StoryTerms = -1 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg := dedup.DefaultConfig()
			tc.edit(&cfg)
			if _, err := dedup.New(cfg, nil); !errors.Is(err, dedup.ErrConfig) {
				t.Errorf("New = %v, want ErrConfig", err)
			}
		})
	}
}

func TestIndex(t *testing.T) {
	ix, err := dedup.NewIndex(8, 4, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	sigs := map[string]dedup.Signature{
		"a": {1, 2, 3, 4, 5, 6, 7, 8},
		"b": {1, 2, 3, 4, 5, 6, 0, 0},  // 6/8 like a
		"c": {1, 2, 3, 4, 9, 9, 9, 9},  // 4/8 like a
		"d": {9, 9, 9, 9, 9, 9, 9, 10}, // a band like c's
		"e": {math.MaxUint32, math.MaxUint32, // empty set
			math.MaxUint32, math.MaxUint32, math.MaxUint32, math.MaxUint32, math.MaxUint32, math.MaxUint32},
	}
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		if err := ix.Add(id, sigs[id]); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Add("short", dedup.Signature{1, 2}); !errors.Is(err, dedup.ErrSignatureLength) {
		t.Errorf("Add of a short signature = %v, want ErrSignatureLength", err)
	}
	tests := []struct {
		name  string
		query dedup.Signature
		want  []dedup.Match
		first string
	}{
		{"a", sigs["a"], []dedup.Match{{"a", 1}, {"b", 0.75}, {"c", 0.5}}, "a"},
		// d is a candidate (its third band agrees) below the threshold.
		{"tail of c", dedup.Signature{0, 0, 0, 0, 9, 9, 9, 9}, []dedup.Match{{"c", 0.5}}, "c"},
		{"ties in the order added", dedup.Signature{1, 2, 3, 4, 9, 9, 9, 10}, []dedup.Match{{"c", 0.875}, {"a", 0.5}, {"b", 0.5}, {"d", 0.5}}, "a"},
		{"nothing alike", dedup.Signature{0, 0, 0, 0, 0, 0, 0, 1}, nil, ""},
		{"empty", sigs["e"], nil, ""},
		{"wrong length", dedup.Signature{1, 2, 3}, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, ix.Query(tc.query)); diff != "" {
				t.Errorf("Query (-want +got):\n%s", diff)
			}
			first, ok := ix.Duplicate(tc.query)
			if first != tc.first || ok != (tc.first != "") {
				t.Errorf("Duplicate = %q, %v; want %q", first, ok, tc.first)
			}
		})
	}
	// All lists the entries to restore the index from.
	re, err := dedup.NewIndex(8, 4, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	for id, sig := range ix.All() {
		if err := re.Add(id, sig); err != nil {
			t.Fatal(err)
		}
	}
	if re.Len() != 5 {
		t.Errorf("restored %d entries, want 5", re.Len())
	}
	if diff := cmp.Diff(ix.Query(sigs["a"]), re.Query(sigs["a"])); diff != "" {
		t.Errorf("restored index answers differently (-want +got):\n%s", diff)
	}
}

// TestDetector runs the stage over a small stream: an original, a copy, a
// copy of the copy, an unrelated article, and the same story a week and a
// month later.
func TestDetector(t *testing.T) {
	base := "Rebels said on Friday they had taken the northern town after three days of fighting with government troops, and that hundreds of civilians had fled across the river overnight."
	day := func(n int) time.Time { return time.Date(2020, 3, n, 0, 0, 0, 0, time.UTC) }
	stream := []struct {
		id, text string
		date     time.Time
		want     dedup.Result
	}{
		{"orig", base, day(1), dedup.Result{Story: "orig"}},
		{"copy", base + " Subscribe to our newsletter.", day(1), dedup.Result{DuplicateOf: "orig", Story: "orig"}},
		{"copy2", strings.Replace(base+" Subscribe to our newsletter.", "Rebels said", "Rebels stated", 1), day(2),
			dedup.Result{DuplicateOf: "orig", Story: "orig"}},
		{"other", "Shares in the retailer fell sharply after a weak Christmas season, its third in a row.", day(2),
			dedup.Result{Story: "other"}},
		{"", "Completely new words about the weather: rain, wind and snow expected across the hills.", time.Time{},
			dedup.Result{Story: article.ContentID("", "Completely new words about the weather: rain, wind and snow expected across the hills.")}},
	}
	d := newDetector(t)
	for _, s := range stream {
		a := &article.Article{ID: s.id, Text: s.text, Date: s.date}
		check := d.Check(a)
		if err := d.Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		got := dedup.Result{DuplicateOf: a.DuplicateOf, Story: a.Story}
		if diff := cmp.Diff(s.want, got); diff != "" {
			t.Errorf("%s: Process (-want +got):\n%s", s.id, diff)
		}
		if check.DuplicateOf != got.DuplicateOf || check.Story != got.Story {
			t.Errorf("%s: Check %+v, Process %+v", s.id, check, got)
		}
		if (check.Similarity > 0) != (check.DuplicateOf != "") {
			t.Errorf("%s: similarity %.3f with duplicate of %q", s.id, check.Similarity, check.DuplicateOf)
		}
	}
	if d.Len() != len(stream) {
		t.Errorf("remembers %d articles, want %d", d.Len(), len(stream))
	}

	// Restoring the entries gives a detector that answers alike.
	re := newDetector(t)
	for e := range d.Entries() {
		if err := re.Restore(e); err != nil {
			t.Fatal(err)
		}
	}
	probe := &article.Article{ID: "probe", Text: base, Date: day(3)}
	if diff := cmp.Diff(d.Check(probe), re.Check(probe)); diff != "" {
		t.Errorf("restored detector (-want +got):\n%s", diff)
	}
	if err := re.Restore(dedup.Entry{ID: "bad", Signature: dedup.Signature{1}}); !errors.Is(err, dedup.ErrSignatureLength) {
		t.Errorf("Restore of a short signature = %v, want ErrSignatureLength", err)
	}
}

// TestStoryWindow checks that articles sharing their story features join
// one story only within the window.
func TestStoryWindow(t *testing.T) {
	codes := map[string]string{"Russia": "RUS", "Ukraine": "UKR", "Kyiv": "UKRGOV", "Moscow": "RUSGOV"}
	a := plain("a", "Russia and Ukraine held talks in Moscow on gas prices; Kyiv said Russia had cut supplies.", codes)
	b := plain("b", "Ukraine accused Russia of cutting gas supplies as Kyiv and Moscow argued over prices.", codes)
	tests := []struct {
		name string
		gap  time.Duration
		want string
	}{
		{"same day", 0, "a"},
		{"six days", 6 * 24 * time.Hour, "a"},
		{"a month", 30 * 24 * time.Hour, "b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDetector(t)
			a.Date = time.Date(2009, 1, 1, 0, 0, 0, 0, time.UTC)
			b.Date = a.Date.Add(tc.gap)
			if err := d.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			r := d.Check(b)
			if r.DuplicateOf != "" || r.Story != tc.want {
				t.Errorf("Check = %+v, want original of story %q", r, tc.want)
			}
		})
	}
}

// TestConcurrent processes copies of one article at once: exactly one is
// the original, whichever came first, and the others name it.
func TestConcurrent(t *testing.T) {
	d := newDetector(t)
	text := "The central bank raised its main interest rate by half a point on Thursday to curb inflation, which reached nine percent in May."
	const n = 16
	as := make([]*article.Article, n)
	var wg sync.WaitGroup
	for i := range as {
		as[i] = &article.Article{ID: fmt.Sprint("c", i), Text: text}
		wg.Go(func() {
			if err := d.Process(t.Context(), as[i]); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	var firsts []string
	for _, a := range as {
		if a.DuplicateOf == "" {
			firsts = append(firsts, a.ID)
		}
	}
	if len(firsts) != 1 {
		t.Fatalf("originals %v, want one", firsts)
	}
	for _, a := range as {
		if a.ID != firsts[0] && (a.DuplicateOf != firsts[0] || a.Story != firsts[0]) {
			t.Errorf("%s: duplicate of %q, story %q; want %q", a.ID, a.DuplicateOf, a.Story, firsts[0])
		}
	}
}

// TestDetectorMemoryBounded checks that a detector with a memory of n
// articles forgets the oldest and still finds copies of recent ones.
func TestDetectorMemoryBounded(t *testing.T) {
	cfg := dedup.DefaultConfig()
	cfg.Memory = 40
	d, err := dedup.New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	texts := make([]string, 0, 100)
	for i := range 100 {
		texts = append(texts, fmt.Sprintf("Report %d: the council of district %d voted on the budget for year %d after a debate "+
			"about roads number %d, schools number %d and the harbour of town %d.", i, i*7, 1900+i, i*3, i*11, i*13))
	}
	for i, text := range texts {
		a := &article.Article{ID: fmt.Sprintf("a%d", i), Text: text}
		if err := d.Process(t.Context(), a); err != nil {
			t.Fatal(err)
		}
		if a.DuplicateOf != "" {
			t.Fatalf("distinct article %d marked a copy of %s", i, a.DuplicateOf)
		}
	}
	if n := d.Len(); n > 50 || n < 40 {
		t.Errorf("remembers %d articles, want 40..50", n)
	}
	if _, ok := d.Entry("a0"); ok {
		t.Error("the oldest article is still remembered")
	}
	recent := &article.Article{ID: "copy", Text: texts[95]}
	d.Process(t.Context(), recent)
	if recent.DuplicateOf != "a95" {
		t.Errorf("copy of a recent article: duplicate_of %q, want a95", recent.DuplicateOf)
	}
	e, ok := d.Entry("a95")
	if !ok || e.ID != "a95" || len(e.Signature) != cfg.Hashes {
		t.Errorf("Entry(a95) = %+v, %v after trimming", e, ok)
	}
}
