package api

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"worldmedia/internal/relations"
	"worldmedia/internal/store"
)

// The query parameters of each path.
var (
	eventParams = []string{"source", "target", "both", "code", "quad", "since", "until", "place", "text",
		"origin", "article", "duplicates", "limit", "offset"}
	articleParams  = []string{"source", "since", "until", "text", "story", "originals", "limit", "offset"}
	storyParams    = []string{"since", "until", "text", "min_articles", "limit", "offset"}
	relationParams = []string{"a", "b", "by", "since", "until", "directed", "min_events"}
)

// routes are the paths served; openapi.json describes each.
var routes = []route{
	{"/api/v1/health", nil, (*handler).health},
	{"/api/v1/stats", nil, (*handler).stats},
	{"/api/v1/events", eventParams, (*handler).events},
	{"/api/v1/places", eventParams, (*handler).places},
	{"/api/v1/articles", articleParams, (*handler).articles},
	{"/api/v1/articles/{id}", nil, (*handler).article},
	{"/api/v1/stories", storyParams, (*handler).stories},
	{"/api/v1/relations", relationParams, (*handler).relations},
	{"/api/v1/openapi.json", nil, (*handler).openapi},
}

// Default page sizes, clipped to Config.MaxLimit.
const (
	defaultLimit      = 100
	defaultPlaceLimit = 500
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
	}
	storyPage struct {
		Stories []store.Story `json:"stories"`
		Limit   int           `json:"limit"`
		Offset  int           `json:"offset"`
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

func (h *handler) stats(ctx context.Context, _ *http.Request, _ *params) (any, error) {
	return h.db.Stats(ctx)
}

// eventQuery reads the filters of /events and /places.
func (h *handler) eventQuery(p *params, defLimit int) (store.EventQuery, error) {
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
		Page:       h.page(p, defLimit),
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
	return articleDetail{Article: as[0], Body: body, Events: nonNil(evs)}, nil
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
