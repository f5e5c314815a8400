package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeAPI serves canned answers in the shape of the JSON API (internal/api)
// under /api/v1/ and records every request, for the browser tests.
type fakeAPI struct {
	mu    sync.Mutex
	reqs  []*url.URL
	posts []fakePost
	holds map[string]chan struct{} // path → closed when its answer may go
}

// fakePost is a POST request the fake API got.
type fakePost struct {
	Path, ContentType, Auth, Body string
}

// fakeToken is the bearer token POST /ingest wants.
const fakeToken = "s3cret"

// waitPost waits for a POST to path whose body contains want, and returns it.
func (f *fakeAPI) waitPost(t *testing.T, path, want string) fakePost {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		f.mu.Lock()
		posts := append([]fakePost(nil), f.posts...)
		f.mu.Unlock()
		for _, p := range posts {
			if p.Path == path && strings.Contains(p.Body, want) {
				return p
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no POST to %s with %q; posts: %+v", path, want, posts)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func newFakeAPI() *fakeAPI { return &fakeAPI{holds: map[string]chan struct{}{}} }

// hold delays the answers to path until the returned func is called.
func (f *fakeAPI) hold(path string) (release func()) {
	ch := make(chan struct{})
	f.mu.Lock()
	f.holds[path] = ch
	f.mu.Unlock()
	var once sync.Once
	return func() { once.Do(func() { close(ch) }) }
}

func (f *fakeAPI) requests() []*url.URL {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]*url.URL(nil), f.reqs...)
}

// waitRequest waits for a request to path whose query has every pair of want
// ("" wants the parameter absent) and returns it.
func (f *fakeAPI) waitRequest(t *testing.T, path string, want map[string]string) url.Values {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		for _, u := range f.requests() {
			if u.Path != path {
				continue
			}
			q := u.Query()
			ok := true
			for k, v := range want {
				if q.Get(k) != v || (v == "" && q.Has(k)) {
					ok = false
					break
				}
			}
			if ok {
				return q
			}
		}
		if time.Now().After(deadline) {
			var seen []string
			for _, u := range f.requests() {
				seen = append(seen, u.String())
			}
			t.Fatalf("no request to %s with %v; requests:\n%s", path, want, strings.Join(seen, "\n"))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func apiError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{"status": status, "message": msg}})
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	u := *r.URL
	f.mu.Lock()
	f.reqs = append(f.reqs, &u)
	hold := f.holds[r.URL.Path]
	f.mu.Unlock()
	if hold != nil {
		select {
		case <-hold:
		case <-r.Context().Done():
			return
		}
	}
	q := r.URL.Query()
	path := strings.TrimPrefix(r.URL.Path, "/api/v1")
	if r.Method == http.MethodPost {
		f.post(w, r, path)
		return
	}
	switch {
	case path == "/stats":
		writeJSON(w, 200, fakeStats)
	case path == "/relations":
		a, b := q.Get("a"), q.Get("b")
		if a == "XXX" || b == "XXX" {
			apiError(w, 400, `unknown actor code "XXX": no country or actor has it`)
			return
		}
		writeJSON(w, 200, fakeRelations(a, b, q.Get("by"), q.Get("directed") == "true"))
	case path == "/events":
		if q.Get("source") == "GATEWAY" {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			fmt.Fprint(w, "<html><body><h1>502 Bad Gateway</h1></body></html>")
			return
		}
		limit, offset := intQuery(q, "limit", 100), intQuery(q, "offset", 0)
		writeJSON(w, 200, map[string]any{"events": pageOf(fakeEvents, offset, limit), "limit": limit, "offset": offset})
	case path == "/places":
		writeJSON(w, 200, map[string]any{"places": fakePlaces})
	case path == "/articles":
		var list []fakeArticle
		for _, a := range fakeArticles {
			if s := q.Get("story"); s != "" && a.Story != s {
				continue
			}
			list = append(list, a)
		}
		limit, offset := intQuery(q, "limit", 100), intQuery(q, "offset", 0)
		writeJSON(w, 200, map[string]any{"articles": pageOf(list, offset, limit), "limit": limit, "offset": offset})
	case strings.HasPrefix(path, "/articles/"):
		// "a1-plain" is a1 as stored before the analysis was kept.
		id, plain := strings.CutSuffix(strings.TrimPrefix(path, "/articles/"), "-plain")
		for _, a := range fakeArticles {
			if a.ID == id {
				events := []fakeEvent{}
				for _, e := range fakeEvents {
					if e.ArticleID == id {
						events = append(events, e)
					}
				}
				var analysis any
				if an, ok := fakeAnalyses[id]; ok && !plain {
					analysis = an
				}
				writeJSON(w, 200, map[string]any{"article": a, "body": fakeBodies[id], "events": events, "analysis": analysis})
				return
			}
		}
		apiError(w, 404, fmt.Sprintf("no article %q", id))
	case path == "/actors":
		prefix := q.Get("q")
		list := []fakeActor{}
		for _, a := range fakeActors {
			if strings.HasPrefix(a.Code, prefix) {
				list = append(list, a)
			}
		}
		writeJSON(w, 200, map[string]any{"actors": pageOf(list, 0, intQuery(q, "limit", 20))})
	case path == "/countries":
		writeJSON(w, 200, map[string]any{"countries": fakeCountries})
	case path == "/search":
		var list []fakeArticle
		for _, a := range fakeArticles {
			if strings.Contains(strings.ToLower(a.Title+" "+fakeBodies[a.ID]), strings.ToLower(q.Get("q"))) {
				list = append(list, a)
			}
		}
		limit, offset := intQuery(q, "limit", 100), intQuery(q, "offset", 0)
		writeJSON(w, 200, map[string]any{"articles": pageOf(list, offset, limit), "limit": limit, "offset": offset})
	case path == "/stories":
		writeJSON(w, 200, map[string]any{"stories": fakeStories, "limit": 50, "offset": 0})
	default:
		apiError(w, 404, "no such endpoint")
	}
}

