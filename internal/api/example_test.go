package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"worldmedia/internal/api"
	"worldmedia/internal/store"
)

// The API mounted at /api/ and the operations paths beside another
// handler (the dashboard) at /.
func Example() {
	ctx := context.Background()
	db, err := store.Open(ctx, "", store.DefaultConfig(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	cfg := api.DefaultConfig()
	cfg.Version = "1.0.0"
	h, err := api.New(db, cfg, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	mux := http.NewServeMux()
	for _, path := range []string{"/api/", "/healthz", "/metrics", "/openapi.json"} {
		mux.Handle(path, h)
	}
	mux.Handle("/", http.NotFoundHandler()) // the dashboard
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, path := range []string{"/healthz", "/api/v1/health", "/api/v1/events?limit=5000", "/api/v1/events?since=2017-04-01"} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			fmt.Println(err)
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Print(resp.StatusCode, " ", string(body))
	}
	// Output:
	// 200 {"status":"ok"}
	// 200 {"status":"ok","version":"1.0.0"}
	// 400 {"error":{"status":400,"message":"limit: want 1..1000, got 5000"}}
	// 200 {"events":[],"limit":100,"offset":0}
}

// An unknown parameter is refused, with the accepted ones.
func ExampleNew_unknownParameter() {
	ctx := context.Background()
	db, err := store.Open(ctx, "", store.DefaultConfig(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	h, err := api.New(db, api.DefaultConfig(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/api/v1/relations?a=USA&b=RUS&period=week", nil))
	fmt.Print(w.Code, " ", w.Body.String())
	// Output:
	// 400 {"error":{"status":400,"message":"unknown parameter \"period\": accepted: a, b, by, since, until, directed, min_events"}}
}

// Text posted for analysis reaches the Analyzer, which the command
// implements over the pipeline; here one that counts words.
func ExampleAnalyzer() {
	ctx := context.Background()
	db, err := store.Open(ctx, "", store.DefaultConfig(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer db.Close()
	cfg := api.DefaultConfig()
	cfg.Analyzer = wordCounter{}
	h, err := api.New(db, cfg, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, body := range []string{"Troops shelled Idlib.", `{"url":"file:///etc/passwd"}`} {
		r := httptest.NewRequest("POST", "/api/v1/code", strings.NewReader(body))
		r.Header.Set("Content-Type", "text/plain")
		if strings.HasPrefix(body, "{") {
			r.Header.Set("Content-Type", "application/json")
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		fmt.Print(w.Code, " ", w.Body.String())
	}
	// Output:
	// 200 {"articles":[{"words":3}],"errors":[]}
	// 400 {"error":{"status":400,"message":"url: want an absolute http or https URL without user info, got \"file:///etc/passwd\""}}
}

type wordCounter struct{}

func (wordCounter) Analyze(_ context.Context, in api.Input) ([]json.RawMessage, []api.InputError, error) {
	return []json.RawMessage{json.RawMessage(fmt.Sprintf(`{"words":%d}`, len(strings.Fields(string(in.Body)))))}, nil, nil
}

func (wordCounter) Ingest(context.Context, api.Input) (api.IngestResult, error) {
	return api.IngestResult{}, errors.New("read-only")
}
