package store

import (
	"bytes"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// GDELT segments: an imported GDELT 2.0 file's rows are written by DuckDB's
// Parquet writer into one immutable file in the segment directory beside
// the database ("worldmedia.duckdb.gdelt/<sha256>.g1.parquet"), about twice as
// fast as DuckDB's own table storage takes them and half the size. The
// events view joins event_rows and every segment the imports table names;
// it is re-created in the transaction that records an import, so a segment
// is part of the store exactly when its import is. A file left by an import
// that did not commit is removed when the store is next opened for writing.

// segmentSuffix ends every segment's file name; "g1" is the layout below.
const segmentSuffix = ".g1.parquet"

// segmentColumns are a segment's columns (layout g1): the record's day;
// 64-bit hashes of its SOURCEURL and of the URL's host, which the
// relations barometer counts distinct stories and sources by; then GDELT
// 2.0's 61 columns as read_csv types them (csvColumns), NULLs kept except
// in the four actor columns queries filter on. The rest of event_rows's
// columns are computed when the events view reads them (segmentExprs):
// the writer does only what it must, and DuckDB's Parquet writer does it
// about twice as fast as DuckDB's own tables take the finished rows.
const segmentColumns = `try_strptime(SQLDATE, '%Y%m%d')::DATE AS day, hash(coalesce(SOURCEURL, '')) AS story_key,
	hash(split_part(coalesce(SOURCEURL, ''), '/', 3)) AS source_key,
	* REPLACE (coalesce(Actor1Code, '') AS Actor1Code, coalesce(Actor2Code, '') AS Actor2Code,
		coalesce(Actor1CountryCode, '') AS Actor1CountryCode, coalesce(Actor2CountryCode, '') AS Actor2CountryCode)`

// segmentExprs compute event_rows's columns from a segment's: csvExprs,
// with the day stored and the actor columns stored without NULLs (plain
// columns, which filters reach inside the Parquet reader).
var segmentExprs = func() []string {
	e := append([]string(nil), csvExprs...)
	if !strings.Contains(e[3], "SQLDATE") {
		panic("store: csvExprs[3] is not the day")
	}
	e[3] = "day"
	for i, x := range e {
		switch x {
		case "coalesce(Actor1Code, '')", "coalesce(Actor2Code, '')", "coalesce(Actor1CountryCode, '')", "coalesce(Actor2CountryCode, '')":
			e[i] = strings.TrimSuffix(strings.TrimPrefix(x, "coalesce("), ", '')")
		}
	}
	return e
}()

// The events view adds two columns to event_rows's: story_key and
// source_key, 64-bit hashes that identify an event's story (a worldmedia
// story, or a GDELT record's SOURCEURL) and its source (an outlet, or the
// host of a GDELT record's URL), for counting them distinct cheaply.
const (
	rowKeys = `hash(coalesce(story, source_url)) AS story_key,
		CASE WHEN origin = 'gdelt' THEN hash(split_part(source_url, '/', 3)) ELSE hash(outlet) END AS source_key`
	segmentKeys = `story_key, source_key`
)

// SegmentDir returns the directory of the store's GDELT segments: the
// database file's path with ".gdelt" appended; "" for a store in memory.
// Copy or move it together with the database file.
func (s *DB) SegmentDir() string {
	if s.path == "" {
		return ""
	}
	return s.path + ".gdelt"
}

// segmentFor reports whether the GDELT file at path becomes a segment.
func (s *DB) segmentFor(path string) bool {
	if s.path == "" || s.segmentMin < 0 {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.Size() >= s.segmentMin
}

// segments returns the segment file names the imports table records, in
// import order.
func segments(ctx context.Context, q querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT segment FROM imports WHERE segment IS NOT NULL ORDER BY imported, segment`)
	if err != nil {
		return nil, fmt.Errorf("imports: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		out = append(out, name)
	}
	return out, rows.Err()
}

// eventsView is the statement that makes the events view cover event_rows
// and the segments named.
func (s *DB) eventsView(ctx context.Context, q querier, names []string) (string, error) {
	const head = `CREATE OR REPLACE VIEW events AS SELECT *, ` + rowKeys + ` FROM event_rows`
	if len(names) == 0 {
		return head, nil
	}
	scan, err := s.segmentScan(names)
	if err != nil {
		return "", err
	}
	list, err := gdeltSelect(ctx, q, segmentExprs)
	if err != nil {
		return "", err
	}
	return head + ` UNION ALL SELECT ` + list + `, ` + segmentKeys + ` FROM ` + scan, nil
}

// segmentScan is the table function reading the segments named.
func (s *DB) segmentScan(names []string) (string, error) {
	dir, err := filepath.Abs(s.SegmentDir())
	if err != nil {
		return "", err
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = quote(filepath.Join(dir, n))
	}
	return `read_parquet([` + strings.Join(quoted, ", ") + `])`, nil
}

// openSegments, at the opening of a store for writing, points the events
// view at the segment directory where it now is (the files may have moved
// with the database) and removes segment files no committed import names.
// A segment the imports table names but that is missing is left out of
// the view with a warning: its events are gone until it is put back.
func (s *DB) openSegments(ctx context.Context) error {
	if s.path == "" {
		return nil
	}
	names, err := segments(ctx, s.sql)
	if err != nil {
		return err
	}
	dir := s.SegmentDir()
	known := map[string]bool{}
	var present []string
	for _, n := range names {
		known[n] = true
		if _, err := os.Stat(filepath.Join(dir, n)); err != nil {
			s.log.Warn("GDELT segment missing: its events are left out until it is restored", "db", s.name(),
				"segment", filepath.Join(dir, n), "err", err)
			continue
		}
		present = append(present, n)
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("segment directory: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || known[e.Name()] || !strings.Contains(e.Name(), ".parquet") {
			continue
		}
		// An import that did not commit (crash, kill, error) left it.
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
			s.log.Warn("cannot remove a segment no import names", "segment", e.Name(), "err", err)
		} else {
			s.log.Info("removed a segment no import names", "segment", e.Name())
		}
	}
	if len(names) == 0 {
		return nil // the view is still the one migration 3 made
	}
	view, err := s.eventsView(ctx, s.sql, present)
	if err != nil {
		return err
	}
	if _, err := s.sql.ExecContext(ctx, view); err != nil {
		return fmt.Errorf("events view: %w", err)
	}
	return nil
}

// importSegment writes a GDELT file's rows into a new segment and records
// the import with the view that includes it, in one transaction.
func (s *DB) importSegment(ctx context.Context, conn *sql.Conn, file, path, sha256, src, sel string, opt ImportOptions) (ImportResult, error) {
	var res ImportResult
	dir := s.SegmentDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return res, fmt.Errorf("segment directory: %w", err)
	}
	if sha256 == "" || strings.ContainsAny(sha256, `/\:`) || strings.Contains(sha256, "..") {
		return res, fmt.Errorf("content hash %q cannot name a segment", sha256)
	}
	name := sha256 + segmentSuffix
	final := filepath.Join(dir, name)
	tmp := final + ".tmp"
	defer os.Remove(tmp)
	t0 := time.Now()
	step := func(name string) {
		s.log.Debug("import step", "file", file, "step", name, "elapsed", time.Since(t0).Round(time.Millisecond))
		t0 = time.Now()
	}
	r, err := conn.ExecContext(ctx, `COPY (`+sel+`) TO `+quote(tmp)+` (FORMAT parquet, COMPRESSION zstd)`)
	if err != nil {
		return res, err
	}
	written, _ := r.RowsAffected()
	res.Rows, res.Added = written, written
	step("segment")
	if err := s.reportRejects(ctx, conn, &res, opt); err != nil {
		return res, err
	}
	// Rows the reader took but whose date or id is missing: a second pass
	// over the file finds them, only when the count of lines says there
	// are some.
	shape, err := scanFile(path)
	if err != nil {
		return res, err
	}
	if shape.lines > written+res.Bad {
		if _, _, err := s.reportBadDates(ctx, conn, src, &res, opt); err != nil {
			return res, err
		}
	}
	step("check")
	if written > 0 {
		if err := s.dropRepeatedSegment(ctx, conn, tmp, shape.ascending, &res); err != nil {
			return res, err
		}
	}
	step("repeats")
	if err := os.Rename(tmp, final); err != nil {
		return res, fmt.Errorf("segment: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			os.Remove(final)
		}
	}()
	err = inTx(ctx, s, conn, nil, func(driver.Conn) error { return nil }, func() error {
		if _, err := conn.ExecContext(ctx, `INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, ?)`,
			file, sha256, res.Rows+res.Bad, res.Added, res.Bad, time.Now().UTC(), name); err != nil {
			return err
		}
		names, err := segments(ctx, conn)
		if err != nil {
			return err
		}
		view, err := s.eventsView(ctx, conn, names)
		if err != nil {
			return err
		}
		_, err = conn.ExecContext(ctx, view)
		return err
	})
	if err != nil {
		return res, err
	}
	committed = true
	step("commit")
	return res, nil
}

// dropRepeatedSegment rewrites the new segment at tmp without the records
// whose GLOBALEVENTID the store already holds or that the file repeats
// (the first kept), when there are any, and counts them out of res.Added.
func (s *DB) dropRepeatedSegment(ctx context.Context, conn *sql.Conn, tmp string, ascending bool, res *ImportResult) error {
	var lo, hi, n int64
	// From the Parquet file's statistics: no scan.
	if err := conn.QueryRowContext(ctx, `SELECT min(GLOBALEVENTID), max(GLOBALEVENTID), count(*)
		FROM read_parquet(`+quote(tmp)+`)`).Scan(&lo, &hi, &n); err != nil {
		return fmt.Errorf("segment: %w", err)
	}
	distinct := n
	if !ascending {
		if err := conn.QueryRowContext(ctx, `SELECT count(DISTINCT GLOBALEVENTID) FROM read_parquet(`+quote(tmp)+`)`).Scan(&distinct); err != nil {
			return fmt.Errorf("segment: %w", err)
		}
	}
	var stored int64
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE origin = 'gdelt' AND event_id BETWEEN ? AND ?`,
		lo, hi).Scan(&stored); err != nil {
		return fmt.Errorf("events: %w", err)
	}
	if stored == 0 && distinct == n {
		return nil
	}
	again := tmp + ".2"
	defer os.Remove(again)
	r, err := conn.ExecContext(ctx, `COPY (SELECT * EXCLUDE (file_row_number) FROM read_parquet(`+quote(tmp)+`, file_row_number = true)
		WHERE GLOBALEVENTID NOT IN (SELECT event_id FROM events WHERE origin = 'gdelt' AND event_id BETWEEN ? AND ?)
		QUALIFY row_number() OVER (PARTITION BY GLOBALEVENTID ORDER BY file_row_number) = 1)
		TO `+quote(again)+` (FORMAT parquet, COMPRESSION zstd)`, lo, hi)
	if err != nil {
		return fmt.Errorf("dropping repeated records: %w", err)
	}
	kept, _ := r.RowsAffected()
	res.Added = kept
	return os.Rename(again, tmp)
}

