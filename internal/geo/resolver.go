package geo

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"

	"worldmedia/internal/article"
)

// ErrBadConfig is a [Config] that [New] rejects.
var ErrBadConfig = errors.New("geo: bad config")

// Config tunes the resolver.
type Config struct {
	// Demonyms makes a demonym or country adjective ("Russian", "Syrians")
	// a mention of its country. Off by default: a demonym names people or a
	// nationality, not a place. Gold sets that annotate adjectives as
	// toponyms (TR-News, GeoWebNews) are scored with it on.
	Demonyms bool
	// Embedded takes place names inside the names of organisations and
	// events ("the Texas Forest Service", "Ohio State University") as
	// mentions of the place. Off by default: the organisation is named, not
	// the place; some gold sets (LGL, GeoWebNews, TR-News) annotate them.
	Embedded bool
	// MinPopulation is the population a town needs for its name to be taken
	// as a place on capitalisation alone, with no entity tag and no cue
	// ("in", "the city of", ", Ohio"). Countries, divisions and the features
	// of data/features.tsv need none.
	MinPopulation int64
	// MaxWords is the longest name looked up, in tokens.
	MaxWords int
	// MaxCandidates bounds the gazetteer entries weighed for one name (the
	// index lists countries, divisions and features first, then towns by
	// population).
	MaxCandidates int
}

// DefaultConfig returns the configuration for news text.
func DefaultConfig() Config {
	return Config{MinPopulation: 50_000, MaxWords: 6, MaxCandidates: 64}
}

// Resolver is the geocoding stage: it finds the places an article names
// and resolves each to a gazetteer entry. See the package comment for what
// it reads and writes. It is safe for concurrent use.
type Resolver struct {
	g    *Gazetteer
	cfg  Config
	log  *slog.Logger
	pool sync.Pool // *work
}

