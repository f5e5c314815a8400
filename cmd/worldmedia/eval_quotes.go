package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"

	"worldmedia/internal/eval"
)

const evalQuotesSynopsis = `eval quotes [--json] [--misses N] FILE...

Analyses every article of a PolNeAR quotation gold set (JSON Lines as in
../shared/data/quotes/) and scores the quotations found: precision, recall
and F1 of the quoted spans (exact, and by an overlap of half of both), and
speaker accuracy over the matched quotations. Only direct quotations are
scored: the passages between quotation marks inside the gold attributions
(see internal/eval/quotes.go).`

func runEvalQuotes(ctx context.Context, e env, args []string) int {
	fs, lf := newFlagSet(e, "eval quotes", evalQuotesSynopsis)
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	misses := fs.Int("misses", 0, "print up to `N` missed, extra and wrongly attributed quotations per file")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	log, err := lf.logger(e.stderr)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval quotes:", err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return exitUsage
	}
	analyze, err := quoteAnalyzer(log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval quotes:", err)
		return exitFailed
	}
	var scores []*eval.QuoteScore
	status := exitOK
	for _, f := range fs.Args() {
		sc, err := eval.ScoreQuotes(ctx, f, analyze)
		if err != nil {
			fmt.Fprintln(e.stderr, "worldmedia eval quotes:", err)
			if ctx.Err() != nil {
				return exitAborted
			}
			status = exitFailed
			continue
		}
		scores = append(scores, sc)
	}
	for _, sc := range scores {
		sc.Missed = trimExamples(sc.Missed, *misses)
		sc.Extra = trimExamples(sc.Extra, *misses)
		sc.WrongSpeaker = trimExamples(sc.WrongSpeaker, *misses)
		sc.Inexact = trimExamples(sc.Inexact, *misses)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(scores); err != nil {
			return exitAborted
		}
		return status
	}
	printQuoteScores(e.stdout, scores)
	return status
}

// quoteAnalyzer runs the analysis pipeline, which holds the quotation
// stage.
func quoteAnalyzer(log *slog.Logger) (eval.Analyzer, error) {
	p, err := analysis(log)
	if err != nil {
		return nil, err
	}
	return p.Process, nil
}

func trimExamples(xs []eval.QuoteExample, n int) []eval.QuoteExample {
	if len(xs) > n {
		return xs[:n]
	}
	return xs
}

func printQuoteScores(w io.Writer, scores []*eval.QuoteScore) {
	fmt.Fprintf(w, "%-16s %5s %5s %5s  %7s %7s %7s  %7s %7s %7s  %7s %6s %6s\n",
		"set", "arts", "gold", "pred", "exact-P", "exact-R", "exact-F", "ovl-P", "ovl-R", "ovl-F", "speaker", "named", "pron")
	for _, s := range scores {
		pron := 0.0
		if s.SpeakerGold > 0 {
			pron = float64(s.PronounSources) / float64(s.SpeakerGold)
		}
		fmt.Fprintf(w, "%-16s %5d %5d %5d  %7.3f %7.3f %7.3f  %7.3f %7.3f %7.3f  %7.3f %6.3f %6.3f\n",
			s.Set, s.Articles, s.Gold, s.Predicted, s.ExactPrecision, s.ExactRecall, s.ExactF1,
			s.OverlapPrecision, s.OverlapRecall, s.OverlapF1, s.SpeakerAccuracy, s.NamedRate, pron)
	}
	for _, s := range scores {
		printExamples(w, "missed in "+s.Set, s.Missed)
		printExamples(w, "extra in "+s.Set, s.Extra)
		printExamples(w, "inexact in "+s.Set, s.Inexact)
		printExamples(w, "wrong speaker in "+s.Set, s.WrongSpeaker)
	}
}

func printExamples(w io.Writer, title string, xs []eval.QuoteExample) {
	for i, x := range xs {
		if i == 0 {
			fmt.Fprintf(w, "\n%s:\n", title)
		}
		fmt.Fprintf(w, "  %s  %q", x.ID, x.Quote)
		if x.GoldQuote != "" {
			fmt.Fprintf(w, "  gold quote %q", x.GoldQuote)
		}
		if x.Gold != "" {
			fmt.Fprintf(w, "  gold speaker %q", x.Gold)
		}
		if x.Predicted != "" {
			fmt.Fprintf(w, "  predicted %q", x.Predicted)
		}
		fmt.Fprintf(w, "\n    %s\n", x.Context)
	}
}
