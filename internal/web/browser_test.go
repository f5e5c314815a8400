package web_test

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/web"
)

var update = flag.Bool("update", false, "write testdata/relations.png, a screenshot of the relations view")

// chromiumPath is Debian's Chromium; CHROMIUM overrides it.
func chromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// browser is one headless Chromium for all the subtests, each in its own tab,
// over a server with the dashboard at / and a fake API at /api/v1/.
type browser struct {
	ctx context.Context // the browser's
	url string
	api *fakeAPI
}

func newBrowser(t *testing.T) *browser {
	t.Helper()
	exec := chromiumPath()
	if _, err := os.Stat(exec); err != nil {
		t.Skipf("no Chromium at %s (%v): install Debian's chromium (apt-get install -y chromium) to run the browser tests, or set CHROMIUM", exec, err)
	}
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

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exec),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("no-proxy-server", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(cancel)
	// Start the browser with a context without timeout: its life is the test's.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exec, err)
	}
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
		painted := run(t, ctx, chromedp.Evaluate[int](`(() => {
			const c = document.querySelector("#chart-mean canvas");
			const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
			let n = 0;
			for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
			return n;
		})()`))
		if painted < 2000 {
			t.Errorf("the Goldstein chart has only %d painted pixels", painted)
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
		if n := count(t, ctx, ".view-map tbody tr"); n != len(fakePlaces) {
			t.Errorf("%d rows in the places table, want %d", n, len(fakePlaces))
		}
	})

	t.Run("article", func(t *testing.T) {
		ctx := b.tab(t, "#/article/a1")
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
		act(t, ctx, chromedp.Click(chromedp.CSS(`.view-article tr[data-event="3"] button`)))
		waitJS(t, ctx, `document.activeElement && document.activeElement.id === "evidence-2"`)
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

	t.Logf("browser tests took %v", time.Since(start).Round(time.Millisecond))
}
