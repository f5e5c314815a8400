package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/counts"
	"worldmedia/internal/dedup"
	"worldmedia/internal/events"
	"worldmedia/internal/geo"
	"worldmedia/internal/ingest"
	"worldmedia/internal/nlp"
	"worldmedia/internal/pipeline"
	"worldmedia/internal/quotes"
	"worldmedia/internal/themes"
	"worldmedia/internal/tone"
)

const codeSynopsis = `code [flags] INPUT...

Analyses each article and prints it per the analysis contract (docs/contract.md).
An INPUT is a file (plain text, HTML, JSON Lines, RSS/Atom), a directory (read
recursively), an http(s) URL, or - for standard input.

Exit status: 0 all inputs analysed; 1 some inputs failed, each named on standard
error with its reason; 2 usage error.`

func runCode(ctx context.Context, e env, args []string) int {
	fs, lf := newFlagSet(e, "code", codeSynopsis)
	date := fs.String("date", "", "publication `date` (YYYY-MM-DD or RFC 3339) for inputs that have none")
	format := fs.String("format", "jsonl", "output `format`: json, jsonl, text, gkg (GDELT GKG 2.1 rows) or events (GDELT 2.0 event rows)")
	maxBytes := fs.Int64("max-bytes", ingest.DefaultConfig().MaxBytes, "size cap per input or download, in `bytes`")
	fetch := fs.Bool("fetch", false, "for feeds: download each item's link and extract its text")
	workers := fs.Int("workers", 0, "articles analysed at once (0: one per CPU)")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	e.stderr = &lockedWriter{w: e.stderr}
	log, err := lf.logger(e.stderr)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia code:", err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "worldmedia code: no input (give a file, directory, URL or -)")
		fs.Usage()
		return exitUsage
	}
	out, err := newWriter(*format, e.stdout)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia code:", err)
		return exitUsage
	}
	cfg := ingest.DefaultConfig()
	cfg.MaxBytes = *maxBytes
	cfg.Fetch = *fetch
	if *date != "" {
		d, err := article.ParseDate(*date)
		if err != nil {
			fmt.Fprintln(e.stderr, "worldmedia code: -date:", err)
			return exitUsage
		}
		cfg.Date = d
	}
	reader, err := ingest.New(cfg, log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia code:", err)
		return exitUsage
	}
	p, err := analysis(log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia code:", err)
		return exitAborted
	}
	failed, err := analyse(ctx, reader, p, fs.Args(), e, pipeline.Config{Workers: *workers}, log, out.write)
	if cerr := out.close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		fmt.Fprintln(e.stderr, "worldmedia code:", err)
		return exitAborted
	case failed > 0:
		return exitFailed
	}
	return exitOK
}

// analysis is the whole ordered list of analysis stages, spun-copy
// detection last.
func analysis(log *slog.Logger) (*pipeline.Pipeline, error) {
	stages, err := analysisStages(log)
	if err != nil {
		return nil, err
	}
	dd, err := dedup.New(dedup.DefaultConfig(), log)
	if err != nil {
		return nil, err
	}
	return pipeline.New(log, append(stages, dd)...), nil
}

// analysisStages are the stages that analyse one article on its own, in
// order (docs/dataflow.md).
func analysisStages(log *slog.Logger) ([]pipeline.Stage, error) {
	ann, err := nlp.NewAnnotator(nil, log)
	if err != nil {
		return nil, err
	}
	dict, err := actors.Default()
	if err != nil {
		return nil, fmt.Errorf("actor dictionaries: %w", err)
	}
	gr, err := geo.New(nil, geo.DefaultConfig(), log)
	if err != nil {
		return nil, err
	}
	qt, err := quotes.New(quotes.DefaultConfig(), log)
	if err != nil {
		return nil, err
	}
	coder, err := events.New(nil, events.DefaultConfig(), log)
	if err != nil {
		return nil, err
	}
	cnt, err := counts.New(counts.DefaultConfig(), log)
	if err != nil {
		return nil, err
	}
	tn, err := tone.New(nil, tone.DefaultConfig(), log)
	if err != nil {
		return nil, err
	}
	th, err := themes.New(nil, themes.DefaultConfig(), log)
	if err != nil {
		return nil, err
	}
	return []pipeline.Stage{ann, actors.New(dict, log), gr, qt, coder, cnt, tn, th}, nil
}

// analyse reads every input, runs the pipeline over its articles and hands
// each analysed article to emit in input order. It returns how many inputs
// or articles failed; each failure is reported on stderr as it happens.
func analyse(ctx context.Context, r *ingest.Reader, p *pipeline.Pipeline, inputs []string, e env,
	cfg pipeline.Config, log *slog.Logger, emit func(*article.Article) error) (int, error) {
	failed := 0
	var readFailed atomic.Int64 // written by the reading goroutine
	in := make(chan *article.Article, 16)
	go func() {
		defer close(in)
		for a, err := range r.Articles(ctx, inputs, e.stdin) {
			if err != nil {
				fmt.Fprintln(e.stderr, "worldmedia:", err)
				readFailed.Add(1)
				continue
			}
			for _, w := range a.Warnings {
				fmt.Fprintf(e.stderr, "worldmedia: warning: %s: %s\n", a.Input, w)
			}
			select {
			case in <- a:
			case <-ctx.Done():
				return
			}
		}
	}()
	start := time.Now()
	n := 0
	err := pipeline.NewRunner(p, cfg, log).Run(ctx, in, func(res pipeline.Result) error {
		if res.Err != nil {
			failed++
			fmt.Fprintln(e.stderr, "worldmedia:", res.Err)
			return nil
		}
		n++
		return emit(res.Article)
	})
	failed += int(readFailed.Load())
	log.Info("analysed", "articles", n, "failed", failed, "elapsed", time.Since(start).Round(time.Millisecond))
	if errors.Is(err, context.Canceled) {
		return failed, fmt.Errorf("interrupted: %w", err)
	}
	return failed, err
}
