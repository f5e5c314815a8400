package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"strings"
	"time"

	"worldmedia/internal/gdelt"
	"worldmedia/internal/store"
)

const importSynopsis = `import gdelt [flags] FILE...

Loads GDELT event files into the database (--db): GDELT 2.0 export files
(61 columns), GDELT 1.0 daily files (57 or 58 columns), or the 1.0 reduced
historical files, plain or zipped as GDELT publishes them. Each file is
stored in one transaction; a file imported before is skipped, and a record
whose GLOBALEVENTID is stored already is not stored twice. Malformed
records are reported with their line and skipped.

Exit status: 0 all files imported; 1 some files or records were bad;
2 usage error; 3 interrupted or the database failed.`

func runImport(ctx context.Context, e env, args []string) int {
	if st, ok := subcommand(e, args, "gdelt", importSynopsis); !ok {
		return st
	}
	fs, lf := newFlagSet(e, "import gdelt", importSynopsis)
	db := fs.String("db", store.DefaultPath, "database `file`")
	layout := fs.String("layout", "auto", "file layout: auto, events (2.0 or 1.0) or reduced (1.0 historical)")
	maxBad := fs.Int("report-bad", 20, "report at most `n` malformed records a file on stderr (all are counted)")
	if st := parseFlags(fs, args[1:]); st >= 0 {
		return st
	}
	log, err := lf.logger(e.stderr)
	if err == nil && fs.NArg() == 0 {
		err = errors.New("no file to import")
	}
	if err == nil && *layout != "auto" && *layout != "events" && *layout != "reduced" {
		err = fmt.Errorf("-layout %q: want auto, events or reduced", *layout)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia import gdelt:", err)
		return exitUsage
	}
	s, err := store.Open(ctx, *db, store.DefaultConfig(), log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia import gdelt:", err)
		return exitAborted
	}
	defer s.Close()
	status := exitOK
	var total store.ImportResult
	start := time.Now()
	for _, path := range fs.Args() {
		res, err := importFile(ctx, s, path, *layout, *maxBad, e, log)
		total.Rows += res.Rows
		total.Added += res.Added
		total.Bad += res.Bad
		switch {
		case errors.Is(err, store.ErrImported):
			log.Info("skipped", "file", path, "reason", "imported before")
		case ctx.Err() != nil:
			fmt.Fprintln(e.stderr, "worldmedia import gdelt: interrupted:", err)
			return exitAborted
		case err != nil:
			fmt.Fprintln(e.stderr, "worldmedia import gdelt:", err)
			status = exitFailed
		case res.Bad > 0:
			status = exitFailed
		}
	}
	el := time.Since(start)
	log.Info("imported", "files", fs.NArg(), "rows", total.Rows, "added", total.Added, "bad", total.Bad,
		"elapsed", el.Round(time.Millisecond), "rows_per_second", int64(float64(total.Rows)/el.Seconds()))
	return status
}

// subcommand checks that args start with the one subcommand name a
// command has ("import gdelt"); when not, it prints the usage line and
// returns the exit status.
func subcommand(e env, args []string, name, synopsis string) (int, bool) {
	if len(args) > 0 && args[0] == name {
		return 0, true
	}
	fmt.Fprintln(e.stderr, "usage: worldmedia "+firstLine(synopsis))
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		return exitOK, false
	}
	return exitUsage, false
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// importFile imports one file; the error names it.
func importFile(ctx context.Context, s *store.DB, path, layout string, maxBad int, e env, log interface {
	Info(string, ...any)
}) (store.ImportResult, error) {
	sum, err := fileSHA256(path)
	if err != nil {
		return store.ImportResult{}, err
	}
	rc, err := gdelt.OpenMaybeZip(path)
	if err != nil {
		return store.ImportResult{}, err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<20)
	if layout == "auto" {
		layout = sniffLayout(br)
	}
	bad := 0
	start := time.Now()
	opt := store.ImportOptions{
		Bad: func(err error) {
			bad++
			if bad <= maxBad {
				fmt.Fprintf(e.stderr, "worldmedia: %s: %v\n", path, err)
			}
		},
		Progress: func(n int64) {
			log.Info("importing", "file", path, "rows", n, "rows_per_second", int64(float64(n)/time.Since(start).Seconds()))
		},
	}
	var res store.ImportResult
	if layout == "events" && columns(br) == len(gdelt.EventColumns) {
		// A 2.0 file: DuckDB's own reader, on the file or on the zip
		// archive's member copied out.
		plain, cleanup, err := plainFile(path, br, rc)
		if err != nil {
			return store.ImportResult{}, err
		}
		res, err = s.ImportEventsFile(ctx, path, plain, sum, opt)
		cleanup()
		if bad > maxBad {
			fmt.Fprintf(e.stderr, "worldmedia: %s: %d more malformed records not shown\n", path, bad-maxBad)
		}
		if err != nil {
			return res, err
		}
		log.Info("file imported", "file", path, "layout", "2.0", "rows", res.Rows, "added", res.Added, "bad", res.Bad,
			"elapsed", time.Since(start).Round(time.Millisecond))
		return res, nil
	}
	var rows iter.Seq2[gdelt.EventRow, error]
	if layout == "reduced" {
		rows = gdelt.ReadReduced(br)
	} else {
		rows = gdelt.ReadEvents(br)
	}
	res, err = s.ImportEvents(ctx, path, sum, rows, opt)
	if bad > maxBad {
		fmt.Fprintf(e.stderr, "worldmedia: %s: %d more malformed records not shown\n", path, bad-maxBad)
	}
	if err != nil {
		return res, err
	}
	log.Info("file imported", "file", path, "layout", layout, "rows", res.Rows, "added", res.Added, "bad", res.Bad,
		"elapsed", time.Since(start).Round(time.Millisecond))
	return res, nil
}

