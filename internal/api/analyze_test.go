package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/api"
)

// fakeAnalyzer records the inputs it is given. Analyze returns one
// article per input, or per line of JSON Lines, with an InputError for a
// line that is no JSON object; Ingest stores them all.
type fakeAnalyzer struct {
	mu     sync.Mutex
	inputs []api.Input
	// err, when set, is returned by both methods.
	err error
	// wait, when set, makes both methods wait for the context's end.
	wait bool
}

func (f *fakeAnalyzer) record(ctx context.Context, in api.Input) error {
	f.mu.Lock()
	f.inputs = append(f.inputs, in)
	f.mu.Unlock()
	if f.wait {
		<-ctx.Done()
		return ctx.Err()
	}
	return f.err
}

func (f *fakeAnalyzer) got() []api.Input {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.inputs
}

func (f *fakeAnalyzer) Analyze(ctx context.Context, in api.Input) ([]json.RawMessage, []api.InputError, error) {
	if err := f.record(ctx, in); err != nil {
		return nil, nil, err
	}
	if in.ContentType != "application/x-ndjson" {
		art, _ := json.Marshal(map[string]any{"id": "x1", "text": string(in.Body), "url": in.URL, "title": in.Title})
		return []json.RawMessage{art}, nil, nil
	}
	var arts []json.RawMessage
	var errs []api.InputError
	for i, line := range bytes.Split(bytes.TrimSpace(in.Body), []byte("\n")) {
		var obj map[string]any
		if err := json.Unmarshal(line, &obj); err != nil {
			errs = append(errs, api.InputError{Input: fmt.Sprintf("%s:%d", in.Name, i+1), Message: err.Error()})
			continue
		}
		arts = append(arts, line)
	}
	return arts, errs, nil
}

func (f *fakeAnalyzer) Ingest(ctx context.Context, in api.Input) (api.IngestResult, error) {
	arts, errs, err := f.Analyze(ctx, in)
	if err != nil {
		return api.IngestResult{}, err
	}
	res := api.IngestResult{Stored: len(arts), Failed: len(errs), Errors: errs}
	for i := range arts {
		res.IDs = append(res.IDs, fmt.Sprint("id", i+1))
	}
	return res, nil
}

// chunked hides a reader's length, so that the client sends it chunked.
type chunked struct{ io.Reader }

