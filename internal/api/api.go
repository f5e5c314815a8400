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
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"worldmedia/internal/relations"
	"worldmedia/internal/store"
)

// Errors of the API. A handler's error is mapped to a status code by its
// kind, with [errors.Is]: see [New].
var (
	// ErrParam is a bad query or path parameter: unknown, repeated, too
	// long, not UTF-8, malformed or out of range. It gives 400.
	ErrParam = errors.New("bad parameter")
	// ErrBody is a bad request body: empty, not UTF-8, malformed JSON, an
	// unknown field, a bad URL or date. It gives 400.
	ErrBody = errors.New("bad request body")
	// ErrNotFound is an unknown path or resource. It gives 404.
	ErrNotFound = errors.New("not found")
	// ErrConfig is a [Config] that [New] rejects.
	ErrConfig = errors.New("invalid API configuration")

	// errMethod is a method the path does not take: 405 with Allow (see
	// methodError).
	errMethod = errors.New("method not allowed")
	// errURITooLong is a request URL over maxURL bytes: 414.
	errURITooLong = errors.New("request URL too long")
	// errUnauthorized is a missing or wrong bearer token: 401 with
	// WWW-Authenticate.
	errUnauthorized = errors.New("unauthorized")
	// errTooLarge is a request body over Config.MaxBodyBytes: 413.
	errTooLarge = errors.New("request body too large")
	// errMediaType is a request body of a type not taken: 415.
	errMediaType = errors.New("unsupported media type")
	// errDisabled is an analysis endpoint without a Config.Analyzer: 503.
	errDisabled = errors.New("analysis is not enabled on this server")
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
// it; the API writes only through a [Config.Analyzer]. Its methods are
// called from many goroutines at once, with the request's context, which
// is cancelled after [Config.Timeout]; a query that stops on cancellation
// should return an error wrapping [context.DeadlineExceeded] or
// [context.Canceled]. Nil slices are read as empty results. Errors
// wrapping [store.ErrQuery] or the query errors of package relations are
// the client's fault (400); any other is the server's (500) and is
// logged, never shown.
type Store interface {
	Stats(ctx context.Context) (store.Stats, error)
	Events(ctx context.Context, q store.EventQuery) ([]store.Event, error)
	EventPlaces(ctx context.Context, q store.EventQuery) ([]store.EventPlace, error)
	Articles(ctx context.Context, q store.ArticleQuery) ([]store.Article, error)
	Body(ctx context.Context, id string) (string, bool, error)
	Stories(ctx context.Context, q store.StoryQuery) ([]store.Story, error)
	RelationPoints(ctx context.Context, q relations.Query) ([]relations.Point, error)
	// Actors lists the actor codes starting with prefix (upper case, ""
	// for all), the most active first, at most limit (1..100 here).
	Actors(ctx context.Context, prefix string, limit int) ([]store.ActorCount, error)
	// EventCountries sums the events q selects by country; q's page is
	// not set.
	EventCountries(ctx context.Context, q store.EventQuery) ([]store.CountryCount, error)
	// Analysis returns the stored analysis of an article as the
	// contract's JSON object; ok is false when there is none.
	Analysis(ctx context.Context, id string) (json.RawMessage, bool, error)
}

// Defaults of the Config fields that may be left zero.
const (
	// DefaultMaxBodyBytes is the largest request body taken by default.
	DefaultMaxBodyBytes = 5 << 20
	// DefaultAnalyzeTimeout bounds a POST by default: fetching a page is
	// slow.
	DefaultAnalyzeTimeout = 60 * time.Second
)

// Config says how the API serves.
type Config struct {
	// Timeout bounds each GET request: its context is cancelled after it
	// and the client gets 503. Above 0.
	Timeout time.Duration
	// AnalyzeTimeout bounds each POST (analysis and ingestion) in the
	// same way. 0 means [DefaultAnalyzeTimeout].
	AnalyzeTimeout time.Duration
	// MaxLimit is the most rows one page may have (the limit parameter's
	// maximum), 1 to store.MaxLimit.
	MaxLimit int
	// MaxBodyBytes is the largest request body read; a larger one gets
	// 413. 0 means [DefaultMaxBodyBytes].
	MaxBodyBytes int64
	// Version is reported by /api/v1/health.
	Version string
	// Analyzer analyses and ingests the documents posted to /api/v1/code
	// and /api/v1/ingest; nil answers them 503.
	Analyzer Analyzer
	// Token, when set, is the bearer token POST /api/v1/ingest needs
	// ("Authorization: Bearer TOKEN"): printable ASCII without spaces.
	// Empty leaves ingestion open to anyone who reaches the server.
	Token string
	// AccessLog logs every request at info level; otherwise requests are
	// logged at debug.
	AccessLog bool
}

// DefaultConfig returns a Config with a 15-second timeout (60 seconds for
// POSTs), pages of at most 1,000 rows and bodies of at most 5 MiB.
func DefaultConfig() Config {
	return Config{Timeout: 15 * time.Second, AnalyzeTimeout: DefaultAnalyzeTimeout, MaxLimit: 1000,
		MaxBodyBytes: DefaultMaxBodyBytes, Version: "devel"}
}

// validate checks c and fills in the defaults of zero fields.
func (c *Config) validate() error {
	if c.Timeout <= 0 {
		return fmt.Errorf("api: %w: timeout %v not above 0", ErrConfig, c.Timeout)
	}
	if c.MaxLimit < 1 || c.MaxLimit > store.MaxLimit {
		return fmt.Errorf("api: %w: max limit %d not in 1..%d", ErrConfig, c.MaxLimit, store.MaxLimit)
	}
	switch {
	case c.AnalyzeTimeout < 0:
		return fmt.Errorf("api: %w: analyze timeout %v below 0", ErrConfig, c.AnalyzeTimeout)
	case c.AnalyzeTimeout == 0:
		c.AnalyzeTimeout = DefaultAnalyzeTimeout
	}
	switch {
	case c.MaxBodyBytes < 0:
		return fmt.Errorf("api: %w: max body bytes %d below 0", ErrConfig, c.MaxBodyBytes)
	case c.MaxBodyBytes == 0:
		c.MaxBodyBytes = DefaultMaxBodyBytes
	}
	for i := 0; i < len(c.Token); i++ {
		if b := c.Token[i]; b <= ' ' || b >= 0x7f {
			return fmt.Errorf("api: %w: the token has a space, control or non-ASCII byte", ErrConfig)
		}
	}
	return nil
}

// handler serves the API.
type handler struct {
	db      Store
	cfg     Config
	log     *slog.Logger
	mux     *http.ServeMux
	metrics *metrics
}

// New returns the API's handler over s. It serves the paths of
// docs/api.md: under /api/v1/ the API, GET and HEAD but for the POSTs
// /api/v1/code and /api/v1/ingest, and at the root the operations
// endpoints /healthz, /metrics (Prometheus text, from a registry of the
// handler's own) and /openapi.json. It answers 405 with an Allow header
// for a method a path does not take and 404 for any other path, whatever
// the prefix: mount it at "/api/", "/healthz", "/metrics" and
// "/openapi.json" beside other handlers.
//
// Errors map to statuses by kind: [ErrParam], [ErrBody],
// [store.ErrQuery], [relations.ErrActor], [relations.ErrPeriod] and
// [relations.ErrRange] to 400; [ErrNotFound] to 404; the request's
// deadline or cancellation to 503; anything else, and a panic, to 500
// with a generic message, the error being logged. log nil discards;
// requests are logged at debug, or at info with [Config.AccessLog].
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
	m, err := newMetrics(prometheus.NewRegistry(), log)
	if err != nil {
		return nil, err
	}
	h.metrics = m
	for _, rt := range routes {
		var eh http.Handler
		if rt.direct != nil {
			eh = h.direct(rt.pattern, rt.direct(h))
		} else {
			eh = h.endpoint(rt)
		}
		h.mux.Handle(rt.method+" "+rt.pattern, eh)
		// The same path without a method catches the other methods, so
		// that they get a JSON 405 rather than ServeMux's plain text.
		h.mux.Handle(rt.pattern, h.endpoint(route{pattern: rt.pattern, serve: methodNotAllowed(rt.method)}))
	}
	h.mux.Handle("/", h.endpoint(route{serve: notFound}))
	return h, nil
}

