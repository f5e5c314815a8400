package nlp

import (
	"strings"
	"sync"
)

// Recognizer labels named entities with IOB2 labels ("B-PER", "I-ORG", "O")
// in the CoNLL-2003 convention. It is an averaged perceptron decoding
// greedily from left to right, with the two previous labels as features and
// the transitions IOB2 forbids (I-X after O or after another type) ruled
// out. Besides the words around a token, their shapes, affixes and tags, it
// uses gazetteers, the run of capitalised words a token is in, and evidence
// from the whole document: how the word is written elsewhere, the words
// around its other occurrences, and, in a second pass, the type its other
// occurrences got in the first. A word with no capital letter and no
// capitalised neighbour is O without scoring. See docs/models.md. It is safe
// for concurrent use.
type Recognizer struct {
	classes []string
	nclass  int
	outside int     // the class of O
	ctype   []uint8 // class → type index in types (0 is O)
	types   []string
	allowed []bool // [prev*nclass + c]; prev == nclass is the sentence start
	w       *weights
	label1  []int32 // dense scores of tNLabel1, [(prev)*nclass + c]
	label12 []int32 // dense scores of tNLabel12, [(prev*(nclass+1)+prev2)*nclass + c]
	gaz     [nGaz]*gazetteer
	pool    sync.Pool // *nerScratch
	// bPER and iPER are the classes of B-PER and I-PER, -1 when absent.
	bPER, iPER int
}

// maxTypes bounds the entity types of a model, O included.
const maxTypes = 8

// nerToken is what entity features need of one token.
type nerToken struct {
	w        wordInfo
	tag      uint64 // hash of the part-of-speech tag
	gaz      uint32 // gazetteer marks, see gazetteer.mark
	doc      uint8  // case of the word's other occurrences, see docStats.caseEvidence
	docLabel uint8  // type of its other occurrences in the first pass, see docStats.labelEvidence
	skip     bool   // no capital letter in the word or its neighbours: O without scoring
	prevWord uint64 // lower-cased form of the previous and next word
	nextWord uint64
	docNb    uint16 // docLabel of the previous and next word (<<8)
	runFirst uint64 // first and last word of the run of capitalised words the token is in, 0 if none
	runLast  uint64
	runPos   uint8 // 1 first, 2 inside, 3 last word of a run, + 4 × min(run length, 5)
	firstOcc int32 // first occurrence in the document of this capitalised word, or -1
	nextOcc  int32 // next occurrence, or -1
}

var (
	startTok = nerToken{w: startWord, tag: hashString("-START-")}
	endTok   = nerToken{w: endWord, tag: hashString("-END-")}
)

func tokAt(toks []nerToken, i int) *nerToken {
	if i < 0 {
		return &startTok
	}
	if i >= len(toks) {
		return &endTok
	}
	return &toks[i]
}