func TestAnalyze(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	article := func(text, url, title string) json.RawMessage {
		b, _ := json.Marshal(map[string]any{"id": "x1", "text": text, "url": url, "title": title})
		return b
	}
	tests := []struct {
		name        string
		path        string // after /api/v1/code
		contentType string
		body        string
		status      int
		msg         string    // the error message contains it
		in          api.Input // the input the analyser got, with a 200
		want        any       // the decoded body of a 200, compared whole
	}{
		{name: "text", contentType: "text/plain", body: "Troops shelled Idlib.", status: 200,
			in:   api.Input{Name: "request", ContentType: "text/plain", Body: []byte("Troops shelled Idlib.")},
			want: codeResult{[]json.RawMessage{article("Troops shelled Idlib.", "", "")}, []api.InputError{}}},
		{name: "text with charset, date and title", path: "?date=2017-04-13&title=Idlib+shelled",
			contentType: "text/plain; charset=UTF-8", body: "Troops shelled Idlib.", status: 200,
			in: api.Input{Name: "request", ContentType: "text/plain", Body: []byte("Troops shelled Idlib."),
				Date: day("2017-04-13"), Title: "Idlib shelled"},
			want: codeResult{[]json.RawMessage{article("Troops shelled Idlib.", "", "Idlib shelled")}, []api.InputError{}}},
		{name: "html", contentType: "text/html", body: "<p>Troops shelled Idlib.</p>", status: 200,
			in: api.Input{Name: "request", ContentType: "text/html", Body: []byte("<p>Troops shelled Idlib.</p>")}},
		{name: "JSON Lines with a bad line", contentType: "application/x-ndjson", body: "{\"text\":\"a\"}\nnot json\n{\"text\":\"b\"}\n", status: 200,
			in: api.Input{Name: "request", ContentType: "application/x-ndjson", Body: []byte("{\"text\":\"a\"}\nnot json\n{\"text\":\"b\"}\n")},
			want: codeResult{[]json.RawMessage{json.RawMessage(`{"text":"a"}`), json.RawMessage(`{"text":"b"}`)},
				[]api.InputError{{Input: "request:2", Message: "invalid character 'o' in literal null (expecting 'u')"}}}},
		{name: "jsonl", contentType: "application/jsonl", body: `{"text":"a"}`, status: 200,
			in: api.Input{Name: "request", ContentType: "application/x-ndjson", Body: []byte(`{"text":"a"}`)}},
		{name: "JSON text", contentType: "application/json", body: `{"text":"Troops shelled Idlib.","date":"2017-04-13","title":"T"}`, status: 200,
			in: api.Input{Name: "request", ContentType: "text/plain", Body: []byte("Troops shelled Idlib."), Date: day("2017-04-13"), Title: "T"}},
		{name: "JSON html", contentType: "application/json; charset=utf-8", body: `{"html":"<p>x</p>","text":"  "}`, status: 200,
			in: api.Input{Name: "request", ContentType: "text/html", Body: []byte("<p>x</p>")}},
		{name: "JSON url", contentType: "application/json", body: `{"url":"https://example.org/a?b=1","date":"2017-04-13T10:00:00Z"}`, status: 200,
			in:   api.Input{Name: "https://example.org/a?b=1", URL: "https://example.org/a?b=1", Date: time.Date(2017, 4, 13, 10, 0, 0, 0, time.UTC)},
			want: codeResult{[]json.RawMessage{article("", "https://example.org/a?b=1", "")}, []api.InputError{}}},
		{name: "JSON null fields", contentType: "application/json", body: `{"text":"x","html":null,"url":null}`, status: 200,
			in: api.Input{Name: "request", ContentType: "text/plain", Body: []byte("x")}},

		{name: "JSON text and html", contentType: "application/json", body: `{"text":"a","html":"<p>b</p>"}`, status: 400,
			msg: "body: give exactly one of text, html and url, not 2"},
		{name: "JSON text and url", contentType: "application/json", body: `{"text":"a","url":"https://example.org/"}`, status: 400,
			msg: "give exactly one of text, html and url, not 2"},
		{name: "JSON none", contentType: "application/json", body: `{"title":"a"}`, status: 400, msg: "not 0"},
		{name: "JSON blank text", contentType: "application/json", body: `{"text":" \n "}`, status: 400, msg: "not 0"},
		{name: "JSON unknown field", contentType: "application/json", body: `{"text":"a","lang":"en"}`, status: 400,
			msg: `body: want a JSON object {"text"|"html"|"url", "date", "title"}: json: unknown field "lang"`},
		{name: "JSON file URL", contentType: "application/json", body: `{"url":"file:///etc/passwd"}`, status: 400,
			msg: `url: want an absolute http or https URL without user info, got "file:///etc/passwd"`},
		{name: "JSON javascript URL", contentType: "application/json", body: `{"url":"javascript:alert(1)"}`, status: 400, msg: "url: want an absolute http"},
		{name: "JSON relative URL", contentType: "application/json", body: `{"url":"/etc/passwd"}`, status: 400, msg: "url: want an absolute http"},
		{name: "JSON URL without host", contentType: "application/json", body: `{"url":"http:///x"}`, status: 400, msg: "url: want an absolute http"},
		{name: "JSON URL with user", contentType: "application/json", body: `{"url":"http://u:p@example.org/"}`, status: 400, msg: "without user info"},
		{name: "JSON URL with a space", contentType: "application/json", body: `{"url":"http://example.org/a b"}`, status: 400, msg: "url: a space"},
		{name: "JSON gopher URL", contentType: "application/json", body: `{"url":"gopher://example.org/"}`, status: 400, msg: "url: want"},
		{name: "JSON bad date", contentType: "application/json", body: `{"text":"a","date":"13/04/2017"}`, status: 400,
			msg: `date: want YYYY-MM-DD or RFC 3339, got "13/04/2017"`},
		{name: "JSON long title", contentType: "application/json", body: `{"text":"a","title":"` + strings.Repeat("t", 1001) + `"}`, status: 400,
			msg: "title: 1001 bytes, at most 1000"},
		{name: "JSON wrong type", contentType: "application/json", body: `{"text":5}`, status: 400, msg: "cannot unmarshal number"},
		{name: "JSON array", contentType: "application/json", body: `[{"text":"a"}]`, status: 400, msg: "cannot unmarshal array"},
		{name: "JSON two objects", contentType: "application/json", body: `{"text":"a"}{"text":"b"}`, status: 400, msg: "body: more than one JSON value"},
		{name: "JSON trailing garbage", contentType: "application/json", body: `{"text":"a"} }`, status: 400, msg: "body: more than one JSON value"},
		{name: "JSON truncated", contentType: "application/json", body: `{"text":"a`, status: 400, msg: "unexpected EOF"},
		{name: "JSON with query date", path: "?date=2017-04-13", contentType: "application/json", body: `{"text":"a"}`, status: 400,
			msg: "query: with a JSON body, give date and title in it"},
		{name: "empty", contentType: "text/plain", status: 400, msg: "body: empty"},
		{name: "blank", contentType: "text/html", body: " \r\n\t", status: 400, msg: "body: empty"},
		{name: "bad UTF-8", contentType: "text/plain", body: "caf\xe9", status: 400, msg: "body: not UTF-8"},
		{name: "bad UTF-8 in JSON", contentType: "application/json", body: "{\"text\":\"caf\xe9\"}", status: 400, msg: "body: not UTF-8"},
		{name: "bad date parameter", path: "?date=yesterday", contentType: "text/plain", body: "a", status: 400, msg: "date: want a date"},
		{name: "unknown parameter", path: "?url=https://example.org/", contentType: "text/plain", body: "a", status: 400,
			msg: `unknown parameter "url": accepted: date, title`},
		{name: "XML", contentType: "application/xml", body: "<a/>", status: 415,
			msg: `unsupported media type: "application/xml": want text/plain, text/html, application/x-ndjson, application/jsonl or application/json`},
		{name: "form", contentType: "application/x-www-form-urlencoded", body: "text=a", status: 415, msg: "unsupported media type"},
		{name: "no content type", body: "a", status: 415, msg: "unsupported media type: no Content-Type"},
		{name: "malformed content type", contentType: "text/plain; charset", body: "a", status: 415, msg: "unsupported media type: Content-Type"},
		{name: "latin-1", contentType: "text/plain; charset=iso-8859-1", body: "a", status: 415, msg: `charset "iso-8859-1": want utf-8`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fa := &fakeAnalyzer{}
			cfg := testConfig()
			cfg.Analyzer = fa
			srv := serve(t, db, cfg, nil)
			r := post(t, srv, "POST", "/api/v1/code"+tt.path, strings.NewReader(tt.body), tt.contentType)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
			checkHeaders(t, r)
			if tt.status != 200 {
				if msg := decodeError(t, r); !strings.Contains(msg, tt.msg) {
					t.Errorf("message %q, want it to contain %q", msg, tt.msg)
				}
				if got := fa.got(); len(got) != 0 {
					t.Errorf("the analyser got %+v", got)
				}
				return
			}
			if diff := cmp.Diff([]api.Input{tt.in}, fa.got()); diff != "" {
				t.Errorf("inputs (-want +got):\n%s", diff)
			}
			var got codeResult
			if err := json.Unmarshal(r.body, &got); err != nil {
				t.Fatal(err)
			}
			if tt.want != nil {
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("body (-want +got):\n%s", diff)
				}
			}
		})
	}
}