// sniffLayout tells a reduced file (a "Date\tSource" header, or about 17
// columns) from an event file.
func sniffLayout(br *bufio.Reader) string {
	b, _ := br.Peek(4096)
	line, _, _ := strings.Cut(string(b), "\n")
	if strings.HasPrefix(line, "Date\tSource") || strings.Count(line, "\t") < 30 && !strings.HasPrefix(strings.ToUpper(line), "GLOBALEVENTID") {
		return "reduced"
	}
	return "events"
}

// columns counts the tab-separated columns of the first line, 0 when it
// is a header.
func columns(br *bufio.Reader) int {
	b, _ := br.Peek(64 << 10)
	line, _, _ := strings.Cut(string(b), "\n")
	if strings.HasPrefix(strings.ToUpper(line), "GLOBALEVENTID") {
		return 0
	}
	return strings.Count(line, "\t") + 1
}

// plainFile returns a path DuckDB can read the events of path from: path
// itself, or for a zip archive a temporary copy of its member, removed by
// cleanup.
func plainFile(path string, br *bufio.Reader, rc io.ReadCloser) (string, func(), error) {
	if _, isFile := rc.(*os.File); isFile {
		return path, func() {}, nil
	}
	tmp, err := os.CreateTemp("", "worldmedia-gdelt-*.csv")
	if err != nil {
		return "", nil, err
	}
	cleanup := func() { os.Remove(tmp.Name()) }
	if _, err := io.Copy(tmp, br); err != nil {
		tmp.Close()
		cleanup()
		return "", nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		cleanup()
		return "", nil, err
	}
	return tmp.Name(), cleanup, nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

const exportSynopsis = `export gdelt [flags]

Writes stored events: --format events gives GDELT 2.0 event records
(61 tab-separated columns, no header; standard output or -o), parquet and
csv every column of the events table (docs/store.md) to the file -o.
By default worldmedia's own events outside duplicate articles.`

func runExport(ctx context.Context, e env, args []string) int {
	if st, ok := subcommand(e, args, "gdelt", exportSynopsis); !ok {
		return st
	}
	fs, lf := newFlagSet(e, "export gdelt", exportSynopsis)
	db := fs.String("db", store.DefaultPath, "database `file`")
	format := fs.String("format", "events", "events, parquet or csv")
	out := fs.String("o", "", "output `file` (required for parquet and csv)")
	var q store.EventQuery
	var f queryFlags
	fs.StringVar(&q.Origin, "origin", "worldmedia", "worldmedia, gdelt or all")
	fs.StringVar(&q.Source, "source", "", "source actor `code`")
	fs.StringVar(&q.Target, "target", "", "target actor `code`")
	fs.BoolVar(&q.Both, "both", false, "match --source and --target in either direction")
	fs.StringVar(&f.since, "since", "", "first `day`")
	fs.StringVar(&f.until, "until", "", "last `day`")
	fs.BoolVar(&q.Duplicates, "duplicates", false, "include events of duplicate articles")
	if st := parseFlags(fs, args[1:]); st >= 0 {
		return st
	}
	log, err := lf.logger(e.stderr)
	if err == nil {
		q.Since, q.Until, err = f.dates()
	}
	if q.Origin == "all" {
		q.Origin = ""
	}
	if err == nil && *format != "events" && *format != "parquet" && *format != "csv" {
		err = fmt.Errorf("-format %q: want events, parquet or csv", *format)
	}
	if err == nil && *format != "events" && *out == "" {
		err = fmt.Errorf("-format %s needs -o FILE", *format)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia export gdelt:", err)
		return exitUsage
	}
	s, err := openForQuery(ctx, *db, log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia export gdelt:", err)
		return exitAborted
	}
	defer s.Close()
	var n int64
	switch *format {
	case "parquet", "csv":
		ef := store.Parquet
		if *format == "csv" {
			ef = store.CSV
		}
		n, err = s.Export(ctx, *out, ef, q)
	default:
		n, err = exportEvents(ctx, s, q, *out, e)
	}
	if errors.Is(err, store.ErrQuery) {
		fmt.Fprintln(e.stderr, "worldmedia export gdelt:", err)
		return exitUsage
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia export gdelt:", err)
		return exitAborted
	}
	log.Info("exported", "events", n, "format", *format)
	return exitOK
}

func exportEvents(ctx context.Context, s *store.DB, q store.EventQuery, out string, e env) (int64, error) {
	w := e.stdout
	var f *os.File
	if out != "" && out != "-" {
		var err error
		if f, err = os.Create(out); err != nil {
			return 0, err
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	var n int64
	batch := make([]gdelt.EventRow, 0, 1024)
	for r, err := range s.GDELTEvents(ctx, q) {
		if err != nil {
			return n, err
		}
		batch = append(batch, r)
		if len(batch) == cap(batch) {
			if err := gdelt.WriteEvents(bw, batch); err != nil {
				return n, err
			}
			n += int64(len(batch))
			batch = batch[:0]
		}
	}
	if err := gdelt.WriteEvents(bw, batch); err != nil {
		return n, err
	}
	n += int64(len(batch))
	if err := bw.Flush(); err != nil {
		return n, err
	}
	if f != nil {
		return n, f.Close()
	}
	return n, nil
}
