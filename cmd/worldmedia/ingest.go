package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"worldmedia/internal/article"
	"worldmedia/internal/dedup"
	"worldmedia/internal/ingest"
	"worldmedia/internal/pipeline"
	"worldmedia/internal/store"
)

const ingestSynopsis = `ingest [flags] INPUT...

Reads, analyses and stores articles in the database (--db, default
worldmedia.duckdb). An INPUT is as for 'code'. An article stored before is
skipped; a changed version of a stored URL replaces the old one. Articles
are committed in batches: after a crash or kill, a re-run stores the rest.

Exit status: 0 all inputs stored; 1 some inputs failed, each named on
standard error with its reason; 2 usage error; 3 interrupted or the database
failed.`

// ingestFlags are the flags of ingest and watch.
type ingestFlags struct {
	db, date, memory string
	maxBytes         int64
	fetch            bool
	workers, batch   int
	flushEvery       time.Duration
	progress         string
}

func (f *ingestFlags) register(fs interface {
	StringVar(*string, string, string, string)
	Int64Var(*int64, string, int64, string)
	BoolVar(*bool, string, bool, string)
	IntVar(*int, string, int, string)
	DurationVar(*time.Duration, string, time.Duration, string)
}) {
	fs.StringVar(&f.db, "db", store.DefaultPath, "database `file`")
	fs.StringVar(&f.memory, "memory-limit", store.DefaultConfig().MemoryLimit, "DuckDB's memory `limit` (\"1GB\")")
	fs.StringVar(&f.date, "date", "", "publication `date` (YYYY-MM-DD or RFC 3339) for inputs that have none")
	fs.Int64Var(&f.maxBytes, "max-bytes", ingest.DefaultConfig().MaxBytes, "size cap per input or download, in `bytes`")
	fs.BoolVar(&f.fetch, "fetch", false, "for feeds: download each item's link and extract its text")
	fs.IntVar(&f.workers, "workers", 0, "articles analysed at once (0: one per CPU)")
	fs.IntVar(&f.batch, "batch", 500, "articles per database transaction")
	fs.DurationVar(&f.flushEvery, "flush-every", 2*time.Second, "commit at least this often while articles arrive")
	fs.StringVar(&f.progress, "progress", "auto", "progress display: auto (a bar on a terminal, else log lines), bar, log or none")
}

func (f *ingestFlags) readerConfig() (ingest.Config, error) {
	cfg := ingest.DefaultConfig()
	cfg.MaxBytes = f.maxBytes
	cfg.Fetch = f.fetch
	if f.date != "" {
		d, err := article.ParseDate(f.date)
		if err != nil {
			return cfg, fmt.Errorf("-date: %w", err)
		}
		cfg.Date = d
	}
	if f.batch < 1 {
		return cfg, fmt.Errorf("-batch %d: want at least 1", f.batch)
	}
	switch f.progress {
	case "auto", "bar", "log", "none":
	default:
		return cfg, fmt.Errorf("-progress %q: want auto, bar, log or none", f.progress)
	}
	return cfg, nil
}

func runIngest(ctx context.Context, e env, args []string) int {
	fs, lf := newFlagSet(e, "ingest", ingestSynopsis)
	var f ingestFlags
	f.register(fs)
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	e.stderr = &lockedWriter{w: e.stderr}
	log, err := lf.logger(e.stderr)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia ingest:", err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(e.stderr, "worldmedia ingest: no input (give a file, directory, URL or -)")
		fs.Usage()
		return exitUsage
	}
	rcfg, err := f.readerConfig()
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia ingest:", err)
		return exitUsage
	}
	ing, err := openIngester(ctx, &f, log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia ingest:", err)
		return exitAborted
	}
	defer ing.close()
	reader, err := ingest.New(rcfg, log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia ingest:", err)
		return exitUsage
	}
	prog := newProgress(e, f.progress, estimateArticles(fs.Args()), log)
	res, err := ing.run(ctx, reader.Articles(ctx, fs.Args(), e.stdin), e, prog)
	prog.finish()
	ing.logTimes(res)
	switch {
	case err != nil:
		fmt.Fprintln(e.stderr, "worldmedia ingest:", err)
		return exitAborted
	case res.failed > 0:
		return exitFailed
	}
	return exitOK
}

// ingester analyses articles and stores them: the store, its writer, the
// analysis pipeline and the spun-copy detector restored from the store.
type ingester struct {
	db       *store.DB
	w        *store.Writer
	p        *pipeline.Pipeline
	dd       *dedup.Detector
	log      *slog.Logger
	workers  int
	batch    int
	flush    time.Duration
	restored int
}

