package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"worldmedia/internal/relations"
	"worldmedia/internal/store"
)

// The query parameters of each path.
var (
	eventFilters = []string{"source", "target", "both", "code", "quad", "since", "until", "place", "text",
		"origin", "article", "duplicates"}
	eventParams    = append(slices.Clip(eventFilters), "limit", "offset")
	articleParams  = []string{"source", "since", "until", "text", "story", "originals", "limit", "offset"}
	storyParams    = []string{"since", "until", "text", "min_articles", "limit", "offset"}
	relationParams = []string{"a", "b", "by", "since", "until", "directed", "min_events"}
	actorParams    = []string{"q", "limit"}
	searchParams   = []string{"q", "limit", "offset"}
)

// routes are the paths served; openapi.json describes each.
var routes = []route{
	{method: "GET", pattern: "/api/v1/health", serve: (*handler).health},
	{method: "GET", pattern: "/api/v1/stats", serve: (*handler).stats},
	{method: "GET", pattern: "/api/v1/events", params: eventParams, serve: (*handler).events},
	{method: "GET", pattern: "/api/v1/places", params: eventParams, serve: (*handler).places},
	{method: "GET", pattern: "/api/v1/countries", params: eventFilters, serve: (*handler).countries},
	{method: "GET", pattern: "/api/v1/actors", params: actorParams, serve: (*handler).actors},
	{method: "GET", pattern: "/api/v1/articles", params: articleParams, serve: (*handler).articles},
	{method: "GET", pattern: "/api/v1/articles/{id}", serve: (*handler).article},
	{method: "GET", pattern: "/api/v1/search", params: searchParams, serve: (*handler).search},
	{method: "GET", pattern: "/api/v1/stories", params: storyParams, serve: (*handler).stories},
	{method: "GET", pattern: "/api/v1/relations", params: relationParams, serve: (*handler).relations},
	{method: "POST", pattern: "/api/v1/code", params: analyzeParams, serve: (*handler).code},
	{method: "POST", pattern: "/api/v1/ingest", params: analyzeParams, serve: (*handler).ingest, auth: true},
	{method: "GET", pattern: "/api/v1/openapi.json", serve: (*handler).openapi},
	{method: "GET", pattern: "/healthz", serve: (*handler).healthz},
	{method: "GET", pattern: "/metrics", direct: func(h *handler) http.Handler { return h.metrics.handler(h.log) }},
	{method: "GET", pattern: "/openapi.json", serve: (*handler).openapi},
}

// Default page sizes, clipped to Config.MaxLimit, and other bounds.
const (
	defaultLimit      = 100
	defaultPlaceLimit = 500
	defaultActorLimit = 20
	maxActorLimit     = 100
	maxActorPrefix    = 15
	minSearch         = 2
	maxSearch         = 200
	maxMinArticles    = 1_000_000
	maxMinEvents      = 100_000
)

// The JSON bodies of the endpoints. Their names are a stable interface
// (docs/api.md).
type (
	health struct {
		Status  string `json:"status"`
		Version string `json:"version"`
	}
	eventPage struct {
		Events []store.Event `json:"events"`
		Limit  int           `json:"limit"`
		Offset int           `json:"offset"`
	}
	placeList struct {
		Places []store.EventPlace `json:"places"`
	}
	articlePage struct {
		Articles []store.Article `json:"articles"`
		Limit    int             `json:"limit"`
		Offset   int             `json:"offset"`
	}
	articleDetail struct {
		Article store.Article `json:"article"`
		Body    string        `json:"body"`
		Events  []store.Event `json:"events"`
		// Analysis is the stored contract object, null when none.
		Analysis json.RawMessage `json:"analysis"`
	}
	storyPage struct {
		Stories []store.Story `json:"stories"`
		Limit   int           `json:"limit"`
		Offset  int           `json:"offset"`
	}
	actorList struct {
		Actors []store.ActorCount `json:"actors"`
	}
	countryList struct {
		Countries []store.CountryCount `json:"countries"`
	}
	healthz struct {
		Status string `json:"status"`
	}
)

