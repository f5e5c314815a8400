package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"worldmedia/internal/gdelt"
)

// ErrQuery is a query with an invalid filter.
var ErrQuery = errors.New("invalid query")

// MaxLimit caps the rows one query returns.
const MaxLimit = 100000

// Page is the window of a query's rows.
type Page struct {
	// Limit is the most rows returned: 0 means 100, at most [MaxLimit].
	Limit int
	// Offset skips rows.
	Offset int
}

func (p Page) clause() (string, error) {
	if p.Limit < 0 || p.Offset < 0 || p.Limit > MaxLimit {
		return "", fmt.Errorf("%w: limit %d, offset %d (limit 1..%d, offset ≥ 0)", ErrQuery, p.Limit, p.Offset, MaxLimit)
	}
	l := p.Limit
	if l == 0 {
		l = 100
	}
	return fmt.Sprintf(" LIMIT %d OFFSET %d", l, p.Offset), nil
}

// EventQuery selects events. Empty fields do not filter.
type EventQuery struct {
	// Source and Target are actor codes of the event's source (Actor1)
	// and target (Actor2): a three-letter code is a country or region
	// code, a longer one the start of a full code ("USAGOV").
	Source, Target string
	// Both matches Source and Target in either direction.
	Both bool
	// Code is the start of the CAMEO event code ("19", "190", "1903").
	Code string
	// Quad is the quad class 1..4, 0 for any.
	Quad int
	// Since and Until bound the event day, inclusive.
	Since, Until time.Time
	// Place is a substring of the event's place name (case-insensitive),
	// or a FIPS country code of two letters.
	Place string
	// Text is a substring of the evidence sentence (case-insensitive).
	Text string
	// Origin is "worldmedia", "gdelt" or "" for both.
	Origin string
	// ArticleID selects the events of one article.
	ArticleID string
	// Duplicates includes events of duplicate articles.
	Duplicates bool
	Page
}

// Event is one stored event. The JSON names are a stable interface
// (docs/store.md).
type Event struct {
	ID         int64    `json:"id"`
	Origin     string   `json:"origin"`
	ArticleID  string   `json:"article_id"`
	Date       string   `json:"date"`
	Source     string   `json:"source"`
	SourceName string   `json:"source_name"`
	Target     string   `json:"target"`
	TargetName string   `json:"target_name"`
	Code       string   `json:"code"`
	Root       string   `json:"root"`
	Quad       int      `json:"quad"`
	Goldstein  float64  `json:"goldstein"`
	Plover     string   `json:"plover"`
	Reported   bool     `json:"reported"`
	Duplicate  bool     `json:"duplicate"`
	Mentions   int      `json:"mentions"`
	Tone       float64  `json:"tone"`
	Place      string   `json:"place"`
	Country    string   `json:"country"`
	Lat        *float64 `json:"lat"`
	Lon        *float64 `json:"lon"`
	Outlet     string   `json:"outlet"`
	URL        string   `json:"url"`
	Evidence   string   `json:"evidence"`
}