// fileShape is what one pass over a GDELT file tells before DuckDB reads
// it.
type fileShape struct {
	lines int64 // lines, a last one without a newline included
	// ascending: every line begins with a GLOBALEVENTID greater than the
	// line before's (GDELT writes its files so): no id repeats in it.
	ascending bool
}

// scanFile counts a file's lines and checks that their leading ids
// ascend, at memory speed.
func scanFile(path string) (fileShape, error) {
	f, err := os.Open(path)
	if err != nil {
		return fileShape{}, err
	}
	defer f.Close()
	sh := fileShape{ascending: true}
	prev := int64(math.MinInt64)
	line := func(l []byte) {
		sh.lines++
		if !sh.ascending {
			return
		}
		id, ok := leadingID(l)
		if !ok || id <= prev {
			sh.ascending = false
		}
		prev = id
	}
	buf := make([]byte, 1<<20)
	have := 0 // bytes of an unfinished line at buf's start
	for {
		k, rerr := f.Read(buf[have:])
		data := buf[:have+k]
		for {
			i := bytes.IndexByte(data, '\n')
			if i < 0 {
				break
			}
			line(data[:i])
			data = data[i+1:]
		}
		// Keep the unfinished line; only its id matters, so a line longer
		// than the buffer keeps its start.
		have = copy(buf, data[:min(len(data), 64)])
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return fileShape{}, rerr
		}
	}
	if have > 0 {
		line(buf[:have])
	}
	return sh, nil
}

// leadingID parses the decimal id that begins a line before its first tab.
func leadingID(l []byte) (int64, bool) {
	var id int64
	for i, c := range l {
		switch {
		case c == '\t' && i > 0:
			return id, true
		case c < '0' || c > '9' || i >= 18:
			return 0, false
		}
		id = id*10 + int64(c-'0')
	}
	return 0, false
}
