package dedup

import (
	"cmp"
	"fmt"
	"iter"
	"math"
	"slices"
	"sync"
)

// Match is an indexed signature similar to a query.
type Match struct {
	// ID is the id the signature was added under.
	ID string
	// Similarity is the estimated Jaccard similarity to the query.
	Similarity float64
}

// Index finds, among the signatures added to it, those similar to a query,
// by locality-sensitive hashing: each signature is cut into bands of rows,
// and a signature is a candidate when it agrees with the query on every row
// of at least one band. Candidates are then compared in full. With b bands
// of r rows, sets of Jaccard similarity s become candidates with
// probability 1 − (1 − s^r)^b.
//
// An Index lives in memory and is safe for concurrent use. It keeps every
// signature, in the order added; [Index.All] lists them to persist, and
// adding them again in that order restores the index.
type Index struct {
	hashes, bands, rows int
	threshold           float64
	// scan is the most entries of one bucket compared with a query, the
	// latest added; 0 compares all.
	scan int

	mu   sync.RWMutex
	ids  []string
	vals []uint32 // the signatures, hashes values each, in order added
	// Each band's buckets are chains, newest first: heads[b][key] is the
	// latest entry with that key plus one, and chain[b][e] the entry before
	// e with the same key plus one (0 ends a chain). A chain costs four
	// bytes an entry, where a slice per bucket cost a map value each.
	heads []map[uint64]int32
	chain [][]int32
	seen  sync.Pool // *stamps, one per concurrent query
}

// NewIndex returns an empty index of signatures of length hashes, cut into
// bands bands (hashes must be a multiple of bands), that matches
// signatures of estimated similarity at least threshold (0 < threshold ≤
// 1). It returns an error wrapping [ErrConfig] when they do not fit.
func NewIndex(hashes, bands int, threshold float64) (*Index, error) {
	switch {
	case hashes <= 0 || bands <= 0 || hashes%bands != 0:
		return nil, fmt.Errorf("%w: %d hashes do not cut into %d bands", ErrConfig, hashes, bands)
	case !(threshold > 0 && threshold <= 1):
		return nil, fmt.Errorf("%w: threshold %v not in (0, 1]", ErrConfig, threshold)
	}
	ix := &Index{hashes: hashes, bands: bands, rows: hashes / bands, threshold: threshold}
	ix.reset()
	ix.seen.New = func() any { return &stamps{} }
	return ix, nil
}

// Threshold returns the least similarity the index matches.
func (ix *Index) Threshold() float64 { return ix.threshold }

// Len returns the number of signatures added.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.ids)
}

