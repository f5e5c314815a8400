package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sharedData = "../../../shared/data"

// TestEvalEventsFloor runs the event evaluation on the English dev sets and
// fails when a figure falls below its floor, set just under what the coder
// reaches, so that regressions show. Raise the floors as the coder improves.
func TestEvalEventsFloor(t *testing.T) {
	dir := filepath.Join(sharedData, "events")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not present (the gold sets live beside the checkout, in ../shared): %v", dir, err)
	}
	out, stderr, status := runCLI(t, "", "eval", "events", "--json", dir)
	if status != exitOK {
		t.Fatalf("status %d: %s", status, stderr)
	}
	var scores []struct {
		Set           string  `json:"set"`
		RootRecall    float64 `json:"root_recall"`
		DyadRecall    float64 `json:"dyad_recall"`
		RootPrecision float64 `json:"root_precision"`
	}
	if err := json.Unmarshal([]byte(out), &scores); err != nil {
		t.Fatal(err)
	}
	floors := map[string]struct{ root, dyad, precision float64 }{
		"cameo_manual_examples": {0.80, 0.60, 0},
		"petrarch2_gsr":         {0.57, 0.40, 0.62},
		"plover_gsr":            {0.81, 0.64, 0},
		"overall":               {0.78, 0.60, 0.62},
	}
	seen := 0
	for _, s := range scores {
		f, ok := floors[s.Set]
		if !ok {
			continue
		}
		seen++
		if s.RootRecall < f.root || s.DyadRecall < f.dyad || s.RootPrecision < f.precision {
			t.Errorf("%s: root recall %.3f (floor %.2f), dyad recall %.3f (floor %.2f), precision %.3f (floor %.2f)",
				s.Set, s.RootRecall, f.root, s.DyadRecall, f.dyad, s.RootPrecision, f.precision)
		}
	}
	if seen != len(floors) {
		t.Errorf("scored %d of the %d sets with floors", seen, len(floors))
	}
}

// TestEvalEventsBadInputs checks that inputs that are no English event set,
// or cannot be read, are named with the reason and end in exit status 1,
// without a crash when nothing at all was scored.
func TestEvalEventsBadInputs(t *testing.T) {
	dir := t.TempDir()
	unknown := filepath.Join(dir, "petrarch2_unittest.dev.jsonl")
	if err := os.WriteFile(unknown, []byte(`{"id":"x","text":"Arnor attacked Gondor.","events":[]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, status := runCLI(t, "", "eval", "events", unknown)
	if status != exitFailed || !strings.Contains(stderr, unknown) || !strings.Contains(stderr, "no English event set was scored") {
		t.Errorf("status %d, stderr:\n%s", status, stderr)
	}
	_, stderr, status = runCLI(t, "", "eval", "quotes", dir)
	if status != exitFailed || !strings.Contains(stderr, "is a directory") {
		t.Errorf("eval quotes on a directory: status %d, stderr:\n%s", status, stderr)
	}
}
