package dedup

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"slices"
	"sync"
	"time"

	"worldmedia/internal/article"
)

// Errors of the package.
var (
	// ErrConfig is a configuration that does not make sense.
	ErrConfig = errors.New("dedup: invalid config")
	// ErrSignatureLength is a signature whose length is not the index's.
	ErrSignatureLength = errors.New("dedup: signature of the wrong length")
	// ErrSignatureFormat is bytes that encode no signature.
	ErrSignatureFormat = errors.New("dedup: not a signature encoding")
)

// Config configures a [Detector]. The figures behind the defaults are in
// doc.go.
type Config struct {
	// Shingle is the number of tokens per shingle of the text signature.
	Shingle int
	// Hashes is the length of the text signature.
	Hashes int
	// Bands is the number of LSH bands the text signature is cut into;
	// Hashes must be a multiple of it.
	Bands int
	// Threshold is the least estimated Jaccard similarity of two articles'
	// shingle sets for the later one to be a duplicate of the earlier.
	Threshold float64

	// StoryHashes is the length of the story signature.
	StoryHashes int
	// StoryBands is the number of LSH bands of the story signature.
	StoryBands int
	// StoryThreshold is the least estimated Jaccard similarity of two
	// articles' story features for them to be one story.
	StoryThreshold float64
	// StoryTerms is the number of the most frequent common nouns taken
	// into the story features.
	StoryTerms int
	// StoryWindow is how far apart two dated articles may be published and
	// still be one story; zero means no limit.
	StoryWindow time.Duration
	// ScanLimit bounds the work per article: of each LSH bucket, only the
	// latest ScanLimit articles are compared with it. Articles on the same
	// few actors share buckets, and without a bound every article would be
	// compared with a growing share of all before it. Zero compares all.
	ScanLimit int
	// Memory is the most articles the detector remembers: past it by a
	// quarter, the oldest are forgotten down to Memory, so a long ingest
	// runs in bounded memory (about 2 KB an article). An article is then
	// only found a copy of one among the latest Memory. Zero means no limit.
	Memory int
}

// DefaultConfig returns the configuration measured on the BBC corpus
// (doc.go).
func DefaultConfig() Config {
	return Config{
		Shingle:        3,
		Hashes:         120,
		Bands:          40,
		Threshold:      0.5,
		StoryHashes:    128,
		StoryBands:     64,
		StoryThreshold: 0.3,
		StoryTerms:     8,
		StoryWindow:    7 * 24 * time.Hour,
		ScanLimit:      8,
		Memory:         100_000,
	}
}

func (c Config) validate() error {
	switch {
	case c.Shingle < 1 || c.Shingle > 16:
		return fmt.Errorf("%w: shingle of %d tokens", ErrConfig, c.Shingle)
	case c.StoryTerms < 0:
		return fmt.Errorf("%w: %d story terms", ErrConfig, c.StoryTerms)
	case c.StoryWindow < 0:
		return fmt.Errorf("%w: story window %v", ErrConfig, c.StoryWindow)
	case c.ScanLimit < 0:
		return fmt.Errorf("%w: scan limit %d", ErrConfig, c.ScanLimit)
	case c.Memory < 0:
		return fmt.Errorf("%w: memory of %d articles", ErrConfig, c.Memory)
	}
	return nil
}

// Result is what the detector finds about an article.
type Result struct {
	// DuplicateOf is the id of the first-seen article this one is a copy
	// or spun copy of, "" when it is original. When that article was
	// itself a duplicate, it is the article it duplicates: the first of
	// the chain.
	DuplicateOf string
	// Story is the id of the first-seen article of the story the article
	// belongs to; the article's own id when it starts a story.
	Story string
	// Similarity is the estimated Jaccard similarity of the article's
	// shingles to those of the first-seen article it matches (the one
	// [Index.Duplicate] names), 0 when it is original.
	Similarity float64
}

// Detector is the dedup pipeline stage: it recognises copies and spun
// copies of articles it has seen, and groups articles into stories.
//
// It reads Article.ID (or, when empty, [article.ContentID] of the title and
// text), Text, Date, Actors, Places, Persons, Organizations, Events and the
// tokens of Sentences, and writes DuplicateOf and Story. It is safe for
// concurrent use; which of two copies processed at the same time counts as
// first depends on which the detector sees first.
type Detector struct {
	cfg   Config
	log   *slog.Logger
	text  *minHasher
	story *minHasher
	pool  sync.Pool // *scratch

	mu      sync.RWMutex // serialises Process's check and add
	dups    *Index
	stories *Index
	seen    map[string]entry
	order   []string // ids in the order added
}

