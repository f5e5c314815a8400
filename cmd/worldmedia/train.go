package main

import (
	"context"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"worldmedia/internal/eval"
	"worldmedia/internal/nlp"
)

const trainSynopsis = `train [flags]

Trains the part-of-speech tagger and the entity recogniser on CoNLL-2003
eng.train and writes the model files (see docs/models.md). With -dev FILE it
also scores the models on FILE after every epoch, to choose the epoch count.`

func runTrain(ctx context.Context, e env, args []string) int {
	fs, lf := newFlagSet(e, "train", trainSynopsis)
	def := nlp.DefaultTrainConfig()
	data := fs.String("data", "../shared/data/ner", "`directory` holding eng.train")
	out := fs.String("out", "internal/nlp/models", "`directory` to write the model files to")
	epochs := fs.Int("epochs", 0, "training epochs for both models (0: the defaults, pos "+
		fmt.Sprint(def.POSEpochs)+", ner "+fmt.Sprint(def.NEREpochs)+")")
	seed := fs.Uint64("seed", def.Seed, "random `seed` for shuffling")
	dev := fs.String("dev", "", "CoNLL `file` to score after every epoch (development only)")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	log, err := lf.logger(e.stderr)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia train:", err)
		return exitUsage
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return exitUsage
	}
	cfg := def
	cfg.Seed = *seed
	cfg.Log = log
	if *epochs > 0 {
		cfg.POSEpochs, cfg.NEREpochs = *epochs, *epochs
	}

	docs, err := eval.ReadCoNLLFile(filepath.Join(*data, "eng.train"))
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia train:", err)
		return exitFailed
	}
	if *dev != "" {
		devDocs, err := eval.ReadCoNLLFile(*dev)
		if err != nil {
			fmt.Fprintln(e.stderr, "worldmedia train:", err)
			return exitFailed
		}
		var pos *nlp.Tagger
		cfg.POSEpoch = func(epoch int, t *nlp.Tagger) {
			pos = t
			r, err := eval.RunNER(ctx, devDocs, func(sents [][]string) ([][]string, [][]string) {
				return tagAll(t, sents), nil
			})
			if err == nil {
				log.Info("pos dev", "epoch", epoch, "accuracy", r.POSAccuracy)
			}
		}
		cfg.NEREpoch = func(epoch int, rec *nlp.Recognizer) {
			m := &nlp.Models{POS: pos, NER: rec}
			r, err := eval.RunNER(ctx, devDocs, m.Annotate)
			if err == nil {
				attrs := []any{"epoch", epoch, "f1", r.NER.Overall.F1()}
				for _, t := range slices.Sorted(maps.Keys(r.NER.Types)) {
					attrs = append(attrs, "f1_"+strings.ToLower(t), r.NER.Types[t].F1())
				}
				log.Info("ner dev", attrs...)
			}
		}
	}
	start := time.Now()
	m, err := nlp.Train(ctx, trainingData(docs), cfg)
	if err != nil {
		fmt.Fprintln(e.stderr, "worldmedia train:", err)
		return exitFailed
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(e.stderr, "worldmedia train:", err)
		return exitFailed
	}
	if err := m.WriteDir(*out); err != nil {
		fmt.Fprintln(e.stderr, "worldmedia train:", err)
		return exitFailed
	}
	log.Info("trained", "out", *out, "seconds", time.Since(start).Seconds())
	return exitOK
}

// trainingData converts CoNLL documents to the trainer's form.
func trainingData(docs []eval.Document) []nlp.TrainDocument {
	out := make([]nlp.TrainDocument, len(docs))
	for i, d := range docs {
		for _, s := range d.Sentences {
			out[i].Sentences = append(out[i].Sentences,
				nlp.TrainSentence{Words: s.Words, Tags: s.POS, Labels: s.Labels})
		}
	}
	return out
}

func tagAll(t *nlp.Tagger, sents [][]string) [][]string {
	tags := make([][]string, len(sents))
	for i, s := range sents {
		tags[i] = make([]string, len(s))
		t.Tag(s, tags[i])
	}
	return tags
}
