package nlp

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// TrainSentence is one sentence of training data: words with their Penn
// Treebank tags and IOB2 entity labels.
type TrainSentence struct {
	Words  []string
	Tags   []string
	Labels []string
}

// TrainDocument is a document of training data. Documents matter to the
// entity model, which uses document-wide evidence.
type TrainDocument struct {
	Sentences []TrainSentence
}

// TrainConfig sets how models are trained.
type TrainConfig struct {
	// POSEpochs and NEREpochs are the passes over the training data.
	POSEpochs, NEREpochs int
	// Seed fixes the shuffling of the data, so training is reproducible.
	Seed uint64
	// Folds is the number of parts the documents are cut into to get
	// honest first-pass entity labels for the second pass: each part is
	// labelled by a model trained on the others.
	Folds int
	// GazetteerFolds is the same for the gazetteer of names seen in
	// training: a document's matches come from the other parts' names, so
	// the model learns how far to trust the list on unseen text.
	GazetteerFolds int
	// TagDictCount and TagDictShare select the words tagged by dictionary:
	// seen at least TagDictCount times with one tag at least TagDictShare
	// of the time.
	TagDictCount int
	TagDictShare float64
	// Prune drops averaged weights smaller than this fraction of the
	// largest weight.
	Prune float64
	// Gazetteers holds the hand-written name lists (see readGazetteers);
	// nil means the ones embedded in the program.
	Gazetteers fs.FS
	// Log receives progress; nil discards.
	Log *slog.Logger
	// POSEpoch and NEREpoch, when set, are called after each epoch with a
	// model made from the weights so far (for development: scoring each
	// epoch on held-out data).
	POSEpoch func(epoch int, t *Tagger)
	NEREpoch func(epoch int, r *Recognizer)
}

// DefaultTrainConfig returns the settings the committed models were trained
// with.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{
		POSEpochs:      14,
		NEREpochs:      15,
		Seed:           1,
		Folds:          5,
		GazetteerFolds: 10,
		TagDictCount:   20,
		TagDictShare:   0.97,
		Prune:          3e-3,
	}
}

func (cfg *TrainConfig) validate() error {
	if cfg.POSEpochs < 1 || cfg.NEREpochs < 1 {
		return fmt.Errorf("epochs must be at least 1")
	}
	if cfg.Folds < 2 || cfg.GazetteerFolds < 2 {
		return fmt.Errorf("folds must be at least 2")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	return nil
}

// Train trains both models on docs.
func Train(ctx context.Context, docs []TrainDocument, cfg TrainConfig) (*Models, error) {
	pos, err := TrainPOS(ctx, docs, cfg)
	if err != nil {
		return nil, err
	}
	ner, err := TrainNER(ctx, docs, cfg)
	if err != nil {
		return nil, err
	}
	return &Models{POS: pos, NER: ner}, nil
}

func checkDocs(docs []TrainDocument) error {
	n := 0
	for d, doc := range docs {
		for s, sent := range doc.Sentences {
			if len(sent.Tags) != len(sent.Words) || len(sent.Labels) != len(sent.Words) {
				return fmt.Errorf("%w: document %d, sentence %d: %d words, %d tags, %d labels",
					ErrTrainingData, d+1, s+1, len(sent.Words), len(sent.Tags), len(sent.Labels))
			}
			n += len(sent.Words)
		}
	}
	if n == 0 {
		return fmt.Errorf("%w: no words", ErrTrainingData)
	}
	return nil
}

func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x5f3759df))
}

