package store

import (
	"context"
	"database/sql"
	"fmt"
	"iter"
	"strings"
	"time"

	"worldmedia/internal/gdelt"
)

// gdeltColumns are the events table's columns in GDELT 2.0 order (the
// three derived date columns left out).
const gdeltColumns = `event_id, day,
	actor1_code, actor1_name, actor1_country, actor1_group, actor1_ethnic, actor1_religion1, actor1_religion2, actor1_type1, actor1_type2, actor1_type3,
	actor2_code, actor2_name, actor2_country, actor2_group, actor2_ethnic, actor2_religion1, actor2_religion2, actor2_type1, actor2_type2, actor2_type3,
	is_root, event_code, event_base_code, event_root_code, quad_class, goldstein, num_mentions, num_sources, num_articles, avg_tone,
	actor1_geo_type, actor1_geo_name, actor1_geo_country, actor1_geo_adm1, actor1_geo_adm2, actor1_geo_lat, actor1_geo_lon, actor1_geo_feature,
	actor2_geo_type, actor2_geo_name, actor2_geo_country, actor2_geo_adm1, actor2_geo_adm2, actor2_geo_lat, actor2_geo_lon, actor2_geo_feature,
	action_geo_type, action_geo_name, action_geo_country, action_geo_adm1, action_geo_adm2, action_geo_lat, action_geo_lon, action_geo_feature,
	date_added, source_url`

// GDELTEvents returns the events q selects as GDELT records, in the order
// of their origin and id; q's page is ignored (every row is given).
func (s *DB) GDELTEvents(ctx context.Context, q EventQuery) iter.Seq2[gdelt.EventRow, error] {
	return func(yield func(gdelt.EventRow, error) bool) {
		w, err := q.where()
		if err != nil {
			yield(gdelt.EventRow{}, err)
			return
		}
		rows, err := s.sql.QueryContext(ctx, "SELECT "+gdeltColumns+" FROM events"+w.String()+" ORDER BY origin DESC, event_id", w.args...)
		if err != nil {
			yield(gdelt.EventRow{}, fmt.Errorf("database %s: events: %w", s.name(), err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			r, err := scanGDELT(rows)
			if err != nil {
				yield(gdelt.EventRow{}, fmt.Errorf("database %s: events: %w", s.name(), err))
				return
			}
			if !yield(r, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(gdelt.EventRow{}, fmt.Errorf("database %s: events: %w", s.name(), err))
		}
	}
}

func scanGDELT(rows *sql.Rows) (gdelt.EventRow, error) {
	var r gdelt.EventRow
	var day, added sql.NullTime
	var quad, t1, t2, t3 int8
	var g [3]struct{ lat, lon sql.NullFloat64 }
	actor := func(a *gdelt.Actor) []any {
		return []any{&a.Code, &a.Name, &a.CountryCode, &a.KnownGroupCode, &a.EthnicCode, &a.Religion1Code, &a.Religion2Code,
			&a.Type1Code, &a.Type2Code, &a.Type3Code}
	}
	geo := func(l *gdelt.Location, t *int8, i int) []any {
		return []any{t, &l.FullName, &l.CountryCode, &l.ADM1Code, &l.ADM2Code, &g[i].lat, &g[i].lon, &l.FeatureID}
	}
	dest := []any{&r.ID, &day}
	dest = append(dest, actor(&r.Actor1)...)
	dest = append(dest, actor(&r.Actor2)...)
	dest = append(dest, &r.IsRoot, &r.Code, &r.BaseCode, &r.RootCode, &quad, &r.Goldstein, &r.NumMentions, &r.NumSources,
		&r.NumArticles, &r.AvgTone)
	dest = append(dest, geo(&r.Actor1Geo, &t1, 0)...)
	dest = append(dest, geo(&r.Actor2Geo, &t2, 1)...)
	dest = append(dest, geo(&r.ActionGeo, &t3, 2)...)
	dest = append(dest, &added, &r.SourceURL)
	if err := rows.Scan(dest...); err != nil {
		return r, err
	}
	r.Quad = int(quad)
	r.Actor1Geo.Type, r.Actor2Geo.Type, r.ActionGeo.Type = gdelt.LocType(t1), gdelt.LocType(t2), gdelt.LocType(t3)
	for i, l := range []*gdelt.Location{&r.Actor1Geo, &r.Actor2Geo, &r.ActionGeo} {
		l.Lat, l.Lon = g[i].lat.Float64, g[i].lon.Float64
	}
	if day.Valid {
		r.Date = day.Time.UTC()
	}
	if added.Valid {
		r.Added = added.Time.UTC()
	}
	return r, nil
}

// ExportFormat is a file format of [DB.Export].
type ExportFormat uint8

const (
	// Parquet is Apache Parquet, compressed with zstd.
	Parquet ExportFormat = iota
	// CSV is comma-separated values with a header line.
	CSV
)

// Export writes the events q selects, with every column of the events
// table, to the file path in format, through DuckDB's COPY.
func (s *DB) Export(ctx context.Context, path string, format ExportFormat, q EventQuery) (int64, error) {
	w, err := q.where()
	if err != nil {
		return 0, err
	}
	opts := "(FORMAT parquet, COMPRESSION zstd)"
	if format == CSV {
		opts = "(FORMAT csv, HEADER true)"
	}
	// COPY takes no parameters: the conditions' values are inlined as
	// quoted literals.
	query := "SELECT * EXCLUDE (story_key, source_key) FROM events" + inline(w) + " ORDER BY origin DESC, event_id"
	res, err := s.sql.ExecContext(ctx, "COPY ("+query+") TO "+quote(path)+" "+opts)
	if err != nil {
		return 0, fmt.Errorf("database %s: export to %s: %w", s.name(), path, err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// inline renders w with its arguments as SQL literals.
func inline(w *where) string {
	s := w.String()
	var b strings.Builder
	args := w.args
	for i := 0; i < len(s); i++ {
		if s[i] == '?' && len(args) > 0 {
			b.WriteString(literal(args[0]))
			args = args[1:]
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func literal(v any) string {
	switch x := v.(type) {
	case string:
		return quote(x)
	case time.Time:
		return "DATE " + quote(x.Format(time.DateOnly))
	case int8:
		return fmt.Sprint(int(x))
	}
	return quote(fmt.Sprint(v))
}

func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