// nerFeatures appends the features of the i-th token of a sentence that do
// not depend on predicted labels.
func nerFeatures(dst []uint64, toks []nerToken, i int, doc []nerToken) []uint64 {
	t := &toks[i]
	w := &t.w
	p1, p2, n1, n2 := tokAt(toks, i-1), tokAt(toks, i-2), tokAt(toks, i+1), tokAt(toks, i+2)
	dst = append(dst,
		feat(tBias, 1),
		feat2(tNWord, 0, p2.w.lower),
		feat2(tNWord, 1, p1.w.lower),
		feat2(tNWord, 2, w.lower),
		feat2(tNWord, 3, n1.w.lower),
		feat2(tNWord, 4, n2.w.lower),
		feat(tNShape, w.shape),
		feat2(tNShort, 0, p1.w.short),
		feat2(tNShort, 1, w.short),
		feat2(tNShort, 2, n1.w.short),
		feat(tNFlags, uint64(w.flags)),
		feat2(tNPOS, 0, p1.tag),
		feat2(tNPOS, 1, t.tag),
		feat2(tNPOS, 2, n1.tag),
		feat2(tNBigramL, p1.w.lower, w.lower),
		feat2(tNBigramR, w.lower, n1.w.lower),
		feat2(tNShapeL, p1.w.short, w.short),
		feat2(tNShapeR, w.short, n1.w.short),
	)
	for k := range min(4, int(w.runes)) {
		dst = append(dst, feat2(tNPrefix, uint64(k), w.prefix[k]), feat2(tNSuffix, uint64(k), w.suffix[k]))
	}
	if g := t.gaz; g != 0 {
		for j := range nGaz * len(gazTypes) {
			if code := g >> (j * 3) & 7; code != 0 {
				dst = append(dst, feat(tNGaz, uint64(j)<<8|uint64(code)))
			}
		}
	}
	if t.doc != 0 {
		dst = append(dst, feat(tNDocCase, uint64(t.doc)))
	}
	if t.runPos != 0 {
		dst = append(dst,
			feat(tNRunFirst, t.runFirst),
			feat(tNRunLast, t.runLast),
			feat(tNRunPos, uint64(t.runPos)),
			feat2(tNRunLastPos, t.runLast, uint64(t.runPos&3)))
	}
	// Context aggregation: the words around the word's other occurrences.
	n := 0
	for j := t.firstOcc; j >= 0 && n < maxContexts; j = doc[j].nextOcc {
		o := &doc[j]
		if o == t {
			continue
		}
		dst = append(dst, feat(tNCtxPrev, o.prevWord), feat(tNCtxNext, o.nextWord))
		if o.runPos != 0 {
			dst = append(dst, feat(tNCtxRun, o.runLast))
		}
		n++
	}
	return dst
}

// nerLabelWord appends the features that join the previous label with the
// token.
func nerLabelWord(dst []uint64, t *nerToken, l1 int) []uint64 {
	return append(dst,
		feat2(tNLabel1W, uint64(l1), t.w.lower),
		feat2(tNLabel1S, uint64(l1), t.w.short),
	)
}

// nerLabelFeature is the previous-label feature; nerLabelsFeature the
// previous-two-labels one.
func nerLabelFeature(l1 int) uint64      { return feat(tNLabel1, uint64(l1)) }
func nerLabelsFeature(l1, l2 int) uint64 { return feat(tNLabel12, uint64(l1)<<8|uint64(l2)) }

// nerDocFeatures appends the second-pass features of a token.
func nerDocFeatures(dst []uint64, t *nerToken) []uint64 {
	if t.docNb != 0 {
		dst = append(dst, feat(tNDocLabelNb, uint64(t.docNb)))
	}
	if t.docLabel == 0 {
		return dst
	}
	return append(dst,
		feat(tNDocLabel, uint64(t.docLabel)),
		feat2(tNDocLabelF, uint64(t.docLabel), uint64(caseClass(&t.w))),
	)
}

// caseClass sorts a capitalised word: 1 capitalised inside a sentence, 2
// capitalised at its start, 3 all capitals, 0 anything else.
func caseClass(w *wordInfo) uint8 {
	switch {
	case w.flags&fAllUpper != 0 && w.runes > 1:
		return 3
	case w.flags&fUpperFirst != 0 && w.flags&fSentStart != 0:
		return 2
	case w.flags&fUpperFirst != 0:
		return 1
	}
	return 0
}

// docStats gathers, per lower-cased word of a document, how its occurrences
// are written and labelled.
type docStats struct {
	index map[uint64]int32
	stats []docStat
}

type docStat struct {
	first, last int32  // capitalised occurrences, linked through nerToken.nextOcc
	lower       uint16 // occurrences in lower case
	capMid      uint16 // capitalised occurrences inside a sentence
	types       [maxTypes]uint16
}

func (d *docStats) reset() {
	if d.index == nil {
		d.index = map[uint64]int32{}
	}
	clear(d.index)
	d.stats = d.stats[:0]
}

func (d *docStats) get(h uint64) *docStat {
	i, ok := d.index[h]
	if !ok {
		i = int32(len(d.stats))
		d.index[h] = i
		d.stats = append(d.stats, docStat{first: -1, last: -1})
	}
	return &d.stats[i]
}

func isCapMid(w *wordInfo) bool {
	return w.flags&(fUpperFirst|fAllUpper|fSentStart) == fUpperFirst
}

