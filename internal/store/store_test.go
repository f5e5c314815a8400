package store_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/gdelt"
	"worldmedia/internal/relations"
	"worldmedia/internal/store"
	"worldmedia/internal/testkit"
)

func open(t *testing.T, path string) *store.DB {
	t.Helper()
	db, err := store.Open(t.Context(), path, store.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func writer(t *testing.T, db *store.DB) *store.Writer {
	t.Helper()
	w, err := db.NewWriter(t.Context(), store.WriterConfig{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func count(t *testing.T, db *store.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.SQL().QueryRowContext(t.Context(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestOpenMigratesOnceAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db := open(t, path)
	if got := count(t, db, "SELECT max(version) FROM schema_migrations"); got != store.SchemaVersion() {
		t.Errorf("schema version %d, want %d", got, store.SchemaVersion())
	}
	db.Close()
	db = open(t, path)
	if got := count(t, db, "SELECT count(*) FROM schema_migrations"); got != store.SchemaVersion() {
		t.Errorf("%d migration records after reopening, want %d", got, store.SchemaVersion())
	}
	if _, err := db.SQL().Exec("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := store.Open(t.Context(), path, store.DefaultConfig(), nil); !errors.Is(err, store.ErrSchema) {
		t.Errorf("opening a database from the future: %v, want ErrSchema", err)
	}
}

func TestOpenBadConfig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.duckdb")
	open(t, path)
	if _, err := store.Open(t.Context(), path, store.Config{MemoryLimit: "1GB&threads=1"}, nil); !errors.Is(err, store.ErrConfig) {
		t.Errorf("bad memory limit: %v, want ErrConfig", err)
	}
	if _, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "no", "such", "dir.duckdb"), store.DefaultConfig(), nil); err == nil ||
		!strings.Contains(err.Error(), "dir.duckdb") {
		t.Errorf("database in a missing directory: %v, want an error naming it", err)
	}
}

func TestWriterStoresEverything(t *testing.T) {
	db := open(t, "")
	w := writer(t, db)
	a := testkit.AnalysedArticle(t, "a1", "https://example.org/a1", "")
	if d := w.Check(a); d != store.New {
		t.Fatalf("Check = %v, want new", d)
	}
	if err := w.Put(t.Context(), []store.Record{{Article: a, Signature: []byte{1, 2}, StorySignature: []byte{3}}}); err != nil {
		t.Fatal(err)
	}
	for table, want := range map[string]int{"articles": 1, "events": 2, "persons": 1, "organizations": 1,
		"places": 1, "quotes": 1, "counts": 1, "themes": 1, "signatures": 1} {
		if got := count(t, db, "SELECT count(*) FROM "+table); got != want {
			t.Errorf("%s: %d rows, want %d", table, got, want)
		}
	}
	evs, err := db.Events(t.Context(), store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	lat, lon := 35.93, 36.63
	want := []store.Event{
		{ID: 2, Origin: "worldmedia", ArticleID: "a1", Date: "2017-04-13", Source: "RUSGOV", SourceName: "RUSSIA'S FOREIGN MINISTER SERGEI LAVROV",
			Target: "IGOUNO", TargetName: "THE UN", Code: "051", Root: "05", Quad: 1, Goldstein: 3.4, Plover: "AGREE",
			Mentions: 1, Tone: -2.5, Outlet: "Test News", URL: "https://example.org/a1",
			Evidence: `Russia's foreign minister Sergei Lavrov praised the UN, saying "we welcome the talks". Russia did not attack.`},
		{ID: 1, Origin: "worldmedia", ArticleID: "a1", Date: "2017-04-11", Source: "SYRMIL", SourceName: "SYRIAN TROOPS",
			Target: "SYR", TargetName: "IDLIB", Code: "195", Root: "19", Quad: 4, Goldstein: -10, Plover: "FIGHT",
			Mentions: 1, Tone: -2.5, Place: "Idlib, Syria", Country: "SY", Lat: &lat, Lon: &lon, Outlet: "Test News",
			URL: "https://example.org/a1", Evidence: "Syrian troops shelled Idlib on Tuesday, killing 12 people."},
	}
	if diff := cmp.Diff(want, evs); diff != "" {
		t.Errorf("events (-want +got):\n%s", diff)
	}
	sigs := 0
	for r, err := range db.Signatures(t.Context()) {
		if err != nil {
			t.Fatal(err)
		}
		sigs++
		if r.ArticleID != "a1" || !bytes.Equal(r.Signature, []byte{1, 2}) || !bytes.Equal(r.StorySignature, []byte{3}) ||
			r.Story != "a1" || !r.Day.Equal(time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("signature row %+v", r)
		}
	}
	if sigs != 1 {
		t.Errorf("%d signature rows, want 1", sigs)
	}
}

func TestWriterIdempotentAndReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.duckdb")
	db := open(t, path)
	w := writer(t, db)
	a := testkit.AnalysedArticle(t, "a1", "https://example.org/a1", "")
	w.Check(a)
	if err := w.Put(t.Context(), []store.Record{{Article: a}}); err != nil {
		t.Fatal(err)
	}
	if d := w.Check(testkit.AnalysedArticle(t, "a1", "https://example.org/a1", "")); d != store.Unchanged {
		t.Errorf("the same article again: %v, want unchanged", d)
	}
	// A new writer (a re-run) knows what is stored.
	w.Close()
	w = writer(t, db)
	if d := w.Check(testkit.AnalysedArticle(t, "a1", "https://example.org/a1", "")); d != store.Unchanged {
		t.Errorf("the same article in a re-run: %v, want unchanged", d)
	}
	// A changed version of the URL replaces the old one.
	text := "Syrian troops shelled Idlib on Tuesday, killing 12 people.\nRussia's foreign minister Sergei Lavrov praised the UN, " +
		`saying "we welcome the talks". Russia did not attack. Officials said more would follow.`
	b := testkit.AnalysedArticle(t, "a1v2", "https://example.org/a1", text)
	if d := w.Check(b); d != store.Changed {
		t.Fatalf("changed version: %v, want changed", d)
	}
	if d := w.Check(b); d != store.Unchanged {
		t.Errorf("changed version checked twice in a run: %v, want unchanged", d)
	}
	if err := w.Put(t.Context(), []store.Record{{Article: b}}); err != nil {
		t.Fatal(err)
	}
	if got := count(t, db, "SELECT count(*) FROM articles"); got != 1 {
		t.Errorf("%d articles after replacing, want 1", got)
	}
	if got := count(t, db, "SELECT count(*) FROM events WHERE article_id = 'a1'"); got != 0 {
		t.Errorf("%d events of the old version left", got)
	}
	if got := count(t, db, "SELECT count(*) FROM events WHERE article_id = 'a1v2'"); got != 2 {
		t.Errorf("%d events of the new version, want 2", got)
	}
	if w.Replaced() != 1 {
		t.Errorf("Replaced = %d, want 1", w.Replaced())
	}
	// Event ids go on after the stored ones.
	if got := count(t, db, "SELECT min(event_id) FROM events"); got != 3 {
		t.Errorf("first event id of the new version %d, want 3", got)
	}
}

func TestWriterSameTextAtTwoURLs(t *testing.T) {
	db := open(t, "")
	w := writer(t, db)
	a := testkit.AnalysedArticle(t, "same", "https://example.org/1", "")
	w.Check(a)
	b := testkit.AnalysedArticle(t, "same", "https://example.com/2", "")
	if d := w.Check(b); d != store.New {
		t.Fatalf("the same text at another URL: %v, want new", d)
	}
	if b.ID == "same" || !strings.HasPrefix(b.ID, "same-") {
		t.Errorf("second copy's id %q: want a distinct id derived from it", b.ID)
	}
	if err := w.Put(t.Context(), []store.Record{{Article: a}, {Article: b}}); err != nil {
		t.Fatal(err)
	}
	if got := count(t, db, "SELECT count(DISTINCT id) FROM articles"); got != 2 {
		t.Errorf("%d distinct ids, want 2", got)
	}
}

func TestWriterRelease(t *testing.T) {
	db := open(t, "")
	w := writer(t, db)
	a := testkit.AnalysedArticle(t, "a1", "", "")
	w.Check(a)
	w.Release(a)
	if d := w.Check(testkit.AnalysedArticle(t, "a1", "", "")); d != store.New {
		t.Errorf("after Release: %v, want new", d)
	}
}

func TestWriterRepairsInvalidUTF8(t *testing.T) {
	db := open(t, "")
	w := writer(t, db)
	a := testkit.AnalysedArticle(t, "a1", "", "")
	a.Title = "bad \xff title"
	w.Check(a)
	if err := w.Put(t.Context(), []store.Record{{Article: a}}); err != nil {
		t.Fatal(err)
	}
	arts, err := db.Articles(t.Context(), store.ArticleQuery{})
	if err != nil || len(arts) != 1 || arts[0].Title != "bad \uFFFD title" {
		t.Errorf("articles = %+v, %v", arts, err)
	}
}

func TestPutIsAtomic(t *testing.T) {
	db := open(t, "")
	w := writer(t, db)
	a := testkit.AnalysedArticle(t, "a1", "", "")
	w.Check(a)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := w.Put(ctx, []store.Record{{Article: a}}); err == nil {
		t.Fatal("Put with a cancelled context succeeded")
	}
	if got := count(t, db, "SELECT count(*) FROM articles"); got != 0 {
		t.Errorf("%d articles after a failed Put", got)
	}
	if err := w.Put(t.Context(), []store.Record{{Article: a}}); err != nil {
		t.Fatalf("Put after a failed one: %v", err)
	}
	if got := count(t, db, "SELECT count(*) FROM events"); got != 2 {
		t.Errorf("%d events, want 2", got)
	}
}

func TestQueries(t *testing.T) {
	db := open(t, "")
	w := writer(t, db)
	a := testkit.AnalysedArticle(t, "a1", "https://example.org/a1", "")
	dup := testkit.AnalysedArticle(t, "a2", "https://example.org/a2", "")
	dup.DuplicateOf, dup.Story = "a1", "a1"
	w.Check(a)
	w.Check(dup)
	if err := w.Put(t.Context(), []store.Record{{Article: a}, {Article: dup}}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    store.EventQuery
		want int
	}{
		{"all originals", store.EventQuery{}, 2},
		{"with duplicates", store.EventQuery{Duplicates: true}, 4},
		{"source country", store.EventQuery{Source: "SYR"}, 1},
		{"source full code", store.EventQuery{Source: "RUSGOV"}, 1},
		{"source code prefix", store.EventQuery{Source: "RUSMIL"}, 0},
		{"target IGO by prefix", store.EventQuery{Target: "IGO"}, 1},
		{"both directions", store.EventQuery{Source: "IGOUNO", Target: "RUS", Both: true}, 1},
		{"one direction only", store.EventQuery{Source: "IGOUNO", Target: "RUS"}, 0},
		{"root", store.EventQuery{Code: "19"}, 1},
		{"quad", store.EventQuery{Quad: 1}, 1},
		{"since", store.EventQuery{Since: time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)}, 1},
		{"until", store.EventQuery{Until: time.Date(2017, 4, 11, 0, 0, 0, 0, time.UTC)}, 1},
		{"place name", store.EventQuery{Place: "idlib"}, 1},
		{"place country", store.EventQuery{Place: "SY"}, 1},
		{"text", store.EventQuery{Text: "PRAISED"}, 1},
		{"text with LIKE wildcards is literal", store.EventQuery{Text: "%"}, 0},
		{"origin", store.EventQuery{Origin: "gdelt"}, 0},
		{"article", store.EventQuery{ArticleID: "a2", Duplicates: true}, 2},
		{"limit", store.EventQuery{Page: store.Page{Limit: 1}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, err := db.Events(t.Context(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(evs) != tt.want {
				t.Errorf("%d events, want %d: %+v", len(evs), tt.want, evs)
			}
		})
	}
	bad := []store.EventQuery{{Quad: 5}, {Source: "us"}, {Source: "USA' OR 1=1 --"}, {Code: "1a"}, {Origin: "x"},
		{Page: store.Page{Limit: -1}}, {Page: store.Page{Limit: store.MaxLimit + 1}},
		{Since: time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC), Until: time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)}}
	for _, q := range bad {
		if _, err := db.Events(t.Context(), q); !errors.Is(err, store.ErrQuery) {
			t.Errorf("Events(%+v): %v, want ErrQuery", q, err)
		}
	}
	st, err := db.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	wantStats := store.Stats{Articles: 2, Duplicates: 1, Stories: 1, Events: 2, DuplicateEvents: 2, Sources: 1,
		Persons: 1, Organizations: 1, Places: 1, Quotes: 2, FirstArticle: "2017-04-13", LastArticle: "2017-04-13",
		FirstEvent: "2017-04-11", LastEvent: "2017-04-13", Schema: store.SchemaVersion()}
	if diff := cmp.Diff(wantStats, st); diff != "" {
		t.Errorf("stats (-want +got):\n%s", diff)
	}
	stories, err := db.Stories(t.Context(), store.StoryQuery{})
	if err != nil {
		t.Fatal(err)
	}
	wantStories := []store.Story{{ID: "a1", Title: "Troops shell Idlib", FirstArticle: "a1", FirstPublished: "2017-04-13T10:30:00Z",
		LastPublished: "2017-04-13T10:30:00Z", Articles: 1, Duplicates: 1, Sources: 1, Events: 2}}
	if diff := cmp.Diff(wantStories, stories); diff != "" {
		t.Errorf("stories (-want +got):\n%s", diff)
	}
	arts, err := db.Articles(t.Context(), store.ArticleQuery{Originals: true})
	if err != nil || len(arts) != 1 || arts[0].ID != "a1" || arts[0].Events != 2 {
		t.Errorf("original articles = %+v, %v", arts, err)
	}
	body, ok, err := db.Body(t.Context(), "a2")
	if err != nil || !ok || !strings.HasPrefix(body, "Syrian troops") {
		t.Errorf("Body(a2) = %q, %v, %v", body, ok, err)
	}
	if _, ok, err := db.Body(t.Context(), "nope"); ok || err != nil {
		t.Errorf("Body(nope) = %v, %v", ok, err)
	}
}

// gdeltRows are n GDELT records with ids from first.
func gdeltRows(first int64, n int) []gdelt.EventRow {
	rows := make([]gdelt.EventRow, n)
	for i := range rows {
		rows[i] = gdelt.EventRow{ID: first + int64(i), Date: time.Date(2016, 1, 1+i%300, 0, 0, 0, 0, time.UTC),
			Actor1: gdelt.SplitActorCode("USAGOV"), Actor2: gdelt.SplitActorCode("RUS"),
			Code: "042", BaseCode: "042", RootCode: "04", Quad: 1, Goldstein: 1.9, NumMentions: 2, NumSources: 1, NumArticles: 2,
			AvgTone: -1.5, SourceURL: "https://www.example.org/story/" + string(rune('a'+i%26)),
			Added: time.Date(2016, 1, 2, 3, 4, 5, 0, time.UTC)}
	}
	return rows
}

func gdeltFile(t *testing.T, rows []gdelt.EventRow) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := gdelt.WriteEvents(&b, rows); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestImportEvents(t *testing.T) {
	db := open(t, "")
	file := gdeltFile(t, gdeltRows(1000, 50))
	// Two malformed lines among them.
	file = append(file, "not\ta\trecord\n"...)
	file = append(file, gdeltFile(t, gdeltRows(1050, 10))...)
	file = append(file, "123\tbad\n"...)
	var bad []string
	res, err := db.ImportEvents(t.Context(), "f1", "sha-1", gdelt.ReadEvents(bytes.NewReader(file)), store.ImportOptions{
		Bad: func(err error) { bad = append(bad, err.Error()) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.ImportResult{Rows: 60, Bad: 2, Added: 60}, res); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
	if len(bad) != 2 || !strings.HasPrefix(bad[0], "line 51:") || !strings.HasPrefix(bad[1], "line 62:") {
		t.Errorf("bad rows reported as %q", bad)
	}
	if _, err := db.ImportEvents(t.Context(), "f1 again", "sha-1", gdelt.ReadEvents(bytes.NewReader(file)), store.ImportOptions{}); !errors.Is(err, store.ErrImported) {
		t.Errorf("importing the same file again: %v, want ErrImported", err)
	}
	// An overlapping file adds only the new records.
	res, err = db.ImportEvents(t.Context(), "f2", "sha-2", gdelt.ReadEvents(bytes.NewReader(gdeltFile(t, gdeltRows(1040, 40)))), store.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 20 || res.Rows != 40 {
		t.Errorf("overlapping file: %+v, want 40 rows, 20 added", res)
	}
	if got := count(t, db, "SELECT count(*) FROM events WHERE origin = 'gdelt'"); got != 80 {
		t.Errorf("%d GDELT events stored, want 80", got)
	}
	evs, err := db.Events(t.Context(), store.EventQuery{Origin: "gdelt", Source: "USAGOV", Target: "RUS", Page: store.Page{Limit: 1}})
	if err != nil || len(evs) != 1 {
		t.Fatalf("events = %+v, %v", evs, err)
	}
	if e := evs[0]; e.Outlet != "example.org" || e.Plover != "CONSULT" || e.Code != "042" || e.Mentions != 2 {
		t.Errorf("imported event %+v", e)
	}
	st, err := db.Stats(t.Context())
	if err != nil || st.GDELTEvents != 80 || st.Imports != 2 || st.Events != 0 {
		t.Errorf("stats %+v, %v", st, err)
	}
}

func TestImportAbortsOnReadError(t *testing.T) {
	db := open(t, "")
	rows := func(yield func(gdelt.EventRow, error) bool) {
		for _, r := range gdeltRows(1, 5) {
			if !yield(r, nil) {
				return
			}
		}
		yield(gdelt.EventRow{}, errors.New("disk on fire"))
	}
	if _, err := db.ImportEvents(t.Context(), "f", "sha", rows, store.ImportOptions{}); err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("import with a read error: %v", err)
	}
	if got := count(t, db, "SELECT count(*) FROM events"); got != 0 {
		t.Errorf("%d events stored from an aborted import", got)
	}
	if got := count(t, db, "SELECT count(*) FROM imports"); got != 0 {
		t.Errorf("%d import records from an aborted import", got)
	}
}

func TestGDELTRoundTrip(t *testing.T) {
	db := open(t, "")
	rows := gdeltRows(1, 30)
	rows[3].ActionGeo = gdelt.Location{Type: gdelt.WorldCity, FullName: "Moscow, Moskva, Russia", CountryCode: "RS",
		ADM1Code: "RS48", ADM2Code: "25954", Lat: 55.7522, Lon: 37.6156, FeatureID: "-2960561"}
	rows[4].Actor2 = gdelt.Actor{}
	rows[5].IsRoot = true
	file := gdeltFile(t, rows)
	if _, err := db.ImportEvents(t.Context(), "f", "sha", gdelt.ReadEvents(bytes.NewReader(file)), store.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	var back []gdelt.EventRow
	for r, err := range db.GDELTEvents(t.Context(), store.EventQuery{}) {
		if err != nil {
			t.Fatal(err)
		}
		back = append(back, r)
	}
	if got := gdeltFile(t, back); !bytes.Equal(got, file) {
		t.Errorf("exported file differs from the imported one:\n%s", cmp.Diff(string(file), string(got)))
	}
	for _, f := range []struct {
		format store.ExportFormat
		name   string
	}{{store.Parquet, "e.parquet"}, {store.CSV, "e.csv"}} {
		path := filepath.Join(t.TempDir(), f.name)
		n, err := db.Export(t.Context(), path, f.format, store.EventQuery{Source: "USA", Text: "it's"})
		if err != nil || n != 0 {
			t.Errorf("export %s with a filter matching nothing: %d, %v", f.name, n, err)
		}
		n, err = db.Export(t.Context(), path, f.format, store.EventQuery{Source: "USAGOV"})
		if err != nil || n != 30 {
			t.Fatalf("export %s: %d rows, %v", f.name, n, err)
		}
		if got := count(t, db, "SELECT count(*) FROM '"+path+"' WHERE event_code = '042'"); got != 30 {
			t.Errorf("%s read back: %d rows", f.name, got)
		}
	}
}

func TestEventPlaces(t *testing.T) {
	db := open(t, "")
	w := writer(t, db)
	a := testkit.AnalysedArticle(t, "a1", "", "")
	w.Check(a)
	if err := w.Put(t.Context(), []store.Record{{Article: a}}); err != nil {
		t.Fatal(err)
	}
	got, err := db.EventPlaces(t.Context(), store.EventQuery{})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.EventPlace{{Name: "Idlib, Syria", Country: "SY", Lat: 35.93, Lon: 36.63, Events: 1, GoldsteinMean: -10}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("places (-want +got):\n%s", diff)
	}
}

func TestImportEventsFile(t *testing.T) {
	// In memory the rows go into event_rows; in a file, into a segment.
	t.Run("memory", func(t *testing.T) { testImportEventsFile(t, open(t, "")) })
	t.Run("file below the segment size", func(t *testing.T) {
		db := open(t, filepath.Join(t.TempDir(), "s.duckdb"))
		testImportEventsFile(t, db)
		if _, err := os.Stat(db.SegmentDir()); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a small file made a segment directory: %v", err)
		}
	})
	t.Run("segment", func(t *testing.T) {
		cfg := store.DefaultConfig()
		cfg.SegmentMinBytes = 1
		db, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "s.duckdb"), cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		testImportEventsFile(t, db)
		seg, err := filepath.Glob(filepath.Join(db.SegmentDir(), "*"))
		if err != nil || len(seg) != 1 || filepath.Base(seg[0]) != "sha.g1.parquet" {
			t.Errorf("segment directory holds %q, %v; want sha.g1.parquet", seg, err)
		}
	})
}

func testImportEventsFile(t *testing.T, db *store.DB) {
	rows := gdeltRows(1000, 40)
	rows[3].ActionGeo = gdelt.Location{Type: gdelt.WorldCity, FullName: "Moscow, Moskva, Russia", CountryCode: "RS",
		ADM1Code: "RS48", ADM2Code: "25954", Lat: 55.7522, Lon: 37.6156, FeatureID: "-2960561"}
	rows[5].Actor2 = gdelt.Actor{}
	file := gdeltFile(t, rows)
	// Line 41: too few columns; line 42: a quad class that is no number;
	// line 43: a date that is no date.
	file = append(file, "1\t2\t3\n"...)
	bad := bytes.Replace(gdeltFile(t, gdeltRows(2000, 1)), []byte("\t1\t1.9\t"), []byte("\tx\t1.9\t"), 1)
	file = append(file, bad...)
	file = append(file, bytes.Replace(gdeltFile(t, gdeltRows(3000, 1)), []byte("\t20160101\t"), []byte("\t20161301\t"), 1)...)
	path := filepath.Join(t.TempDir(), "e.CSV")
	if err := os.WriteFile(path, file, 0o644); err != nil {
		t.Fatal(err)
	}
	var reports []string
	res, err := db.ImportEventsFile(t.Context(), "e.CSV", path, "sha", store.ImportOptions{Bad: func(err error) { reports = append(reports, err.Error()) }})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(store.ImportResult{Rows: 40, Bad: 3, Added: 40}, res); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
	if len(reports) != 3 || !strings.HasPrefix(reports[0], "line 41:") || !strings.HasPrefix(reports[1], "line 42: QuadClass") ||
		!strings.Contains(reports[2], "GLOBALEVENTID 3000") {
		t.Errorf("bad rows reported as %q", reports)
	}
	// The fast reader stores exactly what the Go reader would.
	var back []gdelt.EventRow
	for r, err := range db.GDELTEvents(t.Context(), store.EventQuery{}) {
		if err != nil {
			t.Fatal(err)
		}
		back = append(back, r)
	}
	if got, want := gdeltFile(t, back), gdeltFile(t, rows); !bytes.Equal(got, want) {
		t.Errorf("stored records differ:\n%s", cmp.Diff(string(want), string(got)))
	}
	evs, err := db.Events(t.Context(), store.EventQuery{Page: store.Page{Limit: 1}})
	if err != nil || len(evs) != 1 || evs[0].Plover != "CONSULT" || evs[0].Outlet != "example.org" {
		t.Errorf("events = %+v, %v", evs, err)
	}
	if _, err := db.ImportEventsFile(t.Context(), "e.CSV", path, "sha", store.ImportOptions{}); !errors.Is(err, store.ErrImported) {
		t.Errorf("second import: %v, want ErrImported", err)
	}
}

func TestAnalysisActorsCountries(t *testing.T) {
	db := open(t, "")
	w := writer(t, db)
	a := testkit.AnalysedArticle(t, "a1", "", "")
	w.Check(a)
	if err := w.Put(t.Context(), []store.Record{{Article: a}}); err != nil {
		t.Fatal(err)
	}
	raw, ok, err := db.Analysis(t.Context(), "a1")
	if err != nil || !ok {
		t.Fatalf("Analysis: %v %v", ok, err)
	}
	var got struct {
		ID     string `json:"id"`
		Quotes []struct {
			Speaker string `json:"speaker"`
			Span    [2]int `json:"span"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal(raw, &got); err != nil || got.ID != "a1" || len(got.Quotes) != 1 || got.Quotes[0].Speaker != "Sergei Lavrov" {
		t.Errorf("analysis %s: %v", raw, err)
	}
	if _, ok, err := db.Analysis(t.Context(), "nope"); ok || err != nil {
		t.Errorf("Analysis(nope) = %v, %v", ok, err)
	}
	actors, err := db.Actors(t.Context(), "RUS", 10)
	if diff := cmp.Diff([]store.ActorCount{{Code: "RUSGOV", Name: "RUSSIA'S FOREIGN MINISTER SERGEI LAVROV", Events: 1}}, actors); diff != "" || err != nil {
		t.Errorf("actors (-want +got): %v\n%s", err, diff)
	}
	for _, bad := range []string{"rus", "R'S", "ABCDEFGHIJKLMNOP"} {
		if _, err := db.Actors(t.Context(), bad, 10); !errors.Is(err, store.ErrQuery) {
			t.Errorf("Actors(%q): %v, want ErrQuery", bad, err)
		}
	}
	cs, err := db.EventCountries(t.Context(), store.EventQuery{})
	if diff := cmp.Diff([]store.CountryCount{{Country: "SY", ISO2: "SY", Events: 1, GoldsteinMean: -10}}, cs); diff != "" || err != nil {
		t.Errorf("countries (-want +got): %v\n%s", err, diff)
	}
}

func TestRelationPointsCachedUntilWrite(t *testing.T) {
	db := open(t, "")
	if _, err := db.ImportEvents(t.Context(), "f1", "sha-1", gdelt.ReadEvents(bytes.NewReader(gdeltFile(t, gdeltRows(1, 10)))), store.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	q := relations.Query{A: "USA", B: "RUS", By: relations.Year}
	first, err := db.RelationPoints(t.Context(), q)
	if err != nil || len(first) != 1 || first[0].Events != 10 {
		t.Fatalf("points %+v, %v", first, err)
	}
	first[0].Events = 999 // the caller's copy: the cache must not change
	again, _ := db.RelationPoints(t.Context(), q)
	if again[0].Events != 10 {
		t.Errorf("cached answer changed by the caller: %d events", again[0].Events)
	}
	if _, err := db.ImportEvents(t.Context(), "f2", "sha-2", gdelt.ReadEvents(bytes.NewReader(gdeltFile(t, gdeltRows(100, 5)))), store.ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	after, _ := db.RelationPoints(t.Context(), q)
	if after[0].Events != 15 {
		t.Errorf("after a write: %d events, want 15 (a stale cached answer?)", after[0].Events)
	}
}

// TestSegments imports GDELT files into segments: repeated records are
// stored once whichever path stored them first, the events view finds the
// segments again after the store and its directory move, and files of
// imports that never committed are removed.
func TestSegments(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a", "s.duckdb")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := store.DefaultConfig()
	cfg.SegmentMinBytes = 1 // every 2.0 file a segment, however small
	db, err := store.Open(t.Context(), path, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, rows []gdelt.EventRow) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, gdeltFile(t, rows), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	res, err := db.ImportEventsFile(t.Context(), "f1", write("f1.CSV", gdeltRows(1000, 40)), "sha-1", store.ImportOptions{})
	if err != nil || res != (store.ImportResult{Rows: 40, Added: 40}) {
		t.Fatalf("first file: %+v, %v", res, err)
	}
	// 1020..1059 overlaps the first file by 20, and repeats 1050 once.
	rows := append(gdeltRows(1020, 40), gdeltRows(1050, 1)...)
	res, err = db.ImportEventsFile(t.Context(), "f2", write("f2.CSV", rows), "sha-2", store.ImportOptions{})
	if err != nil || res != (store.ImportResult{Rows: 41, Added: 20}) {
		t.Fatalf("overlapping file: %+v, %v; want 41 rows, 20 added", res, err)
	}
	// The Go reader's path (into event_rows) keeps out what segments hold.
	res, err = db.ImportEvents(t.Context(), "f3", "sha-3", gdelt.ReadEvents(bytes.NewReader(gdeltFile(t, gdeltRows(1050, 20)))), store.ImportOptions{})
	if err != nil || res.Added != 10 {
		t.Fatalf("third file: %+v, %v; want 10 added", res, err)
	}
	const all = "SELECT count(*), count(DISTINCT event_id) FROM events WHERE origin = 'gdelt'"
	check := func(db *store.DB, when string) {
		t.Helper()
		var n, distinct int
		if err := db.SQL().QueryRowContext(t.Context(), all).Scan(&n, &distinct); err != nil {
			t.Fatalf("%s: %v", when, err)
		}
		if n != 70 || distinct != 70 {
			t.Errorf("%s: %d GDELT events, %d distinct; want 70 once each", when, n, distinct)
		}
	}
	check(db, "after the imports")
	pts, err := db.RelationPoints(t.Context(), relations.Query{A: "USA", B: "RUS", By: relations.Year})
	if err != nil || len(pts) == 0 || pts[0].Events != 70 || pts[0].Sources != 1 {
		t.Errorf("relation points %+v, %v; want the 70 events, from one source whichever path stored them", pts, err)
	}
	db.Close()

	// Move the store and its segments; leave what a killed import leaves.
	moved := filepath.Join(dir, "b")
	if err := os.Rename(filepath.Dir(path), moved); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(moved, "s.duckdb")
	for _, junk := range []string{"sha-9.parquet.tmp", "sha-8.parquet"} {
		if err := os.WriteFile(filepath.Join(path+".gdelt", junk), []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db = open(t, path)
	check(db, "after moving")
	left, _ := filepath.Glob(filepath.Join(db.SegmentDir(), "*"))
	if len(left) != 2 {
		t.Errorf("segment directory after reopening: %q, want the two committed segments", left)
	}
	db.Close()
	ro, err := store.Open(t.Context(), path, store.Config{ReadOnly: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	check(ro, "read-only")
}
