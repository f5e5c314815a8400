package main

import (
	"context"
	"encoding/json"
	"fmt"

	"worldmedia/internal/eval"
	"worldmedia/internal/pipeline"
)

const evalDedupSynopsis = `eval dedup [--json] NEWS.jsonl

Analyses a news corpus (JSON Lines with id, title, text; ../shared/data/news/
bbc_fulltext.jsonl), passes every article to the spun-copy detector in file
order, then spins a seeded sample of them (synonyms, country names rewritten,
sentences reordered, truncation, boilerplate) and reports how many spun copies
are found and how many distinct articles are taken for copies.`

func runEvalDedup(ctx context.Context, e env, args []string) int {
	fs, lf := newFlagSet(e, "eval dedup", evalDedupSynopsis)
	asJSON := fs.Bool("json", false, "print the score as JSON")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	log, err := lf.logger(e.stderr)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval dedup:", err)
		return exitUsage
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	// The evaluation keeps its own detector: analyse without one.
	stages, err := analysisStages(log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval dedup:", err)
		return exitFailed
	}
	sc, err := eval.EvalDedup(ctx, fs.Arg(0), pipeline.New(log, stages...).Process)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval dedup:", err)
		return exitFailed
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(sc); err != nil {
			return exitAborted
		}
		return exitOK
	}
	fmt.Fprintf(e.stdout, "articles %d, sampled %d (seed %d), %.1f s\n", sc.Articles, sc.Sampled, sc.Seed, sc.Seconds)
	fmt.Fprintf(e.stdout, "identical pairs in the corpus %d, found %d; updated versions %d\n",
		sc.IdenticalPairs, sc.IdenticalFound, sc.NearPairs)
	fmt.Fprintf(e.stdout, "false matches %d (rate %.4f); nearest distinct similarity p50 %.2f, p99 %.2f, max %.2f\n",
		sc.FalseMatches, sc.FalseMatchRate, sc.NearestP50, sc.NearestP99, sc.NearestMax)
	fmt.Fprintf(e.stdout, "stories %d\n\n%-12s %7s %9s\n", sc.Stories, "spin", "recall", "variants")
	for _, s := range sc.Spins {
		fmt.Fprintf(e.stdout, "%-12s %7.3f %9d\n", s.Spin, s.Recall, s.Variants)
	}
	fmt.Fprintf(e.stdout, "%-12s %7.3f\n", "required", sc.Recall)
	return exitOK
}
