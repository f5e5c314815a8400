package store

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"
	"time"
)

// SignatureRow is the spun-copy detector's memory of one stored article.
type SignatureRow struct {
	ArticleID      string
	Day            time.Time // zero when the article has no date
	DuplicateOf    string
	Story          string
	Signature      []byte
	StorySignature []byte
}

// Signatures lists the stored detector memory in ingestion order.
func (s *DB) Signatures(ctx context.Context) iter.Seq2[SignatureRow, error] {
	return func(yield func(SignatureRow, error) bool) {
		rows, err := s.sql.QueryContext(ctx, `SELECT article_id, day, coalesce(duplicate_of, ''), story, signature, story_signature
			FROM signatures ORDER BY seq`)
		if err != nil {
			yield(SignatureRow{}, fmt.Errorf("database %s: signatures: %w", s.name(), err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var r SignatureRow
			var day sql.NullTime
			if err := rows.Scan(&r.ArticleID, &day, &r.DuplicateOf, &r.Story, &r.Signature, &r.StorySignature); err != nil {
				yield(SignatureRow{}, fmt.Errorf("database %s: signatures: %w", s.name(), err))
				return
			}
			r.Day = day.Time
			if !yield(r, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(SignatureRow{}, fmt.Errorf("database %s: signatures: %w", s.name(), err))
		}
	}
}

// Stats are the store's totals. The JSON names are a stable interface
// (docs/store.md).
type Stats struct {
	// Articles counts stored articles, duplicates included; Duplicates
	// those that are copies or spun copies of an earlier one.
	Articles   int64 `json:"articles"`
	Duplicates int64 `json:"duplicates"`
	// Stories counts distinct stories.
	Stories int64 `json:"stories"`
	// Events counts worldmedia's coded events outside duplicate articles;
	// DuplicateEvents those inside them; GDELTEvents imported GDELT records.
	Events          int64 `json:"events"`
	DuplicateEvents int64 `json:"duplicate_events"`
	GDELTEvents     int64 `json:"gdelt_events"`
	Sources         int64 `json:"sources"`
	Persons         int64 `json:"persons"`
	Organizations   int64 `json:"organizations"`
	Places          int64 `json:"places"`
	Quotes          int64 `json:"quotes"`
	Imports         int64 `json:"imports"`
	// FirstArticle and LastArticle are the publication dates' range
	// (YYYY-MM-DD, "" when unknown); FirstEvent and LastEvent the events'.
	FirstArticle string `json:"first_article"`
	LastArticle  string `json:"last_article"`
	FirstEvent   string `json:"first_event"`
	LastEvent    string `json:"last_event"`
	// Schema is the database's schema version.
	Schema int `json:"schema"`
}

// Stats returns the store's totals.
func (s *DB) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	var fa, la, fe, le sql.NullTime
	err := s.sql.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL),
		(SELECT count(DISTINCT story) FROM articles),
		(SELECT count(*) FROM events WHERE origin = 'worldmedia' AND NOT duplicate),
		(SELECT count(*) FROM events WHERE origin = 'worldmedia' AND duplicate),
		(SELECT count(*) FROM events WHERE origin = 'gdelt'),
		(SELECT count(DISTINCT source) FROM articles),
		(SELECT count(DISTINCT lower(name)) FROM persons),
		(SELECT count(DISTINCT lower(name)) FROM organizations),
		(SELECT count(DISTINCT coalesce(nullif(resolved, ''), name)) FROM places),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM imports),
		(SELECT min(published) FROM articles), (SELECT max(published) FROM articles),
		(SELECT min(day)::TIMESTAMP FROM events), (SELECT max(day)::TIMESTAMP FROM events)`).Scan(
		&st.Articles, &st.Duplicates, &st.Stories, &st.Events, &st.DuplicateEvents, &st.GDELTEvents, &st.Sources,
		&st.Persons, &st.Organizations, &st.Places, &st.Quotes, &st.Imports, &fa, &la, &fe, &le)
	if err != nil {
		return st, fmt.Errorf("database %s: stats: %w", s.name(), err)
	}
	st.FirstArticle, st.LastArticle, st.FirstEvent, st.LastEvent = day(fa), day(la), day(fe), day(le)
	st.Schema, err = s.version(ctx)
	return st, err
}

func day(t sql.NullTime) string {
	if !t.Valid {
		return ""
	}
	return t.Time.UTC().Format(time.DateOnly)
}

// where builds a WHERE clause from conditions joined by AND.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// likeEscape escapes s for a LIKE pattern with ESCAPE '\'.
func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

// actorCond matches an event actor (column prefix "actor1" or "actor2")
// to code: a three-letter code is a country or region code, matched
// against the actor's country code or as the start of its code ("IGO");
// a longer code is matched as the start of the actor code ("USAGOV",
// "IGOUNO").
func actorCond(col, code string) (string, []any) {
	if len(code) == 3 {
		return "(" + col + "_country = ? OR starts_with(" + col + "_code, ?))", []any{code, code}
	}
	return "starts_with(" + col + "_code, ?)", []any{code}
}

// collect runs query and turns each row into a T with scan; what names
// the query in errors.
func collect[T any](ctx context.Context, s *DB, what, query string, args []any, scan func(*sql.Rows, *T) error) ([]T, error) {
	rows, err := s.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("database %s: %s: %w", s.name(), what, err)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, fmt.Errorf("database %s: %s: %w", s.name(), what, err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("database %s: %s: %w", s.name(), what, err)
	}
	return out, nil
}