func TestIngest(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	fa := &fakeAnalyzer{}
	cfg := testConfig()
	cfg.Analyzer = fa
	srv := serve(t, db, cfg, nil)
	r := post(t, srv, "POST", "/api/v1/ingest?date=2017-04-13", strings.NewReader("{\"text\":\"a\"}\n{\n{\"text\":\"b\"}"), "application/x-ndjson")
	if r.status != 200 {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	checkHeaders(t, r)
	var got api.IngestResult
	if err := json.Unmarshal(r.body, &got); err != nil {
		t.Fatal(err)
	}
	want := api.IngestResult{Stored: 2, Failed: 1, IDs: []string{"id1", "id2"},
		Errors: []api.InputError{{Input: "request:2", Message: "unexpected end of JSON input"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("result (-want +got):\n%s", diff)
	}
	if in := fa.got(); len(in) != 1 || !in[0].Date.Equal(day("2017-04-13")) {
		t.Errorf("inputs %+v", in)
	}
	// Nothing stored: the lists are [], not null.
	r = post(t, srv, "POST", "/api/v1/ingest", strings.NewReader("not json"), "application/jsonl")
	if want := `{"stored":0,"skipped":0,"failed":1,"ids":[],"errors":[{"input":"request:1","message":"invalid character 'o' in literal null (expecting 'u')"}]}` + "\n"; string(r.body) != want {
		t.Errorf("body %s, want %s", r.body, want)
	}
}

func TestBodyLimit(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	fa := &fakeAnalyzer{}
	cfg := testConfig()
	cfg.Analyzer = fa
	cfg.MaxBodyBytes = 1000
	srv := serve(t, db, cfg, nil)
	for _, tt := range []struct {
		name   string
		body   func() io.Reader
		status int
	}{
		{"at the limit", func() io.Reader { return strings.NewReader(strings.Repeat("a", 1000)) }, 200},
		{"over, with a length", func() io.Reader { return strings.NewReader(strings.Repeat("a", 1001)) }, 413},
		{"over, chunked", func() io.Reader { return chunked{strings.NewReader(strings.Repeat("a", 5000))} }, 413},
		{"at the limit, chunked", func() io.Reader { return chunked{strings.NewReader(strings.Repeat("a", 1000))} }, 200},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, path := range []string{"/api/v1/code", "/api/v1/ingest"} {
				r := post(t, srv, "POST", path, tt.body(), "text/plain")
				if r.status != tt.status {
					t.Fatalf("%s: status %d, want %d: %s", path, r.status, tt.status, r.body)
				}
				checkHeaders(t, r)
				if tt.status == 413 {
					if msg := decodeError(t, r); msg != "request body too large: at most 1000 bytes" {
						t.Errorf("message %q", msg)
					}
				}
			}
		})
	}
	if n := len(fa.got()); n != 4 {
		t.Errorf("the analyser got %d inputs, want 4", n)
	}
	// The default is 5 MiB.
	srv = serve(t, db, func() api.Config { c := testConfig(); c.Analyzer = fa; c.MaxBodyBytes = 0; return c }(), nil)
	if r := post(t, srv, "POST", "/api/v1/code", strings.NewReader(strings.Repeat("a", 5<<20+1)), "text/plain"); r.status != 413 {
		t.Errorf("5 MiB + 1: status %d", r.status)
	}
}

func TestToken(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	fa := &fakeAnalyzer{}
	cfg := testConfig()
	cfg.Analyzer = fa
	cfg.Token = "s3cret-Token"
	srv := serve(t, db, cfg, nil)
	for _, tt := range []struct {
		name   string
		header []string
		status int
		msg    string
	}{
		{"missing", nil, 401, "unauthorized: send Authorization: Bearer TOKEN"},
		{"empty", []string{"Authorization: "}, 401, "unauthorized: send Authorization"},
		{"basic", []string{"Authorization: Basic czNjcmV0LVRva2Vu"}, 401, "unauthorized: send Authorization"},
		{"bare token", []string{"Authorization: s3cret-Token"}, 401, "unauthorized: send Authorization"},
		{"wrong", []string{"Authorization: Bearer s3cret-Tokem"}, 401, "unauthorized: wrong token"},
		{"prefix", []string{"Authorization: Bearer s3cret"}, 401, "unauthorized: wrong token"},
		{"longer", []string{"Authorization: Bearer s3cret-Token2"}, 401, "unauthorized: wrong token"},
		{"other case", []string{"Authorization: Bearer S3CRET-TOKEN"}, 401, "unauthorized: wrong token"},
		{"in the query", nil, 401, "unauthorized"},
		{"right", []string{"Authorization: Bearer s3cret-Token"}, 200, ""},
		{"scheme in lower case", []string{"Authorization: bearer s3cret-Token"}, 200, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := len(fa.got())
			path := "/api/v1/ingest"
			if tt.name == "in the query" {
				path += "?token=s3cret-Token"
			}
			r := post(t, srv, "POST", path, strings.NewReader("a"), "text/plain", tt.header...)
			if r.status != tt.status {
				t.Fatalf("status %d, want %d: %s", r.status, tt.status, r.body)
			}
			checkHeaders(t, r)
			if tt.status == 200 {
				if len(fa.got()) != n+1 {
					t.Errorf("the analyser was not called")
				}
				return
			}
			if msg := decodeError(t, r); !strings.Contains(msg, tt.msg) {
				t.Errorf("message %q, want it to contain %q", msg, tt.msg)
			}
			if got := r.header.Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer") {
				t.Errorf("WWW-Authenticate %q, want Bearer", got)
			}
			if len(fa.got()) != n {
				t.Errorf("the analyser was called without the token")
			}
		})
	}
	t.Run("before anything else", func(t *testing.T) {
		r := post(t, srv, "POST", "/api/v1/ingest?bad=1", strings.NewReader("<a/>"), "application/xml")
		if r.status != 401 {
			t.Errorf("status %d, want 401: %s", r.status, r.body)
		}
	})
	t.Run("not for code", func(t *testing.T) {
		if r := post(t, srv, "POST", "/api/v1/code", strings.NewReader("a"), "text/plain"); r.status != 200 {
			t.Errorf("status %d: %s", r.status, r.body)
		}
	})
	t.Run("not needed without one", func(t *testing.T) {
		cfg.Token = ""
		srv := serve(t, db, cfg, nil)
		if r := post(t, srv, "POST", "/api/v1/ingest", strings.NewReader("a"), "text/plain", "Authorization: Bearer whatever"); r.status != 200 {
			t.Errorf("status %d: %s", r.status, r.body)
		}
	})
}

