package nlp

import "sync"

// Tagger assigns Penn Treebank part-of-speech tags. It is an averaged
// perceptron decoding greedily from left to right with the two previous
// predicted tags as features, after M. Honnibal's "A good part-of-speech
// tagger in about 200 lines of Python" (2013); frequent words that are
// almost always one tag are looked up in a tag dictionary instead. It is
// safe for concurrent use.
type Tagger struct {
	classes []string
	nclass  int
	w       *weights
	dict    u64Table // exact-case word hash → class
	words   []string // the tag dictionary's words, for saving
	tag1    []int32  // dense scores of tPTag1, [t1*nclass + c]
	tag2    []int32  // dense scores of tPTag2
	tag12   []int32  // dense scores of tPTag12, [(t1*(nclass+1)+t2)*nclass + c]
	pool    sync.Pool
}

type tagScratch struct {
	words  []wordInfo
	feats  []uint64
	scores []int32
}

// newTagger builds a tagger over classes with weights w and a tag
// dictionary from words to class indexes.
func newTagger(classes []string, w *weights, dict map[string]int) *Tagger {
	n := len(classes)
	t := &Tagger{classes: classes, nclass: n, w: w}
	t.dict = newU64Table(len(dict))
	for word, c := range dict {
		t.dict.put(analyze(word).exact, uint32(c))
		t.words = append(t.words, word)
	}
	t.tag1 = w.dense(n+1, func(v int) uint64 { return posTag1Feature(v) })
	t.tag2 = w.dense(n+1, func(v int) uint64 { return posTag2Feature(v) })
	t.tag12 = w.dense((n+1)*(n+1), func(v int) uint64 { return posTag12Feature(v/(n+1), v%(n+1)) })
	t.pool.New = func() any { return &tagScratch{scores: make([]int32, n)} }
	return t
}

func posTag1Feature(t1 int) uint64      { return feat(tPTag1, uint64(t1)) }
func posTag2Feature(t2 int) uint64      { return feat(tPTag2, uint64(t2)) }
func posTag12Feature(t1, t2 int) uint64 { return feat(tPTag12, uint64(t1)<<8|uint64(t2)) }

// posTagWord appends the features joining the previous tag with words.
func posTagWord(dst []uint64, words []wordInfo, i int, t1 int) []uint64 {
	return append(dst,
		feat2(tPTag1Word, uint64(t1), words[i].lower),
		feat2(tPTag1Next, uint64(t1), at(words, i+1).lower),
	)
}

// Tag writes a Penn Treebank tag for each word into tags. Only the first
// min(len(words), len(tags)) words are tagged.
func (t *Tagger) Tag(words []string, tags []string) {
	n := min(len(words), len(tags))
	if n == 0 {
		return
	}
	s := t.pool.Get().(*tagScratch)
	defer t.pool.Put(s)
	s.words = s.words[:0]
	for _, w := range words[:n] {
		s.words = append(s.words, analyze(w))
	}
	nc := t.nclass
	scores := s.scores
	t1, t2 := nc, nc
	for i := range s.words {
		c, ok := t.dict.get(s.words[i].exact)
		if !ok {
			clear(scores)
			s.feats = posFeatures(s.feats[:0], s.words, i)
			s.feats = posTagWord(s.feats, s.words, i, t1)
			t.w.addAll(s.feats, scores)
			for k, v := range t.tag1[t1*nc : (t1+1)*nc] {
				scores[k] += v
			}
			for k, v := range t.tag2[t2*nc : (t2+1)*nc] {
				scores[k] += v
			}
			row := (t1*(nc+1) + t2) * nc
			for k, v := range t.tag12[row : row+nc] {
				scores[k] += v
			}
			c = uint32(argmax(scores))
		}
		tags[i] = t.classes[c]
		t2, t1 = t1, int(c)
	}
}