// TrainPOS trains the part-of-speech tagger on the tags of docs.
func TrainPOS(ctx context.Context, docs []TrainDocument, cfg TrainConfig) (*Tagger, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if err := checkDocs(docs); err != nil {
		return nil, err
	}
	log := cfg.Log
	var sents []TrainSentence
	tagSet := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			if len(s.Words) > 0 {
				sents = append(sents, s)
			}
			for _, t := range s.Tags {
				tagSet[t] = true
			}
		}
	}
	classes := slicesSortedKeys(tagSet)
	if len(classes) > 255 {
		return nil, fmt.Errorf("%w: %d tags, at most 255", ErrTrainingData, len(classes))
	}
	class := map[string]int{}
	for i, c := range classes {
		class[c] = i
	}
	nc := len(classes)

	// The tag dictionary, keyed like the tagger's lookup.
	type wordCounts struct {
		word   string
		counts map[int]int
	}
	byWord := map[uint64]*wordCounts{}
	for _, s := range sents {
		for i, w := range s.Words {
			h := analyze(w).exact
			wc := byWord[h]
			if wc == nil {
				wc = &wordCounts{word: w, counts: map[int]int{}}
				byWord[h] = wc
			}
			wc.counts[class[s.Tags[i]]]++
		}
	}
	dict := map[string]int{}
	dictHash := map[uint64]int{}
	for h, wc := range byWord {
		total, best, bestN := 0, 0, -1
		for c, n := range wc.counts {
			total += n
			if n > bestN || n == bestN && c < best {
				best, bestN = c, n
			}
		}
		if total >= cfg.TagDictCount && float64(bestN) >= cfg.TagDictShare*float64(total) {
			dict[wc.word] = best
			dictHash[h] = best
		}
	}

	// Features that do not depend on predictions, once.
	space := newFeatureSpace()
	type sentFeats struct {
		gold  []int
		words []wordInfo
		ids   []int32
		off   []int32
	}
	data := make([]sentFeats, len(sents))
	var buf []uint64
	for si, s := range sents {
		sf := &data[si]
		for _, w := range s.Words {
			sf.words = append(sf.words, analyze(w))
		}
		sf.off = append(sf.off, 0)
		for i := range sf.words {
			sf.gold = append(sf.gold, class[s.Tags[i]])
			if _, ok := dictHash[sf.words[i].exact]; !ok {
				buf = posFeatures(buf[:0], sf.words, i)
				for _, h := range buf {
					sf.ids = append(sf.ids, space.intern(h))
				}
			}
			sf.off = append(sf.off, int32(len(sf.ids)))
		}
	}
	log.Info("pos features", "sentences", len(sents), "tags", nc, "dictionary_words", len(dict), "features", len(space.keys))

	tr := newTrainer(nc)
	rng := newRand(cfg.Seed)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, nc)
	var ids []int32
	for epoch := 1; epoch <= cfg.POSEpochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			sf := &data[si]
			t1, t2 := nc, nc
			for i := range sf.words {
				guess, ok := dictHash[sf.words[i].exact]
				if !ok {
					ids = append(ids[:0], sf.ids[sf.off[i]:sf.off[i+1]]...)
					ids = append(ids,
						space.intern(posTag1Feature(t1)),
						space.intern(posTag2Feature(t2)),
						space.intern(posTag12Feature(t1, t2)))
					buf = posTagWord(buf[:0], sf.words, i, t1)
					for _, h := range buf {
						ids = append(ids, space.intern(h))
					}
					clear(scores)
					tr.score(ids, scores)
					guess = argmaxf(scores)
					if guess != sf.gold[i] {
						tr.update(ids, sf.gold[i], guess)
					}
					tr.tick()
				}
				if guess == sf.gold[i] {
					correct++
				}
				total++
				t2, t1 = t1, guess
			}
		}
		log.Info("pos epoch", "epoch", epoch, "train_accuracy", float64(correct)/float64(total),
			"seconds", time.Since(start).Seconds())
		if cfg.POSEpoch != nil {
			cfg.POSEpoch(epoch, newTagger(classes, tr.averaged().compile(space, cfg.Prune), dict))
		}
	}
	w := tr.averaged().compile(space, cfg.Prune)
	log.Info("pos model", "features", w.len(), "weights", len(w.vals))
	return newTagger(classes, w, dict), nil
}

func slicesSortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// nerClasses returns the IOB2 labels of the data: O, then B- and I- of each
// type, CoNLL types first.
func nerClasses(docs []TrainDocument) ([]string, error) {
	seen := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, l := range s.Labels {
				switch typ := labelType(l); {
				case l == "O":
				case typ == "":
					return nil, fmt.Errorf("%w: label %q is not IOB2", ErrTrainingData, l)
				default:
					seen[typ] = true
				}
			}
		}
	}
	var types []string
	for _, t := range gazTypes {
		if seen[t] {
			types = append(types, t)
			delete(seen, t)
		}
	}
	types = append(types, slicesSortedKeys(seen)...)
	if len(types)+1 > maxTypes {
		return nil, fmt.Errorf("%w: %d entity types, at most %d", ErrTrainingData, len(types), maxTypes-1)
	}
	classes := []string{"O"}
	for _, t := range types {
		classes = append(classes, "B-"+t, "I-"+t)
	}
	return classes, nil
}

// nerTrainDoc is a training document with its features worked out.
type nerTrainDoc struct {
	toks   []nerToken
	starts []int
	gold   []uint8
	ids    []int32 // features that do not depend on predictions
	off    []int32 // token k's are ids[off[k]:off[k+1]]
	docIDs []int32 // second-pass document features
	docOff []int32
}

// nerTraining holds what the entity trainer shares across passes.
type nerTraining struct {
	space   *featureSpace
	nclass  int
	allowed []bool
	ids     []int32
	buf     []uint64
	scores  []float32
}

