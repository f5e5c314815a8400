package counts

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"

	"worldmedia/internal/article"
)

// ErrConfig is a [Config] that [New] rejects.
var ErrConfig = errors.New("bad config")

// Config says what the extractor records.
type Config struct {
	// Kinds are the kinds of count recorded; empty means all of them.
	Kinds []Kind
	// MaxGap is the most tokens allowed between a number and the verb
	// after it that says what happened ("89 Syrian civilians have
	// reportedly been killed" has five). 1 to 16.
	MaxGap int
}

// DefaultConfig returns the configuration used for GDELT-like output:
// every kind, a gap of six tokens.
func DefaultConfig() Config { return Config{MaxGap: 6} }

// Extractor is the counts stage. It is safe for concurrent use.
type Extractor struct {
	cfg   Config
	kinds [numKinds + 1]bool
	idx   triggerIndex
	log   *slog.Logger
	pool  sync.Pool // *extractor
}

// New returns an extractor configured by cfg; a nil logger discards. It
// returns an error wrapping [ErrConfig] when cfg is invalid.
func New(cfg Config, log *slog.Logger) (*Extractor, error) {
	if cfg.MaxGap < 1 || cfg.MaxGap > 16 {
		return nil, fmt.Errorf("counts: %w: MaxGap %d not in 1..16", ErrConfig, cfg.MaxGap)
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	x := &Extractor{cfg: cfg, log: log}
	for _, k := range cfg.Kinds {
		if k < 1 || k > numKinds {
			return nil, fmt.Errorf("counts: %w: unknown kind %d", ErrConfig, k)
		}
		x.kinds[k] = true
	}
	if len(cfg.Kinds) == 0 {
		for k := Kill; k <= numKinds; k++ {
			x.kinds[k] = true
		}
	}
	x.idx = indexTriggers(&x.kinds)
	x.pool.New = func() any { return &extractor{} }
	return x, nil
}

// Name returns the stage name.
func (x *Extractor) Name() string { return "counts" }

// Process replaces a.Counts with the counts and amounts of a's sentences,
// in text order. An article without sentences gets no counts.
func (x *Extractor) Process(ctx context.Context, a *article.Article) error {
	a.Counts = a.Counts[:0]
	e := x.pool.Get().(*extractor)
	defer x.pool.Put(e)
	e.maxGap, e.idx, e.kinds = x.cfg.MaxGap, x.idx, &x.kinds
	var places []placeMention
	placesDone := false
	for si := range a.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		toks := a.Sentences[si].Tokens
		if !validTokens(toks, len(a.Text)) {
			continue
		}
		e.reset(a.Text, toks)
		e.nums = e.s.numbers(e.nums)
		if len(e.nums) == 0 {
			continue
		}
		if x.kinds[Amount] {
			e.amounts()
		}
		e.sentence()
		if len(e.out) == 0 {
			continue
		}
		if !placesDone {
			places, placesDone = placeMentions(a), true
		}
		span := a.Sentences[si].Span
		for _, f := range e.out {
			a.Counts = append(a.Counts, article.Count{
				Kind:   f.kind.String(),
				Number: f.number,
				Object: f.object,
				Place:  nearestPlace(places, span, f.span),
				Span:   f.span,
			})
		}
	}
	slices.SortStableFunc(a.Counts, func(p, q article.Count) int { return p.Span.Start - q.Span.Start })
	return nil
}

// validTokens reports whether every token lies within the text, so a
// malformed article cannot make the reading index out of range.
func validTokens(toks []article.Token, n int) bool {
	for _, t := range toks {
		if t.Span.Start < 0 || t.Span.End > n || t.Span.Start > t.Span.End {
			return false
		}
	}
	return true
}

// reset prepares e for one sentence.
func (e *extractor) reset(text string, toks []article.Token) {
	e.s.text, e.s.toks = text, toks
	e.s.words = e.s.words[:0]
	for _, t := range toks {
		e.s.words = append(e.s.words, lower(text[t.Span.Start:t.Span.End]))
	}
	e.nums = e.nums[:0]
	e.out = e.out[:0]
}