// caseEvidence sets toks[i].doc for each word with a capital letter: its
// case class, whether the word occurs elsewhere in the document in lower
// case, and whether it occurs elsewhere capitalised inside a sentence. A
// capitalised sentence-initial or headline word is likely a name when it is
// capitalised mid-sentence elsewhere, and likely not when it is also found in
// lower case. It resets d.
func (d *docStats) caseEvidence(toks []nerToken) {
	d.reset()
	for i := range toks {
		w := &toks[i].w
		switch {
		case w.flags&fHasUpper != 0:
			s := d.get(w.lower)
			if isCapMid(w) {
				s.capMid++
			}
			toks[i].nextOcc = -1
			if s.last >= 0 {
				toks[s.last].nextOcc = int32(i)
			} else {
				s.first = int32(i)
			}
			s.last = int32(i)
		case w.flags&fHasLower != 0:
			d.get(w.lower).lower++
		}
	}
	for i := range toks {
		w := &toks[i].w
		toks[i].firstOcc = -1
		if w.flags&fHasUpper == 0 {
			continue
		}
		s := d.get(w.lower)
		toks[i].firstOcc = s.first
		capMid := s.capMid
		if isCapMid(w) {
			capMid--
		}
		v := 1 | caseClass(w)<<1
		if s.lower > 0 {
			v |= 1 << 3
		}
		if capMid > 0 {
			v |= 1 << 4
		}
		toks[i].doc = v
	}
}

// labelEvidence sets toks[i].docLabel for each word with a capital letter
// from the first-pass labels of its other capitalised occurrences: 1 + the
// most frequent type (O included), +16 when they all agree; 0 when the word
// occurs nowhere else. It must follow caseEvidence on the same d and toks.
func (d *docStats) labelEvidence(toks []nerToken, labels []uint8, ctype []uint8) {
	for i := range toks {
		w := &toks[i].w
		if w.flags&fHasUpper != 0 {
			d.get(w.lower).types[ctype[labels[i]]]++
		}
	}
	for i := range toks {
		w := &toks[i].w
		toks[i].docLabel = 0
		if w.flags&fHasUpper == 0 {
			continue
		}
		counts := d.get(w.lower).types
		counts[ctype[labels[i]]]--
		best, total := 0, 0
		for t, c := range counts {
			total += int(c)
			if c > counts[best] {
				best = t
			}
		}
		if total == 0 {
			continue
		}
		v := uint8(1 + best)
		if int(counts[best]) == total {
			v |= 16
		}
		toks[i].docLabel = v
	}
	for i := range toks {
		var nb uint16
		if i > 0 && toks[i].w.flags&fSentStart == 0 {
			nb = uint16(toks[i-1].docLabel)
		}
		if i+1 < len(toks) && toks[i+1].w.flags&fSentStart == 0 {
			nb |= uint16(toks[i+1].docLabel) << 8
		}
		toks[i].docNb = nb
	}
}

// loadDocument fills toks with the tokens of a document and starts with the
// index of each sentence's first token (and a last entry, the total).
func loadDocument(toks []nerToken, starts []int, sents [][]string, tags [][]string) ([]nerToken, []int) {
	toks, starts = toks[:0], starts[:0]
	for si, sent := range sents {
		starts = append(starts, len(toks))
		var stags []string
		if si < len(tags) {
			stags = tags[si]
		}
		for wi, word := range sent {
			t := nerToken{w: analyze(word)}
			if wi == 0 {
				t.w.flags |= fSentStart
			}
			tag := ""
			if wi < len(stags) {
				tag = stags[wi]
			}
			t.tag = hashString(tag)
			toks = append(toks, t)
		}
	}
	starts = append(starts, len(toks))
	for s := 0; s+1 < len(starts); s++ {
		markRuns(toks[starts[s]:starts[s+1]])
	}
	for s := 0; s+1 < len(starts); s++ {
		a, b := starts[s], starts[s+1]
		for k := a; k < b; k++ {
			upper := toks[k].w.flags&fHasUpper != 0 ||
				k > a && toks[k-1].w.flags&fHasUpper != 0 ||
				k+1 < b && toks[k+1].w.flags&fHasUpper != 0
			toks[k].skip = !upper
			if k+1 < b {
				toks[k].nextWord = toks[k+1].w.lower
			} else {
				toks[k].nextWord = endWord.lower
			}
			if k > a {
				toks[k].prevWord = toks[k-1].w.lower
			} else {
				toks[k].prevWord = startWord.lower
			}
		}
	}
	return toks, starts
}

