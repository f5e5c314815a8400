package nlp

import (
	"math"
	"math/bits"
	"slices"
)

// weights are an averaged perceptron's weights ready for tagging: an
// open-addressing hash table from feature hash to the feature's non-zero
// class weights, quantised to int16.
//
// A slot is one uint64: the upper 32 bits of the feature hash (the lower
// bits choose the slot, so together they identify the feature), the offset
// of its weights in vals and their number. Small slots keep the table in
// the caches; the weights of one feature are adjacent. It is read-only after
// construction and safe for concurrent use.
type weights struct {
	slots  []uint64 // fingerprint<<32 | offset<<8 | count; 0 is empty
	keys   []uint64 // full feature hash of each slot, for saving
	vals   []uint32 // class<<16 | uint16(weight)
	mask   uint64
	nclass int
	scale  float32 // weight = int16 * scale, for reports only
}

// featureWeights is one feature's weights as stored in a model file.
type featureWeights struct {
	key  uint64
	vals []uint32 // class<<16 | uint16(weight)
}

// maxWeights bounds the weights a table holds (the offset has 24 bits).
const maxWeights = 1 << 24

// fingerprint is the part of a feature hash a slot keeps; never 0.
func fingerprint(h uint64) uint64 { return (h >> 32) | 1 }

// newWeights builds the table from features with distinct non-zero keys,
// at most 255 weights each and maxWeights in all.
func newWeights(nclass int, scale float32, feats []featureWeights) *weights {
	size := 1 << max(4, bits.Len(uint(len(feats)*2)))
	w := &weights{
		slots:  make([]uint64, size),
		keys:   make([]uint64, size),
		mask:   uint64(size - 1),
		nclass: nclass,
		scale:  scale,
	}
	total := 0
	for _, f := range feats {
		total += len(f.vals)
	}
	w.vals = make([]uint32, 0, total)
	for _, f := range feats {
		i := f.key & w.mask
		for w.slots[i] != 0 {
			i = (i + 1) & w.mask
		}
		w.slots[i] = fingerprint(f.key)<<32 | uint64(len(w.vals))<<8 | uint64(len(f.vals))
		w.keys[i] = f.key
		w.vals = append(w.vals, f.vals...)
	}
	return w
}

// find returns the slot of feature h, 0 when absent.
func (w *weights) find(h uint64) uint64 {
	fp := fingerprint(h)
	i := h & w.mask
	for {
		s := w.slots[i]
		if s>>32 == fp || s == 0 {
			return s
		}
		i = (i + 1) & w.mask
	}
}

// addSlot adds the weights of slot s to scores.
func (w *weights) addSlot(s uint64, scores []int32) {
	off := uint32(s) >> 8
	for _, v := range w.vals[off : off+uint32(s&0xff)] {
		scores[v>>16] += int32(int16(v))
	}
}

// add adds the weights of feature h to scores.
func (w *weights) add(h uint64, scores []int32) {
	if s := w.find(h); s != 0 {
		w.addSlot(s, scores)
	}
}

// addAll adds the weights of every feature in hs to scores. It finds all
// the slots before reading any weights: the lookups do not depend on each
// other, so their cache misses overlap instead of queueing.
func (w *weights) addAll(hs []uint64, scores []int32) {
	var found [32]uint64
	for len(hs) > 0 {
		batch := hs[:min(len(hs), len(found))]
		hs = hs[len(batch):]
		for j, h := range batch {
			found[j] = w.find(h)
		}
		for _, s := range found[:len(batch)] {
			if s != 0 {
				w.addSlot(s, scores)
			}
		}
	}
}

// features returns the table's features sorted by key, for saving.
func (w *weights) features() []featureWeights {
	out := make([]featureWeights, 0, len(w.slots)/2)
	for i, s := range w.slots {
		if s != 0 {
			off := uint32(s) >> 8
			out = append(out, featureWeights{w.keys[i], w.vals[off : off+uint32(s&0xff)]})
		}
	}
	slices.SortFunc(out, func(a, b featureWeights) int {
		switch {
		case a.key < b.key:
			return -1
		case a.key > b.key:
			return 1
		}
		return 0
	})
	return out
}

// len returns the number of features.
func (w *weights) len() int {
	n := 0
	for _, s := range w.slots {
		if s != 0 {
			n++
		}
	}
	return n
}

// dense returns, for each value v in 0..n-1, the class scores of feature
// key(v), laid out as n rows of nclass: transition features whose few
// values are worth a table of their own.
func (w *weights) dense(n int, key func(v int) uint64) []int32 {
	out := make([]int32, n*w.nclass)
	for v := range n {
		w.add(key(v), out[v*w.nclass:(v+1)*w.nclass])
	}
	return out
}

