// Package pipeline runs articles through an ordered list of stages on a pool
// of workers. It times each stage, labels failures with the stage and the
// article, logs progress, and keeps going when one article fails: a failed
// article is reported once and the batch goes on. Cancelling the context
// stops everything.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"worldmedia/internal/article"
)

// Stage is one step of the analysis. Process reads the fields earlier stages
// wrote and writes only its own. It returns an error for a failure of this
// article alone; it must not keep a to the article after returning.
type Stage interface {
	Name() string
	Process(ctx context.Context, a *article.Article) error
}

// Func adapts a plain function to a [Stage].
func Func(name string, f func(ctx context.Context, a *article.Article) error) Stage {
	return funcStage{name, f}
}

type funcStage struct {
	name string
	f    func(context.Context, *article.Article) error
}

func (s funcStage) Name() string { return s.name }

func (s funcStage) Process(ctx context.Context, a *article.Article) error { return s.f(ctx, a) }

// Error is the failure of one stage on one article.
type Error struct {
	Article string // article id
	Input   string // where the article came from
	Stage   string
	Err     error
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s: article %s: %s: %v", e.Input, e.Article, e.Stage, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Pipeline is an ordered list of stages.
type Pipeline struct {
	stages []Stage
	log    *slog.Logger
	spent  []atomic.Int64 // nanoseconds per stage, summed over articles
}

// New returns a pipeline that runs stages in the given order. A nil logger
// discards.
func New(log *slog.Logger, stages ...Stage) *Pipeline {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Pipeline{stages: stages, log: log, spent: make([]atomic.Int64, len(stages))}
}

// StageTime is the time a pipeline spent in one stage.
type StageTime struct {
	Stage string
	Spent time.Duration
}

// Times returns the time spent in each stage so far, summed over articles
// and workers, in stage order.
func (p *Pipeline) Times() []StageTime {
	out := make([]StageTime, len(p.stages))
	for i, s := range p.stages {
		out[i] = StageTime{s.Name(), time.Duration(p.spent[i].Load())}
	}
	return out
}

// Process runs every stage on a, stopping at the first failure, which it
// returns as an [*Error].
func (p *Pipeline) Process(ctx context.Context, a *article.Article) error {
	for i, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		err := s.Process(ctx, a)
		d := time.Since(start)
		p.spent[i].Add(int64(d))
		p.log.Debug("stage", "stage", s.Name(), "article", a.ID, "elapsed", d)
		if err != nil {
			return &Error{Article: a.ID, Input: a.Input, Stage: s.Name(), Err: err}
		}
	}
	return nil
}

// Result is an article after the pipeline, with the error that stopped it.
type Result struct {
	Article *article.Article
	Err     error
}

// Config sets how a [Runner] works.
type Config struct {
	// Workers is the number of articles processed at once; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int
	// ProgressEvery logs a progress line every this many articles; 0 means
	// 1000, a negative value never.
	ProgressEvery int
}

// Runner runs a [Pipeline] over a stream of articles on several workers and
// hands the results back in input order.
type Runner struct {
	p   *Pipeline
	cfg Config
	log *slog.Logger
}

// NewRunner returns a runner for p. A nil logger discards.
func NewRunner(p *Pipeline, cfg Config, log *slog.Logger) *Runner {
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	if cfg.ProgressEvery == 0 {
		cfg.ProgressEvery = 1000
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Runner{p: p, cfg: cfg, log: log}
}

// Run processes every article from in and calls out with each result, in the
// order the articles arrived, from a single goroutine. A failed article is
// logged once and passed to out with its error. Run returns when in is closed
// and all results are delivered, or with ctx's error when it is cancelled, or
// with the first error out returns.
func (r *Runner) Run(ctx context.Context, in <-chan *article.Article, out func(Result) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		a    *article.Article
		done chan Result
	}
	jobs := make(chan job)
	order := make(chan chan Result, r.cfg.Workers*4)

	var wg sync.WaitGroup
	for range r.cfg.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				err := r.p.Process(ctx, j.a)
				if err != nil && ctx.Err() == nil {
					r.log.Warn("article failed", "article", j.a.ID, "input", j.a.Input, "err", err)
				}
				j.done <- Result{Article: j.a, Err: err}
			}
		}()
	}

	// Feeder: hand out jobs, and remember their order.
	go func() {
		defer close(order)
		defer close(jobs)
		for {
			select {
			case <-ctx.Done():
				return
			case a, ok := <-in:
				if !ok {
					return
				}
				j := job{a: a, done: make(chan Result, 1)}
				select {
				case order <- j.done:
				case <-ctx.Done():
					return
				}
				select {
				case jobs <- j:
				case <-ctx.Done():
					return
				}
			}
		}
	}()

	start := time.Now()
	n, failed := 0, 0
	var outErr error
	for done := range order {
		var res Result
		select {
		case res = <-done:
		case <-ctx.Done():
			continue
		}
		if outErr != nil {
			continue
		}
		n++
		if res.Err != nil {
			failed++
		}
		if err := out(res); err != nil {
			outErr = err
			cancel()
			continue
		}
		if r.cfg.ProgressEvery > 0 && n%r.cfg.ProgressEvery == 0 {
			r.log.Info("progress", "articles", n, "failed", failed, "elapsed", time.Since(start).Round(time.Millisecond))
		}
	}
	wg.Wait()
	if outErr != nil {
		return outErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	r.log.Debug("done", "articles", n, "failed", failed, "elapsed", time.Since(start).Round(time.Millisecond))
	return nil
}
