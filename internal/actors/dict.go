package actors

import (
	"cmp"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Kind is what a dictionary phrase names.
type Kind uint8

const (
	// Country is a country or territory by name, or one of its institutions
	// by a name of its own ("the Kremlin"); from countries.txt.
	Country Kind = iota
	// CountryAdj is a demonym or adjective ("Russian", "Russians").
	CountryAdj
	// Capital is a capital city, standing for the government when it acts.
	Capital
	// Organization is an international or non-governmental organisation.
	Organization
	// Group is a named armed or political group.
	Group
	// Role is a role or sector word ("troops", "foreign minister").
	Role
	// Person is a person from people/*.txt.
	Person
)

// String returns the kind's name in lower case ("country", "adj",
// "capital", "organization", "group", "role", "person").
func (k Kind) String() string {
	switch k {
	case Country:
		return "country"
	case CountryAdj:
		return "adj"
	case Capital:
		return "capital"
	case Organization:
		return "organization"
	case Group:
		return "group"
	case Role:
		return "role"
	case Person:
		return "person"
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// rank orders kinds when one phrase has senses of several kinds: the more
// specific name wins ("Congress" the legislature over "congress" the role).
func (k Kind) rank() int {
	switch k {
	case Person:
		return 6
	case Group:
		return 5
	case Organization:
		return 4
	case Country:
		return 3
	case Capital:
		return 2
	case CountryAdj:
		return 1
	}
	return 0
}

// Dictionary holds the actor dictionaries compiled into a token trie. It is
// immutable and safe for concurrent use.
type Dictionary struct {
	// words numbers the unit texts of all phrases from 1, so that the trie
	// is walked by integers and a unit is hashed once, not once a node; 0
	// stands for a text no phrase has.
	words map[string]int32
	// byteWords holds the numbers of the one-byte words (punctuation,
	// initials), which are frequent in text, without hashing.
	byteWords [utf8.RuneSelf]int32
	// wordFilter has the bit of [filterSlot] set for every word of two
	// bytes or more: most words of a text are in no phrase, and one bit of
	// a table small enough to stay in the cache tells so before hashing.
	wordFilter [wordFilterBits / 64]uint64
	// nodes is the trie of phrases by word; nodes[0] is its root.
	nodes []node
	// rootNext maps a word to the root's child (0 for none): most units
	// start no phrase, and this tells so with one index.
	rootNext []int32
	senses   []sense
	// countries are the three-letter country codes named in countries.txt.
	countries map[string]bool
	// countryName maps a code to the canonical name of its first plain
	// countries.txt line.
	countryName map[string]string
	// roles are the role codes of roles.txt and CAMEO's role codes.
	roles map[string]bool
	// entries counts the loaded lines per file.
	entries map[string]int
}

// sense is one meaning of a phrase.
type sense struct {
	kind  Kind
	name  string
	codes []dated
	file  string
	line  int
}

// at returns the code in force on day (a day key; 0 means the latest
// role), the day its range starts, and whether any code is in force.
func (s *sense) at(day int) (code string, from int, ok bool) {
	from = -1
	rank := -1
	for _, d := range s.codes {
		if day != 0 && !d.contains(day) {
			continue
		}
		// Undated text names a person by the office they are known for:
		// a former president is coded as a government actor, not as the
		// elite or businessman he was before or after.
		r := 0
		if day == 0 {
			r = officeRank(d.code)
		}
		if r > rank || r == rank && d.from >= from {
			code, from, ok, rank = d.code, d.from, true, r
		}
	}
	return code, from, ok
}

// officeRank orders roles for undated text: state offices and armed
// command first, then opposition and armed groups, then the rest (elites,
// business, media).
func officeRank(code string) int {
	if len(code) < 3 {
		return 0
	}
	switch code[len(code)-3:] {
	case "GOV", "MIL", "LEG", "JUD", "COP", "SPY":
		return 2
	case "ELI", "BUS", "MED", "EDU", "CVL", "HLH", "LAB", "REL", "AGR", "ENV", "DEV":
		return 0
	}
	return 1
}

// node is a trie node.
type node struct {
	// next holds the children by word, sorted by word.
	next   []edge
	senses []int32
}

// edge leads from a node to its child by a word.
type edge struct{ word, node int32 }

// wordOf returns the number of a unit text, 0 when no phrase has it.
func (d *Dictionary) wordOf(s string) int32 {
	switch {
	case len(s) == 1 && s[0] < utf8.RuneSelf:
		return d.byteWords[s[0]]
	case len(s) >= 2 && d.wordFilter[filterSlot(s)/64]&(1<<(filterSlot(s)%64)) == 0:
		return 0
	}
	return d.words[s]
}

// wordFilterBits is the size of Dictionary.wordFilter: 8 KB, for about
// ten thousand words.
const wordFilterBits = 1 << 16

// filterSlot returns the bit of Dictionary.wordFilter for a word of two
// bytes or more, from its length and its first two and last bytes: cheaper
// than hashing it whole, and as selective on the words of news text.
func filterSlot(s string) uint32 {
	k := uint32(len(s))<<24 ^ uint32(s[0])<<16 ^ uint32(s[1])<<8 ^ uint32(s[len(s)-1])
	return k * 0x9E3779B1 >> (32 - 16) // Fibonacci hashing to 16 bits
}

// child returns the child of node n by word w, or 0 when there is none (the
// root is no node's child).
func (d *Dictionary) child(n, w int32) int32 {
	if w == 0 {
		return 0
	}
	if n == 0 {
		return d.rootNext[w]
	}
	next := d.nodes[n].next
	lo, hi := 0, len(next)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if next[m].word < w {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(next) && next[lo].word == w {
		return next[lo].node
	}
	return 0
}

//go:embed data
var embedded embed.FS

// defaultDict loads the embedded dictionaries once.
var defaultDict = sync.OnceValues(func() (*Dictionary, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// Default returns the dictionary embedded in the binary, loaded on first
// use. Every call returns the same dictionary.
func Default() (*Dictionary, error) { return defaultDict() }

// The dictionary files at the root of a dictionary file system, in load
// order; people/*.txt follow. Other files are ignored.
var rootFiles = []struct {
	name   string
	format fileFormat
	kind   Kind
}{
	{"countries.txt", codeFormat, Country},
	{"organizations.txt", codeFormat, Organization},
	{"groups.txt", codeFormat, Group},
	{"roles.txt", roleFormat, Role},
}

// Load reads and compiles the dictionary files of docs/actors.md from fsys:
// countries.txt, organizations.txt, groups.txt, roles.txt and people/*.txt,
// each optional. It checks every line and returns all errors joined, each a
// [*LineError]; on error the dictionary is nil.
func Load(fsys fs.FS) (*Dictionary, error) {
	b := newBuilder()
	var errs []error
	read := func(name string, format fileFormat, kind Kind, optional bool) {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			if !optional || !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, fmt.Errorf("actors: %w", err))
			}
			return
		}
		entries, perrs := parseFile(name, data, format, kind)
		errs = append(errs, perrs...)
		for i := range entries {
			if err := b.add(&entries[i]); err != nil {
				errs = append(errs, err)
			}
		}
		b.d.entries[name] = len(entries)
	}
	for _, f := range rootFiles {
		read(f.name, f.format, f.kind, true)
	}
	people, err := fs.Glob(fsys, "people/*.txt")
	if err != nil {
		errs = append(errs, fmt.Errorf("actors: %w", err))
	}
	for _, name := range people {
		read(name, personFormat, Person, false)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return b.finish(), nil
}

// Entries returns the number of entries (lines) loaded from each file, by
// path.
func (d *Dictionary) Entries() map[string]int {
	out := make(map[string]int, len(d.entries))
	for k, v := range d.entries {
		out[k] = v
	}
	return out
}

// builder compiles entries into a Dictionary.
type builder struct {
	d       *Dictionary
	persons map[string]*entry // canonical name → first line
	// children finds the child of a node ([0]) by a word ([1]) while the
	// trie grows; lookups search the sorted edges of a node instead.
	children map[[2]int32]int32
}

func newBuilder() *builder {
	return &builder{
		d: &Dictionary{
			words:       map[string]int32{},
			nodes:       []node{{}},
			countries:   map[string]bool{},
			countryName: map[string]string{},
			roles:       map[string]bool{},
			entries:     map[string]int{},
		},
		persons:  map[string]*entry{},
		children: map[[2]int32]int32{},
	}
}

// word returns the number of a unit text, numbering it if it is new.
func (b *builder) word(s string) int32 {
	if w, ok := b.d.words[s]; ok {
		return w
	}
	w := int32(len(b.d.words) + 1)
	b.d.words[s] = w
	switch {
	case len(s) == 1 && s[0] < utf8.RuneSelf:
		b.d.byteWords[s[0]] = w
	case len(s) >= 2:
		b.d.wordFilter[filterSlot(s)/64] |= 1 << (filterSlot(s) % 64)
	}
	return w
}

// extend returns the child of node n by unit text s, adding it if it is
// new.
func (b *builder) extend(n int32, s string) int32 {
	w := b.word(s)
	if c, ok := b.children[[2]int32{n, w}]; ok {
		return c
	}
	c := int32(len(b.d.nodes))
	b.d.nodes = append(b.d.nodes, node{})
	b.d.nodes[n].next = append(b.d.nodes[n].next, edge{word: w, node: c})
	b.children[[2]int32{n, w}] = c
	return c
}

// add compiles one entry, reporting a conflict with an earlier line.
func (b *builder) add(e *entry) error {
	switch e.kind {
	case Role:
		b.d.roles[e.codes[0].code] = true
		for _, p := range e.phrases {
			if err := b.insert(e, p, p); err != nil {
				return err
			}
		}
		return nil
	case Person:
		if first, ok := b.persons[e.phrases[0]]; ok {
			return &LineError{e.file, e.line, fmt.Errorf("%w: person %q also at %s:%d", ErrDuplicate, e.phrases[0], first.file, first.line)}
		}
		b.persons[e.phrases[0]] = e
	case Country, CountryAdj, Capital:
		code := e.codes[0].code
		if e.kind != Capital || len(code) == 3 {
			b.d.countries[code[:3]] = true
		}
		if e.kind == Country {
			if _, ok := b.d.countryName[code]; !ok {
				b.d.countryName[code] = canonical(e.phrases[0])
			}
		}
	}
	name := canonical(e.phrases[0])
	for _, p := range e.phrases {
		if err := b.insert(e, p, name); err != nil {
			return err
		}
	}
	return nil
}

// insert adds phrase p of entry e, and p without a leading "the", with a
// sense named name. Phrases of one line share their sense.
func (b *builder) insert(e *entry, p, name string) error {
	us := phraseUnits(p)
	if len(us) == 0 {
		return &LineError{e.file, e.line, fmt.Errorf("%w: %q has no words", ErrEmptyPhrase, p)}
	}
	variants := [][]unit{us}
	if us[0].text == "the" && len(us) > 1 {
		variants = append(variants, us[1:])
	}
	for _, v := range variants {
		n := int32(0)
		for _, u := range v {
			n = b.extend(n, u.text)
		}
		if err := b.attach(&b.d.nodes[n], e, name, p); err != nil {
			return err
		}
	}
	return nil
}

// attach gives node n the sense of entry e, unless it has it already.
func (b *builder) attach(n *node, e *entry, name, p string) error {
	for _, si := range n.senses {
		s := &b.d.senses[si]
		if s.file == e.file && s.line == e.line && s.name == name {
			return nil // same line: "the X" and "X" both listed
		}
		if s.kind != e.kind || e.kind == Person {
			continue // kinds rank; people may share a surname
		}
		for _, c := range s.codes {
			for _, c2 := range e.codes {
				if c.code != c2.code && c.overlaps(c2) {
					return &LineError{e.file, e.line, fmt.Errorf("%w: %q is %s at %s:%d", ErrDuplicate, p, c.code, s.file, s.line)}
				}
			}
		}
	}
	// One sense per line (per phrase for roles, whose name is the phrase).
	si := -1
	for i := len(b.d.senses) - 1; i >= 0 && i >= len(b.d.senses)-1; i-- {
		if s := &b.d.senses[i]; s.file == e.file && s.line == e.line && s.name == name {
			si = i
		}
	}
	if si < 0 {
		b.d.senses = append(b.d.senses, sense{kind: e.kind, name: name, codes: e.codes, file: e.file, line: e.line})
		si = len(b.d.senses) - 1
	}
	n.senses = append(n.senses, int32(si))
	return nil
}

// finish names demonyms after their country and returns the dictionary.
func (b *builder) finish() *Dictionary {
	for i := range b.d.senses {
		s := &b.d.senses[i]
		if s.kind == CountryAdj && len(s.codes) > 0 {
			if n, ok := b.d.countryName[s.codes[0].code]; ok {
				s.name = n
			}
		}
	}
	for _, r := range cameoRoles {
		b.d.roles[r] = true
	}
	for i := range b.d.nodes {
		slices.SortFunc(b.d.nodes[i].next, func(a, b edge) int { return cmp.Compare(a.word, b.word) })
	}
	b.d.rootNext = make([]int32, len(b.d.words)+1)
	for _, e := range b.d.nodes[0].next {
		b.d.rootNext[e.word] = e.node
	}
	return b.d
}

// cameoRoles are CAMEO's role and sector codes (type.tsv), known even when
// roles.txt does not use them.
var cameoRoles = [...]string{
	"COP", "GOV", "INS", "JUD", "MIL", "OPP", "REB", "SEP", "SPY", "UAF",
	"AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI",
	"LAB", "LEG", "MED", "REF", "MOD", "RAD", "REL", "PKO", "SET",
}

// canonical returns a phrase as a name: without a leading "the".
func canonical(p string) string {
	if rest, ok := strings.CutPrefix(p, "the "); ok {
		return rest
	}
	return p
}

// choose picks the sense to report among a node's senses: the
// highest-ranked kind, then one with a code in force on day, then the one
// whose range began last (the current office-holder), then the first
// listed. It returns -1 when no sense passes keep.
func (d *Dictionary) choose(senses []int32, day int, keep func(*sense) bool) int {
	best, bestRank, bestIn, bestFrom := -1, -1, false, -2
	for _, si := range senses {
		s := &d.senses[si]
		if keep != nil && !keep(s) {
			continue
		}
		_, from, in := s.at(day)
		r := s.kind.rank()
		switch {
		case r > bestRank,
			r == bestRank && in && !bestIn,
			r == bestRank && in == bestIn && from > bestFrom:
			best, bestRank, bestIn, bestFrom = int(si), r, in, from
		}
	}
	return best
}

// Person looks a person up by any of their names ("Putin", "Vladimir
// Putin", "Putin's") and returns the canonical name and the code in force
// on date ("" when the person holds no role then; the zero date means the
// latest role). Leading titles ("President", "Mr.") are ignored, and a full
// name not listed is found by its listed surname when the first names share
// an initial ("Sergei Lavrov" → "Sergey Lavrov").
func (d *Dictionary) Person(name string, date time.Time) (canonical, code string, ok bool) {
	sc := newScratch()
	defer sc.release()
	return d.person(sc, name, dayKey(date))
}

// person is [Dictionary.Person] on a day key, with the buffers of sc.
func (d *Dictionary) person(sc *scratch, name string, day int) (canonical, code string, ok bool) {
	isPerson := func(s *sense) bool { return s.kind == Person }
	sc.tokens = appendFields(sc.tokens[:0], name)
	sc.units = d.textUnits(sc.units[:0], name, sc.tokens)
	us := trimPossessive(sc.units)
	for len(us) > 0 {
		if si := d.choose(d.whole(us), day, isPerson); si >= 0 {
			s := &d.senses[si]
			code, _, _ := s.at(day)
			return s.name, code, true
		}
		// Drop a leading title and try again.
		n := titleUnits(us)
		if n == 0 || n == len(us) {
			break
		}
		us = us[n:]
	}
	if len(us) >= 2 {
		last := us[len(us)-1:]
		if si := d.choose(d.whole(last), day, isPerson); si >= 0 {
			s := &d.senses[si]
			if initial(s.name) == initial(us[0].text) {
				code, _, _ := s.at(day)
				return s.name, code, true
			}
		}
	}
	return "", "", false
}

// titleUnits returns how many leading units of us are a courtesy title
// ("Mr."), or 1 when the first unit begins a role phrase ("President").
func titleUnits(us []unit) int {
	switch strings.ToLower(us[0].text) {
	case "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "prof", "gen", "col", "lt", "sgt", "capt", "sen", "rep", "gov", "rev", "sheikh", "president", "premier", "king", "queen", "prince", "princess", "emir", "chancellor", "minister", "secretary", "ambassador", "general", "senator", "judge", "pope", "ayatollah", "mullah", "imam", "former", "late":
		if len(us) > 1 && us[1].text == "." {
			return 2
		}
		return 1
	}
	return 0
}

func initial(s string) string {
	for _, r := range s {
		return strings.ToLower(string(r))
	}
	return ""
}

// trimPossessive drops a final "'s" or "'".
func trimPossessive(us []unit) []unit {
	if n := len(us); n > 1 && (us[n-1].text == "'s" || us[n-1].text == "'") {
		return us[:n-1]
	}
	return us
}

// whole returns the senses of the phrase made of exactly the units us,
// preferring a match as written over one through lower-case folding.
func (d *Dictionary) whole(us []unit) []int32 {
	var folded []int32
	var walk func(n int32, i int, exact bool) []int32
	walk = func(n int32, i int, exact bool) []int32 {
		if i == len(us) {
			if exact {
				return d.nodes[n].senses
			}
			if folded == nil {
				folded = d.nodes[n].senses
			}
			return nil
		}
		if c := d.child(n, us[i].word); c != 0 {
			if s := walk(c, i+1, exact); len(s) > 0 {
				return s
			}
		}
		if c := d.child(n, us[i].fold); c != 0 {
			return walk(c, i+1, false)
		}
		return nil
	}
	if s := walk(0, 0, true); len(s) > 0 {
		return s
	}
	return folded
}