// maxContexts bounds the other occurrences whose contexts a word's
// features aggregate.
const maxContexts = 6

// connectors may join capitalised words into one name ("Bank of England",
// "Marks & Spencer").
var connectors = map[uint64]bool{
	hashString("of"): true, hashString("&"): true, hashString("de"): true,
	hashString("for"): true,
}

// markRuns finds the runs of capitalised words of a sentence (joined by a
// connector) and records on each word the run's first and last word and its
// position.
func markRuns(toks []nerToken) {
	for i := 0; i < len(toks); {
		if toks[i].w.flags&fHasUpper == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) {
			if toks[j].w.flags&fHasUpper != 0 {
				j++
				continue
			}
			if j+1 < len(toks) && connectors[toks[j].w.lower] && toks[j+1].w.flags&fHasUpper != 0 {
				j += 2
				continue
			}
			break
		}
		n := j - i
		for k := i; k < j; k++ {
			t := &toks[k]
			t.runFirst, t.runLast = toks[i].w.lower, toks[j-1].w.lower
			pos := uint8(2)
			switch {
			case k == i:
				pos = 1
			case k == j-1:
				pos = 3
			}
			t.runPos = pos + 4*uint8(min(n, 5))
		}
		i = j
	}
}

// markGazetteers marks the matches of gazetteers gs in each sentence.
func markGazetteers(toks []nerToken, starts []int, gs [nGaz]*gazetteer) {
	for s := 0; s+1 < len(starts); s++ {
		sent := toks[starts[s]:starts[s+1]]
		for src, g := range gs {
			g.mark(sent, src)
		}
	}
}

type nerScratch struct {
	toks   []nerToken
	starts []int
	feats  []uint64
	static []int32
	scores []int32
	labels []uint8
	stats  docStats
}

// newRecognizer builds a recognizer over the given classes (IOB2 labels,
// "O" among them) and weights.
func newRecognizer(classes []string, w *weights, gaz [nGaz]*gazetteer) *Recognizer {
	n := len(classes)
	r := &Recognizer{classes: classes, nclass: n, w: w, gaz: gaz, outside: indexOf(classes, "O")}
	r.types = []string{"O"}
	r.ctype = make([]uint8, n)
	for c, l := range classes {
		typ := labelType(l)
		if typ == "" {
			continue
		}
		k := indexOf(r.types, typ)
		if k < 0 {
			k = len(r.types)
			r.types = append(r.types, typ)
		}
		r.ctype[c] = uint8(k)
	}
	r.allowed = allowedTransitions(classes)
	r.bPER, r.iPER = indexOf(classes, "B-PER"), indexOf(classes, "I-PER")
	r.label1 = w.dense(n+1, func(v int) uint64 { return nerLabelFeature(v) })
	r.label12 = w.dense((n+1)*(n+1), func(v int) uint64 { return nerLabelsFeature(v/(n+1), v%(n+1)) })
	r.pool.New = func() any { return &nerScratch{scores: make([]int32, n)} }
	return r
}

