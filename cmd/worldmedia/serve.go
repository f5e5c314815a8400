package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"worldmedia/internal/api"
	"worldmedia/internal/ingest"
	"worldmedia/internal/store"
)

const serveSynopsis = `serve [flags]

Serves the JSON API (/api/v1/, docs/api.md), /healthz, /metrics (Prometheus),
/openapi.json and the dashboard (/) over the database (--db). It can analyse
(POST /api/v1/code) and store (POST /api/v1/ingest) posted articles, and with
--watch FEEDS.txt it also polls those feeds and stores their new articles, in
the same process (DuckDB lets one process write a database file). With
--read-only the database is opened for reading only, so the query commands
can read it at the same time; ingestion is then off.

Writing endpoints need the bearer token --token (or WORLDMEDIA_TOKEN) when
one is set; the server refuses to listen on a non-loopback address without a
token.`

// version is reported by /api/v1/health.
const version = "0.5.0"

func runServe(ctx context.Context, e env, args []string) int {
	fs, lf := newFlagSet(e, "serve", serveSynopsis)
	var f ingestFlags
	f.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address` (host:port; port 0 picks one)")
	watch := fs.String("watch", "", "feeds `file` to poll while serving")
	interval := fs.Duration("interval", 15*time.Minute, "time between polls of the --watch feeds")
	webDir := fs.String("web-dir", "", "serve the dashboard's assets from this `directory` (development)")
	timeout := fs.Duration("timeout", api.DefaultConfig().Timeout, "longest time one API read may take")
	token := fs.String("token", os.Getenv("WORLDMEDIA_TOKEN"), "bearer `token` for POST /api/v1/ingest (default $WORLDMEDIA_TOKEN)")
	readOnly := fs.Bool("read-only", false, "open the database read-only (no ingestion, no --watch)")
	accessLog := fs.Bool("access-log", true, "log every request at info level")
	privateFetch := fs.Bool("allow-private-fetch", false, "let posted URLs reach loopback and private addresses")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	e.stderr = &lockedWriter{w: e.stderr}
	log, err := lf.logger(e.stderr)
	var feeds []string
	if err == nil && fs.NArg() > 0 {
		err = fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if err == nil && *watch != "" {
		feeds, err = readFeedList(*watch)
	}
	if err == nil && *readOnly && *watch != "" {
		err = errors.New("--watch needs a writable database: drop --read-only")
	}
	if err == nil && *token == "" && !loopback(*addr) {
		err = fmt.Errorf("-addr %s is not a loopback address: set a token (--token or WORLDMEDIA_TOKEN) to serve beyond this machine", *addr)
	}
	var rcfg ingest.Config
	if err == nil {
		rcfg, err = f.readerConfig()
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia serve:", err)
		return exitUsage
	}
	var db *store.DB
	var ing *ingester
	if *readOnly {
		cfg := store.DefaultConfig()
		cfg.ReadOnly = true
		db, err = store.Open(ctx, f.db, cfg, log)
	} else {
		ing, err = openIngester(ctx, &f, log)
		if err == nil {
			db = ing.db
		}
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia serve:", err)
		return exitAborted
	}
	if ing != nil {
		defer ing.close()
	} else {
		defer db.Close()
	}
	acfg := api.DefaultConfig()
	acfg.Timeout, acfg.Version, acfg.Token, acfg.AccessLog = *timeout, version, *token, *accessLog
	z, err := newAnalyzer(rcfg, ing, log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia serve:", err)
		return exitAborted
	}
	z.privateFetch = *privateFetch
	acfg.Analyzer = z
	if *token == "" && ing != nil {
		log.Warn("no token: anyone who can reach the server can store articles (set --token)")
	}
	h, err := serveHandler(db, acfg, *webDir, log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia serve:", err)
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia serve:", err)
		return exitAborted
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      max(acfg.Timeout, analyzeTimeout(acfg)) + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+"/", "db", f.db, "watch", *watch)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watchDone := make(chan int, 1)
	if ing != nil && len(feeds) > 0 {
		reader, err := ingest.New(rcfg, log)
		if err != nil {
			fmt.Fprintln(e.stderr, "worldmedia serve:", err)
			return exitUsage
		}
		go func() { watchDone <- watchLoop(ctx, ing, reader, feeds, *interval, 0, e, log) }()
	}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	select {
	case <-ctx.Done():
	case err = <-serveErr:
	case st := <-watchDone:
		if st == exitAborted {
			err = errors.New("feed watching stopped on a database error")
		}
	}
	cancel()
	sctx, scancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer scancel()
	if serr := srv.Shutdown(sctx); serr != nil && err == nil {
		err = serr
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(e.stderr, "worldmedia serve:", err)
		return exitAborted
	}
	log.Info("stopped")
	return exitOK
}

// serveHandler mounts the API at /api/ and the dashboard at /.
func serveHandler(db *store.DB, acfg api.Config, webDir string, log *slog.Logger) (http.Handler, error) {
	ah, err := api.New(db, acfg, log)
	if err != nil {
		return nil, err
	}
	wh, err := webHandler(webDir, log)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	for _, p := range []string{"/api/", "/healthz", "/metrics", "/openapi.json"} {
		mux.Handle(p, ah)
	}
	mux.Handle("/", wh)
	return mux, nil
}

func analyzeTimeout(c api.Config) time.Duration {
	if c.AnalyzeTimeout > 0 {
		return c.AnalyzeTimeout
	}
	return 60 * time.Second
}

// loopback reports whether the listen address addr is on a loopback
// interface only ("127.0.0.1:8080", "[::1]:0", "localhost:8080").
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