// ServeHTTP refuses overlong URLs, bounds the body, routes the request,
// recovers from a panic, counts and logs the request.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &recorder{ResponseWriter: w}
	h.metrics.inFlight.Inc()
	defer func() {
		h.metrics.inFlight.Dec()
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
		elapsed := time.Since(start)
		h.metrics.observe(rw.route, rw.status, elapsed)
		level := slog.LevelDebug
		if h.cfg.AccessLog {
			level = slog.LevelInfo
		}
		h.log.LogAttrs(r.Context(), level, "api request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", rw.status), slog.Int64("bytes", rw.bytes), slog.Duration("elapsed", elapsed),
			slog.String("remote", r.RemoteAddr))
	}()
	if r.Body != nil && r.Body != http.NoBody {
		// Given the server's own writer, so that it closes the
		// connection after a body that was too large.
		r.Body = http.MaxBytesReader(w, r.Body, h.cfg.MaxBodyBytes)
	}
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

// recorder remembers the route served, the status and the bytes
// written.
type recorder struct {
	http.ResponseWriter
	route  string
	status int
	bytes  int64
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
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// route is one path of the API.
type route struct {
	// method is GET (which takes HEAD too) or POST.
	method string
	// pattern is the ServeMux pattern without its method.
	pattern string
	// params are the query parameters the path accepts.
	params []string
	// serve answers a request whose parameters have been checked.
	serve func(h *handler, ctx context.Context, r *http.Request, p *params) (any, error)
	// auth says the request needs Config.Token, when set.
	auth bool
	// direct, when set, serves the path instead of serve, not as JSON.
	direct func(h *handler) http.Handler
}

// label records the route served, for the metrics.
func label(w http.ResponseWriter, pattern string) {
	if rec, ok := w.(*recorder); ok {
		rec.route = pattern
	}
}

// direct serves a path with its own handler, not as JSON.
func (h *handler) direct(pattern string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		label(w, pattern)
		next.ServeHTTP(w, r)
	})
}