func TestNoAnalyzer(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	srv := serve(t, db, testConfig(), nil)
	for _, path := range []string{"/api/v1/code", "/api/v1/ingest"} {
		r := post(t, srv, "POST", path, strings.NewReader("a"), "text/plain")
		if r.status != 503 {
			t.Errorf("%s: status %d, want 503: %s", path, r.status, r.body)
		}
		checkHeaders(t, r)
		if msg := decodeError(t, r); msg != "analysis is not enabled on this server" {
			t.Errorf("%s: message %q", path, msg)
		}
	}
}

func TestAnalyzerFaults(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	const secret = "pipeline on fire at /var/secret"
	for _, tt := range []struct {
		name   string
		fa     *fakeAnalyzer
		status int
		msg    string
		log    string
	}{
		{"internal error", &fakeAnalyzer{err: errors.New(secret)}, 500, "internal error", secret},
		{"the client's fault", &fakeAnalyzer{err: fmt.Errorf("%w: too many articles", api.ErrBody)}, 400, "bad request body: too many articles", ""},
		{"timeout", &fakeAnalyzer{wait: true}, 503, "timeout: the request took longer than 50ms", "api timeout"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			log := &logBuffer{}
			cfg := testConfig()
			cfg.Analyzer = tt.fa
			cfg.AnalyzeTimeout = 50 * time.Millisecond
			srv := serve(t, db, cfg, log)
			for _, path := range []string{"/api/v1/code", "/api/v1/ingest"} {
				r := post(t, srv, "POST", path, strings.NewReader("a"), "text/plain")
				if r.status != tt.status {
					t.Errorf("%s: status %d, want %d: %s", path, r.status, tt.status, r.body)
				}
				checkHeaders(t, r)
				if msg := decodeError(t, r); !strings.Contains(msg, tt.msg) {
					t.Errorf("%s: message %q, want it to contain %q", path, msg, tt.msg)
				}
				if strings.Contains(string(r.body), "secret") {
					t.Errorf("the body leaks the error: %s", r.body)
				}
			}
			if tt.log != "" {
				log.waitFor(t, tt.log)
			}
		})
	}
	t.Run("GETs keep their own timeout", func(t *testing.T) {
		cfg := testConfig()
		cfg.AnalyzeTimeout = time.Nanosecond
		srv := serve(t, db, cfg, nil)
		if r := do(t, srv, "GET", "/api/v1/articles"); r.status != 200 {
			t.Errorf("status %d: %s", r.status, r.body)
		}
	})
}

func TestAnalyzeMethods(t *testing.T) {
	db := openStore(t, t.Context(), 0)
	cfg := testConfig()
	cfg.Analyzer = &fakeAnalyzer{}
	srv := serve(t, db, cfg, nil)
	// A GET with a body is still a GET.
	if r := post(t, srv, "GET", "/api/v1/events?limit=1", strings.NewReader(`{"text":"a"}`), "application/json"); r.status != 200 {
		t.Errorf("GET with a body: status %d: %s", r.status, r.body)
	}
	// Reading endpoints take no POST.
	if r := post(t, srv, "POST", "/api/v1/search?q=ab", strings.NewReader("a"), "text/plain"); r.status != 405 {
		t.Errorf("POST search: status %d: %s", r.status, r.body)
	}
}
