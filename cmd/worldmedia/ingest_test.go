package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"worldmedia/internal/store"
	"worldmedia/internal/testkit"
)

func stats(t *testing.T, db string) store.Stats {
	t.Helper()
	out, errs, st := runCLI(t, "", "stats", "--db", db, "--format", "json")
	if st != exitOK {
		t.Fatalf("stats: status %d\n%s", st, errs)
	}
	var s store.Stats
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("stats --format json: %v\n%s", err, out)
	}
	return s
}

func TestIngestSeedAndDespunCopy(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.duckdb")
	seed := testkit.Seed(t)
	despun := filepath.Join(dir, "despun.txt")
	if err := os.WriteFile(despun, []byte(strings.ReplaceAll(seed, "Russian Federation", "Russia")), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, st := runCLI(t, "", "ingest", "--db", db, "--date", "2017-04-13", "--progress", "none", testkit.SeedPath(), despun)
	if st != exitOK {
		t.Fatalf("ingest: status %d\n%s", st, errs)
	}
	s := stats(t, db)
	if s.Articles != 2 || s.Duplicates != 1 || s.Stories != 1 {
		t.Errorf("seed and its de-spun copy: %d articles, %d duplicates, %d stories; want 2, 1, 1", s.Articles, s.Duplicates, s.Stories)
	}
	if s.Events == 0 || s.DuplicateEvents == 0 {
		t.Errorf("events %d, duplicate events %d: want both counted, apart", s.Events, s.DuplicateEvents)
	}
	out, _, _ := runCLI(t, "", "stories", "--db", db, "--format", "json")
	var stories []store.Story
	if err := json.Unmarshal([]byte(out), &stories); err != nil {
		t.Fatal(err)
	}
	if len(stories) != 1 || stories[0].Articles != 1 || stories[0].Duplicates != 1 || int64(stories[0].Events) != s.Events {
		t.Errorf("stories = %+v: want one story of one original and one duplicate, counting %d events once", stories, s.Events)
	}
	// The Tillerson statement of the seed's first sentence is stored with its evidence.
	out, _, _ = runCLI(t, "", "events", "--db", db, "--format", "json", "--source", "USAGOV", "--target", "RUSGOV", "--code", "012")
	var evs []store.Event
	if err := json.Unmarshal([]byte(out), &evs); err != nil {
		t.Fatal(err)
	}
	if len(evs) == 0 || evs[0].Date != "2017-04-12" || !strings.Contains(evs[0].Evidence, "Tillerson") {
		t.Errorf("012 USAGOV→RUSGOV events = %+v", evs)
	}
}

func TestIngestIdempotentAndReplacing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.duckdb")
	in := filepath.Join(dir, "a.jsonl")
	genArticles(t, in, 120, 1)
	for range 2 {
		if _, errs, st := runCLI(t, "", "ingest", "--db", db, "--progress", "none", in); st != exitOK {
			t.Fatalf("ingest: status %d\n%s", st, errs)
		}
	}
	first := stats(t, db)
	if first.Articles != 120 {
		t.Fatalf("%d articles after ingesting 120 twice", first.Articles)
	}
	// A changed version of one URL, and an unreadable line.
	b, _ := os.ReadFile(in)
	line, _, _ := strings.Cut(string(b), "\n")
	changed := strings.Replace(line, `officials in`, `officials in the capital of`, 1)
	in2 := filepath.Join(dir, "b.jsonl")
	os.WriteFile(in2, []byte(changed+"\n{not json\n"), 0o644)
	_, errs, st := runCLI(t, "", "ingest", "--db", db, "--progress", "none", in2)
	if st != exitFailed || !strings.Contains(errs, "b.jsonl:2") {
		t.Errorf("ingest with a bad line: status %d, want %d and the line named\n%s", st, exitFailed, errs)
	}
	if !strings.Contains(errs, "replaced=1") {
		t.Errorf("changed version not reported as replaced:\n%s", errs)
	}
	if s := stats(t, db); s.Articles != 120 {
		t.Errorf("%d articles after replacing one, want 120", s.Articles)
	}
}

