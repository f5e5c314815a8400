package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"
	"time"

	"worldmedia/internal/article"
	"worldmedia/internal/gdelt"
)

// csvColumns are the 61 columns of a GDELT 2.0 event file with the types
// DuckDB's CSV reader checks them against; a value that does not convert
// rejects its row.
var csvColumns = func() string {
	types := map[string]string{
		"GLOBALEVENTID": "BIGINT", "SQLDATE": "VARCHAR", "IsRootEvent": "TINYINT", "QuadClass": "TINYINT",
		"GoldsteinScale": "DOUBLE", "NumMentions": "INTEGER", "NumSources": "INTEGER", "NumArticles": "INTEGER",
		"AvgTone": "DOUBLE", "DATEADDED": "VARCHAR",
	}
	var b strings.Builder
	b.WriteString("{")
	for i, c := range gdelt.EventColumns {
		t := types[c]
		switch {
		case t != "":
		case strings.HasSuffix(c, "Geo_Type"):
			t = "TINYINT"
		case strings.HasSuffix(c, "Geo_Lat"), strings.HasSuffix(c, "Geo_Long"):
			t = "DOUBLE"
		default:
			t = "VARCHAR"
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "'%s': '%s'", c, t)
	}
	b.WriteString("}")
	return b.String()
}()

// csvSelect computes the columns of event_rows, in order, from a GDELT 2.0
// row as read_csv reads it (csvColumns). Each expression is cast to its
// column's type by [DB.gdeltSelect].
const csvSelect = `GLOBALEVENTID, 'gdelt', NULL, try_strptime(SQLDATE, '%Y%m%d')::DATE,
	coalesce(Actor1Code, ''), coalesce(Actor1Name, ''), coalesce(Actor1CountryCode, ''), coalesce(Actor1KnownGroupCode, ''),
	coalesce(Actor1EthnicCode, ''), coalesce(Actor1Religion1Code, ''), coalesce(Actor1Religion2Code, ''),
	coalesce(Actor1Type1Code, ''), coalesce(Actor1Type2Code, ''), coalesce(Actor1Type3Code, ''),
	coalesce(Actor2Code, ''), coalesce(Actor2Name, ''), coalesce(Actor2CountryCode, ''), coalesce(Actor2KnownGroupCode, ''),
	coalesce(Actor2EthnicCode, ''), coalesce(Actor2Religion1Code, ''), coalesce(Actor2Religion2Code, ''),
	coalesce(Actor2Type1Code, ''), coalesce(Actor2Type2Code, ''), coalesce(Actor2Type3Code, ''),
	coalesce(IsRootEvent, 0) = 1, coalesce(EventCode, ''), coalesce(EventBaseCode, ''), coalesce(EventRootCode, ''),
	coalesce(QuadClass, 0), coalesce(GoldsteinScale, 0), coalesce(NumMentions, 0), coalesce(NumSources, 0),
	coalesce(NumArticles, 0), coalesce(AvgTone, 0),
	coalesce(Actor1Geo_Type, 0), coalesce(Actor1Geo_FullName, ''), coalesce(Actor1Geo_CountryCode, ''),
	coalesce(Actor1Geo_ADM1Code, ''), coalesce(Actor1Geo_ADM2Code, ''),
	CASE WHEN coalesce(Actor1Geo_Type, 0) > 0 THEN Actor1Geo_Lat END, CASE WHEN coalesce(Actor1Geo_Type, 0) > 0 THEN Actor1Geo_Long END,
	coalesce(Actor1Geo_FeatureID, ''),
	coalesce(Actor2Geo_Type, 0), coalesce(Actor2Geo_FullName, ''), coalesce(Actor2Geo_CountryCode, ''),
	coalesce(Actor2Geo_ADM1Code, ''), coalesce(Actor2Geo_ADM2Code, ''),
	CASE WHEN coalesce(Actor2Geo_Type, 0) > 0 THEN Actor2Geo_Lat END, CASE WHEN coalesce(Actor2Geo_Type, 0) > 0 THEN Actor2Geo_Long END,
	coalesce(Actor2Geo_FeatureID, ''),
	coalesce(ActionGeo_Type, 0), coalesce(ActionGeo_FullName, ''), coalesce(ActionGeo_CountryCode, ''),
	coalesce(ActionGeo_ADM1Code, ''), coalesce(ActionGeo_ADM2Code, ''),
	CASE WHEN coalesce(ActionGeo_Type, 0) > 0 THEN ActionGeo_Lat END, CASE WHEN coalesce(ActionGeo_Type, 0) > 0 THEN ActionGeo_Long END,
	coalesce(ActionGeo_FeatureID, ''),
	try_strptime(DATEADDED, '%Y%m%d%H%M%S'), coalesce(SOURCEURL, ''),
	coalesce(regexp_extract(SOURCEURL, '^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^/@]*@)?(?:www\.)?([^/:?#]+)', 1), ''),
	NULL, false, PLOVER, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, ''`

