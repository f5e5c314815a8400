package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"

	"worldmedia/internal/eval"
	"worldmedia/internal/nlp"
)

// evalSets are the gold sets "worldmedia eval" scores, by name.
func evalSets() map[string]command {
	return map[string]command{
		"ner":    {"entity F1 and POS accuracy on a CoNLL-2003 file", runEvalNER},
		"events": {"event-coding recall and precision on event gold sets", runEvalEvents},
		"quotes": {"quotation span F1 and speaker accuracy on PolNeAR", runEvalQuotes},
		"geo":    {"geocoding accuracy at 161 km on geoparsing gold sets", runEvalGeo},
		"dedup":  {"spun-copy detection recall and false matches on a news corpus", runEvalDedup},
	}
}

func runEval(ctx context.Context, e env, args []string) int {
	sets := evalSets()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		fmt.Fprintln(e.stderr, "usage: worldmedia eval SET [flags] FILE\n\nsets:")
		for _, name := range slices.Sorted(maps.Keys(sets)) {
			fmt.Fprintf(e.stderr, "  %-8s %s\n", name, sets[name].summary)
		}
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := sets[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "worldmedia eval: unknown set %q (try: worldmedia eval --help)\n", args[0])
		return exitUsage
	}
	return c.run(ctx, e, args[1:])
}

const evalNERSynopsis = `eval ner [flags] FILE

Runs the part-of-speech tagger and the entity recogniser on the gold tokens
of a CoNLL-2003 file (word POS chunk NER, IOB1 or IOB2) and prints
conlleval-style entity precision, recall and F1 per type, POS accuracy and
speed.`

func runEvalNER(ctx context.Context, e env, args []string) int {
	fs, _ := newFlagSet(e, "eval ner", evalNERSynopsis)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	models := fs.String("models", "", "`directory` of model files to use instead of the embedded ones")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	docs, err := eval.ReadCoNLLFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval ner:", err)
		return exitFailed
	}
	var m *nlp.Models
	if *models != "" {
		m, err = nlp.LoadModels(os.DirFS(*models))
	} else {
		m, err = nlp.DefaultModels()
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval ner: models:", err)
		return exitFailed
	}
	r, err := eval.RunNER(ctx, docs, m.Annotate)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval ner:", err)
		return exitAborted
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		err = enc.Encode(r)
	} else {
		err = r.WriteText(e.stdout)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia eval ner:", err)
		return exitAborted
	}
	return exitOK
}
