package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"worldmedia/internal/article"
	"worldmedia/internal/gdelt"
)

// Decision is what [Writer.Check] found of an article in the store.
type Decision uint8

const (
	// New is an article the store does not have: analyse and [Writer.Put] it.
	New Decision = iota
	// Unchanged is an article the store has (same URL, or same id when it
	// has no URL, and the same title and text), or one already in this
	// run: skip it.
	Unchanged
	// Changed is a new version of a stored URL: analyse it; [Writer.Put]
	// replaces the old version.
	Changed
)

var decisionNames = [...]string{"new", "unchanged", "changed"}

// String returns "new", "unchanged" or "changed".
func (d Decision) String() string {
	if int(d) < len(decisionNames) {
		return decisionNames[d]
	}
	return fmt.Sprintf("Decision(%d)", int(d))
}

// Record is one analysed article to store, with the spun-copy detector's
// signatures of it (opaque bytes; nil when dedup did not run).
type Record struct {
	Article        *article.Article
	Signature      []byte
	StorySignature []byte
}

// WriterConfig says how a [Writer] converts articles.
type WriterConfig struct {
	// Level gives a place's GDELT location type for the event table's
	// geography; nil means [gdelt.PlaceLevel].
	Level func(article.Place) gdelt.LocType
}

// Writer stores analysed articles. It remembers which articles the store
// holds (their keys and content hashes, a few dozen bytes each), so
// [Writer.Check] answers without a query. One Writer per database: it is
// the only writer of articles. Its methods are safe for concurrent use.
type Writer struct {
	db   *DB
	conn *sql.Conn
	cfg  WriterConfig

	mu        sync.Mutex
	byKey     map[string]stored // key → the stored version
	ids       map[string]string // article id → key, for stored and pending articles
	pending   map[string]string // key → old id being replaced ("" when new), checked but not yet stored
	nextSeq   int64
	nextEvent int64
	replaced  int64
	closed    bool
}

// Replaced returns how many stored articles this writer replaced with a
// changed version.
func (w *Writer) Replaced() int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.replaced
}

type stored struct {
	id, hash string
}