// entry is what the detector keeps of an article besides its signatures.
type entry struct {
	index       int // position in order and in both indexes
	date        time.Time
	duplicateOf string
	story       string
}

type scratch struct {
	toks []uint64
	reps []replacement
}

// New returns a detector with an empty memory. A nil logger discards. It
// returns an error wrapping [ErrConfig] when cfg does not make sense.
func New(cfg Config, log *slog.Logger) (*Detector, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	dups, err := NewIndex(cfg.Hashes, cfg.Bands, cfg.Threshold)
	if err != nil {
		return nil, fmt.Errorf("text signature: %w", err)
	}
	stories, err := NewIndex(cfg.StoryHashes, cfg.StoryBands, cfg.StoryThreshold)
	if err != nil {
		return nil, fmt.Errorf("story signature: %w", err)
	}
	dups.scan, stories.scan = cfg.ScanLimit, cfg.ScanLimit
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Detector{
		cfg: cfg, log: log,
		text: newMinHasher(cfg.Hashes), story: newMinHasher(cfg.StoryHashes),
		dups: dups, stories: stories, seen: make(map[string]entry),
	}, nil
}

// Name returns the stage name.
func (d *Detector) Name() string { return "dedup" }

// Signature returns the text signature of a: the MinHash of its shingles
// of Config.Shingle tokens, where a token is a lower-case word or the code
// of an actor or place mention (package comment).
func (d *Detector) Signature(a *article.Article) Signature {
	s := d.scratch()
	defer d.pool.Put(s)
	s.toks, s.reps = textTokens(s.toks[:0], s.reps, a)
	s.toks = shingle(s.toks, d.cfg.Shingle)
	return d.text.sign(s.toks)
}

// StorySignature returns the story signature of a: the MinHash of its
// story features (package comment).
func (d *Detector) StorySignature(a *article.Article) Signature {
	s := d.scratch()
	defer d.pool.Put(s)
	s.toks = storyFeatures(s.toks[:0], a, d.cfg.StoryTerms)
	return d.story.sign(s.toks)
}

