package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/api"
	"worldmedia/internal/relations"
	"worldmedia/internal/store"
)

func must[T any](tb testing.TB) func(T, error) T {
	return func(v T, err error) T {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
		return v
	}
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestEndpoints(t *testing.T) {
	ctx := t.Context()
	db := openStore(t, ctx, 30)
	srv := serve(t, db, testConfig(), nil)
	events := func(q store.EventQuery) []store.Event { return must[[]store.Event](t)(db.Events(ctx, q)) }
	articles := func(q store.ArticleQuery) []store.Article { return must[[]store.Article](t)(db.Articles(ctx, q)) }
	actors := func(prefix string, limit int) []store.ActorCount {
		return must[[]store.ActorCount](t)(db.Actors(ctx, prefix, limit))
	}
	countries := func(q store.EventQuery) []store.CountryCount {
		return must[[]store.CountryCount](t)(db.EventCountries(ctx, q))
	}
	analysis := func(id string) json.RawMessage {
		a, ok, err := db.Analysis(ctx, id)
		if err != nil || !ok {
			t.Fatalf("analysis of %s: %v, %v", id, ok, err)
		}
		return a
	}
	a1 := articles(store.ArticleQuery{ID: "a1"})[0]
	week := relations.Query{A: "USA", B: "RUS", By: relations.Week}
	month := relations.Query{A: "USAGOV", B: "RUS", By: relations.Month, Directed: true, Since: day("2016-02-01"), Until: day("2016-05-31")}
	monthCfg := relations.DefaultConfig()
	monthCfg.MinEvents = 20

	tests := []struct {
		name string
		path string
		want any // the decoded body, compared whole
	}{
		{"health", "/api/v1/health", health{Status: "ok", Version: "test"}},
		{"stats", "/api/v1/stats", must[store.Stats](t)(db.Stats(ctx))},
		{"events default page", "/api/v1/events",
			eventPage{events(store.EventQuery{Page: store.Page{Limit: 100}}), 100, 0}},
		{"events of worldmedia with duplicates", "/api/v1/events?origin=worldmedia&duplicates=true",
			eventPage{events(store.EventQuery{Origin: "worldmedia", Duplicates: true}), 100, 0}},
		{"events by lower-case source", "/api/v1/events?source=syr",
			eventPage{events(store.EventQuery{Source: "SYR"}), 100, 0}},
		{"events both directions", "/api/v1/events?source=IGOUNO&target=RUS&both=1",
			eventPage{events(store.EventQuery{Source: "IGOUNO", Target: "RUS", Both: true}), 100, 0}},
		{"events by code, quad and dates", "/api/v1/events?code=19&quad=4&since=2017-04-11&until=2017-04-11",
			eventPage{events(store.EventQuery{Code: "19", Quad: 4, Since: day("2017-04-11"), Until: day("2017-04-11")}), 100, 0}},
		{"events by place and text", "/api/v1/events?place=idlib&text=SHELLED",
			eventPage{events(store.EventQuery{Place: "idlib", Text: "SHELLED"}), 100, 0}},
		{"events of a duplicate article", "/api/v1/events?article=a2&duplicates=true",
			eventPage{events(store.EventQuery{ArticleID: "a2", Duplicates: true}), 100, 0}},
		{"events page", "/api/v1/events?limit=3&offset=2",
			eventPage{events(store.EventQuery{Page: store.Page{Limit: 3, Offset: 2}}), 3, 2}},
		{"events none", "/api/v1/events?text=nothing+like+this", eventPage{[]store.Event{}, 100, 0}},
		{"empty values are not given", "/api/v1/events?source=&limit=&both=",
			eventPage{events(store.EventQuery{Page: store.Page{Limit: 100}}), 100, 0}},
		{"places", "/api/v1/places",
			placeList{must[[]store.EventPlace](t)(db.EventPlaces(ctx, store.EventQuery{Page: store.Page{Limit: 500}}))}},
		{"places none", "/api/v1/places?origin=gdelt", placeList{[]store.EventPlace{}}},
		{"articles", "/api/v1/articles", articlePage{articles(store.ArticleQuery{}), 100, 0}},
		{"articles originals", "/api/v1/articles?originals=1",
			articlePage{articles(store.ArticleQuery{Originals: true}), 100, 0}},
		{"articles by source and text", "/api/v1/articles?source=other+wire&text=moscow",
			articlePage{articles(store.ArticleQuery{Source: "other wire", Text: "moscow"}), 100, 0}},
		{"articles of a story since", "/api/v1/articles?story=a1&since=2017-04-13&until=2017-04-13&limit=1&offset=1",
			articlePage{articles(store.ArticleQuery{Story: "a1", Since: day("2017-04-13"), Until: day("2017-04-13"), Page: store.Page{Limit: 1, Offset: 1}}), 1, 1}},
		{"articles none", "/api/v1/articles?since=2020-01-01", articlePage{[]store.Article{}, 100, 0}},
		{"article", "/api/v1/articles/a1", articleDetail{a1, must[string](t)(func() (string, error) {
			b, _, err := db.Body(ctx, "a1")
			return b, err
		}()), events(store.EventQuery{ArticleID: "a1", Duplicates: true}), analysis("a1")}},
		{"search", "/api/v1/search?q=lavrov", articlePage{articles(store.ArticleQuery{Text: "lavrov"}), 100, 0}},
		{"search title, page", "/api/v1/search?q=+UN+talks+&limit=1&offset=0",
			articlePage{articles(store.ArticleQuery{Text: "UN talks", Page: store.Page{Limit: 1}}), 1, 0}},
		{"search text only", "/api/v1/search?q=more+talks+would", articlePage{articles(store.ArticleQuery{ID: "b1"}), 100, 0}},
		{"search none", "/api/v1/search?q=nothing+like+this", articlePage{[]store.Article{}, 100, 0}},
		{"search SQL", "/api/v1/search?q=%27+OR+1%3D1--", articlePage{[]store.Article{}, 100, 0}},
		{"search LIKE wildcards are literal", "/api/v1/search?q=%25%25", articlePage{[]store.Article{}, 100, 0}},
		{"actors", "/api/v1/actors", actorList{actors("", 20)}},
		{"actors by lower-case prefix", "/api/v1/actors?q=rus&limit=100", actorList{actors("RUS", 100)}},
		{"actors limit", "/api/v1/actors?q=&limit=1", actorList{actors("", 1)}},
		{"actors none", "/api/v1/actors?q=ZZZ", actorList{[]store.ActorCount{}}},
		{"countries", "/api/v1/countries", countryList{countries(store.EventQuery{})}},
		{"countries filtered", "/api/v1/countries?quad=4&origin=worldmedia&duplicates=true",
			countryList{countries(store.EventQuery{Quad: 4, Origin: "worldmedia", Duplicates: true})}},
		{"countries none", "/api/v1/countries?since=2030-01-01", countryList{[]store.CountryCount{}}},
		{"stories", "/api/v1/stories", storyPage{must[[]store.Story](t)(db.Stories(ctx, store.StoryQuery{})), 100, 0}},
		{"stories with two articles", "/api/v1/stories?min_articles=2&text=idlib&since=2017-04-01&until=2017-04-30",
			storyPage{must[[]store.Story](t)(db.Stories(ctx, store.StoryQuery{MinArticles: 2, Text: "idlib",
				Since: day("2017-04-01"), Until: day("2017-04-30")})), 100, 0}},
		{"stories none", "/api/v1/stories?min_articles=3", storyPage{[]store.Story{}, 100, 0}},
		{"relations by week", "/api/v1/relations?a=usa&b=rus",
			must[relations.Report](t)(relations.Run(ctx, db, week, relations.DefaultConfig()))},
		{"relations by month, directed", "/api/v1/relations?a=USAGOV&b=RUS&by=month&directed=true&since=2016-02-01&until=2016-05-31&min_events=20",
			must[relations.Report](t)(relations.Run(ctx, db, month, monthCfg))},
		{"relations without events", "/api/v1/relations?a=FRA&b=DEU",
			must[relations.Report](t)(relations.Run(ctx, db, relations.Query{A: "FRA", B: "DEU", By: relations.Week}, relations.DefaultConfig()))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, srv, http.MethodGet, tt.path)
			if r.status != http.StatusOK {
				t.Fatalf("status %d, want 200: %s", r.status, r.body)
			}
			checkHeaders(t, r)
			got := reflect.New(reflect.TypeOf(tt.want))
			if err := json.Unmarshal(r.body, got.Interface()); err != nil {
				t.Fatalf("decoding %s: %v", r.body, err)
			}
			if diff := cmp.Diff(tt.want, got.Elem().Interface()); diff != "" {
				t.Errorf("body (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFixture checks that the cases above compare something.
func TestFixture(t *testing.T) {
	ctx := t.Context()
	db := openStore(t, ctx, 30)
	srv := serve(t, db, testConfig(), nil)
	var page eventPage
	json.Unmarshal(do(t, srv, "GET", "/api/v1/events?origin=worldmedia&duplicates=1").body, &page)
	if len(page.Events) != 6 {
		t.Errorf("%d worldmedia events with duplicates, want 6", len(page.Events))
	}
	var art articleDetail
	json.Unmarshal(do(t, srv, "GET", "/api/v1/articles/a2").body, &art)
	if art.Article.DuplicateOf != "a1" || len(art.Events) != 2 || !art.Events[0].Duplicate || !strings.HasPrefix(art.Body, "Syrian troops") {
		t.Errorf("duplicate article a2: %+v", art)
	}
	var an struct {
		ID     string `json:"id"`
		Text   string `json:"text"`
		Events []struct {
			Code string `json:"code"`
		} `json:"events"`
	}
	if err := json.Unmarshal(art.Analysis, &an); err != nil || an.ID != "a2" || an.Text != art.Body || len(an.Events) != 3 || an.Events[0].Code != "195" {
		t.Errorf("analysis of a2: %+v (%v) from %.200s", an, err, art.Analysis)
	}
	var acts actorList
	json.Unmarshal(do(t, srv, "GET", "/api/v1/actors?q=RUS").body, &acts)
	if len(acts.Actors) != 2 || acts.Actors[0] != (store.ActorCount{Code: "RUS", Events: 360}) ||
		acts.Actors[1].Code != "RUSGOV" {
		t.Errorf("actors RUS: %+v", acts.Actors)
	}
	var cs countryList
	json.Unmarshal(do(t, srv, "GET", "/api/v1/countries").body, &cs)
	if len(cs.Countries) != 1 || cs.Countries[0].Country != "SY" || cs.Countries[0].ISO2 != "SY" || cs.Countries[0].Events != 2 {
		t.Errorf("countries: %+v", cs.Countries)
	}
	var found articlePage
	json.Unmarshal(do(t, srv, "GET", "/api/v1/search?q=Moscow").body, &found)
	if len(found.Articles) != 1 || found.Articles[0].ID != "b1" {
		t.Errorf("search Moscow: %+v", found.Articles)
	}
	var rep relations.Report
	json.Unmarshal(do(t, srv, "GET", "/api/v1/relations?a=USA&b=RUS&by=week").body, &rep)
	v := rep.Verdict
	if len(rep.Series) != 30 || rep.Series[29].Events != 12 || v.Period != "2016-07-25" || v.Rank != 1 || v.RankedPeriods != 30 ||
		!v.Record || !v.Meaningful || v.Direction != "low" {
		t.Errorf("relations report: %d rows, verdict %+v", len(rep.Series), v)
	}
	for _, path := range []string{"/api/v1/events?text=nothing", "/api/v1/places?text=nothing", "/api/v1/articles?text=nothing",
		"/api/v1/stories?text=nothing", "/api/v1/articles/b1", "/api/v1/actors?q=QQQ", "/api/v1/countries?text=nothing",
		"/api/v1/search?q=nothing"} {
		body := string(do(t, srv, "GET", path).body)
		for _, list := range []string{"events", "places", "articles", "stories", "actors", "countries"} {
			if strings.Contains(body, `"`+list+`":null`) {
				t.Errorf("%s: %s, want [] for empty lists", path, body)
			}
		}
	}
}

func TestBadRequests(t *testing.T) {
	db := openStore(t, t.Context(), 1)
	srv := serve(t, db, testConfig(), nil)
	long := strings.Repeat("x", 1001)
	tests := []struct {
		name   string
		path   string
		status int
		msg    string // the message contains it
	}{
		{"limit too high", "/api/v1/events?limit=5000", 400, "limit: want 1..1000, got 5000"},
		{"limit zero", "/api/v1/events?limit=0", 400, "limit: want 1..1000, got 0"},
		{"limit overflows", "/api/v1/events?limit=99999999999999999999", 400, "limit: want 1..1000"},
		{"limit not a number", "/api/v1/events?limit=ten", 400, `limit: want an integer, got "ten"`},
		{"offset negative", "/api/v1/events?offset=-1", 400, "offset: want 0..1000000, got -1"},
		{"offset too deep", "/api/v1/events?offset=1000001", 400, "offset: want 0..1000000"},
		{"unknown parameter", "/api/v1/events?lmit=5", 400, `unknown parameter "lmit"`},
		{"unknown parameters", "/api/v1/events?b=1&a=2", 400, `unknown parameters "a", "b"`},
		{"repeated parameter", "/api/v1/events?limit=1&limit=2", 400, "limit: given 2 times"},
		{"value too long", "/api/v1/events?text=" + long, 400, "text: 1001 bytes, at most 1000"},
		{"value not UTF-8", "/api/v1/events?text=%ff", 400, "text: not UTF-8"},
		{"name not UTF-8", "/api/v1/events?%ff=1", 400, `unknown parameter "\xff"`},
		{"control character", "/api/v1/events?text=a%00b", 400, "text: control character U+0000"},
		{"bad escape", "/api/v1/events?text=%zz", 400, "query: invalid URL escape"},
		{"semicolon", "/api/v1/events?limit=1;offset=2", 400, "query: invalid semicolon"},
		{"bad date", "/api/v1/events?since=2017-13-01", 400, `since: want a date YYYY-MM-DD, got "2017-13-01"`},
		{"date with time", "/api/v1/events?until=2017-04-01T00:00:00Z", 400, "until: want a date"},
		{"year zero", "/api/v1/events?since=0000-01-01", 400, "since: want a date"},
		{"until before since", "/api/v1/events?since=2017-04-12&until=2017-04-11", 400, "until: 2017-04-11 is before since 2017-04-12"},
		{"bool yes", "/api/v1/events?both=yes", 400, `both: want true, false, 1 or 0, got "yes"`},
		{"bool TRUE", "/api/v1/events?duplicates=TRUE", 400, "duplicates: want true, false, 1 or 0"},
		{"quad out of range", "/api/v1/events?quad=5", 400, "quad: want 1..4, got 5"},
		{"quad not a number", "/api/v1/events?quad=x", 400, "quad: want an integer"},
		{"bad actor", "/api/v1/events?source=us", 400, `source: want an actor code of 3 to 15 letters or digits, got "us"`},
		{"actor with quote", "/api/v1/events?target=USA'--", 400, "target: want an actor code"},
		{"bad code", "/api/v1/events?code=1a", 400, `code: want a CAMEO code of 1 to 4 digits, got "1a"`},
		{"bad origin", "/api/v1/events?origin=cnn", 400, `origin: want worldmedia, gdelt, got "cnn"`},
		{"places limit", "/api/v1/places?limit=1001", 400, "limit: want 1..1000, got 1001"},
		{"places unknown", "/api/v1/places?a=USA", 400, `unknown parameter "a"`},
		{"articles bool", "/api/v1/articles?originals=yes", 400, "originals: want true, false, 1 or 0"},
		{"articles date", "/api/v1/articles?since=yesterday", 400, "since: want a date"},
		{"articles event filter", "/api/v1/articles?quad=1", 400, `unknown parameter "quad"`},
		{"stories min_articles", "/api/v1/stories?min_articles=-1", 400, "min_articles: want 0..1000000, got -1"},
		{"stories offset", "/api/v1/stories?offset=x", 400, "offset: want an integer"},
		{"relations without actors", "/api/v1/relations", 400, "a: required"},
		{"relations without b", "/api/v1/relations?a=USA", 400, "b: required"},
		{"relations same actors", "/api/v1/relations?a=USA&b=usa", 400, `b: the same actor as a, "USA"`},
		{"relations bad actor", "/api/v1/relations?a=U&b=RUS", 400, `a: want an actor code`},
		{"relations bad period", "/api/v1/relations?a=USA&b=RUS&by=fortnight", 400, `by: want day, week, month or year, got "fortnight"`},
		{"relations min_events", "/api/v1/relations?a=USA&b=RUS&min_events=0", 400, "min_events: want 1..100000, got 0"},
		{"relations directed", "/api/v1/relations?a=USA&b=RUS&directed=maybe", 400, "directed: want true, false, 1 or 0"},
		{"relations until before since", "/api/v1/relations?a=USA&b=RUS&since=2017-01-02&until=2017-01-01", 400, "until: 2017-01-01 is before since"},
		{"relations too many periods", "/api/v1/relations?a=USA&b=RUS&by=day&since=1000-01-01&until=2016-12-31", 400, "bad date range"},
		{"actors SQL", "/api/v1/actors?q=%27+OR+1%3D1--", 400, `q: want the start of an actor code: up to 15 letters or digits, got "' OR 1=1--"`},
		{"actors too long", "/api/v1/actors?q=ABCDEFGHIJKLMNOP", 400, "q: want the start of an actor code"},
		{"actors not ASCII", "/api/v1/actors?q=%C5%BFyr", 400, "q: want the start of an actor code"},
		{"actors LIKE wildcard", "/api/v1/actors?q=R%25", 400, "q: want the start of an actor code"},
		{"actors limit too high", "/api/v1/actors?limit=101", 400, "limit: want 1..100, got 101"},
		{"actors limit zero", "/api/v1/actors?limit=0", 400, "limit: want 1..100, got 0"},
		{"actors offset", "/api/v1/actors?offset=1", 400, `unknown parameter "offset": accepted: q, limit`},
		{"countries no paging", "/api/v1/countries?limit=5", 400, `unknown parameter "limit"`},
		{"countries bad actor", "/api/v1/countries?source=U%27", 400, "source: want an actor code"},
		{"countries bad quad", "/api/v1/countries?quad=0", 400, "quad: want 1..4, got 0"},
		{"search without q", "/api/v1/search", 400, "q: required"},
		{"search blank q", "/api/v1/search?q=+++", 400, "q: required"},
		{"search short q", "/api/v1/search?q=a", 400, "q: 1 bytes, want 2..200"},
		{"search long q", "/api/v1/search?q=" + strings.Repeat("ab", 101), 400, "q: 202 bytes, want 2..200"},
		{"search control character", "/api/v1/search?q=ab%00", 400, "q: control character U+0000"},
		{"search filters", "/api/v1/search?q=ab&source=x", 400, `unknown parameter "source": accepted: q, limit, offset`},
		{"search offset", "/api/v1/search?q=ab&offset=-1", 400, "offset: want 0..1000000, got -1"},
		{"actor not ASCII", "/api/v1/events?source=%C5%BFyr", 400, "source: want an actor code"},
		{"healthz takes no parameters", "/healthz?x=1", 400, `unknown parameter "x"`},
		{"health takes no parameters", "/api/v1/health?verbose=1", 400, `unknown parameter "verbose": accepted: none`},
		{"unknown article", "/api/v1/articles/nope", 404, `not found: article "nope"`},
		{"article id not UTF-8", "/api/v1/articles/%ff", 400, "id: not UTF-8"},
		{"unknown path", "/api/v1/nothing", 404, `not found: no such path "/api/v1/nothing"`},
		{"unknown version", "/api/v2/events", 404, "not found"},
		{"trailing slash", "/api/v1/events/", 404, "not found"},
		{"article path too deep", "/api/v1/articles/a1/events", 404, "not found"},
		{"outside the API", "/index.html", 404, "not found"},
		{"URL too long", "/api/v1/events?text=" + strings.Repeat("x", 8200), 414, "request URL too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := do(t, srv, http.MethodGet, tt.path)
			if r.status != tt.status {
				t.Errorf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
			checkHeaders(t, r)
			if msg := decodeError(t, r); !strings.Contains(msg, tt.msg) {
				t.Errorf("message %q, want it to contain %q", msg, tt.msg)
			}
		})
	}
}

func TestMethods(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	srv := serve(t, db, testConfig(), nil)
	for _, tt := range []struct {
		method, path string
		status       int
	}{
		{"POST", "/api/v1/events", 405},
		{"PUT", "/api/v1/stats", 405},
		{"DELETE", "/api/v1/articles/a1", 405},
		{"PATCH", "/api/v1/openapi.json", 405},
		{"OPTIONS", "/api/v1/relations", 405},
		{"POST", "/api/v1/nothing", 404},
		{"GET", "/api/v1/code", 405},
		{"HEAD", "/api/v1/ingest", 405},
		{"PUT", "/api/v1/ingest", 405},
		{"POST", "/healthz", 405},
		{"DELETE", "/metrics", 405},
		{"POST", "/openapi.json", 405},
		{"POST", "/api/v1/actors", 405},
	} {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			r := do(t, srv, tt.method, tt.path)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
			if tt.method == "HEAD" {
				return
			}
			checkHeaders(t, r)
			msg := decodeError(t, r)
			want := "GET, HEAD"
			if strings.HasSuffix(tt.path, "/code") || strings.HasSuffix(tt.path, "/ingest") {
				want = "POST"
			}
			if allow := r.header.Get("Allow"); tt.status == 405 && allow != want {
				t.Errorf("Allow %q, want %q", allow, want)
			}
			if tt.status == 405 && msg != "method not allowed: use "+strings.ReplaceAll(want, ", ", " or ") {
				t.Errorf("message %q", msg)
			}
		})
	}
	for _, path := range []string{"/api/v1/events", "/healthz", "/openapi.json"} {
		t.Run("HEAD "+path, func(t *testing.T) {
			r := do(t, srv, http.MethodHead, path)
			if r.status != 200 || len(r.body) != 0 || r.header.Get("Content-Length") == "" {
				t.Errorf("HEAD: status %d, %d bytes, Content-Length %q", r.status, len(r.body), r.header.Get("Content-Length"))
			}
			checkHeaders(t, r)
		})
	}
}

// faultyStore is a store whose Events and Stats misbehave as told.
type faultyStore struct {
	api.Store
	events func(ctx context.Context) ([]store.Event, error)
}

func (s faultyStore) Events(ctx context.Context, q store.EventQuery) ([]store.Event, error) {
	return s.events(ctx)
}

func (s faultyStore) Stats(context.Context) (store.Stats, error) {
	panic("assignment to entry in nil map") // the panic a careless store gives
}

func TestStoreFaults(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	const secret = "disk on fire at /var/secret/worldmedia.duckdb"
	tests := []struct {
		name   string
		events func(ctx context.Context) ([]store.Event, error)
		status int
		msg    string
		log    string // the log contains it
	}{
		{"timeout", func(ctx context.Context) ([]store.Event, error) {
			<-ctx.Done()
			return nil, ctx.Err()
		}, 503, "timeout", "api timeout"},
		{"timeout in the database's words", func(ctx context.Context) ([]store.Event, error) {
			<-ctx.Done()
			return nil, errors.New("INTERRUPT Error: Interrupted!")
		}, 503, "timeout", "Interrupted"},
		{"internal error", func(context.Context) ([]store.Event, error) {
			return nil, errors.New(secret)
		}, 500, "internal error", secret},
		{"bad query", func(context.Context) ([]store.Event, error) {
			return nil, fmt.Errorf("%w: actor code %q", store.ErrQuery, "x")
		}, 400, `invalid query: actor code "x"`, ""},
		{"bad relation", func(context.Context) ([]store.Event, error) {
			return nil, fmt.Errorf("relations: %w: since after until", relations.ErrRange)
		}, 400, "bad date range", ""},
		{"not found", func(context.Context) ([]store.Event, error) {
			return nil, fmt.Errorf("%w: article %q", api.ErrNotFound, "z")
		}, 404, `not found: article "z"`, ""},
		{"panic", func(context.Context) ([]store.Event, error) {
			panic(secret)
		}, 500, "internal error", "api panic"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log := &logBuffer{}
			cfg := testConfig()
			// Long enough for the real store to answer the next request on
			// a busy machine; the blocking cases wait for it.
			cfg.Timeout = 500 * time.Millisecond
			srv := serve(t, faultyStore{Store: db, events: tt.events}, cfg, log)
			r := do(t, srv, "GET", "/api/v1/events")
			if r.status != tt.status {
				t.Errorf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
			checkHeaders(t, r)
			if msg := decodeError(t, r); !strings.Contains(msg, tt.msg) {
				t.Errorf("message %q, want it to contain %q", msg, tt.msg)
			}
			if strings.Contains(string(r.body), "secret") {
				t.Errorf("the body leaks the error: %s", r.body)
			}
			if tt.log != "" {
				log.waitFor(t, tt.log)
			}
			// The server goes on serving.
			if r := do(t, srv, "GET", "/api/v1/articles?limit=1"); r.status != 200 {
				t.Errorf("next request: status %d: %s", r.status, r.body)
			}
		})
	}
	t.Run("nil result", func(t *testing.T) {
		srv := serve(t, faultyStore{Store: db, events: func(context.Context) ([]store.Event, error) { return nil, nil }}, testConfig(), nil)
		if r := do(t, srv, "GET", "/api/v1/events"); string(r.body) != `{"events":[],"limit":100,"offset":0}`+"\n" {
			t.Errorf("body %s", r.body)
		}
	})
	t.Run("panic in stats", func(t *testing.T) {
		log := &logBuffer{}
		srv := serve(t, faultyStore{Store: db}, testConfig(), log)
		for range 2 {
			if r := do(t, srv, "GET", "/api/v1/stats"); r.status != 500 || decodeError(t, r) != "internal error" {
				t.Errorf("status %d: %s", r.status, r.body)
			}
		}
		log.waitFor(t, "assignment to entry in nil map")
		if r := do(t, srv, "GET", "/api/v1/health"); r.status != 200 {
			t.Errorf("health after panics: %d", r.status)
		}
	})
}

func TestRequestLog(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	log := &logBuffer{}
	h, err := api.New(db, testConfig(), log.logger())
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/events?limit=5000", nil))
	want := regexp.MustCompile(`^time=\S+ level=DEBUG msg="api request" method=GET path=/api/v1/events status=400 bytes=\d+ elapsed=\S+ remote=192.0.2.1:1234\n$`)
	if got := log.String(); !want.MatchString(got) {
		t.Errorf("log %q, want it to match %q", got, want)
	}
}

func TestAccessLog(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	log := &logBuffer{}
	cfg := testConfig()
	cfg.AccessLog = true
	h, err := api.New(db, cfg, slog.New(slog.NewJSONHandler(log, nil))) // info and above
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/api/v1/health", "/nothing"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", path, nil))
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 2 {
		t.Fatalf("log %q, want 2 lines", log.String())
	}
	for i, want := range []struct {
		path   string
		status int
	}{{"/api/v1/health", 200}, {"/nothing", 404}} {
		var e struct {
			Level, Msg, Method, Path, Remote string
			Status                           int
			Bytes                            int64
			Elapsed                          int64
		}
		if err := json.Unmarshal([]byte(lines[i]), &e); err != nil {
			t.Fatal(err)
		}
		if e.Level != "INFO" || e.Msg != "api request" || e.Method != "GET" || e.Path != want.path || e.Status != want.status ||
			e.Bytes < 10 || e.Elapsed <= 0 || e.Remote != "192.0.2.1:1234" {
			t.Errorf("log line %s: %+v", lines[i], e)
		}
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	for _, tt := range []struct {
		name string
		edit func(*api.Config)
	}{
		{"no timeout", func(c *api.Config) { c.Timeout = 0 }},
		{"no rows", func(c *api.Config) { c.MaxLimit = 0 }},
		{"more rows than the store gives", func(c *api.Config) { c.MaxLimit = store.MaxLimit + 1 }},
		{"negative analyze timeout", func(c *api.Config) { c.AnalyzeTimeout = -time.Second }},
		{"negative body limit", func(c *api.Config) { c.MaxBodyBytes = -1 }},
		{"token with a space", func(c *api.Config) { c.Token = "two words" }},
		{"token with a newline", func(c *api.Config) { c.Token = "secret\n" }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cfg := api.DefaultConfig()
			tt.edit(&cfg)
			if _, err := api.New(db, cfg, nil); !errors.Is(err, api.ErrConfig) {
				t.Errorf("New: %v, want ErrConfig", err)
			}
		})
	}
	if _, err := api.New(nil, api.DefaultConfig(), nil); !errors.Is(err, api.ErrConfig) {
		t.Errorf("New without a store: %v, want ErrConfig", err)
	}
}

func TestMaxLimit(t *testing.T) {
	db := openStore(t, t.Context(), 1)
	cfg := testConfig()
	cfg.MaxLimit = 5
	srv := serve(t, db, cfg, nil)
	var page eventPage
	r := do(t, srv, "GET", "/api/v1/events")
	if err := json.Unmarshal(r.body, &page); err != nil || page.Limit != 5 || len(page.Events) != 5 {
		t.Errorf("default page with MaxLimit 5: limit %d, %d events, %v", page.Limit, len(page.Events), err)
	}
	if r := do(t, srv, "GET", "/api/v1/events?limit=6"); r.status != 400 || !strings.Contains(decodeError(t, r), "limit: want 1..5, got 6") {
		t.Errorf("limit 6: %d %s", r.status, r.body)
	}
}

// openAPIDoc is the part of an OpenAPI document the test reads.
type openAPIDoc struct {
	OpenAPI    string                                 `json:"openapi"`
	Paths      map[string]map[string]openAPIOperation `json:"paths"`
	Components struct {
		Schemas map[string]struct {
			Required   []string                   `json:"required"`
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"schemas"`
		Parameters      map[string]openAPIParam    `json:"parameters"`
		Responses       map[string]json.RawMessage `json:"responses"`
		SecuritySchemes map[string]json.RawMessage `json:"securitySchemes"`
	} `json:"components"`
}

type openAPIOperation struct {
	Parameters  []openAPIParam             `json:"parameters"`
	Responses   map[string]json.RawMessage `json:"responses"`
	Security    []map[string][]string      `json:"security"`
	RequestBody *struct {
		Content map[string]json.RawMessage `json:"content"`
	} `json:"requestBody"`
}

type openAPIParam struct {
	Ref      string `json:"$ref"`
	Name     string `json:"name"`
	In       string `json:"in"`
	Required bool   `json:"required"`
}

func TestOpenAPI(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	cfg := testConfig()
	cfg.Analyzer = &fakeAnalyzer{}
	srv := serve(t, db, cfg, nil)
	r := do(t, srv, "GET", "/api/v1/openapi.json")
	if r.status != 200 {
		t.Fatalf("status %d", r.status)
	}
	checkHeaders(t, r)
	var doc openAPIDoc
	if err := json.Unmarshal(r.body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Errorf("openapi %q, want 3.1.0", doc.OpenAPI)
	}
	routes := api.Routes()
	if diff := cmp.Diff(slices.Sorted(maps.Keys(routes)), slices.Sorted(maps.Keys(doc.Paths))); diff != "" {
		t.Errorf("paths served (-) and documented (+):\n%s", diff)
	}
	// Every reference resolves.
	for _, m := range regexp.MustCompile(`"#/components/(\w+)/(\w+)"`).FindAllSubmatch(r.body, -1) {
		kind, name := string(m[1]), string(m[2])
		var ok bool
		switch kind {
		case "schemas":
			_, ok = doc.Components.Schemas[name]
		case "parameters":
			_, ok = doc.Components.Parameters[name]
		case "responses":
			_, ok = doc.Components.Responses[name]
		}
		if !ok {
			t.Errorf("reference to a missing %s %s", kind, name)
		}
	}
	required := map[string]string{"a": "USA", "b": "RUS", "q": "idlib"}
	for path, ops := range doc.Paths {
		rt := routes[path]
		method := strings.ToLower(rt.Method)
		op, ok := ops[method]
		if len(ops) != 1 || !ok || op.Responses == nil {
			t.Errorf("%s: operations %v, want %s only", path, slices.Sorted(maps.Keys(ops)), method)
			continue
		}
		var query []string
		probe := path
		args := []string{}
		for _, p := range op.Parameters {
			if p.Ref != "" {
				p = doc.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
			}
			switch p.In {
			case "query":
				query = append(query, p.Name)
				if p.Required {
					args = append(args, p.Name+"="+required[p.Name])
				}
			case "path":
				probe = strings.ReplaceAll(probe, "{"+p.Name+"}", "a1")
			default:
				t.Errorf("%s: parameter %+v", path, p)
			}
		}
		slices.Sort(query)
		if diff := cmp.Diff(slices.Sorted(slices.Values(rt.Params)), query); diff != "" {
			t.Errorf("%s: query parameters accepted (-) and documented (+):\n%s", path, diff)
		}
		if len(args) > 0 {
			probe += "?" + strings.Join(args, "&")
		}
		codes := []string{"200", "400", "500", "503"}
		switch {
		case path == "/metrics":
			codes = []string{"200"}
		case rt.Method == "POST":
			codes = append(codes, "413", "415")
			if op.RequestBody == nil {
				t.Errorf("%s: no request body documented", path)
			} else if diff := cmp.Diff([]string{"application/json", "application/jsonl", "application/x-ndjson", "text/html", "text/plain"},
				slices.Sorted(maps.Keys(op.RequestBody.Content))); diff != "" {
				t.Errorf("%s: request bodies (-want +documented):\n%s", path, diff)
			}
		}
		if rt.Auth {
			codes = append(codes, "401")
			if len(op.Security) == 0 || op.Security[0]["bearer"] == nil || doc.Components.SecuritySchemes["bearer"] == nil {
				t.Errorf("%s: security %v, want bearer", path, op.Security)
			}
		}
		for _, code := range codes {
			if _, ok := op.Responses[code]; !ok {
				t.Errorf("%s: no %s response documented", path, code)
			}
		}
		var r response
		if rt.Method == "POST" {
			r = post(t, srv, "POST", probe, strings.NewReader("Some text."), "text/plain")
		} else {
			r = do(t, srv, "GET", probe)
		}
		if r.status != 200 {
			t.Errorf("%s %s: status %d: %s", rt.Method, probe, r.status, r.body)
		}
	}
	// The schemas name every JSON field of the Go types, all of them
	// always present.
	types := map[string]any{
		"Event": store.Event{}, "EventPlace": store.EventPlace{}, "Article": store.Article{}, "Story": store.Story{},
		"Stats": store.Stats{}, "Report": relations.Report{}, "Row": relations.Row{}, "Verdict": relations.Verdict{},
		"ActorCount": store.ActorCount{}, "CountryCount": store.CountryCount{},
		"InputError": api.InputError{}, "IngestResult": api.IngestResult{},
	}
	maps.Copy(types, api.Bodies())
	for name, v := range types {
		s, ok := doc.Components.Schemas[name]
		if !ok {
			t.Errorf("no schema %s", name)
			continue
		}
		want := jsonNames(reflect.TypeOf(v))
		if diff := cmp.Diff(want, slices.Sorted(maps.Keys(s.Properties))); diff != "" {
			t.Errorf("schema %s: Go fields (-) and documented (+):\n%s", name, diff)
		}
		if name == "AnalyzeRequest" {
			continue // one of text, html and url
		}
		if diff := cmp.Diff(want, slices.Sorted(slices.Values(s.Required))); diff != "" {
			t.Errorf("schema %s: Go fields (-) and required (+):\n%s", name, diff)
		}
	}
	// The analysis schema names fields of the contract's objects.
	raw, _, err := db.Analysis(t.Context(), "a1")
	if err != nil {
		t.Fatal(err)
	}
	var analysis map[string]json.RawMessage
	if err := json.Unmarshal(raw, &analysis); err != nil {
		t.Fatal(err)
	}
	s := doc.Components.Schemas["Analysis"]
	for _, names := range [][]string{slices.Collect(maps.Keys(s.Properties)), s.Required} {
		for _, name := range names {
			if _, ok := analysis[name]; !ok {
				t.Errorf("schema Analysis: %s is no field of a stored analysis %s", name, slices.Sorted(maps.Keys(analysis)))
			}
		}
	}
}

// jsonNames returns the sorted JSON names of a struct's fields.
func jsonNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
