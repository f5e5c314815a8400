package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"reflect"
	"strings"
	"time"

	"worldmedia/internal/article"
	"worldmedia/internal/store"
)

// queryFlags are the flags every query command shares.
type queryFlags struct {
	db, format string
	limit      int
	offset     int
	since      string
	until      string
}

func (q *queryFlags) register(fs *flag.FlagSet, paged bool) {
	fs.StringVar(&q.db, "db", store.DefaultPath, "database `file`")
	fs.StringVar(&q.format, "format", "table", "output `format`: table, csv or json")
	fs.StringVar(&q.since, "since", "", "first `day` (YYYY-MM-DD), inclusive")
	fs.StringVar(&q.until, "until", "", "last `day` (YYYY-MM-DD), inclusive")
	if paged {
		fs.IntVar(&q.limit, "limit", 50, "at most this many `rows`")
		fs.IntVar(&q.offset, "offset", 0, "skip this many `rows`")
	}
}

// dates parses --since and --until.
func (q *queryFlags) dates() (since, until time.Time, err error) {
	if q.since != "" {
		if since, err = article.ParseDate(q.since); err != nil {
			return since, until, fmt.Errorf("-since: %w", err)
		}
	}
	if q.until != "" {
		if until, err = article.ParseDate(q.until); err != nil {
			return since, until, fmt.Errorf("-until: %w", err)
		}
	}
	return since, until, nil
}

func (q *queryFlags) page() store.Page { return store.Page{Limit: q.limit, Offset: q.offset} }

// openForQuery opens an existing database for reading.
func openForQuery(ctx context.Context, path string, log *slog.Logger) (*store.DB, error) {
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("database %s does not exist (run 'worldmedia ingest' or 'worldmedia import gdelt' first, or give --db)", path)
	}
	cfg := store.DefaultConfig()
	cfg.ReadOnly = true
	return store.Open(ctx, path, cfg, log)
}

// queryRun parses a query command's flags (the shared ones and those
// extra registers), opens the database and calls run, which returns the
// rows to print (a slice of structs, or a value printed as JSON).
func queryRun(ctx context.Context, e env, name, synopsis string, args []string, paged bool,
	extra func(fs *flag.FlagSet), run func(ctx context.Context, db *store.DB, q *queryFlags, fs *flag.FlagSet) (any, error)) int {
	fs, lf := newFlagSet(e, name, synopsis)
	var q queryFlags
	q.register(fs, paged)
	if extra != nil {
		extra(fs)
	}
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	log, err := lf.logger(e.stderr)
	if err == nil {
		err = checkTableFormat(q.format)
	}
	if err == nil && fs.NArg() > 0 && name != "relations" {
		err = fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "worldmedia %s: %v\n", name, err)
		return exitUsage
	}
	db, err := openForQuery(ctx, q.db, log)
	if err != nil {
		fmt.Fprintf(e.stderr, "worldmedia %s: %v\n", name, err)
		return exitAborted
	}
	defer db.Close()
	rows, err := run(ctx, db, &q, fs)
	if errors.Is(err, store.ErrQuery) || errors.Is(err, errUsage) {
		fmt.Fprintf(e.stderr, "worldmedia %s: %v\n", name, err)
		return exitUsage
	}
	if err == nil {
		err = printResult(e, q.format, rows)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "worldmedia %s: %v\n", name, err)
		return exitAborted
	}
	return exitOK
}

// errUsage marks a bad flag value found after parsing.
var errUsage = errors.New("usage")

func usageErr(format string, a ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, a...))
}

// printer is a result that prints itself in the table and CSV formats.
type printer interface {
	print(w io.Writer, format string) error
}

func printResult(e env, format string, rows any) error {
	if p, ok := rows.(printer); ok && format != "json" {
		return p.print(e.stdout, format)
	}
	return writeRows(e.stdout, format, rows, 60)
}

const eventsSynopsis = `events [flags]

Lists stored events, newest first. Events of duplicate articles are left out
unless --duplicates is given.`

