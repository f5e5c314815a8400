package api

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Input is one document posted for analysis.
type Input struct {
	// Name names the input in error messages: "request" or the URL.
	Name string
	// ContentType is "text/plain", "text/html", "application/x-ndjson"
	// (JSON Lines of articles as docs/contract.md describes), or "" with
	// URL set.
	ContentType string
	// Body is the document, valid UTF-8; empty with URL set.
	Body []byte
	// URL is a page or feed to fetch instead of Body: an absolute http or
	// https URL.
	URL string
	// Date is the publication date for inputs that have none; zero is
	// unknown.
	Date time.Time
	// Title is the title for inputs that have none.
	Title string
}

// InputError is an input or article that could not be analysed: the
// client's fault or its content's (a bad JSON line, a page that cannot
// be fetched, a text too short), not the server's.
type InputError struct {
	Input   string `json:"input"`
	Message string `json:"message"`
}

// IngestResult says what an ingestion stored.
type IngestResult struct {
	Stored  int          `json:"stored"`
	Skipped int          `json:"skipped"`
	Failed  int          `json:"failed"`
	IDs     []string     `json:"ids"`
	Errors  []InputError `json:"errors"`
}

// Analyzer analyses and ingests the documents posted to the API; cmd
// implements it over the pipeline and the store. Its methods are called
// from many goroutines at once with the request's context, cancelled
// after [Config.AnalyzeTimeout]. What is wrong with the input is told in
// the []InputError (the response is 200); an error return is the
// server's fault (500, logged, not shown) unless it wraps [ErrBody] or
// [ErrParam] (400).
type Analyzer interface {
	// Analyze reads and analyses the articles of in without storing them;
	// it returns them as the contract's JSON objects.
	Analyze(ctx context.Context, in Input) ([]json.RawMessage, []InputError, error)
	// Ingest reads, analyses and stores the articles of in.
	Ingest(ctx context.Context, in Input) (IngestResult, error)
}

// The query parameters of the POST paths.
var analyzeParams = []string{"date", "title"}

// mediaTypes are the request bodies taken, and the Input.ContentType of
// each; application/json is the request object.
var mediaTypes = map[string]string{
	"text/plain":           "text/plain",
	"text/html":            "text/html",
	"application/x-ndjson": "application/x-ndjson",
	"application/jsonl":    "application/x-ndjson",
	"application/json":     "",
}

const mediaTypeList = "text/plain, text/html, application/x-ndjson, application/jsonl or application/json"

// maxTitle is the longest title taken, in bytes.
const maxTitle = maxValue

// The JSON bodies of the POST paths.
type (
	// analyzeRequest is the application/json request body.
	analyzeRequest struct {
		Text  string `json:"text"`
		HTML  string `json:"html"`
		URL   string `json:"url"`
		Date  string `json:"date"`
		Title string `json:"title"`
	}
	codeResult struct {
		Articles []json.RawMessage `json:"articles"`
		Errors   []InputError      `json:"errors"`
	}
)

// bodyError is a bad request body: its message names the field.
type bodyError struct {
	name, problem string
}

func (e *bodyError) Error() string { return e.name + ": " + e.problem }

func (e *bodyError) Unwrap() error { return ErrBody }

func badBody(name, format string, args ...any) error {
	return &bodyError{name: name, problem: fmt.Sprintf(format, args...)}
}

// authorize checks the bearer token, when the server has one, in
// constant time.
func (h *handler) authorize(r *http.Request) error {
	if h.cfg.Token == "" {
		return nil
	}
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return fmt.Errorf("%w: send Authorization: Bearer TOKEN", errUnauthorized)
	}
	// Hashes of equal length, so that the comparison does not tell the
	// token's length either.
	got, want := sha256.Sum256([]byte(strings.TrimSpace(token))), sha256.Sum256([]byte(h.cfg.Token))
	if subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
		return fmt.Errorf("%w: wrong token", errUnauthorized)
	}
	return nil
}

