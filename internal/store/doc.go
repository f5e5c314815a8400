// Package store keeps analysed articles, their events and knowledge, GDELT
// events imported from GDELT's files, and the spun-copy detector's memory in
// an embedded DuckDB database file (docs/store.md).
//
// One process opens a database file at a time: [Open] takes DuckDB's lock.
// Writes go through a [Writer], one transaction per batch of articles, with
// DuckDB's appender; a batch is all there or not at all after a crash.
// Reads run on the same [DB] from any goroutine.
//
// The store is the only package that imports DuckDB, so the other packages'
// tests stay light.
package store
