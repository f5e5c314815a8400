package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
)

const demoSynopsis = `demo [flags]

Builds a demonstration database (--db, default worldmedia.duckdb) and shows
what worldmedia does with it:
  1. ingests the seed article (testdata/us-russia-all-time-low.txt, published
     2017-04-13) and, with --news DIR, a directory of news;
  2. generates a synthetic GDELT 2.0 event file (--rows made-up events from
     2016-01-04 to 2017-04-17, in which US–Russia relations worsen towards
     the end; it is not GDELT's data) and imports it;
  3. prints the US–Russia events of the seed article and the relations
     barometer's monthly verdict;
  4. with --serve, serves the API and the dashboard (--addr) until
     interrupted.
Running it again reuses what the database holds.`

func runDemo(ctx context.Context, e env, args []string) int {
	fs, lf := newFlagSet(e, "demo", demoSynopsis)
	db := fs.String("db", "worldmedia.duckdb", "database `file`")
	seed := fs.String("seed-article", filepath.Join("testdata", "us-russia-all-time-low.txt"), "the seed article's `path`")
	news := fs.String("news", "", "also ingest this `directory` of news")
	rows := fs.Int("rows", 200000, "synthetic GDELT `events` to generate")
	serve := fs.Bool("serve", false, "serve the dashboard at the end")
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address` with --serve")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	logArgs := []string{"--log-level", lf.level, "--log-format", lf.format}
	sample := filepath.Join(os.TempDir(), fmt.Sprintf("worldmedia-demo-%d.CSV", *rows))
	steps := [][]string{
		{"ingest", "--db", *db, "--date", "2017-04-13", "--progress", "none", *seed},
	}
	if *news != "" {
		steps = append(steps, []string{"ingest", "--db", *db, *news})
	}
	steps = append(steps,
		[]string{"generate", "gdelt", "--rows", fmt.Sprint(*rows), "--since", "2016-01-04", "--until", "2017-04-17", "-o", sample},
		[]string{"import", "gdelt", "--db", *db, sample},
		[]string{"events", "--db", *db, "--source", "USA", "--target", "RUS", "--both", "--origin", "worldmedia"},
		[]string{"relations", "USA", "RUS", "--db", *db, "--by", "month"},
	)
	for _, s := range steps {
		fmt.Fprintf(e.stderr, "\n$ worldmedia %s\n", joinArgs(s))
		st := run(ctx, e, append(s, logArgs...))
		if s[0] == "generate" {
			defer os.Remove(sample)
		}
		if st != exitOK {
			return st
		}
	}
	if !*serve {
		fmt.Fprintf(e.stderr, "\nNext: worldmedia serve --db %s, then open http://%s/\n", *db, *addr)
		return exitOK
	}
	fmt.Fprintf(e.stderr, "\n$ worldmedia serve --db %s --addr %s\n", *db, *addr)
	return run(ctx, e, append([]string{"serve", "--db", *db, "--addr", *addr}, logArgs...))
}

func joinArgs(args []string) string {
	s := ""
	for i, a := range args {
		if i > 0 {
			s += " "
		}
		s += a
	}
	return s
}