// NewWriter returns the store's writer; close it before the store.
func (s *DB) NewWriter(ctx context.Context, cfg WriterConfig) (*Writer, error) {
	if cfg.Level == nil {
		cfg.Level = gdelt.PlaceLevel
	}
	conn, err := s.sql.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("database %s: %w", s.name(), err)
	}
	w := &Writer{db: s, conn: conn, cfg: cfg, byKey: map[string]stored{}, ids: map[string]string{}, pending: map[string]string{}}
	rows, err := conn.QueryContext(ctx, `SELECT id, key, content_hash FROM articles`)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("database %s: articles: %w", s.name(), err)
	}
	for rows.Next() {
		var id, key, hash string
		if err := rows.Scan(&id, &key, &hash); err != nil {
			rows.Close()
			conn.Close()
			return nil, fmt.Errorf("database %s: articles: %w", s.name(), err)
		}
		w.byKey[key] = stored{id, hash}
		w.ids[id] = key
	}
	if err := rows.Close(); err != nil {
		conn.Close()
		return nil, err
	}
	err = conn.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) + 1 FROM articles`).Scan(&w.nextSeq)
	if err == nil {
		err = conn.QueryRowContext(ctx, `SELECT coalesce(max(event_id), 0) + 1 FROM events WHERE origin = 'worldmedia'`).Scan(&w.nextEvent)
	}
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("database %s: %w", s.name(), err)
	}
	return w, nil
}

// Close releases the writer's connection.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil
	}
	w.closed = true
	return w.conn.Close()
}

// Len returns the number of articles stored.
func (w *Writer) Len() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.byKey)
}

// Key returns the identity an article is stored under: its URL, else its id.
func Key(a *article.Article) string {
	if a.URL != "" {
		return a.URL
	}
	return a.ID
}

// ContentHash returns the SHA-256 of an article's title and text, which
// tells a changed version of a URL.
func ContentHash(a *article.Article) string {
	h := sha256.New()
	h.Write([]byte(a.Title))
	h.Write([]byte{0})
	h.Write([]byte(a.Text))
	return hex.EncodeToString(h.Sum(nil))
}

// Check decides what to do with a read article before it is analysed, and
// reserves its key until [Writer.Put] or [Writer.Release]: a second copy
// in the same run is [Unchanged]. An article whose id is taken by another
// stored URL (the same text published at two addresses) gets a distinct
// id derived from its URL; the spun-copy detector links the two.
func (w *Writer) Check(a *article.Article) Decision {
	if a.ID == "" {
		a.ID = article.ContentID(a.Title, a.Text)
	}
	key := Key(a)
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.pending[key]; ok {
		return Unchanged
	}
	old, have := w.byKey[key]
	if have && old.hash == ContentHash(a) {
		return Unchanged
	}
	if k, taken := w.ids[a.ID]; taken && k != key {
		sum := sha256.Sum256([]byte(key))
		a.ID += "-" + hex.EncodeToString(sum[:4])
	}
	w.pending[key] = old.id
	w.ids[a.ID] = key
	if have {
		return Changed
	}
	return New
}

// Release gives up the reservation [Writer.Check] made for an article
// that will not be stored (its analysis failed).
func (w *Writer) Release(a *article.Article) {
	key := Key(a)
	w.mu.Lock()
	defer w.mu.Unlock()
	if _, ok := w.pending[key]; !ok {
		return
	}
	delete(w.pending, key)
	if w.ids[a.ID] == key {
		if s, ok := w.byKey[key]; !ok || s.id != a.ID {
			delete(w.ids, a.ID)
		}
	}
}

// Put stores a batch of checked, analysed articles in one transaction:
// after a crash either all of them are stored or none. A changed version
// replaces the old one, in the same transaction.
func (w *Writer) Put(ctx context.Context, recs []Record) error {
	if len(recs) == 0 {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return ErrClosed
	}
	replaced := make([]string, 0)
	for _, r := range recs {
		if old := w.pending[Key(r.Article)]; old != "" {
			replaced = append(replaced, old)
		}
	}
	seq, next := w.nextSeq, w.nextEvent
	err := w.tx(ctx, func() error {
		for _, id := range replaced {
			if err := deleteArticle(ctx, w.conn, id); err != nil {
				return err
			}
		}
		return nil
	}, func(conn driver.Conn) error {
		b, err := newBatch(conn)
		if err != nil {
			return err
		}
		now := time.Now().UTC()
		for _, r := range recs {
			if err := b.article(r, seq, &next, now, w.cfg.Level); err != nil {
				b.close()
				return fmt.Errorf("article %s: %w", r.Article.ID, err)
			}
			seq++
		}
		return b.close()
	})
	if err != nil {
		return fmt.Errorf("database %s: storing %d articles: %w", w.db.name(), len(recs), err)
	}
	w.db.changed()
	w.nextSeq, w.nextEvent = seq, next
	w.replaced += int64(len(replaced))
	for _, r := range recs {
		key := Key(r.Article)
		if old := w.pending[key]; old != "" && old != r.Article.ID {
			delete(w.ids, old)
		}
		delete(w.pending, key)
		w.byKey[key] = stored{r.Article.ID, ContentHash(r.Article)}
		w.ids[r.Article.ID] = key
	}
	return nil
}

// tx runs pre (statements on the writer's connection) and then f (appends
// on its driver connection) inside one transaction.
func (w *Writer) tx(ctx context.Context, pre func() error, f func(driver.Conn) error) error {
	return inTx(ctx, w.db, w.conn, pre, f, nil)
}

// inTx runs pre, then f on the driver connection, then post, in one
// transaction on conn; it rolls back on any error.
func inTx(ctx context.Context, db *DB, conn *sql.Conn, pre func() error, f func(driver.Conn) error, post func() error) error {
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	var err error
	if pre != nil {
		err = pre()
	}
	if err == nil {
		err = conn.Raw(func(dc any) error {
			c, ok := dc.(driver.Conn)
			if !ok {
				return fmt.Errorf("unexpected driver connection %T", dc)
			}
			return f(c)
		})
	}
	if err == nil && post != nil {
		err = post()
	}
	if err != nil {
		// The context may be cancelled: roll back regardless.
		if _, rerr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK"); rerr != nil {
			db.log.Warn("rollback failed", "db", db.name(), "err", rerr)
		}
		return err
	}
	if _, err := conn.ExecContext(context.WithoutCancel(ctx), "COMMIT"); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// articleTables are the tables with an article_id column.
var articleTables = []string{"event_rows", "persons", "organizations", "places", "quotes", "counts", "themes", "signatures"}

func deleteArticle(ctx context.Context, conn *sql.Conn, id string) error {
	for _, t := range articleTables {
		if _, err := conn.ExecContext(ctx, "DELETE FROM "+t+" WHERE article_id = ?", id); err != nil {
			return fmt.Errorf("replacing %s: %s: %w", id, t, err)
		}
	}
	if _, err := conn.ExecContext(ctx, "DELETE FROM articles WHERE id = ?", id); err != nil {
		return fmt.Errorf("replacing %s: articles: %w", id, err)
	}
	return nil
}

// batch holds one appender per table for one transaction.
type batch struct {
	apps map[string]*duckdb.Appender
	err  error
}

var batchTables = append([]string{"articles"}, articleTables...)

func newBatch(conn driver.Conn) (*batch, error) {
	b := &batch{apps: map[string]*duckdb.Appender{}}
	for _, t := range batchTables {
		a, err := duckdb.NewAppenderFromConn(conn, "", t)
		if err != nil {
			b.close()
			return nil, fmt.Errorf("appender %s: %w", t, err)
		}
		b.apps[t] = a
	}
	return b, nil
}

func (b *batch) append(table string, vals ...driver.Value) {
	if b.err != nil {
		return
	}
	for i, v := range vals {
		// DuckDB refuses invalid UTF-8; readers repair their input, but a
		// stage could still cut a string inside a character.
		if s, ok := v.(string); ok && !utf8.ValidString(s) {
			vals[i] = strings.ToValidUTF8(s, "\uFFFD")
		}
	}
	if err := b.apps[table].AppendRow(vals...); err != nil {
		b.err = fmt.Errorf("%s: %w", table, err)
	}
}

// close flushes every appender; it returns the first error met.
func (b *batch) close() error {
	err := b.err
	for _, t := range batchTables {
		if a := b.apps[t]; a != nil {
			if cerr := a.Close(); cerr != nil && err == nil {
				err = fmt.Errorf("%s: %w", t, cerr)
			}
		}
	}
	return err
}

func (b *batch) article(r Record, seq int64, next *int64, now time.Time, level func(article.Place) gdelt.LocType) error {
	a := r.Article
	var tone, pos, neg, pol, act, self driver.Value
	var words driver.Value
	if t := a.Tone; t != nil {
		tone, pos, neg, pol, act, self, words = t.Tone, t.Positive, t.Negative, t.Polarity, t.Activity, t.SelfGroup, int32(t.Words)
	}
	rows, first := gdelt.EventRowsIndexed(a, *next, level)
	*next += int64(len(rows))
	analysis, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("encoding the analysis: %w", err)
	}
	b.append("articles", a.ID, Key(a), a.URL, a.Source, a.Title, nullTime(a.Date), a.Language, a.Text,
		ContentHash(a), a.Input, nullString(a.DuplicateOf), nullString(a.Story),
		tone, pos, neg, pol, act, self, words, int32(len(a.Sentences)), int32(len(rows)), now, seq, string(analysis))
	outlet := a.Source
	if outlet == "" {
		outlet = host(a.URL)
	}
	for i, row := range rows {
		ev := a.Events[first[i]]
		evidence := ""
		if ev.Sentence >= 0 && ev.Sentence < len(a.Sentences) {
			sp := a.Sentences[ev.Sentence].Span
			if sp.Start >= 0 && sp.End <= len(a.Text) && sp.Start <= sp.End {
				evidence = a.Text[sp.Start:sp.End]
			}
		}
		vals := eventValues(nil, row, "worldmedia", a.ID, outlet, nullString(a.Story), a.DuplicateOf != "")
		vals = append(vals, ev.Plover, int32(ev.Sentence), ev.Reported,
			spanStart(ev.SourceSpan), spanEnd(ev.SourceSpan), spanStart(ev.VerbSpan), spanEnd(ev.VerbSpan),
			spanStart(ev.TargetSpan), spanEnd(ev.TargetSpan), evidence)
		b.append("event_rows", vals...)
	}
	for _, e := range a.Persons {
		b.entity("persons", a.ID, e)
	}
	for _, e := range a.Organizations {
		b.entity("organizations", a.ID, e)
	}
	for _, p := range a.Places {
		var lat, lon driver.Value
		if p.Resolved != "" || p.GeonameID != 0 || p.Lat != 0 || p.Lon != 0 {
			lat, lon = p.Lat, p.Lon
		}
		b.append("places", a.ID, p.Name, p.Resolved, int32(p.GeonameID), p.Country, p.ADM1, lat, lon, int32(len(p.Mentions)))
	}
	for _, q := range a.Quotes {
		b.append("quotes", a.ID, q.Text, int32(q.Span.Start), int32(q.Span.End), q.Speaker, q.SpeakerCode,
			spanStart(q.SpeakerSpan), spanEnd(q.SpeakerSpan))
	}
	for _, c := range a.Counts {
		b.append("counts", a.ID, c.Kind, c.Number, c.Object, c.Place, int32(c.Span.Start), int32(c.Span.End))
	}
	for _, t := range a.Themes {
		b.append("themes", a.ID, t.Name, int32(len(t.Mentions)))
	}
	if r.Signature != nil {
		var day driver.Value
		if !a.Date.IsZero() {
			day = dayOf(a.Date)
		}
		b.append("signatures", a.ID, seq, day, nullString(a.DuplicateOf), a.Story, r.Signature, r.StorySignature)
	}
	return b.err
}

func (b *batch) entity(table, id string, e article.Entity) {
	var s, en int32
	if len(e.Mentions) > 0 {
		s, en = int32(e.Mentions[0].Start), int32(e.Mentions[0].End)
	}
	b.append(table, id, e.Name, e.Code, int32(len(e.Mentions)), s, en)
}

// eventValues are the GDELT columns of the events table, then outlet,
// story and duplicate.
func eventValues(v []driver.Value, r gdelt.EventRow, origin string, articleID driver.Value, outlet string, story driver.Value, dup bool) []driver.Value {
	var day driver.Value
	if !r.Date.IsZero() {
		day = r.Date
	}
	v = append(v, r.ID, origin, articleID, day)
	v = appendActor(v, r.Actor1)
	v = appendActor(v, r.Actor2)
	v = append(v, r.IsRoot, r.Code, r.BaseCode, r.RootCode, int8(r.Quad), r.Goldstein,
		int32(r.NumMentions), int32(r.NumSources), int32(r.NumArticles), r.AvgTone)
	v = appendGeo(v, r.Actor1Geo)
	v = appendGeo(v, r.Actor2Geo)
	v = appendGeo(v, r.ActionGeo)
	v = append(v, nullTime(r.Added), r.SourceURL, outlet, story, dup)
	return v
}

func appendActor(v []driver.Value, a gdelt.Actor) []driver.Value {
	return append(v, a.Code, a.Name, a.CountryCode, a.KnownGroupCode, a.EthnicCode, a.Religion1Code, a.Religion2Code,
		a.Type1Code, a.Type2Code, a.Type3Code)
}

func appendGeo(v []driver.Value, l gdelt.Location) []driver.Value {
	var lat, lon driver.Value
	if l.Type != gdelt.NoLocation {
		lat, lon = l.Lat, l.Lon
	}
	return append(v, int8(l.Type), l.FullName, l.CountryCode, l.ADM1Code, l.ADM2Code, lat, lon, l.FeatureID)
}

func nullString(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

func nullTime(t time.Time) driver.Value {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// spanStart and spanEnd give a span's offsets, NULL for an empty span.
func spanStart(s article.Span) driver.Value {
	if s.Start == s.End {
		return nil
	}
	return int32(s.Start)
}

func spanEnd(s article.Span) driver.Value {
	if s.Start == s.End {
		return nil
	}
	return int32(s.End)
}

// host returns a URL's host without "www.", "" when there is none.
func host(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}