func (d *Detector) scratch() *scratch {
	if s, ok := d.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// Check returns what the detector finds about a among the articles added
// so far, without adding it.
func (d *Detector) Check(a *article.Article) Result {
	sig, ssig := d.Signature(a), d.StorySignature(a)
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.check(articleID(a), a.Date, sig, ssig)
}

// Process checks a, as [Detector.Check] does, writes the result to
// a.DuplicateOf and a.Story, and adds a to the articles seen, duplicate or
// not, so that copies of a copy are found too.
func (d *Detector) Process(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	id := articleID(a)
	sig, ssig := d.Signature(a), d.StorySignature(a)
	d.mu.Lock()
	defer d.mu.Unlock()
	r := d.check(id, a.Date, sig, ssig)
	a.DuplicateOf, a.Story = r.DuplicateOf, r.Story
	if r.DuplicateOf != "" {
		d.log.Debug("duplicate", "article", id, "duplicate_of", r.DuplicateOf, "similarity", r.Similarity)
	}
	d.add(id, entry{date: a.Date, duplicateOf: r.DuplicateOf, story: r.Story}, sig, ssig)
	return nil
}

func articleID(a *article.Article) string {
	if a.ID != "" {
		return a.ID
	}
	return article.ContentID(a.Title, a.Text)
}

// check finds the duplicate and the story of an article. The caller holds
// d.mu.
func (d *Detector) check(id string, date time.Time, sig, ssig Signature) Result {
	if m, ok := d.dups.first(sig); ok {
		e := d.seen[m.ID]
		r := Result{DuplicateOf: m.ID, Story: e.story, Similarity: m.Similarity}
		if e.duplicateOf != "" {
			r.DuplicateOf = e.duplicateOf
		}
		if r.Story == "" {
			r.Story = r.DuplicateOf
		}
		return r
	}
	r := Result{Story: id}
	for _, m := range d.stories.Query(ssig) {
		e := d.seen[m.ID]
		if !d.within(date, e.date) {
			continue
		}
		// Query sorts by similarity; the story of the most similar
		// article in the window is the article's story.
		r.Story = e.story
		if r.Story == "" {
			r.Story = m.ID
		}
		break
	}
	return r
}

// within reports whether two publication dates are close enough for one
// story; an unknown date is close to any.
func (d *Detector) within(a, b time.Time) bool {
	if d.cfg.StoryWindow == 0 || a.IsZero() || b.IsZero() {
		return true
	}
	diff := a.Sub(b)
	return -d.cfg.StoryWindow <= diff && diff <= d.cfg.StoryWindow
}

// add remembers an article. The caller holds d.mu for writing.
// The i-th id of d.order is the i-th entry of both indexes.
func (d *Detector) add(id string, e entry, sig, ssig Signature) {
	if _, ok := d.seen[id]; ok {
		// The same id again (a re-run): the first entry stands.
		return
	}
	// Both signatures have the indexes' lengths: made by d, or checked by
	// Restore.
	_ = d.dups.Add(id, sig)
	_ = d.stories.Add(id, ssig)
	e.index = len(d.order)
	d.seen[id] = e
	d.order = append(d.order, id)
	if m := d.cfg.Memory; m > 0 && len(d.order) > m+m/4 {
		d.forget(len(d.order) - m)
	}
}

// forget drops the oldest n articles. The caller holds d.mu for writing.
func (d *Detector) forget(n int) {
	keep := len(d.order) - n
	d.dups.keepLast(keep)
	d.stories.keepLast(keep)
	for _, id := range d.order[:n] {
		delete(d.seen, id)
	}
	d.order = slices.Clone(d.order[n:])
	for i, id := range d.order {
		e := d.seen[id]
		e.index = i
		d.seen[id] = e
	}
	d.log.Debug("dedup memory trimmed", "forgot", n, "remembers", keep)
}

// Entry is what the detector remembers of an article: enough to persist
// its memory and restore it with [Detector.Restore].
type Entry struct {
	ID          string
	Date        time.Time
	DuplicateOf string
	Story       string
	// Signature and StorySignature are as [Detector.Signature] and
	// [Detector.StorySignature] made them.
	Signature      Signature
	StorySignature Signature
}

// Entries returns the articles the detector remembers, in the order it
// saw them.
func (d *Detector) Entries() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for i := 0; ; i++ {
			d.mu.RLock()
			if i >= len(d.order) {
				d.mu.RUnlock()
				return
			}
			id := d.order[i]
			e := d.seen[id]
			d.mu.RUnlock()
			sig, ssig := d.dups.at(i), d.stories.at(i)
			if !yield(Entry{ID: id, Date: e.date, DuplicateOf: e.duplicateOf, Story: e.story,
				Signature: sig, StorySignature: ssig}) {
				return
			}
		}
	}
}

// Entry returns what the detector remembers of the article id, for a
// store to persist as the article is stored; ok is false when it
// remembers no such article.
func (d *Detector) Entry(id string) (Entry, bool) {
	d.mu.RLock()
	e, ok := d.seen[id]
	d.mu.RUnlock()
	if !ok {
		return Entry{}, false
	}
	return Entry{ID: id, Date: e.date, DuplicateOf: e.duplicateOf, Story: e.story,
		Signature: d.dups.at(e.index), StorySignature: d.stories.at(e.index)}, true
}

// Restore adds a remembered article back, as [Detector.Entries] listed
// it; entries must be restored in that order. An id already remembered is
// left as it is. It returns an error wrapping [ErrSignatureLength] when a
// signature was made with another configuration.
func (d *Detector) Restore(e Entry) error {
	if len(e.Signature) != d.cfg.Hashes {
		return fmt.Errorf("article %s: %w: %d values, want %d", e.ID, ErrSignatureLength, len(e.Signature), d.cfg.Hashes)
	}
	if len(e.StorySignature) != d.cfg.StoryHashes {
		return fmt.Errorf("article %s: story %w: %d values, want %d", e.ID, ErrSignatureLength, len(e.StorySignature), d.cfg.StoryHashes)
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.add(e.ID, entry{date: e.Date, duplicateOf: e.DuplicateOf, story: e.Story}, e.Signature, e.StorySignature)
	return nil
}

// Len returns the number of articles the detector remembers.
func (d *Detector) Len() int {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return len(d.order)
}
