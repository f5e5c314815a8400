package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"worldmedia/internal/api"
	"worldmedia/internal/relations"
)

// FuzzQuery throws raw query strings at the endpoints that take the most
// parameters and those that take free text: no answer may be a 5xx other
// than 503, every body is JSON, an error is the envelope and a 200
// decodes.
func FuzzQuery(f *testing.F) {
	db := openStore(f, f.Context(), 30)
	h, err := api.New(db, testConfig(), nil)
	if err != nil {
		f.Fatal(err)
	}
	for _, q := range []string{
		"", "limit=5", "limit=5000", "limit=1&limit=2", "lmit=5", "source=syr&target=SYR&both=1",
		"code=19&quad=4&since=2017-04-11&until=2017-04-11", "place=idlib&text=shelled", "place=SY",
		"origin=gdelt&duplicates=true&offset=3", "article=a2&duplicates=1", "text=%25_%5C", "text=%ff", "text=a%00b",
		"since=0001-01-01", "since=9999-12-31", "until=0000-01-01", "text=%zz", "a;b", "&&==&", "=",
		"a=USA&b=RUS", "a=usa&b=rus&by=day", "a=USAGOV&b=RUS&by=month&directed=true&min_events=1",
		"a=USA&b=RUS&by=year&since=0001-01-01", "a=USA&b=RUS&by=day&since=1900-01-01",
		"a=USA&b=RUS&since=2016-03-01&until=2016-02-01", "a=USA&b=USA", "a=IGOUNO&b=RUSGOV&by=Week",
		"q=rus", "q=", "q=%27+OR+1%3D1--", "q=R%25&limit=100", "q=ABCDEFGHIJKLMNO&limit=1", "q=%C4%B1ran",
		"q=idlib&limit=1&offset=1", "q=%25%25", "q=%5C%5C", "q=a", "q=+", "q=%F0%9F%98%80%F0%9F%98%80",
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, path := range []string{"/api/v1/events", "/api/v1/relations", "/api/v1/countries", "/api/v1/actors", "/api/v1/search"} {
			// The request as the server would parse it, whatever the bytes.
			r := &http.Request{Method: "GET", URL: &url.URL{Path: path, RawQuery: raw}, Header: http.Header{},
				Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1, Host: "example.org", RemoteAddr: "192.0.2.1:1234"}
			r = r.WithContext(t.Context())
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			body := w.Body.Bytes()
			if w.Code >= 500 && w.Code != http.StatusServiceUnavailable {
				t.Fatalf("GET %s?%q: status %d: %s", path, raw, w.Code, body)
			}
			if !json.Valid(body) || !utf8.Valid(body) {
				t.Fatalf("GET %s?%q: body is not JSON: %q", path, raw, body)
			}
			if w.Code != http.StatusOK {
				var e errorBody
				if err := json.Unmarshal(body, &e); err != nil || e.Error.Status != w.Code || e.Error.Message == "" {
					t.Fatalf("GET %s?%q: status %d, envelope %s (%v)", path, raw, w.Code, body, err)
				}
				continue
			}
			v := map[string]any{
				"/api/v1/events": &eventPage{}, "/api/v1/relations": &relations.Report{}, "/api/v1/countries": &countryList{},
				"/api/v1/actors": &actorList{}, "/api/v1/search": &articlePage{},
			}[path]
			if err := json.Unmarshal(body, v); err != nil {
				t.Fatalf("GET %s?%q: decoding %s: %v", path, raw, body, err)
			}
		}
	})
}

// FuzzBody throws request bodies at POST /api/v1/code: no answer may be a
// 5xx, every body is JSON, an error is the envelope, and what the
// analyser gets is a checked Input.
func FuzzBody(f *testing.F) {
	db := openStore(f, f.Context(), 0)
	fa := &fakeAnalyzer{}
	cfg := testConfig()
	cfg.Analyzer = fa
	cfg.MaxBodyBytes = 1 << 10
	h, err := api.New(db, cfg, nil)
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []struct{ ct, body string }{
		{"text/plain", "Troops shelled Idlib."}, {"text/html", "<p>x</p>"}, {"application/x-ndjson", "{\"text\":\"a\"}\nx"},
		{"application/json", `{"text":"a","date":"2017-04-13","title":"t"}`}, {"application/json", `{"url":"https://example.org/"}`},
		{"application/json", `{"url":"file:///etc/passwd"}`}, {"application/json", `{"text":"a","html":"b"}`},
		{"application/json", `{"text":"a","x":1}`}, {"application/json", `{"text":"\u0000"}`}, {"application/json", "{\"text\":\"\xff\"}"},
		{"text/plain; charset=latin1", "a"}, {"", ""}, {"application/json", `{"url":"http://[::1]:0/"}`},
		{"application/json", `{"url":"http://%zz/"}`}, {"application/json", `{"date":"0000-01-01T00:00:00Z","text":"a"}`},
	} {
		f.Add(s.ct, s.body)
	}
	f.Fuzz(func(t *testing.T, ct, body string) {
		r := httptest.NewRequestWithContext(t.Context(), "POST", "/api/v1/code", strings.NewReader(body))
		r.Header = http.Header{"Content-Type": {ct}}
		n := len(fa.got())
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		out := w.Body.Bytes()
		if w.Code >= 500 || !json.Valid(out) || !utf8.Valid(out) {
			t.Fatalf("POST %q %q: status %d: %q", ct, body, w.Code, out)
		}
		if w.Code != http.StatusOK {
			var e errorBody
			if err := json.Unmarshal(out, &e); err != nil || e.Error.Status != w.Code || e.Error.Message == "" {
				t.Fatalf("POST %q %q: status %d, envelope %s (%v)", ct, body, w.Code, out, err)
			}
			return
		}
		got := fa.got()
		if len(got) != n+1 {
			t.Fatalf("POST %q %q: 200 with %d inputs", ct, body, len(got)-n)
		}
		in := got[n]
		switch {
		case in.URL != "":
			u, err := url.Parse(in.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(in.Body) != 0 || in.ContentType != "" {
				t.Fatalf("POST %q %q: input %+v", ct, body, in)
			}
		case !utf8.Valid(in.Body) || len(strings.TrimSpace(string(in.Body))) == 0 ||
			(in.ContentType != "text/plain" && in.ContentType != "text/html" && in.ContentType != "application/x-ndjson"):
			t.Fatalf("POST %q %q: input %+v", ct, body, in)
		}
	})
}