// post answers POST /code and POST /ingest as internal/api does: a JSON
// {"text","date","title"} or {"url"} body, or text/plain.
func (f *fakeAPI) post(w http.ResponseWriter, r *http.Request, path string) {
	b, _ := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	f.mu.Lock()
	f.posts = append(f.posts, fakePost{Path: path, ContentType: r.Header.Get("Content-Type"), Auth: r.Header.Get("Authorization"), Body: string(b)})
	f.mu.Unlock()
	if path != "/code" && path != "/ingest" {
		apiError(w, 405, "method not allowed: use GET or HEAD")
		return
	}
	if path == "/ingest" && r.Header.Get("Authorization") != "Bearer "+fakeToken {
		apiError(w, 401, "unauthorized: ingest needs the server's bearer token")
		return
	}
	var in struct{ Text, Date, Title, URL string }
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		if err := json.Unmarshal(b, &in); err != nil {
			apiError(w, 400, "body: "+err.Error())
			return
		}
	} else {
		in.Text = string(b)
	}
	if in.Text == "" {
		// The fake fetches nothing: an address is an input that failed.
		fail := []map[string]string{{"input": in.URL, "message": "fetching " + in.URL + ": 404 Not Found"}}
		if path == "/code" {
			writeJSON(w, 200, map[string]any{"articles": []any{}, "errors": fail})
		} else {
			writeJSON(w, 200, map[string]any{"stored": 0, "skipped": 0, "failed": 1, "ids": []string{}, "errors": fail})
		}
		return
	}
	if path == "/ingest" {
		writeJSON(w, 200, map[string]any{"stored": 1, "skipped": 0, "failed": 0, "ids": []string{"n1"}, "errors": []any{}})
		return
	}
	writeJSON(w, 200, map[string]any{"articles": []any{ingestAnalysis(in.Text, in.Date, in.Title)}, "errors": []any{}})
}

func intQuery(q url.Values, name string, def int) int {
	n, err := strconv.Atoi(q.Get(name))
	if err != nil || n < 0 {
		return def
	}
	return n
}

func pageOf[T any](list []T, offset, limit int) []T {
	if offset > len(list) {
		offset = len(list)
	}
	end := min(offset+limit, len(list))
	return append([]T{}, list[offset:end]...)
}