func (q EventQuery) where() (*where, error) {
	w := &where{}
	if q.Quad < 0 || q.Quad > 4 {
		return nil, fmt.Errorf("%w: quad class %d (1..4)", ErrQuery, q.Quad)
	}
	for _, c := range []string{q.Source, q.Target} {
		if !validCode(c) {
			return nil, fmt.Errorf("%w: actor code %q", ErrQuery, c)
		}
	}
	if !validDigits(q.Code) {
		return nil, fmt.Errorf("%w: event code %q", ErrQuery, q.Code)
	}
	switch q.Origin {
	case "", "worldmedia", "gdelt":
	default:
		return nil, fmt.Errorf("%w: origin %q (worldmedia or gdelt)", ErrQuery, q.Origin)
	}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		return nil, fmt.Errorf("%w: until %s is before since %s", ErrQuery, q.Until.Format(time.DateOnly), q.Since.Format(time.DateOnly))
	}
	switch {
	case q.Both && (q.Source != "" || q.Target != ""):
		s1, a1 := pairCond(q.Source, q.Target, "actor1", "actor2")
		s2, a2 := pairCond(q.Source, q.Target, "actor2", "actor1")
		w.add("(("+s1+") OR ("+s2+"))", append(a1, a2...)...)
	default:
		if q.Source != "" {
			c, a := actorCond("actor1", q.Source)
			w.add(c, a...)
		}
		if q.Target != "" {
			c, a := actorCond("actor2", q.Target)
			w.add(c, a...)
		}
	}
	if q.Code != "" {
		w.add("starts_with(event_code, ?)", q.Code)
	}
	if q.Quad != 0 {
		w.add("quad_class = ?", int8(q.Quad))
	}
	if !q.Since.IsZero() {
		w.add("day >= ?", dayOf(q.Since))
	}
	if !q.Until.IsZero() {
		w.add("day <= ?", dayOf(q.Until))
	}
	if q.Place != "" {
		if len(q.Place) == 2 && isUpper(q.Place) {
			w.add("action_geo_country = ?", q.Place)
		} else {
			w.add(`action_geo_name ILIKE ? ESCAPE '\'`, "%"+likeEscape(q.Place)+"%")
		}
	}
	if q.Text != "" {
		w.add(`evidence ILIKE ? ESCAPE '\'`, "%"+likeEscape(q.Text)+"%")
	}
	if q.Origin != "" {
		w.add("origin = ?", q.Origin)
	}
	if q.ArticleID != "" {
		w.add("article_id = ?", q.ArticleID)
	}
	if !q.Duplicates {
		w.add("NOT duplicate")
	}
	return w, nil
}

// pairCond matches src on column prefix a and tgt on b; empty codes match
// anything.
func pairCond(src, tgt, a, b string) (string, []any) {
	var conds []string
	var args []any
	if src != "" {
		c, x := actorCond(a, src)
		conds, args = append(conds, c), append(args, x...)
	}
	if tgt != "" {
		c, x := actorCond(b, tgt)
		conds, args = append(conds, c), append(args, x...)
	}
	s := conds[0]
	if len(conds) == 2 {
		s += " AND " + conds[1]
	}
	return s, args
}

