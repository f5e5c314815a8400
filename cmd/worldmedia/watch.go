package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"worldmedia/internal/ingest"
)

const watchSynopsis = `watch [flags] FEEDS.txt

Polls RSS/Atom feeds and stores their new articles in the database (--db),
as ingest does, every --interval until interrupted (or for --rounds rounds).
FEEDS.txt lists one feed URL a line; blank lines and lines starting with #
are ignored. Feeds are fetched politely (robots.txt, a delay per host,
conditional requests); an item stored before is not analysed again.`

func runWatch(ctx context.Context, e env, args []string) int {
	fs, lf := newFlagSet(e, "watch", watchSynopsis)
	var f ingestFlags
	f.register(fs)
	interval := fs.Duration("interval", 15*time.Minute, "time between polls")
	rounds := fs.Int("rounds", 0, "stop after this many polls (0: run until interrupted)")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	e.stderr = &lockedWriter{w: e.stderr}
	log, err := lf.logger(e.stderr)
	if err == nil && fs.NArg() != 1 {
		err = errors.New("want one feeds file")
	}
	if err == nil && *interval < time.Second {
		err = fmt.Errorf("-interval %s: want at least 1s", *interval)
	}
	var feeds []string
	if err == nil {
		feeds, err = readFeedList(fs.Arg(0))
	}
	var rcfg ingest.Config
	if err == nil {
		rcfg, err = f.readerConfig()
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia watch:", err)
		return exitUsage
	}
	ing, err := openIngester(ctx, &f, log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia watch:", err)
		return exitAborted
	}
	defer ing.close()
	// One reader for all rounds: it remembers each feed's ETag and
	// Last-Modified, so an unchanged feed costs a 304.
	reader, err := ingest.New(rcfg, log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia watch:", err)
		return exitUsage
	}
	return watchLoop(ctx, ing, reader, feeds, *interval, *rounds, e, log)
}

func watchLoop(ctx context.Context, ing *ingester, reader *ingest.Reader, feeds []string, interval time.Duration,
	rounds int, e env, log *slog.Logger) int {
	status := exitOK
	for round := 1; ; round++ {
		log.Info("polling feeds", "round", round, "feeds", len(feeds))
		prog := newProgress(e, "none", -1, log)
		res, err := ing.run(ctx, reader.Articles(ctx, feeds, e.stdin), e, prog)
		if err != nil {
			if ctx.Err() != nil {
				log.Info("watch stopped", "rounds", round)
				return exitOK
			}
			fmt.Fprintln(e.stderr, "worldmedia watch:", err)
			return exitAborted
		}
		if res.failed > 0 {
			status = exitFailed
		}
		if rounds > 0 && round >= rounds {
			return status
		}
		select {
		case <-ctx.Done():
			log.Info("watch stopped", "rounds", round)
			return exitOK
		case <-time.After(interval):
		}
	}
}

// readFeedList reads one URL a line, skipping blank and # lines.
func readFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var feeds []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !strings.HasPrefix(line, "http://") && !strings.HasPrefix(line, "https://") {
			return nil, fmt.Errorf("%s:%d: %q is not an http(s) URL", path, n, line)
		}
		feeds = append(feeds, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(feeds) == 0 {
		return nil, fmt.Errorf("%s: no feed URL", path)
	}
	return feeds, nil
}