var fakeStats = map[string]any{
	"articles": 12345, "duplicates": 678, "stories": 2345, "events": 45678, "duplicate_events": 910,
	"gdelt_events": 123456, "sources": 42, "persons": 3210, "organizations": 1234, "places": 567,
	"quotes": 8901, "imports": 3, "first_article": "2016-07-11", "last_article": "2017-04-16",
	"first_event": "2016-07-11", "last_event": "2017-04-16", "schema": 1,
}

// wantStats is how the overview shows fakeStats.
var wantStats = map[string]string{
	"articles": "12,345", "duplicates": "678", "stories": "2,345", "events": "45,678", "duplicate_events": "910",
	"gdelt_events": "123,456", "sources": "42", "persons": "3,210", "organizations": "1,234", "places": "567",
	"quotes": "8,901", "imports": "3",
}

type fakeRow struct {
	Period              string   `json:"period"`
	Start               string   `json:"start"`
	Events              int      `json:"events"`
	VerbalCooperation   int      `json:"verbal_cooperation"`
	MaterialCooperation int      `json:"material_cooperation"`
	VerbalConflict      int      `json:"verbal_conflict"`
	MaterialConflict    int      `json:"material_conflict"`
	GoldsteinMean       *float64 `json:"goldstein_mean"`
	GoldsteinSum        float64  `json:"goldstein_sum"`
	ToneMean            *float64 `json:"tone_mean"`
	Stories             int      `json:"stories"`
	Sources             int      `json:"sources"`
	CILow               *float64 `json:"ci_low"`
	CIHigh              *float64 `json:"ci_high"`
	Ranked              bool     `json:"ranked"`
}

type fakeVerdict struct {
	Period        string   `json:"period"`
	Metric        string   `json:"metric"`
	Value         *float64 `json:"value"`
	Events        int      `json:"events"`
	Rank          int      `json:"rank"`
	RankedPeriods int      `json:"ranked_periods"`
	Percentile    float64  `json:"percentile"`
	Direction     string   `json:"direction"`
	Since         string   `json:"since"`
	Record        bool     `json:"record"`
	Meaningful    bool     `json:"meaningful"`
	Significant   bool     `json:"significant"`
	Baseline      *float64 `json:"baseline"`
	CILow         *float64 `json:"ci_low"`
	CIHigh        *float64 `json:"ci_high"`
	Text          string   `json:"text"`
}

func ptr(f float64) *float64 { f = math.Round(f*100) / 100; return &f }

// fakeRelations is 40 weeks of USA–RUS relations, 2016-07-11 to 2017-04-10,
// drifting down, with an empty week, two weeks of too few events, and a
// record low in the last week.
func fakeRelations(a, b, by string, directed bool) map[string]any {
	if by == "" {
		by = "week"
	}
	start := time.Date(2016, 7, 11, 0, 0, 0, 0, time.UTC)
	var series []fakeRow
	var pooledSum float64
	var pooledN, ranked int
	for i := range 40 {
		day := start.AddDate(0, 0, 7*i).Format("2006-01-02")
		row := fakeRow{Period: day, Start: day}
		var mean float64
		switch {
		case i == 12: // a week without events
		case i == 20 || i == 27:
			row.Events, mean = 6, -1.8
		case i == 39:
			row.Events, mean = 57, -3.42
		default:
			row.Events = 14 + (i*7)%23
			if i >= 34 {
				row.Events += 12
			}
			mean = 0.2 + 0.9*math.Sin(float64(i)/2.7) - 0.045*float64(i)
		}
		if row.Events > 0 {
			n := row.Events
			row.VerbalCooperation = n * 3 / 10
			row.MaterialCooperation = n / 10
			row.VerbalConflict = n * 35 / 100
			if i == 39 {
				row.VerbalCooperation, row.MaterialCooperation, row.VerbalConflict = 10, 2, 20
			}
			row.MaterialConflict = n - row.VerbalCooperation - row.MaterialCooperation - row.VerbalConflict
			row.GoldsteinMean = ptr(mean)
			row.GoldsteinSum = math.Round(mean*float64(n)*10) / 10
			row.ToneMean = ptr(-2 + mean*0.6)
			row.Stories = n * 2 / 3
			row.Sources = n/4 + 3
			half := 1.96 * 2.8 / math.Sqrt(float64(n))
			row.CILow, row.CIHigh = ptr(mean-half), ptr(mean+half)
			row.Ranked = n >= 10
			if row.Ranked {
				ranked++
				if i < 39 {
					pooledSum += mean * float64(n)
					pooledN += n
				}
			}
		}
		series = append(series, row)
	}
	last := series[len(series)-1]
	baseline := pooledSum / float64(pooledN)
	v := fakeVerdict{
		Period: last.Period, Metric: "goldstein_mean", Value: last.GoldsteinMean, Events: last.Events,
		Rank: 1, RankedPeriods: ranked, Percentile: 100 / float64(ranked), Direction: "low",
		Record: true, Meaningful: true, Significant: true, Baseline: ptr(baseline),
		CILow: last.CILow, CIHigh: last.CIHigh,
	}
	v.Text = fmt.Sprintf("Week of %s: Goldstein mean -3.42 over 57 events, the lowest since records begin (%s); "+
		"rank 1 of %d weeks (%dnd percentile); the difference from the earlier average (%.2f) is significant at 95%%.",
		last.Period, series[0].Period, ranked, int(v.Percentile), baseline)
	return map[string]any{
		"a": a, "b": b, "directed": directed, "by": by, "since": "", "until": "",
		"min_events": 10, "confidence": 0.95, "series": series, "verdict": v,
	}
}