// input reads and checks the request body as an Input.
func (h *handler) input(r *http.Request, p *params) (Input, error) {
	if h.cfg.Analyzer == nil {
		return Input{}, errDisabled
	}
	in := Input{Name: "request", Title: p.str("title"), Date: p.date("date")}
	if p.err != nil {
		return Input{}, p.err
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return Input{}, fmt.Errorf("%w: no Content-Type: want %s", errMediaType, mediaTypeList)
	}
	mt, mp, err := mime.ParseMediaType(ct)
	if err != nil {
		return Input{}, fmt.Errorf("%w: Content-Type %q: want %s", errMediaType, clip(ct), mediaTypeList)
	}
	kind, ok := mediaTypes[mt]
	if !ok {
		return Input{}, fmt.Errorf("%w: %q: want %s", errMediaType, clip(mt), mediaTypeList)
	}
	if cs, ok := mp["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "us-ascii") {
		return Input{}, fmt.Errorf("%w: charset %q: want utf-8", errMediaType, clip(cs))
	}
	body, err := h.readBody(r)
	if err != nil {
		return Input{}, err
	}
	if kind != "" {
		in.ContentType, in.Body = kind, body
		return in, nil
	}
	if p.str("date") != "" || p.str("title") != "" {
		return Input{}, badParam("query", "with a JSON body, give date and title in it")
	}
	return decodeRequest(body)
}

// readBody reads the request body, which must be UTF-8 and not empty.
func (h *handler) readBody(r *http.Request) ([]byte, error) {
	tooLarge := fmt.Errorf("%w: at most %d bytes", errTooLarge, h.cfg.MaxBodyBytes)
	if r.ContentLength > h.cfg.MaxBodyBytes {
		return nil, tooLarge
	}
	if r.Body == nil {
		return nil, badBody("body", "empty")
	}
	body, err := io.ReadAll(r.Body)
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return nil, tooLarge
	}
	if err != nil {
		// The client went away or sent a broken body.
		return nil, badBody("body", "reading: %v", err)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, badBody("body", "empty")
	}
	if !utf8.Valid(body) {
		return nil, badBody("body", "not UTF-8")
	}
	return body, nil
}

// decodeRequest reads an application/json request body.
func decodeRequest(body []byte) (Input, error) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var req analyzeRequest
	if err := dec.Decode(&req); err != nil {
		return Input{}, badBody("body", "want a JSON object {\"text\"|\"html\"|\"url\", \"date\", \"title\"}: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Input{}, badBody("body", "more than one JSON value")
	}
	in := Input{Name: "request", Title: req.Title}
	given := 0
	for _, v := range [...]string{req.Text, req.HTML, req.URL} {
		if strings.TrimSpace(v) != "" {
			given++
		}
	}
	if given != 1 {
		return Input{}, badBody("body", "give exactly one of text, html and url, not %d", given)
	}
	switch {
	case strings.TrimSpace(req.Text) != "":
		in.ContentType, in.Body = "text/plain", []byte(req.Text)
	case strings.TrimSpace(req.HTML) != "":
		in.ContentType, in.Body = "text/html", []byte(req.HTML)
	default:
		u, err := checkURL(req.URL)
		if err != nil {
			return Input{}, err
		}
		in.Name, in.URL = u, u
	}
	if len(req.Title) > maxTitle {
		return Input{}, badBody("title", "%d bytes, at most %d", len(req.Title), maxTitle)
	}
	if req.Date != "" {
		t, err := parseDate(req.Date)
		if err != nil {
			return Input{}, badBody("date", "want YYYY-MM-DD or RFC 3339, got %q", clip(req.Date))
		}
		in.Date = t
	}
	return in, nil
}

// checkURL checks an absolute http or https URL and returns it.
func checkURL(raw string) (string, error) {
	if len(raw) > maxURL {
		return "", badBody("url", "%d bytes, at most %d", len(raw), maxURL)
	}
	if strings.ContainsFunc(raw, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return "", badBody("url", "a space or control character")
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Hostname() == "" || u.User != nil {
		return "", badBody("url", "want an absolute http or https URL without user info, got %q", clip(raw))
	}
	return u.String(), nil
}

// parseDate reads a day (YYYY-MM-DD) or an RFC 3339 time.
func parseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t, err = time.Parse(time.RFC3339, s)
	}
	if err == nil && t.Year() < 1 {
		err = errors.New("year before 1")
	}
	return t, err
}

func (h *handler) code(ctx context.Context, r *http.Request, p *params) (any, error) {
	in, err := h.input(r, p)
	if err != nil {
		return nil, err
	}
	arts, errs, err := h.cfg.Analyzer.Analyze(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("analysing %s: %w", in.Name, err)
	}
	return codeResult{Articles: nonNil(arts), Errors: nonNil(errs)}, nil
}

func (h *handler) ingest(ctx context.Context, r *http.Request, p *params) (any, error) {
	in, err := h.input(r, p)
	if err != nil {
		return nil, err
	}
	res, err := h.cfg.Analyzer.Ingest(ctx, in)
	if err != nil {
		return nil, fmt.Errorf("ingesting %s: %w", in.Name, err)
	}
	res.IDs, res.Errors = nonNil(res.IDs), nonNil(res.Errors)
	return res, nil
}
