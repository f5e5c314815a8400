package web_test

import (
	"context"
	"encoding/json"
	"flag"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/testkit"
	"worldmedia/internal/web"
)

var update = flag.Bool("update", false, "write testdata/relations.png, a screenshot of the relations view")

// browser is one headless Chromium for all the subtests, each in its own tab,
// over a server with the dashboard at / and a fake API at /api/v1/.
type browser struct {
	ctx context.Context // the browser's
	url string
	api *fakeAPI
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	ctx := testkit.Chromium(t)
	h, err := web.New(web.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	api := newFakeAPI()
	mux := http.NewServeMux()
	mux.Handle("/", h)
	mux.Handle("/api/v1/", api)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &browser{ctx: ctx, url: srv.URL, api: api}
}

// cspRecorder records Content-Security-Policy violations in window.__csp.
const cspRecorder = `window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`

// tab opens a tab at the dashboard's route (a hash such as "#/events") and
// fails the test at its end if the page threw, logged an error (but the
// failed API requests a test asks for) or broke the Content-Security-Policy.
func (b *browser) tab(t *testing.T, hash string) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 30*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	if err := chromedp.Do(ctx); err != nil { // attach the tab
		t.Fatal(err)
	}
	var mu sync.Mutex
	var problems []string
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			bad := m.IsException() || m.Type == chromedp.ConsoleError
			// A request the API answers with an error status is logged by the
			// browser; the page shows it, and the tests check that.
			if m.Source == "network" && strings.Contains(m.URL, "/api/v1/") {
				bad = false
			}
			if bad {
				mu.Lock()
				problems = append(problems, string(m.Type)+": "+m.Text+" ("+m.URL+")")
				mu.Unlock()
			}
		}
	}()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspRecorder}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__csp || []`))
		if err != nil {
			t.Errorf("reading CSP violations: %v", err)
		}
		for _, v := range violations {
			t.Errorf("Content-Security-Policy violation: %s", v)
		}
		cancelTimeout()
		<-done
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("page console: %s", p)
		}
	})
	if err := chromedp.Do(ctx, chromedp.Navigate(b.url+"/"+hash)); err != nil {
		t.Fatal(err)
	}
	return ctx
}

func act(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// waitJS waits until the JavaScript expression is true.
func waitJS(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// clickUntil clicks the element sel until the expression cond holds: on a
// busy machine a click can land while the page still lays out.
func clickUntil(t *testing.T, ctx context.Context, sel, cond string) {
	t.Helper()
	for try := 0; ; try++ {
		act(t, ctx, chromedp.Click(chromedp.CSS(sel)))
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(3*time.Second)))
		if err == nil {
			return
		}
		if try == 3 {
			t.Fatalf("clicking %s: waiting for %s: %v", sel, cond, err)
		}
	}
}

func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	return run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return run(t, ctx, chromedp.Evaluate[string](`(document.querySelector(`+jsString(sel)+`) || {}).textContent || ""`))
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

func hash(t *testing.T, ctx context.Context) string {
	t.Helper()
	return run(t, ctx, chromedp.Evaluate[string](`location.hash`))
}

// artifact writes a full-page screenshot to $WORLDMEDIA_ARTIFACTS/name.png
// when that variable is set, for a person to look at.
func artifact(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("WORLDMEDIA_ARTIFACTS")
	if dir == "" {
		return
	}
	time.Sleep(200 * time.Millisecond) // transitions and fonts
	png := run(t, ctx, chromedp.FullScreenshot(100))
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", p)
}

// painted counts the opaque pixels of a canvas.
func painted(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	return run(t, ctx, chromedp.Evaluate[int](`(() => {
		const c = document.querySelector(`+jsString(sel)+`);
		const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
		let n = 0;
		for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
		return n;
	})()`))
}

func TestBrowser(t *testing.T) {
	start := time.Now()
	b := newBrowser(t)
	t.Logf("browser started in %v", time.Since(start).Round(time.Millisecond))

	t.Run("overview", func(t *testing.T) {
		release := b.api.hold("/api/v1/stats")
		ctx := b.tab(t, "#/overview")
		// While the API has not answered, the page says it is loading.
		waitJS(t, ctx, `document.getElementById("status").textContent.includes("Loading")`)
		if busy := run(t, ctx, chromedp.Evaluate[string](`document.getElementById("view").getAttribute("aria-busy") || ""`)); busy != "true" {
			t.Errorf("aria-busy %q while loading", busy)
		}
		release()
		waitJS(t, ctx, `document.querySelector("[data-stat=articles]") !== null`)
		got := run(t, ctx, chromedp.Evaluate[map[string]string](
			`Object.fromEntries([...document.querySelectorAll("[data-stat]")].map((e) => [e.dataset.stat, e.textContent]))`))
		if diff := cmp.Diff(wantStats, got); diff != "" {
			t.Errorf("stat cards (-want +got):\n%s", diff)
		}
		if s := text(t, ctx, "#status"); s != "" {
			t.Errorf("status %q after loading", s)
		}
		if s := text(t, ctx, `nav a[aria-current="page"]`); s != "Overview" {
			t.Errorf("current nav link %q", s)
		}
	})

	t.Run("relations", func(t *testing.T) {
		ctx := b.tab(t, "#/relations")
		b.api.waitRequest(t, "/api/v1/relations", map[string]string{"a": "USA", "b": "RUS", "by": "week", "directed": "false"})
		waitJS(t, ctx, `document.querySelectorAll("#chart-mean canvas, #chart-counts canvas").length === 2`)
		want := fakeRelations("USA", "RUS", "week", false)["verdict"].(fakeVerdict).Text
		if got := text(t, ctx, "#verdict-text"); got != want {
			t.Errorf("verdict text %q, want %q", got, want)
		}
		badges := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".verdict .badge")].map((e) => e.textContent)`))
		if diff := cmp.Diff([]string{"meaningful", "significant", "record low"}, badges); diff != "" {
			t.Errorf("badges (-want +got):\n%s", diff)
		}
		// The charts have drawn something: many opaque pixels on the mean chart.
		if n := painted(t, ctx, "#chart-mean canvas"); n < 2000 {
			t.Errorf("the Goldstein chart has only %d painted pixels", n)
		}
		if n := count(t, ctx, ".view-relations .table-wrap tbody tr"); n != 40 {
			t.Errorf("%d rows in the data table, want 40", n)
		}
		if s := text(t, ctx, ".view-relations .table-wrap tbody tr.current td"); s != "2017-04-10" {
			t.Errorf("highlighted row %q, want the verdict's week", s)
		}
		if *update {
			// Wait for the fonts and the focus ring to settle.
			time.Sleep(300 * time.Millisecond)
			png := run(t, ctx, chromedp.FullScreenshot(100))
			if err := os.WriteFile(filepath.Join("testdata", "relations.png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}

		// A new query from the form: the API is asked and the hash keeps it.
		act(t, ctx,
			chromedp.SetValue(chromedp.ID("relations-form-a"), "usagov"),
			chromedp.SetValue(chromedp.ID("relations-form-b"), "CHN"),
			chromedp.SetValue(chromedp.ID("relations-form-by"), "month"),
			chromedp.SetValue(chromedp.ID("relations-form-since"), "2016-01-01"),
			chromedp.Click(chromedp.ID("relations-form-directed")),
			chromedp.Click(chromedp.CSS(`#relations-form button[type="submit"]`)),
		)
		b.api.waitRequest(t, "/api/v1/relations", map[string]string{
			"a": "USAGOV", "b": "CHN", "by": "month", "directed": "true", "since": "2016-01-01",
		})
		waitJS(t, ctx, `document.querySelector("h2").textContent.includes("USAGOV → CHN")`)
		h := hash(t, ctx)
		for _, want := range []string{"#/relations?", "a=USAGOV", "b=CHN", "by=month", "directed=true", "since=2016-01-01"} {
			if !strings.Contains(h, want) {
				t.Errorf("hash %q lacks %q", h, want)
			}
		}
	})

	t.Run("errors", func(t *testing.T) {
		tests := []struct {
			name, hash string
			want       []string
		}{
			{"API error", "#/relations?a=XXX&b=RUS", []string{`unknown actor code "XXX": no country or actor has it`, "400"}},
			{"not JSON", "#/events?source=GATEWAY", []string{"HTTP 502", "Bad Gateway"}},
			{"no article", "#/article/nope", []string{`no article "nope"`, "404"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				ctx := b.tab(t, tt.hash)
				waitJS(t, ctx, `document.querySelector("[role=alert]") !== null`)
				msg := text(t, ctx, "[role=alert]")
				for _, want := range tt.want {
					if !strings.Contains(msg, want) {
						t.Errorf("alert %q lacks %q", msg, want)
					}
				}
				if s := text(t, ctx, "#status"); s != "" {
					t.Errorf("status %q after the error", s)
				}
			})
		}
	})

	t.Run("events", func(t *testing.T) {
		ctx := b.tab(t, "#/events?source=USA&target=RUS&both=true&limit=3")
		b.api.waitRequest(t, "/api/v1/events", map[string]string{"source": "USA", "target": "RUS", "both": "true", "limit": "3", "offset": "0"})
		waitJS(t, ctx, `document.querySelectorAll(".view-events tbody tr").length === 3`)
		if s := text(t, ctx, ".view-events tbody tr td.evidence"); !strings.Contains(s, sentence1) {
			t.Errorf("first evidence cell %q", s)
		}
		// The form shows the query.
		if v := run(t, ctx, chromedp.Value(chromedp.ID("events-form-source"))); v != "USA" {
			t.Errorf("source field %q", v)
		}
		act(t, ctx, chromedp.Click(chromedp.CSS(".view-events .pager button:last-child")))
		b.api.waitRequest(t, "/api/v1/events", map[string]string{"source": "USA", "limit": "3", "offset": "3"})
		waitJS(t, ctx, `document.querySelector(".view-events tbody tr")?.dataset.event === "4"`)
		if h := hash(t, ctx); !strings.Contains(h, "offset=3") || !strings.Contains(h, "source=USA") {
			t.Errorf("hash %q after Next", h)
		}
		// The last page: 7 events, 3 a page.
		act(t, ctx, chromedp.Click(chromedp.CSS(".view-events .pager button:last-child")))
		waitJS(t, ctx, `document.querySelector(".view-events tbody tr")?.dataset.event === "7"`)
		if disabled := run(t, ctx, chromedp.Evaluate[bool](`document.querySelector(".view-events .pager button:last-child").disabled`)); !disabled {
			t.Errorf("Next is enabled on the last page")
		}
		// An article id opens the article.
		act(t, ctx, chromedp.Click(chromedp.CSS(".view-events a.article-link")))
		waitJS(t, ctx, `location.hash === "#/article/a3" && document.querySelector(".view-article .meta") !== null`)
	})

	t.Run("map", func(t *testing.T) {
		ctx := b.tab(t, "#/map?quad=4")
		b.api.waitRequest(t, "/api/v1/places", map[string]string{"quad": "4"})
		waitJS(t, ctx, `document.querySelectorAll("path.place-marker").length > 0`)
		if n := count(t, ctx, "path.country"); n < 150 {
			t.Errorf("%d country outlines, want the 177 of countries-110m", n)
		}
		if n := count(t, ctx, "path.place-marker"); n != wantMarkers {
			t.Errorf("%d markers, want %d", n, wantMarkers)
		}
		fills := run(t, ctx, chromedp.Evaluate[[]string](`[...new Set([...document.querySelectorAll("path.place-marker")].map((p) => p.getAttribute("fill")))]`))
		if len(fills) < 4 {
			t.Errorf("marker colours %v: want them to differ by Goldstein mean", fills)
		}
		if n := count(t, ctx, ".view-map .places-table tbody tr"); n != len(fakePlaces) {
			t.Errorf("%d rows in the places table, want %d", n, len(fakePlaces))
		}

		// The countries are shaded by their number of events, with a legend.
		b.api.waitRequest(t, "/api/v1/countries", map[string]string{"quad": "4"})
		waitJS(t, ctx, `document.querySelectorAll("path.country.shaded").length > 0`)
		if n := count(t, ctx, "path.country.shaded"); n != wantShaded {
			t.Errorf("%d shaded countries, want %d", n, wantShaded)
		}
		shadedFills := `[...new Set([...document.querySelectorAll("path.country.shaded")].map((p) => p.getAttribute("fill")))]`
		byEvents := run(t, ctx, chromedp.Evaluate[[]string](shadedFills))
		if len(byEvents) < 3 || slices.Contains(byEvents, "#f3f1ea") {
			t.Errorf("shaded country fills %v: want several, none the colour of land", byEvents)
		}
		plain := run(t, ctx, chromedp.Evaluate[[]string](`[...new Set([...document.querySelectorAll("path.country:not(.shaded)")].map((p) => p.getAttribute("fill")))]`))
		if diff := cmp.Diff([]string{"#f3f1ea"}, plain); diff != "" {
			t.Errorf("countries without events (-want +got):\n%s", diff)
		}
		if n := count(t, ctx, `#map-legend [data-legend="events"] .swatch`); n < 3 {
			t.Errorf("the legend of the events has %d swatches", n)
		}
		if n := count(t, ctx, ".view-map .countries-table tbody tr"); n != len(fakeCountries) {
			t.Errorf("%d rows in the countries table, want %d", n, len(fakeCountries))
		}
		if s := text(t, ctx, ".view-map .countries-table tbody tr td"); s != "Russia" {
			t.Errorf("first country %q, want Russia", s)
		}
		// Russia, the busiest, is the darkest.
		if got := run(t, ctx, chromedp.Evaluate[string](`[...document.querySelectorAll("path.country.shaded")].map((p) => p.getAttribute("fill")).sort().join()`)); !strings.Contains(got, "#4a1486") {
			t.Errorf("no country in the darkest class: %s", got)
		}
		artifact(t, ctx, "web-map-events")
		// The toggle shades them by Goldstein mean instead, without a new request.
		act(t, ctx, chromedp.Click(chromedp.CSS(`.shade-toggle input[value="goldstein"]`)))
		waitJS(t, ctx, `document.querySelector('#map-legend [data-legend="goldstein"]') !== null`)
		byMean := run(t, ctx, chromedp.Evaluate[[]string](shadedFills))
		if cmp.Equal(byMean, byEvents) || len(byMean) < 4 {
			t.Errorf("fills by Goldstein mean %v, by events %v: want them to differ", byMean, byEvents)
		}
		if h := hash(t, ctx); !strings.Contains(h, "shade=goldstein") || !strings.Contains(h, "quad=4") {
			t.Errorf("hash %q after the toggle", h)
		}
		act(t, ctx, chromedp.Click(chromedp.CSS(`.shade-toggle input[value="none"]`)))
		waitJS(t, ctx, `document.querySelectorAll("path.country.shaded").length === 0`)
	})

	t.Run("relations-period", func(t *testing.T) {
		ctx := b.tab(t, "#/relations")
		waitJS(t, ctx, `document.querySelectorAll("#chart-mean canvas, #chart-tone canvas, #chart-counts canvas").length === 3`)
		// The tone chart has drawn its line.
		if n := painted(t, ctx, "#chart-tone canvas"); n < 800 {
			t.Errorf("the tone chart has only %d painted pixels", n)
		}
		// A click at the right end of the Goldstein chart chooses the last week.
		r := run(t, ctx, chromedp.Evaluate[[]float64](`(() => { const r = document.querySelector("#chart-mean .u-over").getBoundingClientRect(); return [r.right - 3, r.top + r.height / 2]; })()`))
		act(t, ctx, chromedp.MouseClickXY(r[0], r[1]))
		b.api.waitRequest(t, "/api/v1/events", map[string]string{
			"source": "USA", "target": "RUS", "both": "true", "since": "2017-04-10", "until": "2017-04-16",
		})
		waitJS(t, ctx, `document.querySelectorAll("#period-events tbody tr").length === 7`)
		if s := text(t, ctx, "#period-heading"); !strings.Contains(s, "2017-04-10") {
			t.Errorf("period heading %q", s)
		}
		if n := count(t, ctx, "#period-events a.article-link"); n != 7 {
			t.Errorf("%d article links in the period's events, want 7", n)
		}
		if s := text(t, ctx, ".view-relations tr.selected td"); s != "2017-04-10" {
			t.Errorf("selected row %q", s)
		}
		if h := hash(t, ctx); !strings.Contains(h, "period=2017-04-10") {
			t.Errorf("hash %q lacks the period", h)
		}
		artifact(t, ctx, "web-relations-period")
		// The keyboard way: a period's button in the table.
		act(t, ctx, chromedp.Click(chromedp.CSS(`.view-relations tr[data-period="2016-07-11"] button.period`)))
		b.api.waitRequest(t, "/api/v1/events", map[string]string{"since": "2016-07-11", "until": "2016-07-17", "both": "true"})
		waitJS(t, ctx, `document.querySelector("#period-heading").textContent.includes("2016-07-11") && document.activeElement.id === "period-heading"`)
		// An event's row opens its article.
		act(t, ctx, chromedp.Click(chromedp.CSS(`#period-events tbody tr td.evidence`)))
		waitJS(t, ctx, `location.hash === "#/article/a1"`)

		// Directed: no both; a month ends on its last day.
		ctx = b.tab(t, "#/relations?a=USA&b=RUS&by=month&directed=true&period=2016-07-11")
		b.api.waitRequest(t, "/api/v1/events", map[string]string{"since": "2016-07-11", "until": "2016-07-31", "both": ""})
		end := run(t, ctx, chromedp.Evaluate[string](`import("./js/relations.js").then((m) => m.periodEnd("2016-02-01", "month") + " " + m.periodEnd("2016-12-26", "week") + " " + m.periodEnd("2016-01-01", "year"))`, chromedp.EvalAwaitPromise))
		if end != "2016-02-29 2017-01-01 2016-12-31" {
			t.Errorf("period ends %q", end)
		}
	})

	t.Run("actors", func(t *testing.T) {
		ctx := b.tab(t, "#/relations")
		waitJS(t, ctx, `document.querySelector("#relations-form-a") !== null`)
		run(t, ctx, chromedp.Evaluate[string](`document.getElementById("relations-form-a").value = ""`))
		act(t, ctx, chromedp.SendKeys(chromedp.ID("relations-form-a"), "usag"))
		b.api.waitRequest(t, "/api/v1/actors", map[string]string{"q": "USAG", "limit": "20"})
		waitJS(t, ctx, `document.querySelector("#relations-form-a-actors").dataset.q === "USAG"`)
		opts := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#relations-form-a-actors option")].map((o) => o.value + " " + o.label)`))
		if diff := cmp.Diff([]string{"USAGOV DONALD TRUMP · 42 events", "USAGOVLEG CONGRESS · 5 events"}, opts); diff != "" {
			t.Errorf("suggestions (-want +got):\n%s", diff)
		}
		if l := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("#relations-form-a").getAttribute("list")`)); l != "relations-form-a-actors" {
			t.Errorf("the field's list is %q", l)
		}
		// The events form suggests too.
		ctx = b.tab(t, "#/events")
		waitJS(t, ctx, `document.querySelector("#events-form-target") !== null`)
		act(t, ctx, chromedp.SendKeys(chromedp.ID("events-form-target"), "ru"))
		b.api.waitRequest(t, "/api/v1/actors", map[string]string{"q": "RU"})
		waitJS(t, ctx, `document.querySelectorAll("#events-form-target-actors option").length === 2`)
	})

	t.Run("sort", func(t *testing.T) {
		ctx := b.tab(t, "#/events?limit=25")
		waitJS(t, ctx, `document.querySelectorAll(".view-events tbody tr").length === 7`)
		ids := func() string {
			return run(t, ctx, chromedp.Evaluate[string](`[...document.querySelectorAll(".view-events tbody tr")].map((r) => r.dataset.event).join(" ")`))
		}
		ariaSort := func(key string) string {
			return run(t, ctx, chromedp.Evaluate[string](`document.querySelector('.view-events th[data-key="`+key+`"]').getAttribute("aria-sort") || ""`))
		}
		if got := ids(); got != "1 2 3 4 5 6 7" {
			t.Errorf("unsorted rows %q", got)
		}
		act(t, ctx, chromedp.Click(chromedp.CSS(`.view-events th[data-key="goldstein"] button`)))
		// Goldstein -10 (5), -7 (6), -2 (2, 3 in order), -0.4 (1), 1 (4), 4 (7).
		if got := ids(); got != "5 6 2 3 1 4 7" {
			t.Errorf("rows by Goldstein ascending %q", got)
		}
		if s := ariaSort("goldstein"); s != "ascending" {
			t.Errorf("aria-sort %q", s)
		}
		act(t, ctx, chromedp.Click(chromedp.CSS(`.view-events th[data-key="goldstein"] button`)))
		if got := ids(); got != "7 4 1 2 3 6 5" {
			t.Errorf("rows by Goldstein descending %q", got)
		}
		if s := ariaSort("goldstein"); s != "descending" {
			t.Errorf("aria-sort %q", s)
		}
		if h := hash(t, ctx); !strings.Contains(h, "sort=goldstein") || !strings.Contains(h, "dir=descending") {
			t.Errorf("hash %q lacks the sort", h)
		}
		// Another column takes the sort over; the keyboard works too.
		act(t, ctx, chromedp.Focus(chromedp.CSS(`.view-events th[data-key="source"] button`)), chromedp.KeyEvent("\r"))
		if got := ids(); got != "3 7 5 6 1 2 4" {
			t.Errorf("rows by source %q", got)
		}
		if s := ariaSort("goldstein"); s != "" {
			t.Errorf("aria-sort %q on the old column", s)
		}
		// A reload keeps the sort.
		ctx = b.tab(t, "#/events?limit=25&sort=goldstein&dir=descending")
		waitJS(t, ctx, `document.querySelectorAll(".view-events tbody tr").length === 7`)
		if got := ids(); got != "7 4 1 2 3 6 5" {
			t.Errorf("rows after reload %q", got)
		}
		// A row opens its article.
		act(t, ctx, chromedp.Click(chromedp.CSS(`.view-events tbody tr[data-event="5"] td.evidence`)))
		waitJS(t, ctx, `location.hash === "#/article/a2" && document.querySelector(".view-article .meta") !== null`)
	})

	t.Run("article", func(t *testing.T) {
		ctx := b.tab(t, "#/article/a1-plain")
		waitJS(t, ctx, `document.querySelectorAll("mark.evidence").length > 0`)
		marks := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("mark.evidence")].map((m) => m.textContent)`))
		want := []string{sentence1, strings.Replace(sentence2, "Washington of ", "Washington of\n", 1)}
		if diff := cmp.Diff(want, marks); diff != "" {
			t.Errorf("highlighted sentences (-want +got):\n%s", diff)
		}
		if s := text(t, ctx, "h2"); s != fakeArticles[0].Title {
			t.Errorf("heading %q", s)
		}
		if n := count(t, ctx, ".view-article tbody tr"); n != 4 {
			t.Errorf("%d events, want 4", n)
		}
		if s := text(t, ctx, `.view-article tr[data-event="4"] td.evidence`); !strings.Contains(s, "not found in the text") {
			t.Errorf("event 4's evidence cell %q: want it marked as not found", s)
		}
		clickUntil(t, ctx, `.view-article tr[data-event="3"] button`, `document.activeElement && document.activeElement.id === "evidence-2"`)
	})

	t.Run("analysis", func(t *testing.T) {
		ctx := b.tab(t, "#/article/a1")
		waitJS(t, ctx, `document.querySelectorAll(".view-article mark.hl").length > 0`)
		// The text is whole: no piece lost or doubled by the nesting.
		if got := text(t, ctx, ".view-article .article-body"); got != fakeBodies["a1"] {
			t.Errorf("text of the body:\n%q\nwant\n%q", got, fakeBodies["a1"])
		}
		kinds := run(t, ctx, chromedp.Evaluate[[]string](`[...new Set([...document.querySelectorAll(".view-article .article-body mark.hl")].map((m) => m.dataset.kind))].sort()`))
		if diff := cmp.Diff([]string{"actor", "count", "event", "place", "quote", "speaker"}, kinds); diff != "" {
			t.Errorf("kinds of highlight (-want +got):\n%s", diff)
		}
		if n := count(t, ctx, ".view-article .hl-legend mark.sample"); n != 6 {
			t.Errorf("%d kinds in the legend, want 6", n)
		}
		// Each highlight's first piece has the text of its span (after a
		// three-byte dash: the spans are UTF-8 byte offsets).
		marks := run(t, ctx, chromedp.Evaluate[map[string]string](`Object.fromEntries([...document.querySelectorAll(".view-article .article-body mark.hl[tabindex]")].map((m) => [m.dataset.kind + ":" + m.textContent, m.dataset.tip]))`))
		for _, want := range []struct{ key, tip string }{
			{"event:said", "USAGOV → RUSGOV · 012 · Goldstein −0.4"},
			{"actor:Washington", "USAGOV: target of 112"},
			{"place:Washington", "place: Washington · US"},
			{"place:MOSCOW", "place: MOSCOW (Moscow) · RU · 55.75, 37.62"},
			{"quote:We cannot tolerate this,", "speaker: Sergey Lavrov (RUSGOV)"},
			{"speaker:Lavrov", "speaker: Sergey Lavrov (RUSGOV), of “We cannot tolerate this,”"},
			{"speaker:Rex Tillerson", "speaker: Rex Tillerson (USAGOV)"},
			{"count:59 missiles", "count: ATTACK 59 missiles"},
			{"actor:Russia", "RUS: target of 111"},
		} {
			tip, ok := marks[want.key]
			if !ok {
				t.Errorf("no highlight %q; have %v", want.key, slices.Sorted(maps.Keys(marks)))
				continue
			}
			if !strings.Contains(tip, want.tip) {
				t.Errorf("highlight %q: tip %q lacks %q", want.key, tip, want.tip)
			}
		}
		// "were at a low" crosses the start of the quote "a low point": the
		// quote's end is a second piece after the verb's.
		if got := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.view-article mark.hl[data-kind="quote"]')].map((m) => m.textContent + (m.classList.contains("cont") ? " (cont)" : ""))`)); !cmp.Equal(got, []string{"a low", " point (cont)", "We cannot tolerate this,"}) {
			t.Errorf("quote pieces %q", got)
		}
		// Tab reaches the highlights; the focused one shows its tooltip.
		act(t, ctx, chromedp.Focus(chromedp.CSS(`.view-article .article-body mark.hl[data-kind="event"]`)))
		waitJS(t, ctx, `!document.querySelector(".view-article .hl-tip").hidden`)
		if s := text(t, ctx, ".view-article .hl-tip"); !strings.HasPrefix(s, "USAGOV → RUSGOV · 012 · Goldstein −0.4") {
			t.Errorf("tooltip of the focused verb %q", s)
		}
		tipID := run(t, ctx, chromedp.Evaluate[string](`document.activeElement.getAttribute("aria-describedby")`))
		if tipID == "" || run(t, ctx, chromedp.Evaluate[string](`document.getElementById(`+jsString(tipID)+`)?.className || ""`)) != "hl-tip" {
			t.Errorf("the focused highlight is not described by the tooltip (%q)", tipID)
		}
		act(t, ctx, chromedp.KeyEvent("\t"))
		if k := run(t, ctx, chromedp.Evaluate[string](`document.activeElement.dataset.kind || ""`)); k == "" {
			t.Errorf("Tab left the highlights for %s", run(t, ctx, chromedp.Evaluate[string](`document.activeElement.outerHTML.slice(0, 80)`)))
		}
		// Hovering a quote names its speaker and marks the speaker's span.
		q := run(t, ctx, chromedp.Evaluate[[]float64](`(() => {
			const m = document.querySelector('.view-article mark.hl[data-kind="quote"][data-group="q1"]');
			m.scrollIntoView({block: "center"});
			const r = m.getClientRects()[0]; // its first line
			return [r.left + 8, r.top + r.height / 2];
		})()`))
		act(t, ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, q[0], q[1]))
		waitJS(t, ctx, `document.querySelector(".view-article .hl-tip").textContent.startsWith("speaker: Sergey Lavrov (RUSGOV)")`)
		if s := text(t, ctx, `.view-article mark.hl.linked[data-kind="speaker"]`); s != "Lavrov" {
			t.Errorf("linked speaker %q", s)
		}
		// Enter on the quote goes to its speaker.
		act(t, ctx, chromedp.Focus(chromedp.CSS(`.view-article mark.hl[data-kind="quote"][data-group="q1"]`)), chromedp.KeyEvent("\r"))
		waitJS(t, ctx, `document.activeElement.dataset.kind === "speaker" && document.activeElement.textContent === "Lavrov"`)
		artifact(t, ctx, "web-article-analysis")
		act(t, ctx, chromedp.KeyEvent(kb.Escape))
		waitJS(t, ctx, `document.querySelector(".view-article .hl-tip").hidden`)

		// The events of the analysis beside the text, with their evidence.
		if n := count(t, ctx, ".view-article .analysis-events li"); n != 4 {
			t.Errorf("%d events beside the text, want 4", n)
		}
		if s := text(t, ctx, `.view-article .analysis-events li[data-aevent="2"] .ev-evidence`); s != strings.Replace(sentence2, "Washington of ", "Washington of\n", 1) {
			t.Errorf("evidence of the third event %q", s)
		}
		clickUntil(t, ctx, `.view-article .analysis-events li[data-aevent="2"] button`,
			`document.activeElement.dataset.kind === "event" && document.activeElement.textContent === "accused"`)
		if n := count(t, ctx, ".view-article .analysis-quotes li"); n != 2 {
			t.Errorf("%d quotes beside the text, want 2", n)
		}
		// The stored events below, their "Show in text" on the analysis.
		if n := count(t, ctx, ".view-article .table-wrap tbody tr"); n != 4 {
			t.Errorf("%d stored events, want 4", n)
		}
		clickUntil(t, ctx, `.view-article tr[data-event="2"] button`,
			`document.activeElement.dataset.kind === "event" && document.activeElement.textContent === "were at a low"`)
	})

	t.Run("hostile", func(t *testing.T) {
		ctx := b.tab(t, "#/article/a4")
		waitJS(t, ctx, `document.querySelectorAll(".view-article mark.hl").length > 0`)
		if n := count(t, ctx, "#view img, #view b"); n != 0 {
			t.Errorf("%d elements injected from the article's text", n)
		}
		if got := text(t, ctx, ".view-article .article-body"); got != fakeBodies["a4"] {
			t.Errorf("text %q, want %q", got, fakeBodies["a4"])
		}
		if got := text(t, ctx, "h2"); got != fakeArticles[3].Title {
			t.Errorf("heading %q", got)
		}
		got := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".view-article .article-body mark.hl[tabindex]")].map((m) => m.dataset.kind + ":" + m.textContent)`))
		want := []string{"actor:" + hostile, "event:was posted", "quote:Ünïcode – quotes <b>stay</b> text", "speaker:Lavrov", "place:Moscow"}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("highlights (-want +got):\n%s", diff)
		}
	})

	t.Run("ingest", func(t *testing.T) {
		ctx := b.tab(t, "#/ingest")
		waitJS(t, ctx, `document.querySelector("#ingest-text") !== null`)
		if s := text(t, ctx, `nav a[aria-current="page"]`); s != "Ingest" {
			t.Errorf("current nav link %q", s)
		}
		const article = `Russian Foreign Minister Sergei Lavrov accused Washington of hypocrisy in Moscow. "We will respond," Lavrov said.`
		act(t, ctx,
			chromedp.SetValue(chromedp.ID("ingest-text"), article),
			chromedp.SetValue(chromedp.ID("ingest-date"), "2017-04-13"),
			chromedp.SetValue(chromedp.ID("ingest-title"), "Lavrov <i>accuses</i>"),
			chromedp.Click(chromedp.ID("ingest-analyse")))
		p := b.api.waitPost(t, "/code", "Lavrov")
		var body map[string]string
		if err := json.Unmarshal([]byte(p.Body), &body); err != nil || p.ContentType != "application/json" {
			t.Fatalf("POST /code: %s %q: %v", p.ContentType, p.Body, err)
		}
		if diff := cmp.Diff(map[string]string{"text": article, "date": "2017-04-13", "title": "Lavrov <i>accuses</i>"}, body); diff != "" {
			t.Errorf("POST /code body (-want +got):\n%s", diff)
		}
		waitJS(t, ctx, `document.querySelectorAll(".ingest-article mark.hl").length > 0`)
		if s := text(t, ctx, ".ingest-article h3"); s != "Lavrov <i>accuses</i>" {
			t.Errorf("title %q", s)
		}
		captions := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(".ingest-article caption")].map((c) => c.firstChild.textContent)`))
		if diff := cmp.Diff([]string{"Events (1)", "Quotes (1)", "Places (1)", "Persons (1)"}, captions); diff != "" {
			t.Errorf("tables (-want +got):\n%s", diff)
		}
		if s := text(t, ctx, ".ingest-article tbody tr td.evidence"); !strings.Contains(s, "accused Washington") {
			t.Errorf("event evidence %q", s)
		}
		if s := text(t, ctx, `.ingest-article mark.hl[data-kind="quote"]`); s != "We will respond," {
			t.Errorf("quote %q", s)
		}
		if n := count(t, ctx, "#view i"); n != 0 {
			t.Errorf("markup of the title injected")
		}

		artifact(t, ctx, "web-ingest")
		// Store it without a token: the 401 is shown.
		act(t, ctx, chromedp.Click(chromedp.ID("ingest-store")))
		waitJS(t, ctx, `document.querySelector("#ingest-store-result [role=alert]") !== null`)
		msg := text(t, ctx, "#ingest-store-result [role=alert]")
		for _, want := range []string{"401", "unauthorized: ingest needs the server's bearer token", "Token"} {
			if !strings.Contains(msg, want) {
				t.Errorf("alert %q lacks %q", msg, want)
			}
		}
		artifact(t, ctx, "web-ingest-401")
		if id := run(t, ctx, chromedp.Evaluate[string](`document.activeElement.id`)); id != "ingest-token" {
			t.Errorf("focus on %q after the 401, want the token field", id)
		}
		// With the token: stored, and a link to the article.
		act(t, ctx,
			chromedp.SendKeys(chromedp.ID("ingest-token"), fakeToken),
			chromedp.Click(chromedp.ID("ingest-store")))
		waitJS(t, ctx, `document.querySelector("#ingest-store-result .stored") !== null`)
		if s := text(t, ctx, "#ingest-store-result .stored"); !strings.Contains(s, "Stored 1, skipped 0") {
			t.Errorf("store result %q", s)
		}
		if h := run(t, ctx, chromedp.Evaluate[string](`document.querySelector("#ingest-store-result a").getAttribute("href")`)); h != "#/article/n1" {
			t.Errorf("link %q", h)
		}
		stored := b.api.waitPost(t, "/ingest", "Lavrov")
		var ok fakePost
		b.api.mu.Lock()
		for _, p := range b.api.posts {
			if p.Path == "/ingest" && p.Auth != "" {
				ok = p
			}
		}
		b.api.mu.Unlock()
		if stored.Body != p.Body || ok.Auth != "Bearer "+fakeToken {
			t.Errorf("POST /ingest %+v, with token %+v", stored, ok)
		}
		if tok := run(t, ctx, chromedp.Evaluate[string](`sessionStorage.getItem("worldmedia.token") + " " + (localStorage.length)`)); tok != fakeToken+" 0" {
			t.Errorf("token kept as %q", tok)
		}
		// A reload keeps the token in the field, for this tab only.
		act(t, ctx, chromedp.Reload())
		waitJS(t, ctx, `document.querySelector("#ingest-token")?.value === "`+fakeToken+`"`)

		// An address the server cannot fetch: its error is listed.
		act(t, ctx,
			chromedp.SetValue(chromedp.ID("ingest-url"), "https://example.org/gone"),
			chromedp.Click(chromedp.ID("ingest-analyse")))
		b.api.waitPost(t, "/code", `{"url":"https://example.org/gone"}`)
		waitJS(t, ctx, `document.querySelector("#ingest-results [role=alert]") !== null`)
		if s := text(t, ctx, "#ingest-results [role=alert]"); !strings.Contains(s, "https://example.org/gone: fetching https://example.org/gone: 404 Not Found") {
			t.Errorf("input errors %q", s)
		}
	})

	t.Run("narrow", func(t *testing.T) {
		// A phone: nothing wider than the screen but inside scrolling tables.
		for _, route := range []string{"#/relations", "#/events", "#/map", "#/article/a1", "#/ingest", "#/overview"} {
			ctx := b.tab(t, "")
			act(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)),
				chromedp.Navigate(b.url+"/"+route))
			waitJS(t, ctx, `document.querySelector("#view h2") !== null && !document.getElementById("view").hasAttribute("aria-busy")`)
			time.Sleep(150 * time.Millisecond) // the charts' resize
			wide := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("#view *")].filter((e) => {
				if (e.closest(".table-wrap, .leaflet-container")) return false;
				const r = e.getBoundingClientRect();
				return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1);
			}).slice(0, 5).map((e) => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right))`))
			if len(wide) > 0 {
				t.Errorf("%s at 390 px: elements past the screen's edge: %v", route, wide)
			}
			if w := run(t, ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > 390 {
				t.Errorf("%s at 390 px: the page is %d px wide", route, w)
			}
			artifact(t, ctx, "web-narrow-"+strings.NewReplacer("#/", "", "/", "-").Replace(route))
		}
	})

	t.Run("stories", func(t *testing.T) {
		ctx := b.tab(t, "#/stories")
		waitJS(t, ctx, `document.querySelectorAll(".view-stories tbody tr").length === 2`)
		act(t, ctx, chromedp.Click(chromedp.CSS(".view-stories tbody tr a")))
		b.api.waitRequest(t, "/api/v1/articles", map[string]string{"story": "s1"})
		waitJS(t, ctx, `location.hash === "#/articles?story=s1" && document.querySelectorAll(".view-articles tbody tr").length === 2`)
		if s := text(t, ctx, "h2"); s != "Articles of story s1" {
			t.Errorf("heading %q", s)
		}
	})

	t.Run("search", func(t *testing.T) {
		ctx := b.tab(t, "#/articles?q=idlib")
		b.api.waitRequest(t, "/api/v1/search", map[string]string{"q": "idlib", "limit": "50", "offset": "0"})
		waitJS(t, ctx, `document.querySelectorAll(".view-articles tbody tr").length === 2`)
		if s := text(t, ctx, "h2"); s != "Articles matching “idlib”" {
			t.Errorf("heading %q", s)
		}
	})

	t.Logf("browser tests took %v", time.Since(start).Round(time.Millisecond))
}