type fakeEvent struct {
	ID         int      `json:"id"`
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

const (
	// The evidence sentences of article a1; sentence2 is broken across a line in the body.
	sentence1 = "U.S. Secretary of State Rex Tillerson on Wednesday said relations between the United States and Russia were at a low point."
	sentence2 = "Russian Foreign Minister Sergei Lavrov accused Washington of violating international law with its missile strike on a Syrian air base."
)

// hostile is markup in an article's text, which the page must show as text.
const hostile = `<img src=x onerror=alert(1)>`

var fakeBodies = map[string]string{
	"a1": "MOSCOW (World Media) — " + sentence1 + " The two men met for nearly two hours.\n\n" +
		strings.Replace(sentence2, "Washington of ", "Washington of\n", 1) +
		"\n\nThe Kremlin said Putin would not meet Tillerson, then changed its mind. " +
		"“We cannot tolerate this,” Lavrov told reporters after 59 missiles hit the base.",
	"a2": "Syrian government forces and Russian jets struck Idlib province on Friday.",
	"a4": "Officials said " + hostile + " was posted on the Kremlin’s site. “Ünïcode – quotes <b>stay</b> text”, said Lavrov in Moscow.",
}

var fakeEvents = func() []fakeEvent {
	moscowLat, moscowLon := 55.75, 37.62
	e := func(id int, article, date, src, srcName, tgt, tgtName, code string, quad int, g float64, evidence string) fakeEvent {
		return fakeEvent{
			ID: id, Origin: "worldmedia", ArticleID: article, Date: date, Source: src, SourceName: srcName,
			Target: tgt, TargetName: tgtName, Code: code, Root: code[:2], Quad: quad, Goldstein: g, Mentions: 1,
			Tone: -6.5, Place: "Moscow, Russia", Country: "RS", Lat: &moscowLat, Lon: &moscowLon,
			Outlet: "World Media", URL: "https://example.org/news/" + article, Evidence: evidence,
		}
	}
	return []fakeEvent{
		e(1, "a1", "2017-04-12", "USAGOV", "REX TILLERSON", "RUSGOV", "MOSCOW", "012", 1, -0.4, sentence1),
		e(2, "a1", "2017-04-12", "USAGOV", "REX TILLERSON", "RUS", "RUSSIA", "111", 3, -2.0, sentence1),
		e(3, "a1", "2017-04-12", "RUSGOV", "SERGEI LAVROV", "USAGOV", "WASHINGTON", "112", 3, -2.0, sentence2),
		e(4, "a1", "2017-04-12", "USAGOV", "REX TILLERSON", "RUSGOV", "SERGEI LAVROV", "040", 1, 1.0,
			"Tillerson and Lavrov held talks in Moscow."),
		e(5, "a2", "2017-04-07", "RUSMIL", "RUSSIAN JETS", "SYRREB", "REBELS", "190", 4, -10, "Syrian government forces and Russian jets struck Idlib province on Friday."),
		e(6, "a2", "2017-04-07", "USA", "UNITED STATES", "RUSGOV", "KREMLIN", "138", 3, -7.0, "Washington warned Moscow of consequences."),
		e(7, "a3", "2017-04-06", "RUSGOV", "KREMLIN", "USA", "UNITED STATES", "036", 1, 4.0, "The Kremlin said it was ready to meet."),
	}
}()

type fakePlace struct {
	Name          string   `json:"name"`
	Country       string   `json:"country"`
	Lat           *float64 `json:"lat"`
	Lon           *float64 `json:"lon"`
	Events        int      `json:"events"`
	GoldsteinMean *float64 `json:"goldstein_mean"`
}

var fakePlaces = []fakePlace{
	{"Moscow, Russia", "RS", ptr(55.75), ptr(37.62), 25, ptr(-2.1)},
	{"Washington, United States", "US", ptr(38.9), ptr(-77.04), 18, ptr(-1.2)},
	{"Idlib, Syria", "SY", ptr(35.93), ptr(36.63), 12, ptr(-7.5)},
	{"Shayrat Airbase, Syria", "SY", ptr(34.49), ptr(36.91), 9, ptr(-9.2)},
	{"Geneva, Switzerland", "SZ", ptr(46.2), ptr(6.15), 4, ptr(3.4)},
	{"somewhere unresolved", "", nil, nil, 3, ptr(0.4)},
}

// wantMarkers is the number of fakePlaces with coordinates.
const wantMarkers = 5

type fakeArticle struct {
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

var fakeArticles = []fakeArticle{
	{"a1", "https://example.org/news/a1", "World Media", "Tillerson and Lavrov trade accusations in Moscow", "2017-04-12", "en", "", "s1", ptr(-6.5), 5, 4, "feeds/world.xml"},
	{"a2", "https://example.org/news/a2", "World Media", "Jets strike Idlib", "2017-04-07", "en", "", "s1", ptr(-9.1), 1, 2, "feeds/world.xml"},
	{"a3", "https://example.net/copy/a2", "Copy Wire", "Jets strike Idlib province", "2017-04-07", "en", "a2", "s2", nil, 1, 1, "feeds/copy.xml"},
	{"a4", "https://example.org/news/a4", "World Media", "Hostile <b>markup</b> " + hostile, "2017-04-13", "en", "", "s3", nil, 2, 1, "feeds/world.xml"},
}

var fakeStories = []map[string]any{
	{"id": "s1", "title": "Tillerson in Moscow", "first_article": "a1", "first_published": "2017-04-07", "last_published": "2017-04-12", "articles": 2, "duplicates": 0, "sources": 1, "events": 6},
	{"id": "s2", "title": "Strike on Idlib", "first_article": "a3", "first_published": "2017-04-07", "last_published": "2017-04-07", "articles": 1, "duplicates": 1, "sources": 1, "events": 1},
}

type fakeActor struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Events int    `json:"events"`
}

var fakeActors = []fakeActor{
	{"USA", "UNITED STATES", 420}, {"RUS", "RUSSIA", 380}, {"USAGOV", "DONALD TRUMP", 42}, {"RUSGOV", "SERGEI LAVROV", 40},
	{"USAMIL", "PENTAGON", 12}, {"USAGOVLEG", "CONGRESS", 5}, {"SYR", "SYRIA", 90}, {"SYRGOV", "BASHAR AL-ASSAD", 33},
}

type fakeCountry struct {
	Country       string  `json:"country"`
	ISO2          string  `json:"iso2"`
	Events        int     `json:"events"`
	GoldsteinMean float64 `json:"goldstein_mean"`
}

// fakeCountries: six with a shape in countries-110m (Kosovo's by name),
// one without an ISO code.
var fakeCountries = []fakeCountry{
	{"RS", "RU", 120, -2.1}, {"US", "US", 80, -1.2}, {"SY", "SY", 60, -6.5}, {"UP", "UA", 30, -3},
	{"SZ", "CH", 4, 3.4}, {"KV", "XK", 3, -1}, {"OC", "", 2, 0.5},
}

// wantShaded is the number of fakeCountries with a shape on the map.
const wantShaded = 6

// span is the byte span [start, end) of the n-th (from 1) sub in text.
func span(text, sub string, n int) [2]int {
	at := 0
	for i := 1; ; i++ {
		j := strings.Index(text[at:], sub)
		if j < 0 {
			panic(fmt.Sprintf("%q: no %d-th %q", text, n, sub))
		}
		if i == n {
			return [2]int{at + j, at + j + len(sub)}
		}
		at += j + len(sub)
	}
}

// sentenceSpans splits text after a full stop that follows a small letter.
func sentenceSpans(text string) []map[string]any {
	var out []map[string]any
	start := 0
	for i := 1; i < len(text); i++ {
		if text[i] == '.' && text[i-1] >= 'a' && text[i-1] <= 'z' && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n') {
			out = append(out, map[string]any{"span": [2]int{start, i + 1}})
			start = i + 1
			for start < len(text) && (text[start] == ' ' || text[start] == '\n') {
				start++
			}
		}
	}
	if start < len(text) {
		out = append(out, map[string]any{"span": [2]int{start, len(text)}})
	}
	return out
}