// nonNil returns s, or an empty slice for nil, so that JSON says [].
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// page reads limit and offset.
func (h *handler) page(p *params, def int) store.Page {
	return store.Page{
		Limit:  p.int("limit", min(def, h.cfg.MaxLimit), 1, h.cfg.MaxLimit),
		Offset: p.int("offset", 0, 0, maxOffset),
	}
}

func (h *handler) health(context.Context, *http.Request, *params) (any, error) {
	return health{Status: "ok", Version: h.cfg.Version}, nil
}

func (h *handler) healthz(context.Context, *http.Request, *params) (any, error) {
	return healthz{Status: "ok"}, nil
}

func (h *handler) stats(ctx context.Context, _ *http.Request, _ *params) (any, error) {
	return h.db.Stats(ctx)
}

// eventQuery reads the filters and page of /events and /places.
func (h *handler) eventQuery(p *params, defLimit int) (store.EventQuery, error) {
	q, _ := eventFilter(p)
	q.Page = h.page(p, defLimit)
	return q, p.err
}

// eventFilter reads the filters of /events, /places and /countries.
func eventFilter(p *params) (store.EventQuery, error) {
	q := store.EventQuery{
		Source:     p.actor("source"),
		Target:     p.actor("target"),
		Both:       p.bool("both"),
		Code:       p.str("code"),
		Quad:       p.int("quad", 0, 1, 4),
		Place:      p.str("place"),
		Text:       p.str("text"),
		Origin:     p.oneOf("origin", "", "worldmedia", "gdelt"),
		ArticleID:  p.str("article"),
		Duplicates: p.bool("duplicates"),
	}
	q.Since, q.Until = p.dates()
	if c := q.Code; len(c) > 4 || strings.Trim(c, "0123456789") != "" {
		p.fail(badParam("code", "want a CAMEO code of 1 to 4 digits, got %q", clip(c)))
	}
	return q, p.err
}

func (h *handler) events(ctx context.Context, _ *http.Request, p *params) (any, error) {
	q, err := h.eventQuery(p, defaultLimit)
	if err != nil {
		return nil, err
	}
	evs, err := h.db.Events(ctx, q)
	if err != nil {
		return nil, err
	}
	return eventPage{Events: nonNil(evs), Limit: q.Limit, Offset: q.Offset}, nil
}

func (h *handler) places(ctx context.Context, _ *http.Request, p *params) (any, error) {
	q, err := h.eventQuery(p, defaultPlaceLimit)
	if err != nil {
		return nil, err
	}
	ps, err := h.db.EventPlaces(ctx, q)
	if err != nil {
		return nil, err
	}
	return placeList{Places: nonNil(ps)}, nil
}

func (h *handler) countries(ctx context.Context, _ *http.Request, p *params) (any, error) {
	q, err := eventFilter(p)
	if err != nil {
		return nil, err
	}
	cs, err := h.db.EventCountries(ctx, q)
	if err != nil {
		return nil, err
	}
	return countryList{Countries: nonNil(cs)}, nil
}

func (h *handler) actors(ctx context.Context, _ *http.Request, p *params) (any, error) {
	prefix := p.str("q")
	if len(prefix) > maxActorPrefix || !alnum(prefix) {
		p.fail(badParam("q", "want the start of an actor code: up to %d letters or digits, got %q", maxActorPrefix, clip(prefix)))
	}
	hi := min(maxActorLimit, h.cfg.MaxLimit)
	limit := p.int("limit", min(defaultActorLimit, hi), 1, hi)
	if p.err != nil {
		return nil, p.err
	}
	as, err := h.db.Actors(ctx, strings.ToUpper(prefix), limit)
	if err != nil {
		return nil, err
	}
	return actorList{Actors: nonNil(as)}, nil
}