// endpoint is the one wrapper of every route: it checks the token and the
// query parameters, runs rt.serve under the timeout and writes its result.
func (h *handler) endpoint(rt route) http.Handler {
	timeout := h.cfg.Timeout
	if rt.method == http.MethodPost {
		timeout = h.cfg.AnalyzeTimeout
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		label(w, rt.pattern)
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		var err error
		if rt.auth {
			err = h.authorize(r)
		}
		p := &params{}
		if err == nil && rt.method != "" {
			// The 405 and 404 answers (no method) ignore the query.
			p, err = parseParams(r.URL.RawQuery, rt.params)
		}
		var v any
		if err == nil {
			v, err = rt.serve(h, ctx, r, p)
		}
		if err != nil && ctx.Err() != nil && !isClientError(err) {
			// The database may report a cancelled query in its own words.
			err = &timeoutError{limit: timeout, err: fmt.Errorf("%w (%v)", ctx.Err(), err)}
		}
		h.write(w, r, v, err)
	})
}

// timeoutError is a request that ran out of its time.
type timeoutError struct {
	limit time.Duration
	err   error
}

func (e *timeoutError) Error() string { return e.err.Error() }
func (e *timeoutError) Unwrap() error { return e.err }

// methodError is a method the path does not take.
type methodError struct{ allow string }

func (e *methodError) Error() string {
	return "method not allowed: use " + strings.ReplaceAll(e.allow, ", ", " or ")
}

func (e *methodError) Unwrap() error { return errMethod }

// methodNotAllowed answers 405 on a path served for method.
func methodNotAllowed(method string) func(*handler, context.Context, *http.Request, *params) (any, error) {
	allow := method
	if method == http.MethodGet {
		allow = "GET, HEAD"
	}
	err := &methodError{allow: allow}
	return func(*handler, context.Context, *http.Request, *params) (any, error) {
		return nil, err
	}
}

func notFound(_ *handler, _ context.Context, r *http.Request, _ *params) (any, error) {
	return nil, fmt.Errorf("%w: no such path %q", ErrNotFound, r.URL.Path)
}

// isClientError reports whether err is the client's fault: 400.
func isClientError(err error) bool {
	for _, kind := range [...]error{ErrParam, ErrBody, store.ErrQuery, relations.ErrActor, relations.ErrPeriod, relations.ErrRange} {
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
		return http.StatusMethodNotAllowed, err.Error()
	case errors.Is(err, errURITooLong):
		return http.StatusRequestURITooLong, err.Error()
	case errors.Is(err, errUnauthorized):
		return http.StatusUnauthorized, err.Error()
	case errors.Is(err, errTooLarge):
		return http.StatusRequestEntityTooLarge, err.Error()
	case errors.Is(err, errMediaType):
		return http.StatusUnsupportedMediaType, err.Error()
	case errors.Is(err, errDisabled):
		return http.StatusServiceUnavailable, err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		limit := h.cfg.Timeout
		if te, ok := errors.AsType[*timeoutError](err); ok {
			limit = te.limit
		}
		return http.StatusServiceUnavailable, "timeout: the request took longer than " + limit.String()
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
	if me, ok := errors.AsType[*methodError](err); ok {
		hd.Set("Allow", me.allow)
	}
	if code == http.StatusUnauthorized {
		hd.Set("WWW-Authenticate", `Bearer realm="worldmedia"`)
	}
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}