func runEvents(ctx context.Context, e env, args []string) int {
	var q store.EventQuery
	var quad int
	return queryRun(ctx, e, "events", eventsSynopsis, args, true, func(fs *flag.FlagSet) {
		fs.StringVar(&q.Source, "source", "", "source actor `code` (USA, USAGOV, IGOUNO…)")
		fs.StringVar(&q.Target, "target", "", "target actor `code`")
		fs.BoolVar(&q.Both, "both", false, "match --source and --target in either direction")
		fs.StringVar(&q.Code, "code", "", "CAMEO event `code` or its start (19, 190, 1903)")
		fs.IntVar(&quad, "quad", 0, "quad `class` 1..4")
		fs.StringVar(&q.Place, "place", "", "event place name (substring) or FIPS country `code`")
		fs.StringVar(&q.Text, "text", "", "`words` in the evidence sentence")
		fs.StringVar(&q.Origin, "origin", "", "worldmedia or gdelt")
		fs.StringVar(&q.ArticleID, "article", "", "the events of one article `id`")
		fs.BoolVar(&q.Duplicates, "duplicates", false, "include events of duplicate articles")
	}, func(ctx context.Context, db *store.DB, f *queryFlags, _ *flag.FlagSet) (any, error) {
		var err error
		if q.Since, q.Until, err = f.dates(); err != nil {
			return nil, usageErr("%v", err)
		}
		q.Quad, q.Page = quad, f.page()
		return db.Events(ctx, q)
	})
}

const articlesSynopsis = `articles [flags]

Lists stored articles, newest first.`

func runArticles(ctx context.Context, e env, args []string) int {
	var q store.ArticleQuery
	return queryRun(ctx, e, "articles", articlesSynopsis, args, true, func(fs *flag.FlagSet) {
		fs.StringVar(&q.Source, "source", "", "outlet `name`")
		fs.StringVar(&q.Text, "text", "", "`words` in the title or body")
		fs.StringVar(&q.Story, "story", "", "the articles of one story `id`")
		fs.StringVar(&q.ID, "id", "", "one article `id`")
		fs.BoolVar(&q.Originals, "originals", false, "leave out duplicates")
	}, func(ctx context.Context, db *store.DB, f *queryFlags, _ *flag.FlagSet) (any, error) {
		var err error
		if q.Since, q.Until, err = f.dates(); err != nil {
			return nil, usageErr("%v", err)
		}
		q.Page = f.page()
		return db.Articles(ctx, q)
	})
}

const storiesSynopsis = `stories [flags]

Lists stories (articles about the same events), the largest first.`

func runStories(ctx context.Context, e env, args []string) int {
	var q store.StoryQuery
	return queryRun(ctx, e, "stories", storiesSynopsis, args, true, func(fs *flag.FlagSet) {
		fs.StringVar(&q.Text, "text", "", "`words` in the first article's title")
		fs.IntVar(&q.MinArticles, "min-articles", 0, "only stories with at least `n` articles")
	}, func(ctx context.Context, db *store.DB, f *queryFlags, _ *flag.FlagSet) (any, error) {
		var err error
		if q.Since, q.Until, err = f.dates(); err != nil {
			return nil, usageErr("%v", err)
		}
		q.Page = f.page()
		return db.Stories(ctx, q)
	})
}

const statsSynopsis = `stats [flags]

Prints the database's totals; --format json gives at least articles,
duplicates, stories and events (docs/store.md).`

func runStats(ctx context.Context, e env, args []string) int {
	return queryRun(ctx, e, "stats", statsSynopsis, args, false, nil,
		func(ctx context.Context, db *store.DB, _ *queryFlags, _ *flag.FlagSet) (any, error) {
			st, err := db.Stats(ctx)
			return statsResult(st), err
		})
}

// statsResult prints stats as one row per figure in table and CSV.
type statsResult store.Stats

func (s statsResult) print(w io.Writer, format string) error {
	type kv struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	}
	v := reflect.ValueOf(store.Stats(s))
	var rows []kv
	for i := range v.NumField() {
		name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
		rows = append(rows, kv{name, cell(v.Field(i))})
	}
	return writeRows(w, format, rows, 0)
}