// sentenceOf is the index of the sentence holding byte offset at.
func sentenceOf(sentences []map[string]any, at int) int {
	for i, s := range sentences {
		sp := s["span"].([2]int)
		if at >= sp[0] && at < sp[1] {
			return i
		}
	}
	return -1
}

func fakeEventJSON(text string, sentences []map[string]any, src, tgt, code string, quad int, g float64, srcSpan, verb, tgtSpan [2]int) map[string]any {
	return map[string]any{
		"source": src, "target": tgt, "code": code, "root": code[:2], "goldstein": g, "quad": quad,
		"date": "2017-04-12", "sentence": sentenceOf(sentences, verb[0]), "negated": false, "reported": false,
		"source_span": srcSpan, "verb_span": verb, "target_span": tgtSpan, "location": nil,
	}
}

// fakeAnalyses are the analyses of a1 (with overlapping spans, after a
// three-byte dash) and a4 (markup and non-ASCII text), as in docs/contract.md.
var fakeAnalyses = func() map[string]map[string]any {
	out := map[string]map[string]any{}
	{
		text := fakeBodies["a1"]
		sents := sentenceSpans(text)
		out["a1"] = map[string]any{
			"id": "a1", "title": fakeArticles[0].Title, "source": "World Media", "date": "2017-04-12", "url": fakeArticles[0].URL,
			"text": text, "sentences": sents,
			"events": []any{
				fakeEventJSON(text, sents, "USAGOV", "RUSGOV", "012", 1, -0.4,
					span(text, "U.S. Secretary of State Rex Tillerson", 1), span(text, "said", 1), span(text, "Russia", 1)),
				// Its verb crosses the start of the quote "a low point".
				fakeEventJSON(text, sents, "USAGOV", "RUS", "111", 3, -2,
					span(text, "Rex Tillerson", 1), span(text, "were at a low", 1), span(text, "Russia", 1)),
				fakeEventJSON(text, sents, "RUSGOV", "USAGOV", "112", 3, -2,
					span(text, "Russian Foreign Minister Sergei Lavrov", 1), span(text, "accused", 1), span(text, "Washington", 1)),
				fakeEventJSON(text, sents, "RUSGOV", "", "130", 3, -4.4,
					span(text, "Lavrov", 2), span(text, "cannot tolerate", 1), [2]int{0, 0}),
			},
			"quotes": []any{
				map[string]any{"text": "a low point", "span": span(text, "a low point", 1), "speaker": "Rex Tillerson", "speaker_code": "USAGOV", "speaker_span": span(text, "Rex Tillerson", 1)},
				map[string]any{"text": "We cannot tolerate this,", "span": span(text, "We cannot tolerate this,", 1), "speaker": "Sergey Lavrov", "speaker_code": "RUSGOV", "speaker_span": span(text, "Lavrov", 2)},
			},
			"persons": []any{
				map[string]any{"name": "Rex Tillerson", "code": "USAGOV", "mentions": [][2]int{span(text, "Rex Tillerson", 1), span(text, "Tillerson", 2)}},
				map[string]any{"name": "Sergey Lavrov", "code": "RUSGOV", "mentions": [][2]int{span(text, "Sergei Lavrov", 1), span(text, "Lavrov", 2)}},
			},
			"organizations": []any{},
			"places": []any{
				map[string]any{"name": "MOSCOW", "resolved": "Moscow", "geonameid": 524901, "country": "RU", "adm1": "48", "lat": 55.75, "lon": 37.62,
					"mentions": [][2]int{span(text, "MOSCOW", 1)}},
				map[string]any{"name": "Washington", "geonameid": 4140963, "country": "US", "adm1": "DC", "lat": 38.9, "lon": -77.04,
					"mentions": [][2]int{span(text, "Washington", 1)}},
			},
			"counts": []any{map[string]any{"kind": "ATTACK", "number": 59, "object": "missiles", "place": "", "span": span(text, "59 missiles", 1)}},
			"tone":   map[string]any{"tone": -6.5, "positive": 1.2, "negative": 7.7, "polarity": 8.9},
		}
	}
	{
		text := fakeBodies["a4"]
		sents := sentenceSpans(text)
		out["a4"] = map[string]any{
			"id": "a4", "title": fakeArticles[3].Title, "text": text, "sentences": sents,
			"events": []any{
				fakeEventJSON(text, sents, "RUSGOV", "", "010", 1, 0, span(text, hostile, 1), span(text, "was posted", 1), [2]int{0, 0}),
			},
			"quotes": []any{
				map[string]any{"text": "", "span": span(text, "Ünïcode – quotes <b>stay</b> text", 1), "speaker": "Sergey Lavrov", "speaker_code": "RUSGOV", "speaker_span": span(text, "Lavrov", 1)},
			},
			"persons": []any{}, "organizations": []any{},
			"places": []any{map[string]any{"name": "Moscow", "country": "RU", "lat": 55.75, "lon": 37.62, "mentions": [][2]int{span(text, "Moscow", 1)}}},
			"counts": []any{},
		}
	}
	return out
}()