func (h *handler) search(ctx context.Context, _ *http.Request, p *params) (any, error) {
	q := strings.TrimSpace(p.str("q"))
	switch {
	case q == "":
		p.fail(badParam("q", "required: the words to search for in titles and texts"))
	case len(q) < minSearch || len(q) > maxSearch:
		p.fail(badParam("q", "%d bytes, want %d..%d", len(q), minSearch, maxSearch))
	}
	aq := store.ArticleQuery{Text: q, Page: h.page(p, defaultLimit)}
	if p.err != nil {
		return nil, p.err
	}
	as, err := h.db.Articles(ctx, aq)
	if err != nil {
		return nil, err
	}
	return articlePage{Articles: nonNil(as), Limit: aq.Limit, Offset: aq.Offset}, nil
}

func (h *handler) articles(ctx context.Context, _ *http.Request, p *params) (any, error) {
	q := store.ArticleQuery{
		Source:    p.str("source"),
		Text:      p.str("text"),
		Story:     p.str("story"),
		Originals: p.bool("originals"),
		Page:      h.page(p, defaultLimit),
	}
	q.Since, q.Until = p.dates()
	if p.err != nil {
		return nil, p.err
	}
	as, err := h.db.Articles(ctx, q)
	if err != nil {
		return nil, err
	}
	return articlePage{Articles: nonNil(as), Limit: q.Limit, Offset: q.Offset}, nil
}

func (h *handler) article(ctx context.Context, r *http.Request, _ *params) (any, error) {
	id := r.PathValue("id")
	if err := checkValue("id", id); err != nil {
		return nil, err
	}
	as, err := h.db.Articles(ctx, store.ArticleQuery{ID: id, Page: store.Page{Limit: 1}})
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, fmt.Errorf("%w: article %q", ErrNotFound, clip(id))
	}
	body, ok, err := h.db.Body(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		// Deleted (replaced) between the two reads.
		return nil, fmt.Errorf("%w: article %q", ErrNotFound, clip(id))
	}
	evs, err := h.db.Events(ctx, store.EventQuery{ArticleID: id, Duplicates: true, Page: store.Page{Limit: h.cfg.MaxLimit}})
	if err != nil {
		return nil, err
	}
	analysis, ok, err := h.db.Analysis(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ok || len(analysis) == 0 {
		analysis = nil // null
	}
	return articleDetail{Article: as[0], Body: body, Events: nonNil(evs), Analysis: analysis}, nil
}

func (h *handler) stories(ctx context.Context, _ *http.Request, p *params) (any, error) {
	q := store.StoryQuery{
		Text:        p.str("text"),
		MinArticles: p.int("min_articles", 0, 0, maxMinArticles),
		Page:        h.page(p, defaultLimit),
	}
	q.Since, q.Until = p.dates()
	if p.err != nil {
		return nil, p.err
	}
	ss, err := h.db.Stories(ctx, q)
	if err != nil {
		return nil, err
	}
	return storyPage{Stories: nonNil(ss), Limit: q.Limit, Offset: q.Offset}, nil
}

func (h *handler) relations(ctx context.Context, _ *http.Request, p *params) (any, error) {
	q := relations.Query{
		A:        p.actor("a"),
		B:        p.actor("b"),
		Directed: p.bool("directed"),
	}
	for _, name := range [...]string{"a", "b"} {
		if p.str(name) == "" {
			p.fail(badParam(name, "required: an actor code such as USA or RUSGOV"))
		}
	}
	if q.A != "" && q.A == q.B {
		p.fail(badParam("b", "the same actor as a, %q", q.A))
	}
	q.By = relations.Week
	if v := p.str("by"); v != "" {
		by, err := relations.ParsePeriod(v)
		if err != nil {
			p.fail(badParam("by", "want day, week, month or year, got %q", clip(v)))
		}
		q.By = by
	}
	q.Since, q.Until = p.dates()
	cfg := relations.DefaultConfig()
	cfg.MinEvents = p.int("min_events", cfg.MinEvents, 1, maxMinEvents)
	if p.err != nil {
		return nil, p.err
	}
	return relations.Run(ctx, h.db, q, cfg)
}

// openAPI is the OpenAPI 3.1 document of the API.
//
//go:embed openapi.json
var openAPI []byte

func (h *handler) openapi(context.Context, *http.Request, *params) (any, error) {
	return json.RawMessage(openAPI), nil
}
