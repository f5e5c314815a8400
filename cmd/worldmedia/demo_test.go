package main

import (
	"path/filepath"
	"strings"
	"testing"

	"worldmedia/internal/testkit"
)

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.duckdb")
	for range 2 { // the second run reuses the database
		out, errs, st := runCLI(t, "", "demo", "--db", db, "--rows", "30000", "--seed-article", testkit.SeedPath())
		if st != exitOK {
			t.Fatalf("demo: status %d\n%s", st, errs)
		}
		if !strings.Contains(out, "REX TILLERSON") || !strings.Contains(out, "USA RUS, by month: 2017-04: Goldstein mean") {
			t.Errorf("demo output lacks the seed's events or the verdict:\n%s", out)
		}
	}
	if s := stats(t, db); s.Articles != 1 || s.GDELTEvents != 30000 {
		t.Errorf("after two demo runs: %d articles, %d GDELT events; want 1 and 30000", s.Articles, s.GDELTEvents)
	}
}
