package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"

	"worldmedia/internal/api"
	"worldmedia/internal/article"
	"worldmedia/internal/ingest"
	"worldmedia/internal/pipeline"
	"worldmedia/internal/store"
)

// analyzer is the API's analysis and ingestion (POST /api/v1/code and
// /api/v1/ingest): the same reader and stages as 'code' and 'ingest'.
type analyzer struct {
	rcfg ingest.Config
	code *pipeline.Pipeline // analysis without the spun-copy detector: nothing is remembered
	ing  *ingester          // nil when the database is read-only
	log  *slog.Logger
	// privateFetch lets posted URLs reach loopback and private addresses
	// (tests); otherwise the server refuses to fetch them for a client.
	privateFetch bool
}

func newAnalyzer(rcfg ingest.Config, ing *ingester, log *slog.Logger) (*analyzer, error) {
	stages, err := analysisStages(log)
	if err != nil {
		return nil, err
	}
	return &analyzer{rcfg: rcfg, code: pipeline.New(log, stages...), ing: ing, log: log}, nil
}

// read yields the articles of in.
func (z *analyzer) read(ctx context.Context, in api.Input) (func(func(*article.Article, error) bool), error) {
	cfg := z.rcfg
	if !in.Date.IsZero() {
		cfg.Date = in.Date
	}
	r, err := ingest.New(cfg, z.log)
	if err != nil {
		return nil, err
	}
	name := in.Name
	if name == "" {
		name = "request"
	}
	if in.URL != "" {
		if !z.privateFetch {
			if err := publicURL(ctx, in.URL); err != nil {
				return nil, err
			}
		}
		return r.Articles(ctx, []string{in.URL}, nil), nil
	}
	return r.Document(ctx, name, in.ContentType, in.Body), nil
}

func inputError(err error) api.InputError {
	var re *ingest.RecordError
	if errors.As(err, &re) {
		return api.InputError{Input: re.Input, Message: re.Err.Error()}
	}
	var pe *pipeline.Error
	if errors.As(err, &pe) {
		return api.InputError{Input: pe.Input, Message: err.Error()}
	}
	return api.InputError{Input: "", Message: err.Error()}
}

// Analyze analyses the articles of in without storing them.
func (z *analyzer) Analyze(ctx context.Context, in api.Input) ([]json.RawMessage, []api.InputError, error) {
	articles, err := z.read(ctx, in)
	if err != nil {
		return nil, nil, err
	}
	var out []json.RawMessage
	var errs []api.InputError
	for a, err := range articles {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		if err != nil {
			errs = append(errs, inputError(err))
			continue
		}
		if in.Title != "" && a.Title == "" {
			a.Title = in.Title
		}
		if err := z.code.Process(ctx, a); err != nil {
			errs = append(errs, inputError(err))
			continue
		}
		b, err := json.Marshal(a)
		if err != nil {
			return nil, nil, fmt.Errorf("encode article %s: %w", a.ID, err)
		}
		out = append(out, b)
	}
	return out, errs, nil
}

// Ingest analyses the articles of in and stores them.
func (z *analyzer) Ingest(ctx context.Context, in api.Input) (api.IngestResult, error) {
	res := api.IngestResult{IDs: []string{}, Errors: []api.InputError{}}
	if z.ing == nil {
		return res, fmt.Errorf("the database is open read-only")
	}
	articles, err := z.read(ctx, in)
	if err != nil {
		return res, err
	}
	var recs []store.Record
	for a, err := range articles {
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		if err != nil {
			res.Failed++
			res.Errors = append(res.Errors, inputError(err))
			continue
		}
		if in.Title != "" && a.Title == "" {
			a.Title = in.Title
		}
		if z.ing.w.Check(a) == store.Unchanged {
			res.Skipped++
			continue
		}
		if err := z.ing.p.Process(ctx, a); err != nil {
			z.ing.w.Release(a)
			res.Failed++
			res.Errors = append(res.Errors, inputError(err))
			continue
		}
		rec := store.Record{Article: a}
		if en, ok := z.ing.dd.Entry(a.ID); ok {
			rec.Signature, _ = en.Signature.MarshalBinary()
			rec.StorySignature, _ = en.StorySignature.MarshalBinary()
		}
		recs = append(recs, rec)
		res.IDs = append(res.IDs, a.ID)
	}
	if err := z.ing.w.Put(ctx, recs); err != nil {
		for _, r := range recs {
			z.ing.w.Release(r.Article)
		}
		return api.IngestResult{}, err
	}
	res.Stored = len(recs)
	z.log.Info("stored over the API", "stored", res.Stored, "skipped", res.Skipped, "failed", res.Failed)
	return res, nil
}

// errPrivate is a posted URL the server will not fetch for a client.
var errPrivate = errors.New("refused: the URL's host is a loopback, private or link-local address")

// publicURL checks that every address of u's host is public, so that a
// client cannot make the server fetch from its own network. (A host that
// changes its DNS answer between this check and the fetch is not caught.)
func publicURL(ctx context.Context, u string) error {
	p, err := url.Parse(u)
	if err != nil {
		return fmt.Errorf("%w: %v", api.ErrParam, err)
	}
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, p.Hostname())
	if err != nil {
		return fmt.Errorf("%w: url: %v", api.ErrParam, err)
	}
	for _, ip := range ips {
		if ip.IP.IsLoopback() || ip.IP.IsPrivate() || ip.IP.IsLinkLocalUnicast() || ip.IP.IsUnspecified() || ip.IP.IsMulticast() {
			return fmt.Errorf("%w: url %s: %w", api.ErrParam, p.Hostname(), errPrivate)
		}
	}
	return nil
}
