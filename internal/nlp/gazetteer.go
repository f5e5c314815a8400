package nlp

import (
	"bufio"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"math/bits"
	"slices"
	"strings"
)

// handGazetteers are the name lists written for worldmedia (countries,
// capitals and cities, nationalities, leaders, organisations), one file per
// entity type. Training copies them into the entity model, so a model file
// is self-contained.
//
//go:embed gazetteer/*.txt
var handGazetteers embed.FS

// gazTypes are the types a gazetteer knows, in the bit order of its
// entries, and the names of the hand-written list files: the CoNLL entity
// types and TITLE, words before a name that are not part of it ("Mr",
// "President").
var gazTypes = [...]string{"PER", "LOC", "ORG", "MISC", "TITLE"}

// gazTitle is the index of TITLE in gazTypes.
const gazTitle = 4

// gazetteer sources, in the bit layout of nerToken.gaz.
const (
	gazTrain = 0 // names seen in the training data
	gazHand  = 1 // the hand-written lists
	nGaz     = 2
)

// gazPrefix marks a table entry that begins a longer name.
const gazPrefix = 1 << 7

// maxGazWords bounds the length of a gazetteer name in words.
const maxGazWords = 8

// gazetteer is a set of names, each a sequence of words with the entity
// types it has, matched case-insensitively over a sentence.
type gazetteer struct {
	names  map[string]uint8 // name, words separated by spaces → type bits
	table  u64Table         // hash of a word sequence → type bits | gazPrefix
	maxLen int
}

func newGazetteer() *gazetteer {
	return &gazetteer{names: map[string]uint8{}}
}

// add adds a name (words separated by spaces) with the type bits given.
func (g *gazetteer) add(name string, types uint8) {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" || strings.Count(name, " ") >= maxGazWords {
		return
	}
	g.names[name] |= types
}

// seqStep extends the hash of a word sequence by one word.
func seqStep(h, word uint64) uint64 { return mix64(h*hashPrime ^ word) }

// build makes the lookup table from the names.
func (g *gazetteer) build() {
	entries := map[uint64]uint8{}
	g.maxLen = 0
	for name, types := range g.names {
		words := strings.Split(name, " ")
		g.maxLen = max(g.maxLen, len(words))
		h := hashSeed
		for i, w := range words {
			h = seqStep(h, analyze(w).lower)
			if i < len(words)-1 {
				entries[h] |= gazPrefix
			} else {
				entries[h] |= types
			}
		}
	}
	g.table = newU64Table(len(entries))
	for h, v := range entries {
		g.table.put(h, uint32(v))
	}
}

// mark records in toks[i].gaz the names of this gazetteer found in the
// sentence: for each type, longest matches from left to right, ignoring
// matches written all in lower case ("us" is not "US"). Each token gets 3
// bits per source and type: in a match, first word, match of several words.
func (g *gazetteer) mark(toks []nerToken, source int) {
	if g == nil || g.maxLen == 0 {
		return
	}
	var covered [len(gazTypes)]int
	for i := range toks {
		var end [len(gazTypes)]int
		h := hashSeed
		upper := false
		for j := i; j < len(toks) && j-i < g.maxLen; j++ {
			h = seqStep(h, toks[j].w.lower)
			v, ok := g.table.get(h)
			if !ok {
				break
			}
			upper = upper || toks[j].w.flags&fHasUpper != 0
			if upper {
				for t := range gazTypes {
					if v&(1<<t) != 0 {
						end[t] = j + 1
					}
				}
			}
			if v&gazPrefix == 0 {
				break
			}
		}
		for t := range gazTypes {
			if end[t] == 0 || i < covered[t] {
				continue
			}
			for j := i; j < end[t]; j++ {
				code := uint32(1)
				if j == i {
					code |= 2
				}
				if end[t]-i > 1 {
					code |= 4
				}
				toks[j].gaz |= code << ((source*len(gazTypes) + t) * 3)
			}
			covered[t] = end[t]
		}
	}
}

// sorted returns the names in order, for saving.
func (g *gazetteer) sorted() []string {
	return slices.Sorted(maps.Keys(g.names))
}

// readGazetteers reads the hand-written lists from fsys: one file per type
// ("per.txt", "loc.txt", "org.txt", "misc.txt", "title.txt"), one name a line, words
// separated by spaces as the tokenizer splits them ("'s" is split off a word
// here); blank lines and lines starting with # are skipped. A missing file
// is an empty list.
func readGazetteers(fsys fs.FS) (*gazetteer, error) {
	g := newGazetteer()
	for t, typ := range gazTypes {
		name := strings.ToLower(typ) + ".txt"
		f, err := fsys.Open(name)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return nil, err
		}
		sc := bufio.NewScanner(f)
		line := 0
		for sc.Scan() {
			line++
			s := strings.TrimSpace(sc.Text())
			if s == "" || s[0] == '#' {
				continue
			}
			g.add(splitPossessive(s), 1<<t)
		}
		err = sc.Err()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("gazetteer %s: line %d: %w", name, line+1, err)
		}
	}
	return g, nil
}

// splitPossessive splits a possessive 's off each word, as the tokenizer
// does ("People's Republic" → "People 's Republic").
func splitPossessive(s string) string {
	words := strings.Fields(s)
	out := make([]string, 0, len(words))
	for _, w := range words {
		for _, suf := range []string{"'s", "\u2019s"} {
			if len(w) > len(suf) && strings.HasSuffix(w, suf) {
				out = append(out, w[:len(w)-len(suf)])
				w = "'s"
				break
			}
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// u64Table is an open-addressing hash table from non-zero uint64 keys to
// uint32 values. It is read-only after it is filled.
type u64Table struct {
	keys []uint64
	vals []uint32
	mask uint64
}

func newU64Table(n int) u64Table {
	size := 1 << max(3, bits.Len(uint(n*2)))
	return u64Table{keys: make([]uint64, size), vals: make([]uint32, size), mask: uint64(size - 1)}
}

// put sets the value of key (made non-zero) to v. The table must have room.
func (t *u64Table) put(key uint64, v uint32) {
	key |= 1
	i := key & t.mask
	for t.keys[i] != 0 && t.keys[i] != key {
		i = (i + 1) & t.mask
	}
	t.keys[i], t.vals[i] = key, v
}

// get returns the value of key.
func (t *u64Table) get(key uint64) (uint32, bool) {
	if len(t.keys) == 0 {
		return 0, false
	}
	key |= 1
	i := key & t.mask
	for {
		switch t.keys[i] {
		case key:
			return t.vals[i], true
		case 0:
			return 0, false
		}
		i = (i + 1) & t.mask
	}
}
