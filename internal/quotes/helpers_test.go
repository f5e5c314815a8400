package quotes_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/nlp"
	"worldmedia/internal/quotes"
)

// analysis is the real pipeline up to the quotation stage: nlp, actors,
// quotes, each built once.
type analysis struct {
	ann *nlp.Annotator
	res *actors.Resolver
	qx  *quotes.Extractor
}

var (
	pipelineOnce sync.Once
	pipelineVal  *analysis
	pipelineErr  error
)

func newAnalysis(tb testing.TB) *analysis {
	tb.Helper()
	pipelineOnce.Do(func() {
		ann, err := nlp.NewAnnotator(nil, nil)
		if err != nil {
			pipelineErr = err
			return
		}
		dict, err := actors.Default()
		if err != nil {
			pipelineErr = err
			return
		}
		qx, err := quotes.New(quotes.DefaultConfig(), nil)
		if err != nil {
			pipelineErr = err
			return
		}
		pipelineVal = &analysis{ann: ann, res: actors.New(dict, nil), qx: qx}
	})
	if pipelineErr != nil {
		tb.Fatal(pipelineErr)
	}
	return pipelineVal
}

// annotate runs nlp and actors over text, dated date.
func (p *analysis) annotate(ctx context.Context, tb testing.TB, text string, date time.Time) *article.Article {
	tb.Helper()
	a := &article.Article{ID: "test", Text: text, Date: date}
	if err := p.ann.Process(ctx, a); err != nil {
		tb.Fatal(err)
	}
	if err := p.res.Process(ctx, a); err != nil {
		tb.Fatal(err)
	}
	return a
}

// run analyses text through the quotation stage.
func (p *analysis) run(ctx context.Context, tb testing.TB, text string, date time.Time) *article.Article {
	tb.Helper()
	a := p.annotate(ctx, tb, text, date)
	if err := p.qx.Process(ctx, a); err != nil {
		tb.Fatal(err)
	}
	return a
}

// seedDate is when the seed article's events took place.
var seedDate = time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC)
