package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/eval"
	"worldmedia/internal/geo"
	"worldmedia/internal/nlp"
	"worldmedia/internal/pipeline"
)

const evalGeoSynopsis = `eval geo [--json] [--errors N] [--demonyms auto|on|off] [--embedded auto|on|off] FILE_OR_DIR...

Geocodes the articles of geoparsing gold sets (JSON Lines as in
../shared/data/geo/) with nlp → actors → geo and scores the places against
the gold toponyms: recall of toponyms found, accuracy at 161 km (a missed
toponym counts as wrong), mean and median error over the found ones, and
precision of the predicted place mentions. A directory is read for its
*.jsonl files.

The sets annotate more than the geocoder takes by default, so "auto" follows
each set's guidelines: --demonyms takes demonyms ("Syrian") as mentions of
their country (lgl, trnews, geowebnews annotate them); --embedded takes place
names inside organisation names ("the Texas Forest Service") (all four sets
annotate them).`

// Which gold sets annotate demonyms and names inside organisation names as
// toponyms.
var (
	demonymSets  = map[string]bool{"lgl": true, "trnews": true, "geowebnews": true}
	embeddedSets = map[string]bool{"lgl": true, "trnews": true, "geowebnews": true, "geovirus": true}
)

// setting resolves an auto|on|off flag for a set.
func setting(flag string, auto bool) bool {
	return flag == "on" || flag == "auto" && auto
}

func runEvalGeo(ctx context.Context, e env, args []string) int {
	fs, lf := newFlagSet(e, "eval geo", evalGeoSynopsis)
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	nErrors := fs.Int("errors", 0, "print the `N` worst errors of each set")
	demonyms := fs.String("demonyms", "auto", "take demonyms as places: `auto`, on or off")
	embedded := fs.String("embedded", "auto", "take place names inside organisation names: `auto`, on or off")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	log, err := lf.logger(e.stderr)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval geo:", err)
		return exitUsage
	}
	valid := map[string]bool{"auto": true, "on": true, "off": true}
	if fs.NArg() == 0 || !valid[*demonyms] || !valid[*embedded] {
		fs.Usage()
		return exitUsage
	}
	files, err := goldFiles(fs.Args(), nil)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval geo:", err)
		return exitFailed
	}
	ann, err := nlp.NewAnnotator(nil, log)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval geo:", err)
		return exitFailed
	}
	dict, err := actors.Default()
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval geo: actor dictionaries:", err)
		return exitFailed
	}
	t0 := time.Now()
	gaz, err := geo.Default()
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval geo:", err)
		return exitFailed
	}
	log.Info("gazetteer loaded", "entries", gaz.Len(), "names", gaz.Keys(), "took", time.Since(t0))
	act := actors.New(dict, log)
	var scores []*eval.GeoScore
	status := exitOK
	for _, f := range files {
		set := eval.GeoSetName(f)
		cfg := geo.DefaultConfig()
		cfg.Demonyms = setting(*demonyms, demonymSets[set])
		cfg.Embedded = setting(*embedded, embeddedSets[set])
		res, err := geo.New(gaz, cfg, log)
		if err != nil {
			fmt.Fprintln(e.stderr, "worldmedia eval geo:", err)
			return exitFailed
		}
		p := pipeline.New(log, ann, act, res)
		analyze := func(ctx context.Context, a *article.Article) error { return p.Process(ctx, a) }
		sc, err := eval.ScoreGeo(ctx, f, analyze, *nErrors)
		if err != nil {
			fmt.Fprintln(e.stderr, "worldmedia eval geo:", err)
			status = exitFailed
			continue
		}
		scores = append(scores, sc)
	}
	if len(scores) > 1 {
		scores = append(scores, eval.TotalGeo(scores))
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		for _, s := range scores {
			for i := range s.Errors {
				if math.IsInf(s.Errors[i].Km, 0) {
					s.Errors[i].Km = -1 // JSON has no infinity: -1 marks a miss
				}
			}
		}
		if err := enc.Encode(scores); err != nil {
			return exitAborted
		}
		return status
	}
	printGeoScores(e.stdout, scores)
	return status
}

func printGeoScores(w io.Writer, scores []*eval.GeoScore) {
	fmt.Fprintf(w, "%-12s %5s %6s %6s %7s %7s %7s %9s %9s\n",
		"set", "recs", "gold", "recall", "acc161", "prec", "pred", "mean-km", "median-km")
	for _, s := range scores {
		fmt.Fprintf(w, "%-12s %5d %6d %6.3f %7.3f %7.3f %7d %9.0f %9.1f\n",
			s.Set, s.Records, s.Gold, s.Recall, s.Acc161, s.Precision, s.Predicted, s.MeanKm, s.MedianKm)
	}
	for _, s := range scores {
		for i, x := range s.Errors {
			if i == 0 {
				fmt.Fprintf(w, "\nworst in %s (km, gold name → resolved):\n", s.Set)
			}
			km := "missed"
			if !math.IsInf(x.Km, 0) {
				km = fmt.Sprintf("%.0f", x.Km)
			}
			fmt.Fprintf(w, "  %7s  %s → %s %s   %s  (%s)\n", km, x.Name, x.Resolved, x.Country, x.Context, x.ID)
		}
	}
}