// New returns a resolver over g; a nil g means the embedded gazetteer
// ([Default]); a nil logger discards.
func New(g *Gazetteer, cfg Config, log *slog.Logger) (*Resolver, error) {
	if cfg.MinPopulation < 0 || cfg.MaxWords < 1 || cfg.MaxWords > 16 || cfg.MaxCandidates < 1 {
		return nil, fmt.Errorf("%w: MinPopulation %d, MaxWords %d, MaxCandidates %d (want ≥ 0, 1-16, ≥ 1)",
			ErrBadConfig, cfg.MinPopulation, cfg.MaxWords, cfg.MaxCandidates)
	}
	if g == nil {
		var err error
		if g, err = Default(); err != nil {
			return nil, err
		}
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	r := &Resolver{g: g, cfg: cfg, log: log}
	r.pool.New = func() any { return &work{} }
	return r, nil
}

// Name returns the stage name.
func (r *Resolver) Name() string { return "geo" }

// Process finds and resolves the places of a and writes a.Places, one per
// place, in order of first mention. It reads Text, Sentences, Mentions and
// Actors; an article without sentences gets no places.
func (r *Resolver) Process(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	w := r.pool.Get().(*work)
	defer func() {
		w.reset()
		r.pool.Put(w)
	}()
	w.r, w.g, w.a = r, r.g, a
	r.recognize(w)
	r.resolve(w)
	a.Places = w.places()
	return nil
}

// toponym is one recognised mention of a place name.
type toponym struct {
	span        article.Span
	sent        int
	first, last int    // token indexes in the sentence
	group       int    // index into work.groups
	container   int    // toponym that contains this one ("X, Y": Y), -1 if none
	hint        hint   // what a cue word says the place is
	actorGov    string // ISO2 of the country an actor mention says this is the seat of
	demonym     bool
	containerOf bool // this toponym is the Y of "X, Y"
}

// hint is what the words around a name say about the kind of place.
type hint uint8

const (
	hintNone  hint = iota // nothing said
	hintTown              // "the city of X", "X city", "the village of X"
	hintAdmin             // "X province", "X state", "the region of X"
)

// group gathers the mentions of one name: one sense per discourse.
type group struct {
	key    string
	posts  []int32
	best   int32 // chosen entry, -1 until resolved
	score  float64
	strong bool // a mention had an entity tag or cue
	// gathered from the mentions before resolution
	n           int       // mentions
	hint        hint      // what a cue word said
	gov         string    // ISO2 whose capital an actor mention says this is
	containerOf bool      // named as the Y of "X, Y"
	demonym     bool      // a demonym: its country
	conts       []int     // groups named as its containers
	ownKey      div       // division this name votes for
	ownW        float64   // and how much
	ownCountryW float64   // what a country's name votes for itself
	bestKey     div       // division of the current choice
	bestCountry string    // country of the current choice
	alts        []int32   // the first pass's runners-up, close behind the best
	cands       []scored  // the first pass's local candidates close behind the best local one
	coloc       []float64 // co-location score of each candidate, nil until weighed
	own         []bool    // whether each candidate bears the name as its own, nil until weighed
	prom        []float64 // prominence of each candidate, weighed with own
	owned       bool      // some town bears the name as its own
}

// work is the per-article scratch space, pooled.
type work struct {
	r      *Resolver
	g      *Gazetteer
	a      *article.Article
	topos  []toponym
	groups []group
	pend   []pend // names waiting for evidence
	scores []scored
	// candBuf holds the groups' plausible candidates (group.cands).
	candBuf  []scored
	colocBuf []float64
	ownBuf   []bool
	promBuf  []float64
	// strongPts are the local readings of the names given as places, for
	// taking the pending names beside them; nil until needed.
	strongPts, strongBuf []int32
	placeEntry           []int32
	// pendSent is where the current sentence's pending names begin.
	pendSent int
	byKey    map[string]int
	key      []byte
	tmp      []byte
	scratch  []byte
	// possCut is the possessive ending the last match left out of its span.
	possCut int
	// per-sentence token annotations
	ner     []int8  // entity type of each token's mention, 0 none
	nerMent []int32 // mention index of each token, -1 none
	actor   []int32 // actor mention index of each token, -1 none
	used    []bool
	// article context
	countryW map[string]float64 // ISO2 → weight of evidence the article is about it
	adm1W    map[div]float64    // division → weight
	personW  map[string]bool    // words of person names
}

func (w *work) reset() {
	w.r, w.g, w.a = nil, nil, nil
	w.topos = w.topos[:0]
	w.groups = w.groups[:0]
	w.pend = w.pend[:0]
	w.candBuf = w.candBuf[:0]
	w.colocBuf = w.colocBuf[:0]
	w.ownBuf = w.ownBuf[:0]
	w.promBuf = w.promBuf[:0]
	w.strongPts = nil
	w.pendSent = 0
	clear(w.byKey)
	clear(w.countryW)
	clear(w.adm1W)
	clear(w.personW)
}

// sortTopos puts the toponyms in text order, keeping containers pointing
// at the right toponyms.
func (w *work) sortTopos() {
	if slices.IsSortedFunc(w.topos, func(x, y toponym) int { return x.span.Start - y.span.Start }) {
		return
	}
	idx := make([]int, len(w.topos))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int { return w.topos[x].span.Start - w.topos[y].span.Start })
	pos := make([]int, len(idx))
	for n, o := range idx {
		pos[o] = n
	}
	sorted := make([]toponym, len(w.topos))
	for n, o := range idx {
		t := w.topos[o]
		if t.container >= 0 {
			t.container = pos[t.container]
		}
		sorted[n] = t
	}
	copy(w.topos, sorted)
}

// places builds the article's place list from the resolved groups.
func (w *work) places() []article.Place {
	if len(w.topos) == 0 {
		return nil
	}
	var out []article.Place
	w.placeEntry = w.placeEntry[:0] // the entry of each place of out
	for i := range w.topos {
		t := &w.topos[i]
		gr := &w.groups[t.group]
		if gr.best < 0 {
			continue
		}
		k := slices.Index(w.placeEntry, gr.best)
		if k < 0 {
			e := &w.g.entries[gr.best]
			k = len(out)
			w.placeEntry = append(w.placeEntry, gr.best)
			out = append(out, article.Place{
				Name:      t.span.In(w.a.Text),
				Resolved:  e.Name,
				GeonameID: e.ID,
				Country:   e.Country,
				ADM1:      e.Admin1,
				Lat:       e.Lat,
				Lon:       e.Lon,
			})
		}
		if n := len(out[k].Mentions); n == 0 || out[k].Mentions[n-1] != t.span {
			out[k].Mentions = append(out[k].Mentions, t.span)
		}
	}
	return out
}
