package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"worldmedia/internal/api"
	"worldmedia/internal/article"
	"worldmedia/internal/gdelt"
	"worldmedia/internal/store"
	"worldmedia/internal/testkit"
)

// The JSON bodies of the endpoints, as a client declares them.
type (
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
		Article  store.Article   `json:"article"`
		Body     string          `json:"body"`
		Events   []store.Event   `json:"events"`
		Analysis json.RawMessage `json:"analysis"`
	}
	storyPage struct {
		Stories []store.Story `json:"stories"`
		Limit   int           `json:"limit"`
		Offset  int           `json:"offset"`
	}
	health struct {
		Status  string `json:"status"`
		Version string `json:"version"`
	}
	actorList struct {
		Actors []store.ActorCount `json:"actors"`
	}
	countryList struct {
		Countries []store.CountryCount `json:"countries"`
	}
	codeResult struct {
		Articles []json.RawMessage `json:"articles"`
		Errors   []api.InputError  `json:"errors"`
	}
	errorBody struct {
		Error struct {
			Status  int    `json:"status"`
			Message string `json:"message"`
		} `json:"error"`
	}
)

// openStore returns an in-memory store holding three analysed articles
// (a1, its duplicate a2, and b1 from another outlet) and rows of GDELT
// records from 30 weeks of USA–RUS events.
func openStore(tb testing.TB, ctx context.Context, gdeltWeeks int) *store.DB {
	tb.Helper()
	db, err := store.Open(ctx, "", store.DefaultConfig(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	w, err := db.NewWriter(ctx, store.WriterConfig{})
	if err != nil {
		tb.Fatal(err)
	}
	defer w.Close()
	a1 := testkit.AnalysedArticle(tb, "a1", "https://example.org/a1", "")
	a2 := testkit.AnalysedArticle(tb, "a2", "https://example.org/a2", "")
	a2.DuplicateOf, a2.Story = "a1", "a1"
	b1 := testkit.AnalysedArticle(tb, "b1", "https://example.com/b1", "Syrian troops shelled Idlib on Tuesday, killing 12 people.\n"+
		`Russia's foreign minister Sergei Lavrov praised the UN, saying "we welcome the talks". Russia did not attack. Officials in Moscow said more talks would follow.`)
	b1.Source, b1.Title = "Other Wire", "Lavrov praises UN talks"
	b1.Date = time.Date(2017, 5, 2, 8, 0, 0, 0, time.UTC)
	var recs []store.Record
	for _, a := range []*article.Article{a1, a2, b1} {
		if d := w.Check(a); d != store.New {
			tb.Fatalf("Check(%s) = %v, want new", a.ID, d)
		}
		recs = append(recs, store.Record{Article: a})
	}
	if err := w.Put(ctx, recs); err != nil {
		tb.Fatal(err)
	}
	if gdeltWeeks > 0 {
		var b bytes.Buffer
		if err := gdelt.WriteEvents(&b, relationRows(gdeltWeeks)); err != nil {
			tb.Fatal(err)
		}
		if _, err := db.ImportEvents(ctx, "usa-rus.CSV", "sha", gdelt.ReadEvents(&b), store.ImportOptions{}); err != nil {
			tb.Fatal(err)
		}
	}
	return db
}

// relationRows are 12 GDELT records a week between USA and RUS, in both
// directions, from the week of 2016-01-04: cooperation that varies from
// week to week, and in the last week material conflict.
func relationRows(weeks int) []gdelt.EventRow {
	var rows []gdelt.EventRow
	start := time.Date(2016, 1, 4, 0, 0, 0, 0, time.UTC)
	for i := range weeks {
		for j := range 12 {
			r := gdelt.EventRow{ID: int64(1000 + len(rows)), Date: start.AddDate(0, 0, 7*i+j%7),
				Actor1: gdelt.SplitActorCode("USAGOV"), Actor2: gdelt.SplitActorCode("RUS"),
				Code: "042", BaseCode: "042", RootCode: "04", Quad: 1, Goldstein: float64(i%7) - float64(j)*0.5,
				NumMentions: 2, NumSources: 1, NumArticles: 2, AvgTone: -1.5,
				SourceURL: "https://www.example.org/story/" + string(rune('a'+j)),
				Added:     time.Date(2016, 1, 2, 3, 4, 5, 0, time.UTC)}
			if j%2 == 1 {
				r.Actor1, r.Actor2 = r.Actor2, r.Actor1
			}
			if i == weeks-1 {
				r.Code, r.BaseCode, r.RootCode, r.Quad, r.Goldstein = "190", "190", "19", 4, -10
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// serve runs the API over s in an httptest server.
func serve(tb testing.TB, s api.Store, cfg api.Config, log *logBuffer) *httptest.Server {
	tb.Helper()
	h, err := api.New(s, cfg, log.logger())
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv
}

func testConfig() api.Config {
	cfg := api.DefaultConfig()
	cfg.Version = "test"
	return cfg
}

// response is what a request got.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends a request to the server with a real client.
func do(tb testing.TB, srv *httptest.Server, method, path string) response {
	tb.Helper()
	return post(tb, srv, method, path, nil, "")
}

// post sends a request with a body to the server with a real client;
// header is "Name: value" pairs, the first Content-Type.
func post(tb testing.TB, srv *httptest.Server, method, path string, reqBody io.Reader, contentType string, header ...string) response {
	tb.Helper()
	req, err := http.NewRequestWithContext(tb.Context(), method, srv.URL+path, reqBody)
	if err != nil {
		tb.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for _, h := range header {
		name, value, _ := strings.Cut(h, ": ")
		req.Header.Set(name, value)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, body}
}

// checkHeaders checks the headers every API response has.
func checkHeaders(tb testing.TB, r response) {
	tb.Helper()
	for name, want := range map[string]string{
		"Content-Type":           "application/json; charset=utf-8",
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "no-store",
	} {
		if got := r.header.Get(name); got != want {
			tb.Errorf("%s: %q, want %q", name, got, want)
		}
	}
}

// decodeError decodes an error envelope and checks its status.
func decodeError(tb testing.TB, r response) string {
	tb.Helper()
	var e errorBody
	if err := json.Unmarshal(r.body, &e); err != nil {
		tb.Fatalf("error body %q: %v", r.body, err)
	}
	if e.Error.Status != r.status {
		tb.Errorf("envelope status %d, response status %d", e.Error.Status, r.status)
	}
	if e.Error.Message == "" {
		tb.Errorf("envelope without a message: %s", r.body)
	}
	return e.Error.Message
}

// logBuffer collects a logger's output; a nil *logBuffer discards.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (l *logBuffer) logger() *slog.Logger {
	if l == nil {
		return nil
	}
	return slog.New(slog.NewTextHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// waitFor waits until the log holds s: the server logs a request after
// answering it.
func (l *logBuffer) waitFor(tb testing.TB, s string) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(l.String(), s) {
		if time.Now().After(deadline) {
			tb.Fatalf("log lacks %q:\n%s", s, l.String())
		}
		time.Sleep(5 * time.Millisecond)
	}
}