// Events returns the events q selects, newest first.
func (s *DB) Events(ctx context.Context, q EventQuery) ([]Event, error) {
	w, err := q.where()
	if err != nil {
		return nil, err
	}
	page, err := q.Page.clause()
	if err != nil {
		return nil, err
	}
	// The page's keys first, then their rows by key: the events view
	// computes some columns of GDELT segments (outlet, plover) as it reads
	// them, and a filter on keys reaches the segment's reader, so they are
	// computed for the page only, not for every row sorted.
	type key struct {
		origin string
		id     int64
	}
	keys, err := collect(ctx, s, "events", `SELECT origin, event_id FROM events`+w.String()+
		` ORDER BY day DESC NULLS LAST, origin, event_id`+page, w.args, func(rows *sql.Rows, k *key) error {
		return rows.Scan(&k.origin, &k.id)
	})
	if err != nil || len(keys) == 0 {
		return nil, err
	}
	ids := map[string][]string{}
	for _, k := range keys {
		ids[k.origin] = append(ids[k.origin], strconv.FormatInt(k.id, 10))
	}
	byKey := map[key]Event{}
	for origin, list := range ids {
		evs, err := collect(ctx, s, "events", `SELECT event_id, origin, coalesce(article_id, ''), coalesce(strftime(day, '%Y-%m-%d'), ''),
		actor1_code, actor1_name, actor2_code, actor2_name, event_code, event_root_code, quad_class, goldstein,
		plover, reported, duplicate, num_mentions, avg_tone, action_geo_name, action_geo_country,
		action_geo_lat, action_geo_lon, outlet, source_url, evidence
		FROM events WHERE origin = ? AND event_id IN (`+strings.Join(list, ", ")+`)`, []any{origin}, func(rows *sql.Rows, e *Event) error {
			var lat, lon sql.NullFloat64
			if err := rows.Scan(&e.ID, &e.Origin, &e.ArticleID, &e.Date, &e.Source, &e.SourceName, &e.Target, &e.TargetName,
				&e.Code, &e.Root, &e.Quad, &e.Goldstein, &e.Plover, &e.Reported, &e.Duplicate, &e.Mentions, &e.Tone,
				&e.Place, &e.Country, &lat, &lon, &e.Outlet, &e.URL, &e.Evidence); err != nil {
				return err
			}
			if lat.Valid {
				e.Lat, e.Lon = &lat.Float64, &lon.Float64
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, e := range evs {
			byKey[key{e.Origin, e.ID}] = e
		}
	}
	out := make([]Event, 0, len(keys))
	for _, k := range keys {
		if e, ok := byKey[k]; ok {
			out = append(out, e)
		}
	}
	return out, nil
}

// ArticleQuery selects articles. Empty fields do not filter.
type ArticleQuery struct {
	// Source is the outlet's name (exact, case-insensitive).
	Source string
	// Since and Until bound the publication day, inclusive.
	Since, Until time.Time
	// Text is a substring of the title or body (case-insensitive).
	Text string
	// Story selects the articles of one story.
	Story string
	// ID selects one article.
	ID string
	// Originals leaves out duplicates.
	Originals bool
	Page
}

// Article is a stored article without its body. The JSON names are a
// stable interface (docs/store.md).
type Article struct {
	ID          string   `json:"id"`
	URL         string   `json:"url"`
	Source      string   `json:"source"`
	Title       string   `json:"title"`
	Published   string   `json:"published"`
	Language    string   `json:"language"`
	DuplicateOf string   `json:"duplicate_of"`
	Story       string   `json:"story"`
	Tone        *float64 `json:"tone"`
	Sentences   int      `json:"sentences"`
	Events      int      `json:"events"`
	Input       string   `json:"input"`
}

// Articles returns the articles q selects, newest first.
func (s *DB) Articles(ctx context.Context, q ArticleQuery) ([]Article, error) {
	w := &where{}
	if !q.Since.IsZero() && !q.Until.IsZero() && q.Until.Before(q.Since) {
		return nil, fmt.Errorf("%w: until is before since", ErrQuery)
	}
	if q.Source != "" {
		w.add("lower(source) = lower(?)", q.Source)
	}
	if !q.Since.IsZero() {
		w.add("published >= ?", dayOf(q.Since))
	}
	if !q.Until.IsZero() {
		w.add("published < ?", dayOf(q.Until).AddDate(0, 0, 1))
	}
	if q.Text != "" {
		p := "%" + likeEscape(q.Text) + "%"
		w.add(`(title ILIKE ? ESCAPE '\' OR body ILIKE ? ESCAPE '\')`, p, p)
	}
	if q.Story != "" {
		w.add("story = ?", q.Story)
	}
	if q.ID != "" {
		w.add("id = ?", q.ID)
	}
	if q.Originals {
		w.add("duplicate_of IS NULL")
	}
	page, err := q.Page.clause()
	if err != nil {
		return nil, err
	}
	return collect(ctx, s, "articles", `SELECT id, url, source, title, coalesce(strftime(published, '%Y-%m-%dT%H:%M:%SZ'), ''),
		language, coalesce(duplicate_of, ''), coalesce(story, ''), tone, sentences, n_events, input
		FROM articles`+w.String()+` ORDER BY published DESC NULLS LAST, seq DESC`+page, w.args, func(rows *sql.Rows, a *Article) error {
		var tone sql.NullFloat64
		if err := rows.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &a.Published, &a.Language, &a.DuplicateOf, &a.Story,
			&tone, &a.Sentences, &a.Events, &a.Input); err != nil {
			return err
		}
		if tone.Valid {
			a.Tone = &tone.Float64
		}
		return nil
	})
}

// Body returns the text of the stored article id; ok is false when there
// is none.
func (s *DB) Body(ctx context.Context, id string) (body string, ok bool, err error) {
	err = s.sql.QueryRowContext(ctx, `SELECT body FROM articles WHERE id = ?`, id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("database %s: article %s: %w", s.name(), id, err)
	}
	return body, true, nil
}

// StoryQuery selects stories. Empty fields do not filter.
type StoryQuery struct {
	// Since and Until bound the story's first publication day, inclusive.
	Since, Until time.Time
	// Text is a substring of the first article's title (case-insensitive).
	Text string
	// MinArticles leaves out stories with fewer articles (duplicates
	// included).
	MinArticles int
	Page
}

// Story is a group of articles about the same events. The JSON names are
// a stable interface (docs/store.md).
type Story struct {
	ID             string `json:"id"`
	Title          string `json:"title"`
	FirstArticle   string `json:"first_article"`
	FirstPublished string `json:"first_published"`
	LastPublished  string `json:"last_published"`
	// Articles counts the originals, Duplicates the copies.
	Articles   int `json:"articles"`
	Duplicates int `json:"duplicates"`
	Sources    int `json:"sources"`
	Events     int `json:"events"`
}

// Stories returns the stories q selects, the largest first.
func (s *DB) Stories(ctx context.Context, q StoryQuery) ([]Story, error) {
	w := &where{}
	if !q.Since.IsZero() {
		w.add("first_published >= ?", dayOf(q.Since))
	}
	if !q.Until.IsZero() {
		w.add("first_published < ?", dayOf(q.Until).AddDate(0, 0, 1))
	}
	if q.Text != "" {
		w.add(`title ILIKE ? ESCAPE '\'`, "%"+likeEscape(q.Text)+"%")
	}
	if q.MinArticles > 0 {
		w.add("articles + duplicates >= ?", q.MinArticles)
	}
	page, err := q.Page.clause()
	if err != nil {
		return nil, err
	}
	return collect(ctx, s, "stories", `SELECT id, title, first_article,
		coalesce(strftime(first_published, '%Y-%m-%dT%H:%M:%SZ'), ''), coalesce(strftime(last_published, '%Y-%m-%dT%H:%M:%SZ'), ''),
		articles, duplicates, sources, coalesce(events, 0)
		FROM stories`+w.String()+` ORDER BY articles + duplicates DESC, first_published DESC NULLS LAST, id`+page, w.args, func(rows *sql.Rows, st *Story) error {
		return rows.Scan(&st.ID, &st.Title, &st.FirstArticle, &st.FirstPublished, &st.LastPublished,
			&st.Articles, &st.Duplicates, &st.Sources, &st.Events)
	})
}

// validCode reports whether s is empty or an actor code: 3 to 15
// upper-case letters or digits.
func validCode(s string) bool {
	if s == "" {
		return true
	}
	if len(s) < 3 || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func validDigits(s string) bool {
	if len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// EventPlace is a place where events happened, with their count. The JSON
// names are a stable interface (docs/store.md).
type EventPlace struct {
	Name          string  `json:"name"`
	Country       string  `json:"country"`
	Lat           float64 `json:"lat"`
	Lon           float64 `json:"lon"`
	Events        int     `json:"events"`
	GoldsteinMean float64 `json:"goldstein_mean"`
}

// EventPlaces sums the located events q selects by place, the busiest
// first; q's page bounds the places returned.
func (s *DB) EventPlaces(ctx context.Context, q EventQuery) ([]EventPlace, error) {
	w, err := q.where()
	if err != nil {
		return nil, err
	}
	page, err := q.Page.clause()
	if err != nil {
		return nil, err
	}
	w.add("action_geo_type > 0")
	w.add("action_geo_lat IS NOT NULL")
	return collect(ctx, s, "event places", `SELECT action_geo_name, action_geo_country,
		round(action_geo_lat, 4) AS lat, round(action_geo_lon, 4) AS lon, count(*) AS n, avg(goldstein)
		FROM events`+w.String()+` GROUP BY ALL ORDER BY n DESC, action_geo_name`+page, w.args, func(rows *sql.Rows, p *EventPlace) error {
		return rows.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Events, &p.GoldsteinMean)
	})
}

// Analysis returns the stored analysis of article id as the contract's
// JSON (docs/contract.md); ok is false when there is no such article or
// it was stored without one (before schema version 2).
func (s *DB) Analysis(ctx context.Context, id string) (analysis json.RawMessage, ok bool, err error) {
	var v sql.NullString
	err = s.sql.QueryRowContext(ctx, `SELECT analysis FROM articles WHERE id = ?`, id).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) || err == nil && !v.Valid {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("database %s: article %s: %w", s.name(), id, err)
	}
	return json.RawMessage(v.String), true, nil
}

// ActorCount is an actor code with its most frequent name and the events
// it takes part in. The JSON names are a stable interface.
type ActorCount struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Events int    `json:"events"`
}

// Actors lists the actor codes starting with prefix (upper case; "" for
// all) by the number of events they take part in, as source or target,
// outside duplicates; at most limit (1..1000).
func (s *DB) Actors(ctx context.Context, prefix string, limit int) ([]ActorCount, error) {
	if limit < 1 || limit > 1000 {
		return nil, fmt.Errorf("%w: limit %d (1..1000)", ErrQuery, limit)
	}
	if len(prefix) > 15 || !validCode(prefix) && len(prefix) >= 3 || !isUpperDigits(prefix) {
		return nil, fmt.Errorf("%w: actor code prefix %q", ErrQuery, prefix)
	}
	return collect(ctx, s, "actors", `SELECT code, mode(name), count(*) AS n FROM (
			SELECT actor1_code AS code, actor1_name AS name FROM events WHERE NOT duplicate AND starts_with(actor1_code, ?)
			UNION ALL
			SELECT actor2_code, actor2_name FROM events WHERE NOT duplicate AND starts_with(actor2_code, ?))
		WHERE code <> '' GROUP BY code ORDER BY n DESC, code LIMIT `+fmt.Sprint(limit), []any{prefix, prefix}, func(rows *sql.Rows, a *ActorCount) error {
		return rows.Scan(&a.Code, &a.Name, &a.Events)
	})
}

func isUpperDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// CountryCount sums the events that happened in one country. The JSON
// names are a stable interface.
type CountryCount struct {
	// Country is the FIPS 10-4 code GDELT writes ("RS"), ISO2 the ISO
	// 3166-1 alpha-2 code ("RU", "" when unknown).
	Country       string  `json:"country"`
	ISO2          string  `json:"iso2"`
	Events        int     `json:"events"`
	GoldsteinMean float64 `json:"goldstein_mean"`
}

// EventCountries sums the events q selects by the country of their place,
// the busiest first; q's page is ignored.
func (s *DB) EventCountries(ctx context.Context, q EventQuery) ([]CountryCount, error) {
	w, err := q.where()
	if err != nil {
		return nil, err
	}
	w.add("action_geo_country <> ''")
	return collect(ctx, s, "event countries", `SELECT action_geo_country, count(*) AS n, avg(goldstein)
		FROM events`+w.String()+` GROUP BY 1 ORDER BY n DESC, 1`, w.args, func(rows *sql.Rows, c *CountryCount) error {
		if err := rows.Scan(&c.Country, &c.Events, &c.GoldsteinMean); err != nil {
			return err
		}
		c.ISO2 = gdelt.ISO2(c.Country)
		return nil
	})
}