// labelType returns the entity type of an IOB2 label ("PER" for "B-PER"),
// "" for O or anything else.
func labelType(l string) string {
	if len(l) > 2 && (l[0] == 'B' || l[0] == 'I') && l[1] == '-' {
		return l[2:]
	}
	return ""
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// allowedTransitions returns which class may follow which in IOB2: I-X
// only after B-X or I-X. Row len(classes) is the sentence start.
func allowedTransitions(classes []string) []bool {
	n := len(classes)
	ok := make([]bool, (n+1)*n)
	for prev := 0; prev <= n; prev++ {
		for c, l := range classes {
			allowed := true
			if typ, inside := strings.CutPrefix(l, "I-"); inside {
				allowed = prev < n && labelType(classes[prev]) == typ
			}
			ok[prev*n+c] = allowed
		}
	}
	return ok
}

// Recognize labels the entities of one document, given as sentences of
// words with their part-of-speech tags (tags may be nil or short; missing
// tags count as unknown). It returns an IOB2 label for each word, in new
// slices.
func (r *Recognizer) Recognize(sents [][]string, tags [][]string) [][]string {
	s := r.pool.Get().(*nerScratch)
	defer r.pool.Put(s)
	s.toks, s.starts = loadDocument(s.toks, s.starts, sents, tags)
	toks, starts, n := s.toks, s.starts, r.nclass
	markGazetteers(toks, starts, r.gaz)
	s.stats.caseEvidence(toks)

	if cap(s.static) < len(toks)*n {
		s.static = make([]int32, len(toks)*n)
	}
	static := s.static[:len(toks)*n]
	clear(static)
	for si := 0; si+1 < len(starts); si++ {
		sent := toks[starts[si]:starts[si+1]]
		for i := range sent {
			if sent[i].skip {
				continue
			}
			s.feats = nerFeatures(s.feats[:0], sent, i, toks)
			k := starts[si] + i
			r.w.addAll(s.feats, static[k*n:(k+1)*n])
		}
	}
	if cap(s.labels) < len(toks) {
		s.labels = make([]uint8, len(toks))
	}
	labels := s.labels[:len(toks)]
	r.decode(s, static, labels, false)
	s.stats.labelEvidence(toks, labels, r.ctype)
	r.decode(s, static, labels, true)
	r.stripTitles(toks, starts, labels)

	out := make([][]string, len(sents))
	all := make([]string, len(toks))
	for si := range sents {
		a, b := starts[si], starts[si+1]
		out[si] = all[a:b:b]
		for k := a; k < b; k++ {
			all[k] = r.classes[labels[k]]
		}
	}
	return out
}

// titleBits are a token's gazetteer marks for a hand-listed title.
var titleBits = uint32(7) << ((gazHand*len(gazTypes) + gazTitle) * 3)

// stripTitles takes titles off the front of people's names ("Mr Blair",
// "President Lula"), as CoNLL-2003 leaves them out; news written in British
// style has many a "Mr" that the Reuters training text lacks.
func (r *Recognizer) stripTitles(toks []nerToken, starts []int, labels []uint8) {
	if r.bPER < 0 || r.iPER < 0 {
		return
	}
	for si := 0; si+1 < len(starts); si++ {
		for k := starts[si]; k+1 < starts[si+1]; k++ {
			for k+1 < starts[si+1] && int(labels[k]) == r.bPER && int(labels[k+1]) == r.iPER &&
				toks[k].gaz&titleBits != 0 {
				labels[k], labels[k+1] = uint8(r.outside), uint8(r.bPER)
				k++
			}
		}
	}
}

// decode labels each sentence greedily from the static scores plus the
// label-dependent features (and, when second, the document features).
func (r *Recognizer) decode(s *nerScratch, static []int32, labels []uint8, second bool) {
	n := r.nclass
	scores := s.scores
	for si := 0; si+1 < len(s.starts); si++ {
		l1, l2 := n, n
		for k := s.starts[si]; k < s.starts[si+1]; k++ {
			t := &s.toks[k]
			if t.skip {
				labels[k] = uint8(r.outside)
				l2, l1 = l1, r.outside
				continue
			}
			copy(scores, static[k*n:(k+1)*n])
			for c, v := range r.label1[l1*n : (l1+1)*n] {
				scores[c] += v
			}
			row := (l1*(n+1) + l2) * n
			for c, v := range r.label12[row : row+n] {
				scores[c] += v
			}
			s.feats = nerLabelWord(s.feats[:0], t, l1)
			if second {
				s.feats = nerDocFeatures(s.feats, t)
			}
			r.w.addAll(s.feats, scores)
			allowed := r.allowed[l1*n : (l1+1)*n]
			best := -1
			for c, v := range scores {
				if allowed[c] && (best < 0 || v > scores[best]) {
					best = c
				}
			}
			labels[k] = uint8(best)
			l2, l1 = l1, best
		}
	}
}
