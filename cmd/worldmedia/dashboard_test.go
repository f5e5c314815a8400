package main

import (
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"worldmedia/internal/testkit"
)

// TestDashboard drives the dashboard in headless Chromium against the real
// server and store: the seed article and a generated GDELT sample. It
// writes full-page screenshots of the relations, map and article views to
// $WORLDMEDIA_ARTIFACTS (else a temporary directory) for a person to look
// at. It skips without Chromium (/usr/bin/chromium, or $CHROMIUM).
func TestDashboard(t *testing.T) {
	b := &dashBrowser{ctx: testkit.Chromium(t)} // skips without Chromium, before the store is built
	start := time.Now()
	dir := t.TempDir()
	db := filepath.Join(dir, "w.duckdb")
	sample := filepath.Join(dir, "gdelt.csv")
	for _, args := range [][]string{
		{"ingest", "--db", db, "--date", "2017-04-13", "--progress", "none", testkit.SeedPath()},
		{"generate", "gdelt", "--rows", "50000", "--since", "2016-01-04", "--until", "2017-04-17", "-o", sample},
		{"import", "gdelt", "--db", db, sample},
	} {
		if _, errs, st := runCLI(t, "", args...); st != exitOK {
			t.Fatalf("%s: status %d\n%s", strings.Join(args[:2], " "), st, errs)
		}
	}
	base := startServe(t, "--db", db)
	t.Logf("store and server ready in %v", time.Since(start).Round(time.Millisecond))

	var list struct {
		Articles []struct {
			ID string `json:"id"`
		} `json:"articles"`
	}
	if st := getJSON(t, base+"/api/v1/articles?text=Tillerson", &list); st != 200 || len(list.Articles) != 1 {
		t.Fatalf("articles?text=Tillerson: %d %+v", st, list)
	}
	seed := list.Articles[0].ID
	var rel struct {
		Verdict struct {
			Text string `json:"text"`
		} `json:"verdict"`
	}
	if st := getJSON(t, base+"/api/v1/relations?a=USA&b=RUS&by=week&directed=false", &rel); st != 200 || rel.Verdict.Text == "" {
		t.Fatalf("relations: %d %+v", st, rel)
	}

	artifacts := os.Getenv("WORLDMEDIA_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	} else if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}

	t.Run("relations", func(t *testing.T) {
		ctx := b.tab(t, base+"/#/relations?a=USA&b=RUS")
		b.wait(t, ctx, `document.querySelectorAll("#chart-mean canvas, #chart-tone canvas, #chart-counts canvas").length === 3`)
		if got := evalJS[string](t, ctx, `document.getElementById("verdict-text").textContent`); got != rel.Verdict.Text {
			t.Errorf("verdict %q, want the API's %q", got, rel.Verdict.Text)
		}
		painted := evalJS[int](t, ctx, `(() => {
			const c = document.querySelector("#chart-mean canvas");
			const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
			let n = 0;
			for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
			return n;
		})()`)
		if painted < 2000 {
			t.Errorf("the Goldstein chart has only %d painted pixels", painted)
		}
		if n := evalJS[int](t, ctx, `document.querySelectorAll(".view-relations .table-wrap tbody tr").length`); n < 60 {
			t.Errorf("%d weeks in the table, want the 66 from 2016-01-04", n)
		}
		b.screenshot(t, ctx, filepath.Join(artifacts, "dashboard-relations.png"))
	})

	t.Run("map", func(t *testing.T) {
		ctx := b.tab(t, base+"/#/map?source=USA&target=RUS&both=true")
		b.wait(t, ctx, `document.querySelectorAll("path.place-marker").length > 0 && document.querySelectorAll("path.country.shaded").length > 0`)
		fills := evalJS[[]string](t, ctx, `[...new Set([...document.querySelectorAll("path.country.shaded")].map((p) => p.getAttribute("fill")))]`)
		if len(fills) == 0 || fills[0] == "#f3f1ea" {
			t.Errorf("shaded countries' fills %v", fills)
		}
		if n := evalJS[int](t, ctx, `document.querySelectorAll("path.country").length`); n < 150 {
			t.Errorf("%d country outlines", n)
		}
		// Russia and the United States, the busiest, are shaded.
		names := evalJS[string](t, ctx, `[...document.querySelectorAll(".countries-table tbody tr td:first-child")].map((td) => td.textContent).join(", ")`)
		for _, want := range []string{"Russia", "United States of America"} {
			if !strings.Contains(names, want) {
				t.Errorf("countries %q lack %s", names, want)
			}
		}
		if n := evalJS[int](t, ctx, `document.querySelectorAll('#map-legend [data-legend="events"] .swatch').length`); n < 2 {
			t.Errorf("the legend has %d swatches", n)
		}
		b.screenshot(t, ctx, filepath.Join(artifacts, "dashboard-map.png"))
	})

	t.Run("article", func(t *testing.T) {
		ctx := b.tab(t, base+"/#/article/"+url.PathEscape(seed))
		b.wait(t, ctx, `document.querySelectorAll('.view-article mark.hl[data-kind="quote"]').length > 0`)
		// The quotes' tooltips name their speakers, whose spans are marked.
		tips := evalJS[string](t, ctx, `[...document.querySelectorAll('.view-article mark.hl[data-kind="quote"]')].map((m) => m.dataset.tip).join("\n")`)
		speakers := evalJS[string](t, ctx, `[...document.querySelectorAll('.view-article mark.hl[data-kind="speaker"]')].map((m) => m.textContent + ": " + m.dataset.tip).join("\n")`)
		for _, want := range []struct{ name, code, mention string }{
			{"Sergey Lavrov", "RUSGOV", "Sergey Lavrov"},
			{"Nikki Haley", "USAGOV", "Nikki Haley"},
			{"Donald Trump", "USAGOV", "Trump"},
		} {
			if !strings.Contains(tips, "speaker: "+want.name+" ("+want.code+")") {
				t.Errorf("no quote of %s in the tooltips:\n%s", want.name, tips)
			}
			if !strings.Contains(speakers, want.mention+": speaker: "+want.name) {
				t.Errorf("%s not marked as a speaker:\n%s", want.name, speakers)
			}
		}
		kinds := evalJS[string](t, ctx, `[...new Set([...document.querySelectorAll(".view-article .article-body mark.hl")].map((m) => m.dataset.kind))].sort().join(" ")`)
		if kinds != "actor count event place quote speaker" {
			t.Errorf("kinds of highlight %q", kinds)
		}
		// Every event of the stored analysis is listed beside the text.
		var art struct {
			Analysis struct {
				Events []json.RawMessage `json:"events"`
			} `json:"analysis"`
		}
		getJSON(t, base+"/api/v1/articles/"+url.PathEscape(seed), &art)
		if n := evalJS[int](t, ctx, `document.querySelectorAll(".view-article .analysis-events li").length`); n != len(art.Analysis.Events) || n == 0 {
			t.Errorf("%d events beside the text, want the analysis's %d", n, len(art.Analysis.Events))
		}
		b.screenshot(t, ctx, filepath.Join(artifacts, "dashboard-article.png"))
	})
	t.Logf("dashboard test took %v", time.Since(start).Round(time.Millisecond))
}

// dashBrowser is one headless Chromium (testkit.Chromium), as the web
// package's tests run it.
type dashBrowser struct{ ctx context.Context }

// tab opens url in a new tab and fails the test at its end if the page threw,
// logged an error (but for an API request's status) or broke the
// Content-Security-Policy.
func (b *dashBrowser) tab(t *testing.T, url string) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 30*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel() })
	if err := chromedp.Do(ctx); err != nil {
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
			if (m.IsException() || m.Type == chromedp.ConsoleError) && !(m.Source == "network" && strings.Contains(m.URL, "/api/v1/")) {
				mu.Lock()
				problems = append(problems, string(m.Type)+": "+m.Text+" ("+m.URL+")")
				mu.Unlock()
			}
		}
	}()
	const cspRecorder = `window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`
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
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// wait waits until the JavaScript expression is true; on a timeout it says
// what the page shows.
func (b *dashBrowser) wait(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		shown, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.getElementById("view") || document.body).innerText.slice(0, 600)`))
		t.Fatalf("waiting for %s: %v\nthe page shows:\n%s", expr, err, shown)
	}
}

// screenshot writes a full-page PNG of the tab to name.
func (b *dashBrowser) screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	time.Sleep(200 * time.Millisecond) // fonts and transitions
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", name)
}

func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}
