package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"
	"sync"
	"time"

	"worldmedia/internal/relations"
	"worldmedia/internal/store"
)

// Errors of the API. A handler's error is mapped to a status code by its
// kind, with [errors.Is]: see [New].
var (
	// ErrParam is a bad query or path parameter: unknown, repeated, too
	// long, not UTF-8, malformed or out of range. It gives 400.
	ErrParam = errors.New("bad parameter")
	// ErrNotFound is an unknown path or resource. It gives 404.
	ErrNotFound = errors.New("not found")
	// ErrConfig is a [Config] that [New] rejects.
	ErrConfig = errors.New("invalid API configuration")

	// errMethod is a method other than GET or HEAD: 405 with Allow.
	errMethod = errors.New("method not allowed")
	// errURITooLong is a request URL over maxURL bytes: 414.
	errURITooLong = errors.New("request URL too long")
)

// Limits on a request, whatever the configuration.
const (
	// maxURL is the longest request URL (path and query) served.
	maxURL = 8 << 10
	// maxValue is the longest parameter value, in bytes.
	maxValue = 1000
	// maxOffset is the largest offset: deep pages cost the database a scan
	// of every row skipped.
	maxOffset = 1_000_000
)

// Store is what the API reads: the store boundary. *store.DB satisfies
// it. Its methods are called from many goroutines at once, with the
// request's context, which is cancelled after [Config.Timeout]; a query
// that stops on cancellation should return an error wrapping
// [context.DeadlineExceeded] or [context.Canceled]. Nil slices are read as
// empty results. Errors wrapping [store.ErrQuery] or the query errors of
// package relations are the client's fault (400); any other is the
// server's (500) and is logged, never shown.
type Store interface {
	Stats(ctx context.Context) (store.Stats, error)
	Events(ctx context.Context, q store.EventQuery) ([]store.Event, error)
	EventPlaces(ctx context.Context, q store.EventQuery) ([]store.EventPlace, error)
	Articles(ctx context.Context, q store.ArticleQuery) ([]store.Article, error)
	Body(ctx context.Context, id string) (string, bool, error)
	Stories(ctx context.Context, q store.StoryQuery) ([]store.Story, error)
	RelationPoints(ctx context.Context, q relations.Query) ([]relations.Point, error)
}

// Config says how the API serves.
type Config struct {
	// Timeout bounds each request: its context is cancelled after it and
	// the client gets 503. Above 0.
	Timeout time.Duration
	// MaxLimit is the most rows one page may have (the limit parameter's
	// maximum), 1 to store.MaxLimit.
	MaxLimit int
	// Version is reported by /api/v1/health.
	Version string
}

// DefaultConfig returns a Config with a 15-second timeout and pages of at
// most 1,000 rows.
func DefaultConfig() Config {
	return Config{Timeout: 15 * time.Second, MaxLimit: 1000, Version: "devel"}
}

func (c Config) validate() error {
	if c.Timeout <= 0 {
		return fmt.Errorf("api: %w: timeout %v not above 0", ErrConfig, c.Timeout)
	}
	if c.MaxLimit < 1 || c.MaxLimit > store.MaxLimit {
		return fmt.Errorf("api: %w: max limit %d not in 1..%d", ErrConfig, c.MaxLimit, store.MaxLimit)
	}
	return nil
}

// handler serves the API.
type handler struct {
	db  Store
	cfg Config
	log *slog.Logger
	mux *http.ServeMux
}

// New returns the API's handler over s. It serves the paths of
// docs/api.md under /api/v1/ for GET and HEAD, answers 405 with an Allow
// header for other methods and 404 for any other path, whatever the
// prefix: mount it at "/api/" beside other handlers.
//
// Errors map to statuses by kind: [ErrParam], [store.ErrQuery],
// [relations.ErrActor], [relations.ErrPeriod] and [relations.ErrRange] to
// 400; [ErrNotFound] to 404; the request's deadline or cancellation to
// 503; anything else, and a panic, to 500 with a generic message, the
// error being logged. log nil discards; requests are logged at debug.
func New(s Store, cfg Config, log *slog.Logger) (http.Handler, error) {
	if s == nil {
		return nil, fmt.Errorf("api: %w: no store", ErrConfig)
	}
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	h := &handler{db: s, cfg: cfg, log: log, mux: http.NewServeMux()}
	for _, rt := range routes {
		h.mux.Handle("GET "+rt.pattern, h.endpoint(rt))
		// The same path without a method catches the other methods, so
		// that they get a JSON 405 rather than ServeMux's plain text.
		h.mux.Handle(rt.pattern, h.endpoint(route{pattern: rt.pattern, serve: methodNotAllowed}))
	}
	h.mux.Handle("/", h.endpoint(route{serve: notFound}))
	return h, nil
}

