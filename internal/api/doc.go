// Package api is worldmedia's HTTP JSON API over the store (docs/api.md).
//
// [New] returns an [http.Handler] serving, under /api/v1/, GET and HEAD
// of health, stats, events, places, countries, actors, articles, one
// article with its body, events and analysis, article search, stories,
// the relations barometer and an OpenAPI 3.1 document of all of them; the
// POSTs /api/v1/code (analyse documents) and /api/v1/ingest (analyse and
// store them, behind an optional bearer token) through an [Analyzer] that
// the command supplies; and at the root the operations endpoints
// /healthz, /metrics (Prometheus) and /openapi.json. Every response but
// /metrics is JSON, errors included:
//
//	{"error":{"status":400,"message":"limit: want 1..1000, got 5000"}}
//
// Each endpoint is a function returning a value or an error; one wrapper
// checks the token and the query parameters, bounds the request with a
// timeout, turns the value into JSON and the error, by its kind, into a
// status code and that envelope, recovers from panics; ServeHTTP bounds
// the body, counts each request in the metrics and logs it. A request is
// never trusted: unknown, repeated, overlong, non-UTF-8 or malformed
// parameters are refused with 400 and a message naming the parameter, and
// so are bodies that are empty, not UTF-8, or JSON with unknown fields.
//
// The package reads through the [Store] interface, which *store.DB
// satisfies, and writes only through the [Analyzer].
package api