// argmax returns the index of the highest score; ties go to the lowest
// index.
func argmax(scores []int32) int {
	best := 0
	for c := 1; c < len(scores); c++ {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}

// featureSpace numbers feature hashes during training, so that training
// tokens can keep their features as small ids.
type featureSpace struct {
	ids  map[uint64]int32
	keys []uint64
}

func newFeatureSpace() *featureSpace {
	return &featureSpace{ids: make(map[uint64]int32, 1<<20)}
}

// intern returns h's id, adding it if new.
func (s *featureSpace) intern(h uint64) int32 {
	if id, ok := s.ids[h]; ok {
		return id
	}
	id := int32(len(s.keys))
	s.ids[h] = id
	s.keys = append(s.keys, h)
	return id
}

// find returns h's id, or -1.
func (s *featureSpace) find(h uint64) int32 {
	if id, ok := s.ids[h]; ok {
		return id
	}
	return -1
}

// trainer is an averaged perceptron in training. Weights change by ±1, so
// they are integers; averaging uses the accumulated-update trick: with c the
// number of instances seen, u sums c·Δw and the average is w - u/c.
type trainer struct {
	nclass int
	rows   []int32 // feature id → offset of its row in w and u, or -1
	w      []int32
	u      []int64
	c      int64
}

func newTrainer(nclass int) *trainer {
	return &trainer{nclass: nclass, c: 1}
}

// row returns the offset of feature id's row, -1 when it has none.
func (t *trainer) row(id int32) int32 {
	if int(id) >= len(t.rows) {
		return -1
	}
	return t.rows[id]
}

// score adds the current weights of features ids to scores.
func (t *trainer) score(ids []int32, scores []float32) {
	for _, id := range ids {
		r := t.row(id)
		if r < 0 {
			continue
		}
		for c, v := range t.w[r : int(r)+t.nclass] {
			scores[c] += float32(v)
		}
	}
}

// update moves the weights of features ids towards class truth and away
// from class guess.
func (t *trainer) update(ids []int32, truth, guess int) {
	for _, id := range ids {
		r := t.row(id)
		if r < 0 {
			for int(id) >= len(t.rows) {
				t.rows = append(t.rows, -1)
			}
			r = int32(len(t.w))
			t.rows[id] = r
			t.w = append(t.w, make([]int32, t.nclass)...)
			t.u = append(t.u, make([]int64, t.nclass)...)
		}
		t.w[int(r)+truth]++
		t.u[int(r)+truth] += t.c
		t.w[int(r)+guess]--
		t.u[int(r)+guess] -= t.c
	}
}

// tick counts one training instance.
func (t *trainer) tick() { t.c++ }

// averaged returns the averaged weights as float rows over the same ids.
func (t *trainer) averaged() *averagedWeights {
	avg := make([]float32, len(t.w))
	for i, w := range t.w {
		avg[i] = float32(float64(w) - float64(t.u[i])/float64(t.c))
	}
	return &averagedWeights{nclass: t.nclass, rows: t.rows, w: avg}
}

// averagedWeights are a trainer's averaged weights, by feature id.
type averagedWeights struct {
	nclass int
	rows   []int32
	w      []float32
}

func (a *averagedWeights) score(ids []int32, scores []float32) {
	for _, id := range ids {
		if int(id) >= len(a.rows) || a.rows[id] < 0 {
			continue
		}
		r := a.rows[id]
		for c, v := range a.w[r : int(r)+a.nclass] {
			scores[c] += v
		}
	}
}

// scorer adds the scores of features given by id.
type scorer interface {
	score(ids []int32, scores []float32)
}

// compile turns averaged weights into a lookup table: weights whose size is
// under prune (in units of the largest weight) are dropped, as are features
// left with none; the rest are quantised to int16.
func (a *averagedWeights) compile(space *featureSpace, prune float64) *weights {
	var maxAbs float64
	for _, v := range a.w {
		maxAbs = max(maxAbs, math.Abs(float64(v)))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / 32767
	cut := max(prune*maxAbs, scale/2)
	var feats []featureWeights
	var buf []uint32
	for id, r := range a.rows {
		if r < 0 {
			continue
		}
		buf = buf[:0]
		for c, v := range a.w[r : int(r)+a.nclass] {
			if math.Abs(float64(v)) < cut {
				continue
			}
			q := int16(max(-32767, min(32767, math.Round(float64(v)/scale))))
			if q != 0 {
				buf = append(buf, uint32(c)<<16|uint32(uint16(q)))
			}
		}
		if len(buf) > 0 {
			feats = append(feats, featureWeights{space.keys[id], slices.Clone(buf)})
		}
	}
	return newWeights(a.nclass, float32(scale), feats)
}

// argmaxf returns the index of the highest score, ties to the lowest.
func argmaxf(scores []float32) int {
	best := 0
	for c := 1; c < len(scores); c++ {
		if scores[c] > scores[best] {
			best = c
		}
	}
	return best
}