// ServeHTTP refuses overlong URLs, routes the request, recovers from a
// panic and logs the request.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &recorder{ResponseWriter: w}
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			h.log.LogAttrs(r.Context(), slog.LevelError, "api panic",
				slog.String("method", r.Method), slog.String("path", r.URL.Path),
				slog.Any("panic", p), slog.String("stack", string(debug.Stack())))
			if rw.status == 0 {
				h.write(rw, r, nil, fmt.Errorf("panic: %v", p))
			}
		}
		h.log.LogAttrs(r.Context(), slog.LevelDebug, "api request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", rw.status), slog.Duration("elapsed", time.Since(start)))
	}()
	uri := r.RequestURI
	if uri == "" {
		uri = r.URL.RequestURI()
	}
	if len(uri) > maxURL {
		h.write(rw, r, nil, fmt.Errorf("%w: %d bytes, at most %d", errURITooLong, len(uri), maxURL))
		return
	}
	h.mux.ServeHTTP(rw, r)
}

// recorder remembers the status written.
type recorder struct {
	http.ResponseWriter
	status int
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.ResponseWriter.Write(b)
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// route is one path of the API.
type route struct {
	// pattern is the ServeMux pattern without its method.
	pattern string
	// params are the query parameters the path accepts.
	params []string
	// serve answers a request whose parameters have been checked.
	serve func(h *handler, ctx context.Context, r *http.Request, p *params) (any, error)
}

// endpoint is the one wrapper of every route: it checks the query
// parameters, runs rt.serve under the timeout and writes its result.
func (h *handler) endpoint(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), h.cfg.Timeout)
		defer cancel()
		p, err := parseParams(r.URL.RawQuery, rt.params)
		var v any
		if err == nil {
			v, err = rt.serve(h, ctx, r, p)
		}
		if err != nil && ctx.Err() != nil && !isClientError(err) {
			// The database may report a cancelled query in its own words.
			err = fmt.Errorf("%w (%v)", ctx.Err(), err)
		}
		h.write(w, r, v, err)
	})
}

func methodNotAllowed(*handler, context.Context, *http.Request, *params) (any, error) {
	return nil, errMethod
}

func notFound(_ *handler, _ context.Context, r *http.Request, _ *params) (any, error) {
	return nil, fmt.Errorf("%w: no such path %q", ErrNotFound, r.URL.Path)
}

// isClientError reports whether err is the client's fault: 400.
func isClientError(err error) bool {
	for _, kind := range [...]error{ErrParam, store.ErrQuery, relations.ErrActor, relations.ErrPeriod, relations.ErrRange} {
		if errors.Is(err, kind) {
			return true
		}
	}
	return false
}

// status returns the status code and the message shown for err.
func (h *handler) status(err error) (int, string) {
	switch {
	case isClientError(err):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, errMethod):
		return http.StatusMethodNotAllowed, "method not allowed: use GET or HEAD"
	case errors.Is(err, errURITooLong):
		return http.StatusRequestURITooLong, err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "timeout: the request took longer than " + h.cfg.Timeout.String()
	case errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, "request cancelled"
	}
	return http.StatusInternalServerError, "internal error"
}

// errorBody is the JSON envelope of an error.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Status  int    `json:"status"`
	Message string `json:"message"`
}

var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// write writes v as JSON with 200, or err as the error envelope.
func (h *handler) write(w http.ResponseWriter, r *http.Request, v any, err error) {
	code := http.StatusOK
	if err != nil {
		var msg string
		code, msg = h.status(err)
		switch {
		case code == http.StatusInternalServerError:
			h.log.LogAttrs(r.Context(), slog.LevelError, "api error",
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("err", err.Error()))
		case errors.Is(err, context.DeadlineExceeded):
			h.log.LogAttrs(r.Context(), slog.LevelWarn, "api timeout",
				slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("err", err.Error()))
		}
		v = errorBody{errorDetail{Status: code, Message: msg}}
	}
	buf := buffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= 1<<20 {
			buf.Reset()
			buffers.Put(buf)
		}
	}()
	buf.Reset()
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		h.log.LogAttrs(r.Context(), slog.LevelError, "api error",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.String("err", err.Error()))
		code = http.StatusInternalServerError
		buf.Reset()
		json.NewEncoder(buf).Encode(errorBody{errorDetail{Status: code, Message: "internal error"}})
	}
	hd := w.Header()
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("Content-Length", strconv.Itoa(buf.Len()))
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Cache-Control", "no-store")
	if code == http.StatusMethodNotAllowed {
		hd.Set("Allow", "GET, HEAD")
	}
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}