func openIngester(ctx context.Context, f *ingestFlags, log *slog.Logger) (*ingester, error) {
	cfg := store.DefaultConfig()
	cfg.MemoryLimit = f.memory
	db, err := store.Open(ctx, f.db, cfg, log)
	if err != nil {
		return nil, err
	}
	ing := &ingester{db: db, log: log, workers: f.workers, batch: f.batch, flush: f.flushEvery}
	if err := ing.open(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return ing, nil
}

func (ing *ingester) open(ctx context.Context) error {
	stages, err := analysisStages(ing.log)
	if err != nil {
		return err
	}
	ing.dd, err = dedup.New(dedup.DefaultConfig(), ing.log)
	if err != nil {
		return err
	}
	start := time.Now()
	for r, err := range ing.db.Signatures(ctx) {
		if err != nil {
			return err
		}
		e := dedup.Entry{ID: r.ArticleID, Date: r.Day, DuplicateOf: r.DuplicateOf, Story: r.Story}
		if err := e.Signature.UnmarshalBinary(r.Signature); err != nil {
			return fmt.Errorf("database %s: signature of %s: %w", ing.db.Path(), r.ArticleID, err)
		}
		if err := e.StorySignature.UnmarshalBinary(r.StorySignature); err != nil {
			return fmt.Errorf("database %s: story signature of %s: %w", ing.db.Path(), r.ArticleID, err)
		}
		if err := ing.dd.Restore(e); err != nil {
			return fmt.Errorf("database %s: %w", ing.db.Path(), err)
		}
		ing.restored++
	}
	if ing.restored > 0 {
		ing.log.Info("spun-copy memory restored", "articles", ing.restored, "elapsed", time.Since(start).Round(time.Millisecond))
	}
	ing.p = pipeline.New(ing.log, append(stages, ing.dd)...)
	ing.w, err = ing.db.NewWriter(ctx, store.WriterConfig{Level: placeLevel})
	return err
}

func (ing *ingester) close() {
	if ing.w != nil {
		ing.w.Close()
	}
	ing.db.Close()
}

// ingestResult counts what a run did.
type ingestResult struct {
	stored, replaced, skipped, failed int64
	elapsed                           time.Duration
}

// run reads articles, skips those stored before, analyses the rest and
// stores them in batches. Every failure is reported on stderr and counted;
// the error is for what stops the run (the database, an interruption).
func (ing *ingester) run(ctx context.Context, articles func(func(*article.Article, error) bool), e env, prog *progress) (ingestResult, error) {
	var res ingestResult
	start := time.Now()
	replaced0 := ing.w.Replaced()
	var readFailed, skipped atomic.Int64
	in := make(chan *article.Article, 16)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(in)
		for a, err := range articles {
			if err != nil {
				fmt.Fprintln(e.stderr, "worldmedia:", err)
				readFailed.Add(1)
				prog.add(0, 1)
				continue
			}
			for _, w := range a.Warnings {
				fmt.Fprintf(e.stderr, "worldmedia: warning: %s: %s\n", a.Input, w)
			}
			if ing.w.Check(a) == store.Unchanged {
				skipped.Add(1)
				prog.add(1, 0)
				continue
			}
			select {
			case in <- a:
			case <-ctx.Done():
				return
			}
		}
	}()
	var batch []store.Record
	last := time.Now()
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := ing.w.Put(ctx, batch); err != nil {
			return err
		}
		res.stored += int64(len(batch))
		ing.log.Debug("committed", "articles", len(batch), "stored", res.stored)
		clear(batch)
		batch = batch[:0]
		last = time.Now()
		return nil
	}
	cfg := pipeline.Config{Workers: ing.workers, ProgressEvery: -1}
	err := pipeline.NewRunner(ing.p, cfg, ing.log).Run(ctx, in, func(r pipeline.Result) error {
		if r.Err != nil {
			res.failed++
			fmt.Fprintln(e.stderr, "worldmedia:", r.Err)
			if r.Article != nil {
				ing.w.Release(r.Article)
			}
			prog.add(0, 1)
			return nil
		}
		a := r.Article
		rec := store.Record{Article: a}
		if en, ok := ing.dd.Entry(a.ID); ok {
			rec.Signature, _ = en.Signature.MarshalBinary()
			rec.StorySignature, _ = en.StorySignature.MarshalBinary()
		}
		batch = append(batch, rec)
		prog.add(1, 0)
		if len(batch) >= ing.batch || time.Since(last) >= ing.flush {
			return flush()
		}
		return nil
	})
	if err == nil || errors.Is(err, context.Canceled) {
		// What was analysed before an interruption is stored all the same.
		if ferr := flush(); ferr != nil && err == nil {
			err = ferr
		}
	}
	res.failed += readFailed.Load()
	res.skipped = skipped.Load()
	res.replaced = ing.w.Replaced() - replaced0
	res.elapsed = time.Since(start)
	ing.log.Info("ingested", "stored", res.stored, "replaced", res.replaced, "skipped", res.skipped,
		"failed", res.failed, "elapsed", res.elapsed.Round(time.Millisecond), "db", ing.db.Path())
	if errors.Is(err, context.Canceled) {
		return res, fmt.Errorf("interrupted after storing %d articles: %w", res.stored, err)
	}
	return res, err
}

// logTimes logs the share of analysis time each stage took.
func (ing *ingester) logTimes(res ingestResult) {
	var total time.Duration
	times := ing.p.Times()
	for _, t := range times {
		total += t.Spent
	}
	if total == 0 {
		return
	}
	attrs := []any{"total", total.Round(time.Millisecond)}
	for _, t := range times {
		attrs = append(attrs, t.Stage, fmt.Sprintf("%.1f%%", 100*float64(t.Spent)/float64(total)))
	}
	ing.log.Info("stage time", attrs...)
}
