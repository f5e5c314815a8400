package themes

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"worldmedia/internal/article"
)

// ErrConfig is a [Config] that [New] rejects.
var ErrConfig = errors.New("bad config")

// Config says what evidence the tagger takes.
type Config struct {
	// MinMentions is the least number of mentions a theme needs to be
	// recorded; at least 1.
	MinMentions int
	// Events makes coded events evidence of the themes whose event codes
	// they match, besides the keyword phrases.
	Events bool
}

// DefaultConfig returns the configuration used for GDELT-like output: one
// mention suffices, as in GDELT's GKG, and events count.
func DefaultConfig() Config { return Config{MinMentions: 1, Events: true} }

// Tagger is the themes stage. It is safe for concurrent use.
type Tagger struct {
	tax *Taxonomy
	cfg Config
	log *slog.Logger
}

// New returns a tagger using tax (nil: the embedded taxonomy) and cfg; a
// nil logger discards. It returns an error wrapping [ErrConfig] when cfg
// is invalid.
func New(tax *Taxonomy, cfg Config, log *slog.Logger) (*Tagger, error) {
	if cfg.MinMentions < 1 {
		return nil, fmt.Errorf("themes: %w: MinMentions %d below 1", ErrConfig, cfg.MinMentions)
	}
	if tax == nil {
		t, err := Default()
		if err != nil {
			return nil, fmt.Errorf("themes: embedded taxonomy: %w", err)
		}
		tax = t
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Tagger{tax: tax, cfg: cfg, log: log}, nil
}

// Name returns the stage name.
func (g *Tagger) Name() string { return "themes" }

// hit is one piece of evidence for a theme.
type hit struct {
	theme int
	span  article.Span
}

// Process replaces a.Themes with the themes a's sentences and events
// evidence, ordered by their first mention; each theme's mentions are in
// text order, without duplicates or spans inside another of its spans.
func (g *Tagger) Process(ctx context.Context, a *article.Article) error {
	var hits []hit
	for si := range a.Sentences {
		if si%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		hits = g.sentence(a.Text, a.Sentences[si].Tokens, hits)
	}
	if g.cfg.Events {
		for _, e := range a.Events {
			if e.Negated || e.VerbSpan.Start < 0 || e.VerbSpan.End > len(a.Text) || e.VerbSpan.Empty() {
				continue
			}
			for n := 2; n <= len(e.Code) && n <= 4; n++ {
				for _, th := range g.tax.events[e.Code[:n]] {
					hits = append(hits, hit{th, e.VerbSpan})
				}
			}
		}
	}
	a.Themes = g.collect(hits, a.Themes[:0])
	return nil
}

// collect groups hits by theme into themes.
func (g *Tagger) collect(hits []hit, out []article.Theme) []article.Theme {
	slices.SortFunc(hits, func(p, q hit) int {
		return cmp.Or(cmp.Compare(p.theme, q.theme), cmp.Compare(p.span.Start, q.span.Start),
			cmp.Compare(q.span.End, p.span.End))
	})
	for i := 0; i < len(hits); {
		j := i
		var spans []article.Span
		for ; j < len(hits) && hits[j].theme == hits[i].theme; j++ {
			sp := hits[j].span
			if k := len(spans); k > 0 && spans[k-1].Contains(sp) {
				continue // a duplicate, or "war" inside "civil war"
			}
			spans = append(spans, sp)
		}
		if len(spans) >= g.cfg.MinMentions {
			out = append(out, article.Theme{Name: g.tax.names[hits[i].theme], Mentions: spans})
		}
		i = j
	}
	slices.SortStableFunc(out, func(p, q article.Theme) int {
		return cmp.Or(cmp.Compare(p.Mentions[0].Start, q.Mentions[0].Start), strings.Compare(p.Name, q.Name))
	})
	return out
}

// sentence appends the phrase matches of one sentence's tokens to hits.
func (g *Tagger) sentence(text string, toks []article.Token, hits []hit) []hit {
	for _, tok := range toks {
		if tok.Span.Start < 0 || tok.Span.End > len(text) || tok.Span.Start > tok.Span.End {
			return hits // a malformed sentence is not read
		}
	}
	t := g.tax
	for i, tok := range toks {
		surface := text[tok.Span.Start:tok.Span.End]
		hits = g.try(text, toks, i, t.exact[tok.Lemma], hits)
		// Only verbs and plural nouns have lemmas other than their lower-case
		// forms.
		other := ""
		if tag := tok.Tag; strings.HasPrefix(tag, "VB") || tag == "NNS" {
			if o := lowerASCII(surface); o != tok.Lemma {
				other = o
				hits = g.try(text, toks, i, t.exact[o], hits)
			}
		}
		for _, n := range t.prefixLens {
			if n <= len(tok.Lemma) {
				hits = g.try(text, toks, i, t.prefix[tok.Lemma[:n]], hits)
			}
			if n <= len(other) && (n > len(tok.Lemma) || other[:n] != tok.Lemma[:n]) {
				hits = g.try(text, toks, i, t.prefix[other[:n]], hits)
			}
		}
	}
	return hits
}

// try matches the phrases ids at token i.
func (g *Tagger) try(text string, toks []article.Token, i int, ids []int32, hits []hit) []hit {
	for _, id := range ids {
		p := &g.tax.phrases[id]
		if i+len(p.words) > len(toks) {
			continue
		}
		ok := true
		for k := 1; k < len(p.words) && ok; k++ {
			ok = matches(p.words[k], text, toks[i+k])
		}
		if ok {
			last := toks[i+len(p.words)-1]
			hits = append(hits, hit{p.theme, article.Span{Start: toks[i].Span.Start, End: last.Span.End}})
		}
	}
	return hits
}

// matches reports whether phrase word w matches token tok, by lemma or by
// written form in any case.
func matches(w word, text string, tok article.Token) bool {
	s := text[tok.Span.Start:tok.Span.End]
	if w.prefix {
		return strings.HasPrefix(tok.Lemma, w.text) ||
			len(s) >= len(w.text) && strings.EqualFold(s[:len(w.text)], w.text)
	}
	if tok.Lemma == w.text || strings.EqualFold(s, w.text) {
		return true
	}
	return w.text == "'s" && s == "’s"
}

// lowerASCII returns s in lower case; it allocates only when s has
// upper-case letters.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}
