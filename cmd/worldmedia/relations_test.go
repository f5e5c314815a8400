package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"worldmedia/internal/testkit"
)

// TestImportAndRelations generates a GDELT sample, imports it next to the
// seed article and asks the barometer about US–Russia relations.
func TestImportAndRelations(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "w.duckdb")
	sample := filepath.Join(dir, "sample.CSV")
	if _, errs, st := runCLI(t, "", "generate", "gdelt", "--rows", "60000", "-o", sample); st != exitOK {
		t.Fatalf("generate: status %d\n%s", st, errs)
	}
	if _, errs, st := runCLI(t, "", "ingest", "--db", db, "--date", "2017-04-13", "--progress", "none", testkit.SeedPath()); st != exitOK {
		t.Fatalf("ingest: status %d\n%s", st, errs)
	}
	_, errs, st := runCLI(t, "", "import", "gdelt", "--db", db, sample)
	if st != exitOK || !strings.Contains(errs, "added=60000") {
		t.Fatalf("import: status %d\n%s", st, errs)
	}
	if _, errs, st := runCLI(t, "", "import", "gdelt", "--db", db, sample); st != exitOK || !strings.Contains(errs, "imported before") {
		t.Errorf("second import of the same file: status %d\n%s", st, errs)
	}
	out, errs, st := runCLI(t, "", "relations", "USA", "RUS", "--db", db, "--by", "week", "--format", "json")
	if st != exitOK {
		t.Fatalf("relations: status %d\n%s", st, errs)
	}
	var rep struct {
		Series []struct {
			Period string `json:"period"`
			Events int    `json:"events"`
		} `json:"series"`
		Verdict struct {
			Record     bool   `json:"record"`
			Meaningful bool   `json:"meaningful"`
			Direction  string `json:"direction"`
			Text       string `json:"text"`
		} `json:"verdict"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("relations --format json: %v\n%s", err, out)
	}
	// The sample runs from 2015-01-05 to 2025-01-06 and the seed's events
	// fall in April 2017: one series over both.
	if len(rep.Series) < 500 || rep.Series[0].Period != "2015-01-05" {
		t.Errorf("series of %d weeks from %q", len(rep.Series), rep.Series[0].Period)
	}
	if !rep.Verdict.Meaningful || !rep.Verdict.Record || rep.Verdict.Direction != "low" ||
		!strings.Contains(rep.Verdict.Text, "lowest since records begin") {
		t.Errorf("verdict %+v: want a meaningful record low", rep.Verdict)
	}
	out, _, st = runCLI(t, "", "relations", "usa", "rus", "--db", db, "--by", "year")
	if st != exitOK || !strings.Contains(out, "USA RUS, by year:") || !strings.Contains(out, "GOLDSTEIN_MEAN") {
		t.Errorf("relations table: status %d\n%s", st, out)
	}
	for _, args := range [][]string{
		{"relations", "USA", "--db", db},
		{"relations", "USA", "RUS", "--by", "fortnight", "--db", db},
		{"relations", "USA", "USA", "--db", db},
		{"relations", "USA", "RUS", "--since", "yesterday", "--db", db},
		{"events", "--quad", "9", "--db", db},
	} {
		if _, errs, st := runCLI(t, "", args...); st != exitUsage || errs == "" {
			t.Errorf("%v: status %d, want %d with a reason\n%s", args, st, exitUsage, errs)
		}
	}
	if _, errs, st := runCLI(t, "", "stats", "--db", filepath.Join(dir, "none.duckdb")); st != exitAborted || !strings.Contains(errs, "does not exist") {
		t.Errorf("stats on a missing database: status %d\n%s", st, errs)
	}
	// Export: our events as GDELT rows, the imported ones as Parquet.
	out, _, st = runCLI(t, "", "export", "gdelt", "--db", db)
	if st != exitOK || len(strings.Split(strings.TrimSpace(out), "\n")) < 5 || strings.Count(strings.SplitN(out, "\n", 2)[0], "\t") != 60 {
		t.Errorf("export gdelt: status %d, want rows of 61 columns\n%.500s", st, out)
	}
	if _, errs, st := runCLI(t, "", "export", "gdelt", "--db", db, "--origin", "gdelt", "--format", "parquet", "-o", filepath.Join(dir, "e.parquet")); st != exitOK || !strings.Contains(errs, "events=60000") {
		t.Errorf("export parquet: status %d\n%s", st, errs)
	}
}
