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

Serves the JSON API (/api/v1/, docs/api.md) and the dashboard (/) over the
database (--db). With --watch FEEDS.txt it also polls those feeds and stores
their new articles, in the same process (DuckDB lets one process write a
database file). Without --watch the database is opened read-only, so the
query commands can read it at the same time.`

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
	timeout := fs.Duration("timeout", api.DefaultConfig().Timeout, "longest time one API request may take")
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
	if _, statErr := os.Stat(f.db); *watch == "" && statErr == nil {
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
	acfg.Timeout, acfg.Version = *timeout, version
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
		WriteTimeout:      acfg.Timeout + 10*time.Second,
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
	mux.Handle("/api/", ah)
	mux.Handle("/", wh)
	return mux, nil
}