// csvValid keeps the rows with a GLOBALEVENTID and a valid SQLDATE; the
// others are counted bad.
const csvValid = `try_strptime(SQLDATE, '%Y%m%d') IS NOT NULL AND GLOBALEVENTID IS NOT NULL`

// csvExprs is csvSelect split into its expressions.
var csvExprs = splitExprs(strings.Replace(csvSelect, "PLOVER", ploverCase, 1))

// splitExprs splits a select list at its top-level commas (not inside
// parentheses or quotes).
func splitExprs(s string) []string {
	var out []string
	depth, start, inQuote := 0, 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\'':
			inQuote = !inQuote
		case inQuote:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == ',' && depth == 0:
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 1
		}
	}
	return append(out, strings.TrimSpace(s[start:]))
}

// gdeltSelect returns the select list that turns a GDELT row's columns into
// event_rows's: exprs (csvExprs, or segmentExprs), each cast to its
// column's type and named after it.
func gdeltSelect(ctx context.Context, q querier, exprs []string) (string, error) {
	rows, err := q.QueryContext(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_name = 'event_rows' ORDER BY ordinal_position`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var b strings.Builder
	i := 0
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return "", err
		}
		if i >= len(exprs) {
			return "", fmt.Errorf("event_rows has more columns than the GDELT import fills")
		}
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "CAST(%s AS %s) AS %s", exprs[i], typ, name)
		i++
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if i != len(exprs) {
		return "", fmt.Errorf("event_rows has %d columns, the GDELT import fills %d", i, len(exprs))
	}
	return b.String(), nil
}

// querier is a *sql.DB or *sql.Conn.
type querier interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}

// ImportEventsFile stores a plain (unzipped) GDELT 2.0 event file of 61
// tab-separated columns and no header, read by DuckDB's own parallel CSV
// reader: much faster than [DB.ImportEvents], with the same guarantees. A
// row that does not parse (wrong column count, a value of the wrong type)
// is reported to opt.Bad as a [*gdelt.RecordError] with its line; a row
// whose SQLDATE is no date is counted bad and reported by GLOBALEVENTID.
//
// A store in a file keeps the rows of a file of at least
// Config.SegmentMinBytes as a Parquet segment in its segment directory (see
// [DB.SegmentDir]), written at the speed of DuckDB's Parquet writer and
// made part of the events view in the transaction that records the import;
// smaller files, and every file in a store in memory, go into event_rows.
func (s *DB) ImportEventsFile(ctx context.Context, file, path, sha256 string, opt ImportOptions) (ImportResult, error) {
	var res ImportResult
	conn, err := s.importConn(ctx, file, sha256)
	if err != nil {
		return res, err
	}
	defer conn.Close()
	defer conn.ExecContext(context.WithoutCancel(ctx), `DROP TABLE IF EXISTS gdelt_rejects; DROP TABLE IF EXISTS gdelt_reject_scans`)
	// The order rows are stored in does not matter, and not keeping it
	// lets DuckDB write in parallel.
	if _, err := conn.ExecContext(ctx, `SET preserve_insertion_order = false`); err != nil {
		return res, fmt.Errorf("database %s: %w", s.name(), err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), `RESET preserve_insertion_order`)
	src := `read_csv(` + quote(path) + `, delim = '\t', header = false, quote = '', escape = '', auto_detect = false,
		null_padding = false, max_line_size = 1048576, columns = ` + csvColumns + `,
		store_rejects = true, rejects_table = 'gdelt_rejects', rejects_scan = 'gdelt_reject_scans')`
	if !s.segmentFor(path) {
		list, lerr := gdeltSelect(ctx, conn, csvExprs)
		if lerr != nil {
			return res, fmt.Errorf("database %s: %w", s.name(), lerr)
		}
		res, err = s.importRows(ctx, conn, file, path, sha256, src, `SELECT `+list+` FROM `+src+` WHERE `+csvValid, opt)
	} else {
		res, err = s.importSegment(ctx, conn, file, path, sha256, src, `SELECT `+segmentColumns+` FROM `+src+` WHERE `+csvValid, opt)
	}
	if err != nil {
		return ImportResult{}, fmt.Errorf("database %s: importing %s: %w", s.name(), file, err)
	}
	s.changed()
	return res, nil
}

// importRows inserts a GDELT file's rows into event_rows, in one
// transaction with the import's record.
func (s *DB) importRows(ctx context.Context, conn *sql.Conn, file, path, sha256, src, sel string, opt ImportOptions) (ImportResult, error) {
	var res ImportResult
	err := inTx(ctx, s, conn, func() error {
		r, err := conn.ExecContext(ctx, `INSERT INTO event_rows `+sel)
		if err != nil {
			return err
		}
		res.Added, _ = r.RowsAffected()
		res.Rows = res.Added
		if err := s.reportRejects(ctx, conn, &res, opt); err != nil {
			return err
		}
		lo, hi, err := s.reportBadDates(ctx, conn, src, &res, opt)
		if err != nil {
			return err
		}
		if res.Added > 0 {
			return s.dropRepeated(ctx, conn, lo, hi, &res)
		}
		return nil
	}, func(driver.Conn) error { return nil }, func() error {
		_, err := conn.ExecContext(ctx, `INSERT INTO imports VALUES (?, ?, ?, ?, ?, ?, NULL)`,
			file, sha256, res.Rows+res.Bad, res.Added, res.Bad, time.Now().UTC())
		return err
	})
	return res, err
}

// reportBadDates counts and reports the rows the reader took whose
// SQLDATE is no date or whose GLOBALEVENTID is missing, with a second,
// cheap pass over the file reading two columns, and returns the range of
// GLOBALEVENTIDs.
func (s *DB) reportBadDates(ctx context.Context, conn *sql.Conn, src string, res *ImportResult, opt ImportOptions) (lo, hi int64, err error) {
	lenient := strings.Replace(src, "store_rejects = true, rejects_table = 'gdelt_rejects', rejects_scan = 'gdelt_reject_scans'",
		"ignore_errors = true", 1)
	bad := `NOT (` + csvValid + `)`
	var l, h sql.NullInt64
	var nbad int64
	if err := conn.QueryRowContext(ctx, `SELECT min(GLOBALEVENTID), max(GLOBALEVENTID), count(*) FILTER (WHERE `+bad+`)
		FROM `+lenient).Scan(&l, &h, &nbad); err != nil {
		return 0, 0, err
	}
	res.Bad += nbad
	if nbad > 0 && opt.Bad != nil {
		rows, err := conn.QueryContext(ctx, `SELECT coalesce(GLOBALEVENTID, 0), coalesce(SQLDATE, '') FROM `+lenient+
			` WHERE `+bad+` LIMIT 1000`)
		if err != nil {
			return 0, 0, err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var d string
			if err := rows.Scan(&id, &d); err != nil {
				return 0, 0, err
			}
			opt.Bad(fmt.Errorf("record GLOBALEVENTID %d: SQLDATE: %w: %q", id, gdelt.ErrSyntax, d))
		}
		if err := rows.Err(); err != nil {
			return 0, 0, err
		}
	}
	return l.Int64, h.Int64, nil
}

// reportRejects counts and reports the rows DuckDB's reader rejected.
func (s *DB) reportRejects(ctx context.Context, conn *sql.Conn, res *ImportResult, opt ImportOptions) error {
	rows, err := conn.QueryContext(ctx, `SELECT line, coalesce(column_name, ''), error_type::VARCHAR, error_message
		FROM gdelt_rejects ORDER BY line`)
	if err != nil {
		return err
	}
	defer rows.Close()
	last := int64(-1)
	for rows.Next() {
		var line int64
		var col, typ, msg string
		if err := rows.Scan(&line, &col, &typ, &msg); err != nil {
			return err
		}
		if line == last {
			continue // one report a row
		}
		last = line
		res.Bad++
		if opt.Bad == nil {
			continue
		}
		kind := gdelt.ErrSyntax
		if strings.Contains(typ, "COLUMNS") {
			kind, col = gdelt.ErrColumns, ""
		}
		opt.Bad(&gdelt.RecordError{Line: int(line), Column: col, Err: fmt.Errorf("%w: %s", kind, firstSentence(msg))})
	}
	return rows.Err()
}

func firstSentence(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return strings.TrimSpace(s)
}

// ploverCase is a SQL expression giving the PLOVER category of the code
// in EventCode, made from [article.PLOVERCategory]: a test for each root,
// preceded by one for each longer prefix whose category differs from its
// parent's.
var ploverCase = func() string {
	var exceptions, roots []string
	for root := 1; root <= 20; root++ {
		r := fmt.Sprintf("%02d", root)
		rc := article.PLOVERCategory(r)
		roots = append(roots, fmt.Sprintf("WHEN left(EventCode, 2) = '%s' THEN '%s'", r, rc))
		for i := range 10 {
			c3 := fmt.Sprintf("%s%d", r, i)
			cc := article.PLOVERCategory(c3)
			for j := range 10 {
				c4 := fmt.Sprintf("%s%d", c3, j)
				if c := article.PLOVERCategory(c4); c != cc {
					exceptions = append(exceptions, fmt.Sprintf("WHEN EventCode = '%s' THEN '%s'", c4, c))
				}
			}
			if cc != rc {
				exceptions = append(exceptions, fmt.Sprintf("WHEN left(EventCode, 3) = '%s' THEN '%s'", c3, cc))
			}
		}
	}
	return "CASE " + strings.Join(append(exceptions, roots...), " ") + " ELSE '' END"
}()