// Add adds sig under id. The same id may be added more than once; each
// addition is a separate entry. The index keeps its own copy of sig. An
// empty signature ([Signature.Empty]) is kept, for [Index.All], but
// matches nothing. Add returns an error wrapping [ErrSignatureLength] when
// sig is not of the index's length.
func (ix *Index) Add(id string, sig Signature) error {
	if len(sig) != ix.hashes {
		return fmt.Errorf("%w: %d values, index has %d", ErrSignatureLength, len(sig), ix.hashes)
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.add(id, sig)
	return nil
}

// add appends an entry; the caller holds ix.mu.
func (ix *Index) add(id string, sig Signature) {
	n := int32(len(ix.ids))
	ix.ids = append(ix.ids, id)
	ix.vals = append(ix.vals, sig...)
	empty := sig.Empty()
	for b := range ix.bands {
		if empty {
			ix.chain[b] = append(ix.chain[b], 0)
			continue
		}
		k := ix.bandKey(sig, b)
		ix.chain[b] = append(ix.chain[b], ix.heads[b][k])
		ix.heads[b][k] = n + 1
	}
}

func (ix *Index) reset() {
	ix.heads = make([]map[uint64]int32, ix.bands)
	ix.chain = make([][]int32, ix.bands)
	for b := range ix.bands {
		ix.heads[b] = make(map[uint64]int32)
	}
}

// keepLast forgets all but the last n entries, renumbering them from 0,
// and returns how many it forgot.
func (ix *Index) keepLast(n int) int {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	drop := len(ix.ids) - n
	if drop <= 0 {
		return 0
	}
	ids := slices.Clone(ix.ids[drop:])
	vals := slices.Clone(ix.vals[drop*ix.hashes:])
	ix.ids, ix.vals = nil, nil
	ix.reset()
	for i, id := range ids {
		ix.add(id, Signature(vals[i*ix.hashes:(i+1)*ix.hashes]))
	}
	// add appended copies; the clone of vals is garbage now.
	return drop
}

// bandKey hashes the rows of band b of sig.
func (ix *Index) bandKey(sig Signature, b int) uint64 {
	h := uint64(b)
	for _, v := range sig[b*ix.rows : (b+1)*ix.rows] {
		h = mix64(h + uint64(v))
	}
	return h
}

// match is an entry of the index and its similarity to a query.
type match struct {
	entry int32
	sim   float64
}

// matches returns the entries of similarity at least the threshold to sig,
// in the order added. The caller holds ix.mu.
func (ix *Index) matches(sig Signature) []match {
	if len(sig) != ix.hashes || sig.Empty() {
		return nil
	}
	sc := ix.seen.Get().(*stamps)
	defer ix.seen.Put(sc)
	sc.next(len(ix.ids))
	// A candidate must agree on at least need values; comparing stops once
	// the rest cannot get it there.
	need := int(math.Ceil(ix.threshold*float64(ix.hashes) - 1e-9))
	var out []match
	for b := range ix.bands {
		chain := ix.chain[b]
		// A crowded bucket (articles on the same few actors) would make
		// every query walk the whole history: the latest ScanLimit entries
		// are the ones a copy or a story is near in time.
		for e, k := ix.heads[b][ix.bandKey(sig, b)], 0; e != 0 && (ix.scan == 0 || k < ix.scan); e, k = chain[e-1], k+1 {
			entry := e - 1
			if sc.seen(entry) {
				continue
			}
			v := ix.vals[int(entry)*ix.hashes : int(entry+1)*ix.hashes]
			if n := agreeAtLeast(sig, v, need); n >= need {
				out = append(out, match{entry, float64(n) / float64(ix.hashes)})
			}
		}
	}
	slices.SortFunc(out, func(x, y match) int { return cmp.Compare(x.entry, y.entry) })
	return out
}

// stamps marks the entries a query has compared, without clearing between
// queries: an entry is marked when its stamp is the current generation.
type stamps struct {
	gen   uint32
	stamp []uint32
}

func (s *stamps) next(n int) {
	if len(s.stamp) < n {
		s.stamp = append(s.stamp, make([]uint32, n-len(s.stamp)+n/4)...)
	}
	s.gen++
	if s.gen == 0 {
		clear(s.stamp)
		s.gen = 1
	}
}

// seen reports whether e was marked in this generation, and marks it.
func (s *stamps) seen(e int32) bool {
	if s.stamp[e] == s.gen {
		return true
	}
	s.stamp[e] = s.gen
	return false
}

// agreeAtLeast counts the positions where s and o agree, giving up (with
// a count below need) as soon as need can no longer be reached.
func agreeAtLeast(s, o []uint32, need int) int {
	n := 0
	o = o[:len(s)]
	for i, v := range s {
		if v == o[i] {
			n++
		} else if n+len(s)-i-1 < need {
			return n
		}
	}
	return n
}

// Query returns the signatures of estimated similarity at least the
// index's threshold to sig, the most similar first (ties in the order
// added). It returns nil when there is none, or when sig is empty or of
// another length.
func (ix *Index) Query(sig Signature) []Match {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	ms := ix.matches(sig)
	slices.SortStableFunc(ms, func(x, y match) int { return cmp.Compare(y.sim, x.sim) })
	var out []Match
	for _, m := range ms {
		out = append(out, Match{ID: ix.ids[m.entry], Similarity: m.sim})
	}
	return out
}

// Duplicate returns the id of the first-added signature that sig matches,
// and whether there is one.
func (ix *Index) Duplicate(sig Signature) (firstID string, ok bool) {
	m, ok := ix.first(sig)
	return m.ID, ok
}

// first returns the first-added match of sig.
func (ix *Index) first(sig Signature) (Match, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	ms := ix.matches(sig)
	if len(ms) == 0 {
		return Match{}, false
	}
	return Match{ID: ix.ids[ms[0].entry], Similarity: ms[0].sim}, true
}

// at returns a copy of the i-th signature added.
func (ix *Index) at(i int) Signature {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return slices.Clone(Signature(ix.vals[i*ix.hashes : (i+1)*ix.hashes]))
}

// All returns the entries of the index in the order added: each id with a
// copy of its signature. Adding them in that order to an index made with
// the same parameters restores it.
func (ix *Index) All() iter.Seq2[string, Signature] {
	return func(yield func(string, Signature) bool) {
		for i := 0; ; i++ {
			ix.mu.RLock()
			if i >= len(ix.ids) {
				ix.mu.RUnlock()
				return
			}
			id := ix.ids[i]
			sig := slices.Clone(Signature(ix.vals[i*ix.hashes : (i+1)*ix.hashes]))
			ix.mu.RUnlock()
			if !yield(id, sig) {
				return
			}
		}
	}
}
