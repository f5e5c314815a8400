// Command worldmedia turns news articles into structured knowledge of who
// did what to whom, where and when: CAMEO events, actors, places, quotations,
// counts and tone. See README.md for a tour.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"sort"
	"strings"
	"syscall"
)

// Exit statuses, as in the analysis contract.
const (
	exitOK      = 0 // all inputs analysed
	exitFailed  = 1 // some inputs failed, each named on standard error
	exitUsage   = 2 // usage error
	exitAborted = 3 // interrupted, or an output that could not be written
)

// env is what a subcommand needs from the process.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

type command struct {
	summary string
	run     func(ctx context.Context, e env, args []string) int
}

// commands is the explicit list of subcommands.
func commands() map[string]command {
	return map[string]command{
		"code":      {"analyse articles and print them per the analysis contract", runCode},
		"ingest":    {"analyse articles and store them in the database", runIngest},
		"watch":     {"poll RSS/Atom feeds and store their new articles", runWatch},
		"events":    {"list stored events (filters: actors, codes, dates, place, text)", runEvents},
		"articles":  {"list stored articles", runArticles},
		"stories":   {"list stories: articles about the same events", runStories},
		"serve":     {"serve the JSON API and the dashboard over the database", runServe},
		"stats":     {"print the database's totals", runStats},
		"import":    {"import gdelt: load GDELT event files into the database", runImport},
		"relations": {"relations between two actors over time, and a verdict on the latest period", runRelations},
		"generate":  {"generate gdelt: write a synthetic GDELT event file for demos and benchmarks", runGenerate},
		"export":    {"export gdelt: write stored events as GDELT records, Parquet or CSV", runExport},
		"demo":      {"build a demonstration database (seed article + synthetic GDELT history) and show it", runDemo},
		"eval":      {"score worldmedia against gold sets (ner, events, …)", runEval},
		"train":     {"train the part-of-speech and entity models from CoNLL-2003", runTrain},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, env{os.Stdin, os.Stdout, os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

func run(ctx context.Context, e env, args []string) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stderr, cmds)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "worldmedia: unknown command %q\n\n", args[0])
		usage(e.stderr, cmds)
		return exitUsage
	}
	return c.run(ctx, e, args[1:])
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "usage: worldmedia COMMAND [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-11s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'worldmedia COMMAND --help' for a command's flags.")
}

// newFlagSet returns a flag set that writes its usage to e.stderr, with the
// logging flags every command shares.
func newFlagSet(e env, name, synopsis string) (*flag.FlagSet, *logFlags) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: worldmedia %s\n\n", synopsis)
		fs.PrintDefaults()
	}
	lf := &logFlags{}
	fs.StringVar(&lf.level, "log-level", "info", "log level: debug, info, warn, error")
	fs.StringVar(&lf.format, "log-format", "text", "log format: text or json")
	return fs, lf
}

type logFlags struct {
	level, format string
}

// logger builds the process's logger from the flags; it writes to stderr.
func (lf *logFlags) logger(w io.Writer) (*slog.Logger, error) {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(lf.level)); err != nil {
		return nil, fmt.Errorf("-log-level %q: %w", lf.level, err)
	}
	opts := &slog.HandlerOptions{Level: lvl}
	switch strings.ToLower(lf.format) {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("-log-format %q: want text or json", lf.format)
}

// parseFlags parses args; it returns a non-negative exit status when the
// command should stop (help asked for, or a usage error).
func parseFlags(fs *flag.FlagSet, args []string) int {
	// Flags may come after the positional arguments too ("relations USA
	// RUS --by week"); "--" ends the flags.
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return exitOK
			}
			return exitUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		if len(args) > 0 && args[0] == "--" {
			pos = append(pos, args[1:]...)
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
		if len(args) > 0 && args[0] == "--" {
			pos = append(pos, args[1:]...)
			break
		}
	}
	fs.Parse(append([]string{"--"}, pos...))
	return -1
}
