package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"worldmedia/internal/article"
	"worldmedia/internal/eval"
)

const evalEventsSynopsis = `eval events [--json] [--misses N] FILE_OR_DIR...

Codes every sentence of event gold sets (JSON Lines as in ../shared/data/events/)
and scores the events against the gold: recall of the root (or PLOVER
category), of the root with both actors' countries, with the exact actors, and
of the exact code; precision where the set lists every event. A directory is
read for the English sets it knows (cameo_manual_examples, petrarch2_gsr,
plover_gsr).`

func runEvalEvents(ctx context.Context, e env, args []string) int {
	fs, lf := newFlagSet(e, "eval events", evalEventsSynopsis)
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	misses := fs.Int("misses", 0, "print up to `N` missed gold events per set")
	worst := fs.Int("worst", 10, "print the `N` worst-coded sentences of all sets")
	confusion := fs.Bool("confusion", true, "print the confusion table of gold and coded roots")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	log, err := lf.logger(e.stderr)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval events:", err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	files, err := goldFiles(fs.Args(), func(path string) bool {
		_, known := eval.SetForFile(path)
		return known
	})
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval events:", err)
		return exitFailed
	}
	p, err := analysis(log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval events:", err)
		return exitFailed
	}
	analyze := func(ctx context.Context, a *article.Article) error { return p.Process(ctx, a) }
	var scores []*eval.EventScore
	status := exitOK
	for _, f := range files {
		set, ok := eval.SetForFile(f)
		if !ok {
			fmt.Fprintf(e.stderr, "worldmedia eval events: %s: not a known English event set\n", f)
			status = exitFailed
			continue
		}
		sc, err := eval.ScoreEvents(ctx, f, set, analyze)
		if err != nil {
			fmt.Fprintln(e.stderr, "worldmedia eval events:", err)
			status = exitFailed
			continue
		}
		scores = append(scores, sc)
	}
	if len(scores) == 0 {
		fmt.Fprintln(e.stderr, "worldmedia eval events: no English event set was scored")
		return exitFailed
	}
	if len(scores) > 1 {
		scores = append(scores, eval.Total(scores))
	}
	if *asJSON {
		for _, sc := range scores {
			if len(sc.Misses) > *misses {
				sc.Misses = sc.Misses[:*misses]
			}
			if len(sc.Worst) > *worst {
				sc.Worst = sc.Worst[:*worst]
			}
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(scores); err != nil {
			return exitAborted
		}
		return status
	}
	printEventScores(e.stdout, scores, *misses)
	if *confusion {
		printConfusion(e.stdout, scores[len(scores)-1])
	}
	printWorst(e.stdout, scores, *worst)
	return status
}

// printConfusion prints, for each gold label, how often it was found and
// what was coded instead.
func printConfusion(w io.Writer, s *eval.EventScore) {
	fmt.Fprintf(w, "\nconfusion (%s): gold label → coded in its sentence (none: nothing coded)\n", s.Set)
	golds := make([]string, 0, len(s.Confusion))
	for g := range s.Confusion {
		golds = append(golds, g)
	}
	sort.Strings(golds)
	for _, g := range golds {
		row := s.Confusion[g]
		type cell struct {
			label string
			n     int
		}
		var cells []cell
		total := 0
		for l, n := range row {
			cells = append(cells, cell{l, n})
			total += n
		}
		sort.Slice(cells, func(i, j int) bool {
			return cells[i].n > cells[j].n || cells[i].n == cells[j].n && cells[i].label < cells[j].label
		})
		var parts []string
		for _, c := range cells {
			parts = append(parts, fmt.Sprintf("%s:%d", c.label, c.n))
		}
		fmt.Fprintf(w, "  %-12s %3d  found %3d  %s\n", g, total, row[g], strings.Join(parts, " "))
	}
}

// printWorst prints the n worst-coded sentences across sets.
func printWorst(w io.Writer, scores []*eval.EventScore, n int) {
	var all []eval.Worst
	for _, s := range scores {
		if s.Set != "overall" {
			all = append(all, s.Worst...)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Missed+all[i].Extra > all[j].Missed+all[j].Extra })
	for i, x := range all {
		if i >= n {
			break
		}
		if i == 0 {
			fmt.Fprintf(w, "\nworst sentences:\n")
		}
		fmt.Fprintf(w, "  %s  missed %d, extra %d\n    %s\n    gold  [%s]\n    coded [%s]\n", x.ID, x.Missed, x.Extra,
			x.Text, strings.Join(x.Gold, "; "), strings.Join(x.Coded, "; "))
	}
}

// goldFiles expands each directory among args to the JSON Lines files it
// holds that keep accepts (nil keeps all), sorted; other arguments are
// files and stay as they are.
func goldFiles(args []string, keep func(path string) bool) ([]string, error) {
	var out []string
	for _, a := range args {
		matches, err := filepath.Glob(filepath.Join(a, "*.jsonl"))
		if err != nil {
			return nil, err
		}
		if len(matches) == 0 {
			out = append(out, a)
			continue
		}
		sort.Strings(matches)
		for _, m := range matches {
			if keep == nil || keep(m) {
				out = append(out, m)
			}
		}
	}
	return out, nil
}

func printEventScores(w io.Writer, scores []*eval.EventScore, misses int) {
	fmt.Fprintf(w, "%-22s %-6s %5s %5s %5s  %6s %6s %6s %6s  %6s %6s  %s\n",
		"set", "labels", "recs", "gold", "coded", "root-R", "dyad-R", "actor-R", "code-R", "root-P", "root-F1", "empty→coded")
	for _, s := range scores {
		p, f1 := "-", "-"
		if s.Exhaustive {
			p, f1 = fmt.Sprintf("%.3f", s.RootPrecision), fmt.Sprintf("%.3f", s.RootF1)
		}
		code := "-"
		if s.Labels == eval.LabelsCAMEO {
			code = fmt.Sprintf("%.3f", s.CodeRecall)
		}
		fmt.Fprintf(w, "%-22s %-6s %5d %5d %5d  %6.3f %6.3f %7.3f %6s  %6s %6s  %d/%d\n",
			s.Set, s.Labels, s.Records, s.GoldEvents, s.Predicted, s.RootRecall, s.DyadRecall, s.ActorRecall, code,
			p, f1, s.EmptyWithEv, s.EmptyGold)
	}
	for _, s := range scores {
		for i, m := range s.Misses {
			if i >= misses {
				break
			}
			if i == 0 {
				fmt.Fprintf(w, "\nmissed in %s:\n", s.Set)
			}
			fmt.Fprintf(w, "  %s  gold %s  coded [%s]\n    %s\n", m.ID, m.Gold, strings.Join(m.Coded, "; "), m.Text)
		}
	}
}