// pass labels d greedily with sc, into out. With tr set it learns from
// each mistake as it goes; second adds the document features. It returns
// the number of tokens labelled right.
func (nt *nerTraining) pass(sc scorer, tr *trainer, d *nerTrainDoc, second, constrain bool, out []uint8) int {
	n := nt.nclass
	correct := 0
	id := nt.space.find
	if tr != nil {
		id = nt.space.intern
	}
	for si := 0; si+1 < len(d.starts); si++ {
		l1, l2 := n, n
		for k := d.starts[si]; k < d.starts[si+1]; k++ {
			if d.toks[k].skip {
				if d.gold[k] == 0 {
					correct++
				}
				out[k] = 0
				l2, l1 = l1, 0
				continue
			}
			ids := append(nt.ids[:0], d.ids[d.off[k]:d.off[k+1]]...)
			if second {
				ids = append(ids, d.docIDs[d.docOff[k]:d.docOff[k+1]]...)
			}
			nt.buf = append(nt.buf[:0], nerLabelFeature(l1), nerLabelsFeature(l1, l2))
			nt.buf = nerLabelWord(nt.buf, &d.toks[k], l1)
			for _, h := range nt.buf {
				if i := id(h); i >= 0 {
					ids = append(ids, i)
				}
			}
			nt.ids = ids
			clear(nt.scores)
			sc.score(ids, nt.scores)
			guess := 0
			if constrain {
				allowed := nt.allowed[l1*n : (l1+1)*n]
				for c, v := range nt.scores {
					if allowed[c] && v > nt.scores[guess] {
						guess = c
					}
				}
			} else {
				guess = argmaxf(nt.scores)
			}
			gold := int(d.gold[k])
			if tr != nil {
				if guess != gold {
					tr.update(ids, gold, guess)
				}
				tr.tick()
			}
			if guess == gold {
				correct++
			}
			out[k] = uint8(guess)
			l2, l1 = l1, guess
		}
	}
	return correct
}

// TrainNER trains the entity recogniser on the labels of docs, with the
// documents' tags as part-of-speech features.
func TrainNER(ctx context.Context, docs []TrainDocument, cfg TrainConfig) (*Recognizer, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if err := checkDocs(docs); err != nil {
		return nil, err
	}
	log := cfg.Log
	classes, err := nerClasses(docs)
	if err != nil {
		return nil, err
	}
	class := map[string]uint8{}
	for i, c := range classes {
		class[c] = uint8(i)
	}
	n := len(classes)
	ctype := newRecognizer(classes, newWeights(n, 1, nil), [nGaz]*gazetteer{}).ctype

	handFS := cfg.Gazetteers
	if handFS == nil {
		if handFS, err = fs.Sub(handGazetteers, "gazetteer"); err != nil {
			return nil, err
		}
	}
	hand, err := readGazetteers(handFS)
	if err != nil {
		return nil, err
	}
	hand.build()

	// Names of the training data, with a gazetteer per fold made of the
	// other folds' names.
	rng := newRand(cfg.Seed)
	gfold := foldsOf(len(docs), cfg.GazetteerFolds, rng)
	full := newGazetteer()
	foldGaz := make([]*gazetteer, cfg.GazetteerFolds)
	for k := range foldGaz {
		foldGaz[k] = newGazetteer()
	}
	for d, doc := range docs {
		for _, s := range doc.Sentences {
			for _, m := range trainNames(s) {
				full.add(m.name, m.types)
				for k := range foldGaz {
					if k != gfold[d] {
						foldGaz[k].add(m.name, m.types)
					}
				}
			}
		}
	}
	full.build()
	for _, g := range foldGaz {
		g.build()
	}
	log.Info("ner gazetteers", "train_names", len(full.names), "hand_names", len(hand.names))

	// Tokens and the features that do not depend on predictions.
	space := newFeatureSpace()
	nt := &nerTraining{space: space, nclass: n, allowed: allowedTransitions(classes), scores: make([]float32, n)}
	data := make([]*nerTrainDoc, len(docs))
	var stats docStats
	tokens := 0
	for di, doc := range docs {
		d := &nerTrainDoc{}
		words := make([][]string, len(doc.Sentences))
		tags := make([][]string, len(doc.Sentences))
		for si, s := range doc.Sentences {
			words[si], tags[si] = s.Words, s.Tags
			for _, l := range s.Labels {
				d.gold = append(d.gold, class[l])
			}
		}
		d.toks, d.starts = loadDocument(nil, nil, words, tags)
		markGazetteers(d.toks, d.starts, [nGaz]*gazetteer{gazTrain: foldGaz[gfold[di]], gazHand: hand})
		stats.caseEvidence(d.toks)
		d.off = append(d.off, 0)
		for si := 0; si+1 < len(d.starts); si++ {
			sent := d.toks[d.starts[si]:d.starts[si+1]]
			for i := range sent {
				if !sent[i].skip {
					nt.buf = nerFeatures(nt.buf[:0], sent, i, d.toks)
					for _, h := range nt.buf {
						d.ids = append(d.ids, space.intern(h))
					}
				}
				d.off = append(d.off, int32(len(d.ids)))
			}
		}
		tokens += len(d.toks)
		data[di] = d
	}
	log.Info("ner features", "documents", len(docs), "tokens", tokens, "classes", n, "features", len(space.keys))

	// Honest first-pass labels for the second pass's features.
	jfold := foldsOf(len(docs), cfg.Folds, rng)
	first := make([][]uint8, len(docs))
	correct := 0
	for k := range cfg.Folds {
		var train []*nerTrainDoc
		for d := range data {
			if jfold[d] != k {
				train = append(train, data[d])
			}
		}
		tr := newTrainer(n)
		log.Info("ner jackknife", "fold", k+1, "folds", cfg.Folds)
		if err := nt.train(ctx, tr, train, cfg.NEREpochs, false, rng, log, fmt.Sprintf("fold %d", k+1), nil); err != nil {
			return nil, err
		}
		avg := tr.averaged()
		for d := range data {
			if jfold[d] == k {
				first[d] = make([]uint8, len(data[d].toks))
				correct += nt.pass(avg, nil, data[d], false, true, first[d])
			}
		}
	}
	log.Info("ner first pass", "heldout_accuracy", float64(correct)/float64(tokens))
	for d, doc := range data {
		stats.caseEvidence(doc.toks)
		stats.labelEvidence(doc.toks, first[d], ctype)
		doc.docOff = append(doc.docOff[:0], 0)
		for k := range doc.toks {
			nt.buf = nerDocFeatures(nt.buf[:0], &doc.toks[k])
			for _, h := range nt.buf {
				doc.docIDs = append(doc.docIDs, space.intern(h))
			}
			doc.docOff = append(doc.docOff, int32(len(doc.docIDs)))
		}
	}

	gaz := [nGaz]*gazetteer{gazTrain: full, gazHand: hand}
	tr := newTrainer(n)
	var onEpoch func(int)
	if cfg.NEREpoch != nil {
		onEpoch = func(epoch int) {
			cfg.NEREpoch(epoch, newRecognizer(classes, tr.averaged().compile(space, cfg.Prune), gaz))
		}
	}
	if err := nt.train(ctx, tr, data, cfg.NEREpochs, true, rng, log, "final", onEpoch); err != nil {
		return nil, err
	}
	w := tr.averaged().compile(space, cfg.Prune)
	log.Info("ner model", "features", w.len(), "weights", len(w.vals))
	return newRecognizer(classes, w, gaz), nil
}

