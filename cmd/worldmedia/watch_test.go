package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestWatch polls a feed served over HTTP twice: the second poll finds
// one new item and stores only it.
func TestWatch(t *testing.T) {
	items := []string{
		"Russian troops shelled the Ukrainian city of Kharkiv on Monday, killing 12 people.",
		"The United States imposed new sanctions on Iran on Tuesday, the Treasury said.",
		"China and India agreed on Wednesday to resume border talks in Beijing next month.",
	}
	var polls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		n := 2 + int(polls.Add(1)) - 1 // two items, then three
		if n > len(items) {
			n = len(items)
		}
		var b strings.Builder
		b.WriteString(`<rss version="2.0"><channel><title>Test Wire</title>`)
		for i := range n {
			fmt.Fprintf(&b, `<item><title>Story %d</title><link>/story/%d</link><pubDate>Mon, 0%d Mar 2026 10:00:00 GMT</pubDate><description>%s</description></item>`,
				i, i, i+2, items[i])
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, b.String())
	}))
	defer srv.Close()
	dir := t.TempDir()
	list := filepath.Join(dir, "feeds.txt")
	os.WriteFile(list, []byte("# test feeds\n\n"+srv.URL+"/feed.xml\n"), 0o644)
	db := filepath.Join(dir, "w.duckdb")
	_, errs, st := runCLI(t, "", "watch", "--db", db, "--interval", "1s", "--rounds", "2", list)
	if st != exitOK {
		t.Fatalf("watch: status %d\n%s", st, errs)
	}
	if polls.Load() != 2 {
		t.Errorf("feed polled %d times, want 2", polls.Load())
	}
	if !strings.Contains(errs, "stored=2") || !strings.Contains(errs, "stored=1 ") || !strings.Contains(errs, "skipped=2") {
		t.Errorf("want 2 stored in the first round, then 1 stored and 2 skipped:\n%s", errs)
	}
	if s := stats(t, db); s.Articles != 3 || s.Events == 0 {
		t.Errorf("stored %d articles, %d events; want 3 articles with events", s.Articles, s.Events)
	}
	_, errs, st = runCLI(t, "", "watch", "--db", db, filepath.Join(dir, "missing.txt"))
	if st != exitUsage || !strings.Contains(errs, "missing.txt") {
		t.Errorf("missing feed list: status %d\n%s", st, errs)
	}
	os.WriteFile(list, []byte("not a url\n"), 0o644)
	if _, errs, st = runCLI(t, "", "watch", "--db", db, list); st != exitUsage || !strings.Contains(errs, "feeds.txt:1") {
		t.Errorf("bad feed list: status %d\n%s", st, errs)
	}
}