// ingestAnalysis is the fake analysis of a posted text: Lavrov, Washington,
// Moscow, "accused" and a quote are found where the text has them.
func ingestAnalysis(text, date, title string) map[string]any {
	sents := sentenceSpans(text)
	find := func(sub string, n int) ([2]int, bool) {
		if strings.Count(text, sub) < n {
			return [2]int{}, false
		}
		return span(text, sub, n), true
	}
	a := map[string]any{
		"id": "x1", "title": title, "source": "", "date": date, "url": "", "language": "en", "text": text, "sentences": sents,
		"events": []any{}, "quotes": []any{}, "persons": []any{}, "organizations": []any{}, "places": []any{}, "counts": []any{},
		"tone": map[string]any{"tone": -3.2},
	}
	lavrov, okL := find("Lavrov", 1)
	if verb, ok := find("accused", 1); ok && okL {
		tgt, _ := find("Washington", 1)
		a["events"] = []any{fakeEventJSON(text, sents, "RUSGOV", "USA", "112", 3, -2, lavrov, verb, tgt)}
	}
	if okL {
		a["persons"] = []any{map[string]any{"name": "Sergey Lavrov", "code": "RUSGOV", "mentions": [][2]int{lavrov}}}
	}
	if m, ok := find("Moscow", 1); ok {
		a["places"] = []any{map[string]any{"name": "Moscow", "country": "RU", "lat": 55.75, "lon": 37.62, "mentions": [][2]int{m}}}
	}
	if i := strings.Index(text, `"`); i >= 0 {
		if j := strings.Index(text[i+1:], `"`); j >= 0 {
			q := map[string]any{"text": text[i+1 : i+1+j], "span": [2]int{i + 1, i + 1 + j}, "speaker": "", "speaker_code": "", "speaker_span": [2]int{0, 0}}
			if sp, ok := find("Lavrov", 2); ok {
				q["speaker"], q["speaker_code"], q["speaker_span"] = "Sergey Lavrov", "RUSGOV", sp
			}
			a["quotes"] = []any{q}
		}
	}
	return a
}
