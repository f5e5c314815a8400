package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/pipeline"
)

var errOdd = errors.New("odd article")

func feed(n int) <-chan *article.Article {
	ch := make(chan *article.Article)
	go func() {
		defer close(ch)
		for i := range n {
			ch <- &article.Article{ID: fmt.Sprint(i), Input: "test", Text: fmt.Sprint(i)}
		}
	}()
	return ch
}

func TestRunnerOrderAndFailures(t *testing.T) {
	upper := pipeline.Func("mark", func(_ context.Context, a *article.Article) error {
		// Uneven work so that workers finish out of order.
		if a.ID[len(a.ID)-1]%3 == 0 {
			time.Sleep(time.Millisecond)
		}
		if a.ID[len(a.ID)-1]%2 == 1 {
			return errOdd
		}
		a.Title = "seen " + a.ID
		return nil
	})
	never := pipeline.Func("after", func(_ context.Context, a *article.Article) error {
		a.Source = "after"
		return nil
	})
	p := pipeline.New(nil, upper, never)
	for _, workers := range []int{1, 4} {
		t.Run(fmt.Sprint("workers=", workers), func(t *testing.T) {
			var got, failed []string
			err := pipeline.NewRunner(p, pipeline.Config{Workers: workers}, nil).Run(t.Context(), feed(50),
				func(r pipeline.Result) error {
					got = append(got, r.Article.ID)
					if r.Err != nil {
						var pe *pipeline.Error
						if !errors.As(r.Err, &pe) || pe.Stage != "mark" || !errors.Is(r.Err, errOdd) {
							t.Errorf("article %s: error %v: want a *pipeline.Error from stage mark wrapping errOdd", r.Article.ID, r.Err)
						}
						if r.Article.Source != "" {
							t.Errorf("article %s: the stage after a failure ran", r.Article.ID)
						}
						failed = append(failed, r.Article.ID)
					} else if r.Article.Source != "after" {
						t.Errorf("article %s: second stage did not run", r.Article.ID)
					}
					return nil
				})
			if err != nil {
				t.Fatal(err)
			}
			var want, wantFailed []string
			for i := range 50 {
				want = append(want, fmt.Sprint(i))
				if i%2 == 1 {
					wantFailed = append(wantFailed, fmt.Sprint(i))
				}
			}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("results out of input order (-want +got):\n%s", d)
			}
			if d := cmp.Diff(wantFailed, failed); d != "" {
				t.Errorf("failed articles (-want +got):\n%s", d)
			}
		})
	}
}

func TestRunnerCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	slow := pipeline.Func("slow", func(ctx context.Context, a *article.Article) error {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(5 * time.Millisecond):
			return nil
		}
	})
	n := 0
	err := pipeline.NewRunner(pipeline.New(nil, slow), pipeline.Config{Workers: 2}, nil).Run(ctx, feed(1000),
		func(pipeline.Result) error {
			n++
			if n == 3 {
				cancel()
			}
			return nil
		})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run after cancel = %v, want context.Canceled", err)
	}
	if n >= 1000 {
		t.Fatalf("all %d articles delivered after cancel", n)
	}
}

func TestRunnerOutputError(t *testing.T) {
	stop := errors.New("disk full")
	n := 0
	err := pipeline.NewRunner(pipeline.New(nil), pipeline.Config{Workers: 3}, nil).Run(t.Context(), feed(100),
		func(pipeline.Result) error {
			n++
			if n == 5 {
				return stop
			}
			return nil
		})
	if !errors.Is(err, stop) || n != 5 {
		t.Fatalf("Run = %v after %d results, want the output's error after 5", err, n)
	}
}