// child runs the program in a child process in dir.
func child(t *testing.T, dir string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "WORLDMEDIA_TEST_MAIN=1")
	cmd.Dir = dir
	return cmd
}

// TestIngestKilled kills an ingest with SIGKILL while it commits, then
// runs it again: every article is stored once, each with all its events.
func TestIngestKilled(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	const n = 3000
	genArticles(t, in, n, 2)
	cmd := child(t, dir, "ingest", "--db", "w.duckdb", "--batch", "100", "--log-level", "debug", "--progress", "none", in)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	commits := 0
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		if strings.Contains(sc.Text(), "msg=committed") {
			commits++
			if commits == 5 {
				// Kill between commits' log lines: the sixth batch is being
				// analysed or written.
				cmd.Process.Signal(syscall.SIGKILL)
				break
			}
		}
	}
	go func() {
		for sc.Scan() {
		}
	}()
	err = cmd.Wait()
	if commits < 5 {
		t.Fatalf("the ingest ended after %d commits before it could be killed: %v", commits, err)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("child not killed: %v", err)
	}
	check := func(wantAll bool) int {
		t.Helper()
		db, err := store.Open(t.Context(), filepath.Join(dir, "w.duckdb"), store.Config{ReadOnly: true}, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		q := func(query string) int {
			var v int
			if err := db.SQL().QueryRowContext(t.Context(), query).Scan(&v); err != nil {
				t.Fatalf("%s: %v", query, err)
			}
			return v
		}
		stored := q("SELECT count(*) FROM articles")
		if d := q("SELECT count(*) - count(DISTINCT id) FROM articles"); d != 0 {
			t.Errorf("%d articles stored twice", d)
		}
		if h := q(`SELECT count(*) FROM articles a WHERE n_events <> (SELECT count(*) FROM events e WHERE e.article_id = a.id)`); h != 0 {
			t.Errorf("%d articles with missing or extra events", h)
		}
		if s := q("SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM signatures)"); s != 0 {
			t.Errorf("%d articles without their spun-copy signature", s)
		}
		if wantAll && stored != n {
			t.Errorf("%d articles stored after the re-run, want %d", stored, n)
		}
		return stored
	}
	killed := check(false)
	if killed < 500 || killed >= n {
		t.Fatalf("%d articles stored when killed after 5 commits of 100", killed)
	}
	// The re-run stores the rest.
	var out strings.Builder
	rerun := child(t, dir, "ingest", "--db", "w.duckdb", "--progress", "none", in)
	rerun.Stderr = &out
	if err := rerun.Run(); err != nil {
		t.Fatalf("re-run: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "skipped="+itoa(int64(killed))) {
		t.Errorf("re-run did not skip the %d stored articles:\n%s", killed, out.String())
	}
	check(true)
}

// TestIngestMemoryBounded ingests 100,000 generated articles in a child
// process and checks its peak resident memory.
func TestIngestMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 articles: skipped in -short mode")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "a.jsonl")
	const n = 100_000
	genArticles(t, in, n, 3)
	cmd := child(t, dir, "ingest", "--db", "w.duckdb", "--memory-limit", "128MB", "--progress", "log", in)
	// A soft limit for the Go heap, as a user with a small machine would
	// set it; DuckDB has its own.
	cmd.Env = append(cmd.Env, "GOMEMLIMIT=400MiB")
	var out strings.Builder
	cmd.Stderr = &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, tail(out.String(), 2000))
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no resource usage on this system")
	}
	peak := ru.Maxrss * 1024 // kilobytes on Linux
	t.Logf("%d articles in %s, peak RSS %d MB", n, time.Since(start).Round(time.Second), peak>>20)
	const ceiling = 1000 << 20
	if peak > ceiling {
		t.Errorf("peak RSS %d MB over the ceiling of %d MB", peak>>20, ceiling>>20)
	}
	db, err := sql.Open("duckdb", filepath.Join(dir, "w.duckdb")+"?access_mode=READ_ONLY")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var stored int
	if err := db.QueryRowContext(context.Background(), "SELECT count(*) FROM articles").Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if stored != n {
		t.Errorf("%d articles stored, want %d", stored, n)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
