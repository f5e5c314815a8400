package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"worldmedia/internal/events"
	"worldmedia/internal/gdelt"
	"worldmedia/internal/relations"
	"worldmedia/internal/store"
)

const relationsSynopsis = `relations A B [flags]

Measures the relations between two actors over time: per period, events per
quad class, Goldstein mean and sum, tone, distinct stories and sources; and a
verdict on the latest period (its rank in the whole history, its percentile,
whether it is meaningful). A and B are actor codes: a three-letter country or
region code (USA, RUS) or a full code (USAGOV, IGOUNO). Both directions count
unless --directed. Events of duplicate articles count once (docs/relations.md).

--format json gives {"series": [...], "verdict": {...}}.`

func runRelations(ctx context.Context, e env, args []string) int {
	var by string
	var directed bool
	var minEvents int
	return queryRun(ctx, e, "relations", relationsSynopsis, args, false, func(fs *flag.FlagSet) {
		fs.StringVar(&by, "by", "week", "`period`: day, week, month or year")
		fs.BoolVar(&directed, "directed", false, "only events with source A and target B")
		fs.IntVar(&minEvents, "min-events", relations.DefaultConfig().MinEvents, "least `events` for a period to be ranked")
	}, func(ctx context.Context, db *store.DB, f *queryFlags, fs *flag.FlagSet) (any, error) {
		if fs.NArg() != 2 {
			return nil, usageErr("want two actor codes, as in 'relations USA RUS'")
		}
		q := relations.Query{A: strings.ToUpper(fs.Arg(0)), B: strings.ToUpper(fs.Arg(1)), Directed: directed}
		var err error
		if q.By, err = relations.ParsePeriod(by); err != nil {
			return nil, usageErr("-by: %v", err)
		}
		if q.Since, q.Until, err = f.dates(); err != nil {
			return nil, usageErr("%v", err)
		}
		if err := q.Validate(); err != nil {
			return nil, usageErr("%v", err)
		}
		cfg := relations.DefaultConfig()
		cfg.MinEvents = minEvents
		rep, err := relations.Run(ctx, db, q, cfg)
		if err != nil {
			return nil, err
		}
		return report(rep), nil
	})
}

// report prints a relations report: the series as a table or CSV, and in
// a table the verdict after it.
type report relations.Report

func (r report) MarshalJSON() ([]byte, error) { return jsonMarshal(relations.Report(r)) }

func (r report) print(w io.Writer, format string) error {
	if err := writeRows(w, format, r.Series, 0); err != nil {
		return err
	}
	if format == "table" {
		_, err := fmt.Fprintf(w, "\n%s %s, by %s: %s\n", r.A, r.B, r.By, r.Verdict.Text)
		return err
	}
	return nil
}

const generateSynopsis = `generate gdelt [flags] -o FILE

Writes a synthetic GDELT 2.0 event file, for demonstrations and benchmarks:
CAMEO codes at GDELT-like frequencies between some forty countries, and a
USA–RUS relation that worsens towards the end of the period. It is made-up
data, not GDELT's.`

func runGenerate(ctx context.Context, e env, args []string) int {
	if st, ok := subcommand(e, args, "gdelt", generateSynopsis); !ok {
		return st
	}
	fs, lf := newFlagSet(e, "generate gdelt", generateSynopsis)
	rows := fs.Int("rows", 100000, "`records` to write")
	seed := fs.Uint64("seed", 1, "random `seed`")
	since := fs.String("since", "2015-01-05", "first `day`")
	until := fs.String("until", "2025-01-06", "the `day` after the last (a Monday ends the last week whole)")
	out := fs.String("o", "", "output `file`")
	if st := parseFlags(fs, args[1:]); st >= 0 {
		return st
	}
	log, err := lf.logger(e.stderr)
	var start, end time.Time
	if err == nil {
		start, err = time.Parse(time.DateOnly, *since)
	}
	if err == nil {
		end, err = time.Parse(time.DateOnly, *until)
	}
	if err == nil && *out == "" {
		err = fmt.Errorf("no output file: give -o FILE")
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia generate gdelt:", err)
		return exitUsage
	}
	lex, err := events.DefaultLexicon()
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia generate gdelt:", err)
		return exitAborted
	}
	var codes []gdelt.SampleCode
	for _, c := range lex.Codes() {
		codes = append(codes, gdelt.SampleCode{Code: c.Code, Goldstein: c.Goldstein, Quad: c.Quad})
	}
	t0 := time.Now()
	err = writeFile(*out, func(w io.Writer) error {
		return gdelt.WriteSample(w, gdelt.SampleConfig{Rows: *rows, Seed: *seed, Start: start, End: end, Codes: codes})
	})
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia generate gdelt:", err)
		return exitAborted
	}
	log.Info("generated", "file", *out, "rows", *rows, "elapsed", time.Since(t0).Round(time.Millisecond))
	return exitOK
}
