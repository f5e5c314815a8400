package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"worldmedia/internal/testkit"
)

// startServe runs 'serve' on a free port until the test ends and returns
// its base URL.
func startServe(tb testing.TB, args ...string) string {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, env{strings.NewReader(""), io.Discard, pw}, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...))
		pw.Close()
	}()
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(pr)
		re := regexp.MustCompile(`url=(http://\S+)/`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
	}()
	var base string
	select {
	case base = <-urls:
	case st := <-done:
		tb.Fatalf("serve exited with status %d before listening", st)
	case <-time.After(30 * time.Second):
		tb.Fatal("serve did not start listening in 30 s")
	}
	tb.Cleanup(func() {
		cancel()
		select {
		case st := <-done:
			if st != exitOK {
				tb.Errorf("serve exited with status %d", st)
			}
		case <-time.After(15 * time.Second):
			tb.Error("serve did not stop within 15 s of cancellation")
		}
	})
	return base
}

func getJSON(tb testing.TB, url string, v any) int {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		tb.Fatalf("%s: %v", url, err)
	}
	return resp.StatusCode
}

func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.duckdb")
	if _, errs, st := runCLI(t, "", "ingest", "--db", db, "--date", "2017-04-13", "--progress", "none", testkit.SeedPath()); st != exitOK {
		t.Fatalf("ingest: %d\n%s", st, errs)
	}
	base := startServe(t, "--db", db, "--read-only")
	var stats struct {
		Articles int `json:"articles"`
		Events   int `json:"events"`
	}
	if st := getJSON(t, base+"/api/v1/stats", &stats); st != 200 || stats.Articles != 1 || stats.Events == 0 {
		t.Errorf("stats: %d %+v", st, stats)
	}
	var rel struct {
		Series  []json.RawMessage `json:"series"`
		Verdict struct {
			Text string `json:"text"`
		} `json:"verdict"`
	}
	if st := getJSON(t, base+"/api/v1/relations?a=usa&b=rus&by=day", &rel); st != 200 || len(rel.Series) == 0 || rel.Verdict.Text == "" {
		t.Errorf("relations: %d %+v", st, rel)
	}
	var e struct {
		Error struct {
			Status int `json:"status"`
		} `json:"error"`
	}
	if st := getJSON(t, base+"/api/v1/events?limit=-3", &e); st != 400 || e.Error.Status != 400 {
		t.Errorf("bad limit: %d %+v", st, e)
	}
	// While serve holds the database read-only, the query commands read it too.
	if out, errs, st := runCLI(t, "", "stats", "--db", db); st != exitOK || !strings.Contains(out, "articles") {
		t.Errorf("stats while serving: %d\n%s%s", st, out, errs)
	}
}

func TestServeDashboard(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.duckdb")
	base := startServe(t, "--db", db)
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `content="/api/v1"`) ||
		resp.Header.Get("Content-Security-Policy") == "" {
		t.Errorf("dashboard: %d %q\n%.300s", resp.StatusCode, resp.Header.Get("Content-Security-Policy"), body)
	}
}

func post(tb testing.TB, url, ctype, token, body string) (int, []byte) {
	tb.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", ctype)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// TestServeAnalyzeAndIngest posts the seed article for analysis, then
// stores it with the token, and checks the operations endpoints.
func TestServeAnalyzeAndIngest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.duckdb")
	base := startServe(t, "--db", db, "--token", "s3cret")
	seed := testkit.Seed(t)
	st, body := post(t, base+"/api/v1/code?date=2017-04-13", "text/plain", "", seed)
	var coded struct {
		Articles []codedArticle `json:"articles"`
	}
	if err := json.Unmarshal(body, &coded); st != 200 || err != nil || len(coded.Articles) != 1 || len(coded.Articles[0].Events) == 0 {
		t.Fatalf("POST /api/v1/code: %d %v\n%.500s", st, err, body)
	}
	if coded.Articles[0].Source != "World Media" || coded.Articles[0].Date != "2017-04-13" {
		t.Errorf("analysed article: source %q, date %q", coded.Articles[0].Source, coded.Articles[0].Date)
	}
	if st, body := post(t, base+"/api/v1/ingest?date=2017-04-13", "text/plain", "", seed); st != 401 {
		t.Errorf("ingest without the token: %d %s", st, body)
	}
	st, body = post(t, base+"/api/v1/ingest?date=2017-04-13", "text/plain", "s3cret", seed)
	var res struct {
		Stored, Skipped int
		IDs             []string `json:"ids"`
	}
	if err := json.Unmarshal(body, &res); st != 200 || err != nil || res.Stored != 1 || len(res.IDs) != 1 {
		t.Fatalf("ingest with the token: %d %v %s", st, err, body)
	}
	if st, body := post(t, base+"/api/v1/ingest?date=2017-04-13", "text/plain", "s3cret", seed); st != 200 || !strings.Contains(string(body), `"skipped":1`) {
		t.Errorf("ingesting it again: %d %s", st, body)
	}
	var art struct {
		Analysis struct {
			Quotes []struct {
				Speaker string `json:"speaker"`
			} `json:"quotes"`
		} `json:"analysis"`
	}
	if st := getJSON(t, base+"/api/v1/articles/"+res.IDs[0], &art); st != 200 || len(art.Analysis.Quotes) == 0 {
		t.Errorf("stored article's analysis: %d %+v", st, art)
	}
	// The server does not fetch from its own network for a client.
	if st, body := post(t, base+"/api/v1/code", "application/json", "", `{"url":"http://127.0.0.1:1/secret"}`); st != 400 || !strings.Contains(string(body), "refused") {
		t.Errorf("code of a loopback URL: %d %s", st, body)
	}
	for path, want := range map[string]string{"/healthz": `"ok"`, "/metrics": "worldmedia_http_requests_total", "/openapi.json": `"openapi"`} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("%s: %d, want %q in\n%.300s", path, resp.StatusCode, want, b)
		}
	}
}

func TestServeRefusesOpenAddressWithoutToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "w.duckdb")
	_, errs, st := runCLI(t, "", "serve", "--db", db, "--addr", "0.0.0.0:0")
	if st != exitUsage || !strings.Contains(errs, "token") {
		t.Errorf("serve on 0.0.0.0 without a token: status %d\n%s", st, errs)
	}
}
