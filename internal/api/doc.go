// Package api is worldmedia's read-only HTTP JSON API over the store
// (docs/api.md).
//
// [New] returns an [http.Handler] serving GET and HEAD under /api/v1/:
// health, stats, events, places, articles, one article with its body and
// events, stories, the relations barometer, and an OpenAPI 3.1 document of
// all of them. Every response is JSON, errors included:
//
//	{"error":{"status":400,"message":"limit: want 1..1000, got 5000"}}
//
// Each endpoint is a function returning a value or an error; one wrapper
// parses and checks the query parameters, bounds the request with a
// timeout, turns the value into JSON and the error, by its kind, into a
// status code and that envelope, recovers from panics and logs each
// request at debug level. A request is never trusted: unknown, repeated,
// overlong, non-UTF-8 or malformed parameters are refused with 400 and a
// message naming the parameter.
//
// The package reads through the [Store] interface, which *store.DB
// satisfies; it never writes.
package api
