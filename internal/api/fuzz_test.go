package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"unicode/utf8"

	"worldmedia/internal/api"
	"worldmedia/internal/relations"
)

// FuzzQuery throws raw query strings at the endpoints that take the most
// parameters: no answer may be a 5xx other than 503, every body is JSON,
// an error is the envelope and a 200 decodes.
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
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, path := range []string{"/api/v1/events", "/api/v1/relations"} {
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
			var v any = &eventPage{}
			if path == "/api/v1/relations" {
				v = &relations.Report{}
			}
			if err := json.Unmarshal(body, v); err != nil {
				t.Fatalf("GET %s?%q: decoding %s: %v", path, raw, body, err)
			}
		}
	})
}