// train runs epochs over docs in a shuffled order: each document's
// sentences are labelled without document features and, when second, again
// with them.
func (nt *nerTraining) train(ctx context.Context, tr *trainer, docs []*nerTrainDoc, epochs int, second bool,
	rng *rand.Rand, log *slog.Logger, model string, onEpoch func(int)) error {
	order := slices.Clone(docs)
	var out []uint8
	for epoch := 1; epoch <= epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		start := time.Now()
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, d := range order {
			if cap(out) < len(d.toks) {
				out = make([]uint8, len(d.toks))
			}
			out = out[:len(d.toks)]
			c := nt.pass(tr, tr, d, false, false, out)
			if second {
				c = nt.pass(tr, tr, d, true, false, out)
			}
			correct += c
			total += len(d.toks)
		}
		level := slog.LevelInfo
		if !second {
			level = slog.LevelDebug // the jackknife models
		}
		log.Log(ctx, level, "ner epoch", "model", model, "epoch", epoch, "train_accuracy", float64(correct)/float64(total),
			"seconds", time.Since(start).Seconds())
		if onEpoch != nil {
			onEpoch(epoch)
		}
	}
	return nil
}

// foldsOf assigns n items to k folds at random, evenly.
func foldsOf(n, k int, rng *rand.Rand) []int {
	perm := rng.Perm(n)
	folds := make([]int, n)
	for i, p := range perm {
		folds[p] = i % k
	}
	return folds
}

type trainName struct {
	name  string
	types uint8
}

// trainNames returns the entities of a sentence with a gazetteer type.
func trainNames(s TrainSentence) []trainName {
	var out []trainName
	start, typ := -1, ""
	flush := func(end int) {
		if start < 0 {
			return
		}
		if t := indexOf(gazTypes[:], typ); t >= 0 {
			out = append(out, trainName{strings.Join(s.Words[start:end], " "), 1 << t})
		}
		start = -1
	}
	for i, l := range s.Labels {
		t := labelType(l)
		switch {
		case t == "":
			flush(i)
		case strings.HasPrefix(l, "I-") && start >= 0 && t == typ:
		default:
			flush(i)
			start, typ = i, t
		}
	}
	flush(len(s.Labels))
	return out
}
