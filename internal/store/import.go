package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"iter"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"

	"worldmedia/internal/article"
	"worldmedia/internal/gdelt"
)

// ErrImported is a GDELT file whose content the store already holds.
var ErrImported = errors.New("file already imported")

// ImportResult counts what an import read and stored.
type ImportResult struct {
	// Rows is the records read, Bad those skipped as malformed, Added
	// those stored (records whose GLOBALEVENTID the store already held are
	// not stored again).
	Rows, Bad, Added int64
}

// ImportOptions are the callbacks of [DB.ImportEvents].
type ImportOptions struct {
	// Bad is told of each malformed record (a [*gdelt.RecordError] with
	// its line), which is skipped; nil ignores them.
	Bad func(error)
	// Progress is called every 500,000 records with the count so far.
	Progress func(rows int64)
}

// ImportEvents stores GDELT event records read from one file, in one
// transaction: after a crash the file is all there or not at all.
// Records without a GLOBALEVENTID (GDELT 1.0's reduced files) get
// negative ids, in the order stored. file
// names it and sha256 is its content's hash: a file imported before is
// refused with [ErrImported]. A read error (not a malformed record) aborts
// the import and nothing is stored.
func (s *DB) ImportEvents(ctx context.Context, file, sha256 string, rows iter.Seq2[gdelt.EventRow, error], opt ImportOptions) (ImportResult, error) {
	var res ImportResult
	conn, err := s.importConn(ctx, file, sha256)
	if err != nil {
		return res, err
	}
	defer conn.Close()
	// Records without a GLOBALEVENTID (the reduced files) are numbered
	// downwards from -1, below every stored id.
	var nextAnon int64
	if err := conn.QueryRowContext(ctx, `SELECT least(0, coalesce(min(event_id), 0)) - 1 FROM events WHERE origin = 'gdelt'`).Scan(&nextAnon); err != nil {
		return res, fmt.Errorf("database %s: events: %w", s.name(), err)
	}
	var lo, hi int64
	err = inTx(ctx, s, conn, nil, func(dc driver.Conn) error {
		app, err := duckdb.NewAppenderFromConn(dc, "", "event_rows")
		if err != nil {
			return fmt.Errorf("appender: %w", err)
		}
		vals := make([]driver.Value, 0, 80)
		for row, rerr := range rows {
			if rerr != nil {
				var re *gdelt.RecordError
				if errors.As(rerr, &re) {
					res.Bad++
					if opt.Bad != nil {
						opt.Bad(rerr)
					}
					continue
				}
				app.Close()
				return rerr
			}
			if res.Rows%65536 == 0 && ctx.Err() != nil {
				app.Close()
				return ctx.Err()
			}
			if row.ID == 0 {
				row.ID = nextAnon
				nextAnon--
			}
			if res.Added == 0 || row.ID < lo {
				lo = row.ID
			}
			if res.Added == 0 || row.ID > hi {
				hi = row.ID
			}
			res.Rows++
			res.Added++
			vals = gdeltValues(vals[:0], row)
			if err := app.AppendRow(vals...); err != nil {
				app.Close()
				return fmt.Errorf("record %d (GLOBALEVENTID %d): %w", res.Rows, row.ID, err)
			}
			if opt.Progress != nil && res.Rows%500000 == 0 {
				opt.Progress(res.Rows)
			}
		}
		return app.Close()
	}, func() error {
		if res.Added > 0 {
			if err := s.dropRepeated(ctx, conn, lo, hi, &res); err != nil {
				return err
			}
		}
		_, err := conn.ExecContext(ctx, `INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, NULL)`,
			file, sha256, res.Rows+res.Bad, res.Added, res.Bad, time.Now().UTC())
		return err
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("database %s: importing %s: %w", s.name(), file, err)
	}
	s.changed()
	return res, nil
}

// dropRepeated deletes GDELT records whose GLOBALEVENTID in [lo, hi] is
// stored more than once (an overlapping or repeated file), keeping the
// first stored, and counts them out of res.Added.
func (s *DB) dropRepeated(ctx context.Context, conn *sql.Conn, lo, hi int64, res *ImportResult) error {
	// Records a segment holds were stored first.
	names, err := segments(ctx, conn)
	if err != nil {
		return err
	}
	if len(names) > 0 {
		scan, err := s.segmentScan(names)
		if err != nil {
			return err
		}
		r, err := conn.ExecContext(ctx, `DELETE FROM event_rows WHERE origin = 'gdelt' AND event_id BETWEEN ? AND ?
			AND event_id IN (SELECT GLOBALEVENTID FROM `+scan+` WHERE GLOBALEVENTID BETWEEN ? AND ?)`, lo, hi, lo, hi)
		if err != nil {
			return fmt.Errorf("dropping repeated records: %w", err)
		}
		n, _ := r.RowsAffected()
		res.Added -= n
	}
	var all, distinct int64
	err = conn.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT event_id) FROM event_rows
		WHERE origin = 'gdelt' AND event_id BETWEEN ? AND ?`, lo, hi).Scan(&all, &distinct)
	if err != nil || all == distinct {
		return err
	}
	r, err := conn.ExecContext(ctx, `DELETE FROM event_rows WHERE rowid IN (
		SELECT rowid FROM (
			SELECT rowid, row_number() OVER (PARTITION BY event_id ORDER BY rowid) AS n
			FROM event_rows WHERE origin = 'gdelt' AND event_id BETWEEN ? AND ?)
		WHERE n > 1)`, lo, hi)
	if err != nil {
		return fmt.Errorf("dropping repeated records: %w", err)
	}
	n, _ := r.RowsAffected()
	res.Added -= n
	return nil
}

// gdeltValues are an imported record's values for the events table.
func gdeltValues(v []driver.Value, r gdelt.EventRow) []driver.Value {
	v = eventValues(v, r, "gdelt", nil, host(r.SourceURL), nil, false)
	return append(v, article.PLOVERCategory(r.Code), nil, false, nil, nil, nil, nil, nil, nil, "")
}

// importConn returns a connection for importing file, or an error
// wrapping [ErrImported] when a file with its content was imported before.
func (s *DB) importConn(ctx context.Context, file, sha256 string) (*sql.Conn, error) {
	conn, err := s.sql.Conn(ctx)
	if err != nil {
		return nil, err
	}
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT count(*) FROM imports WHERE sha256 = ?`, sha256).Scan(&n); err != nil {
		conn.Close()
		return nil, fmt.Errorf("database %s: imports: %w", s.name(), err)
	}
	if n > 0 {
		conn.Close()
		return nil, fmt.Errorf("%s: %w", file, ErrImported)
	}
	return conn, nil
}
