package events

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
)

// Errors of the lexicon and codes files, each wrapped in a [*LineError].
var (
	// ErrSyntax is a line that is not "CODE = pattern | pattern".
	ErrSyntax = errors.New("syntax error")
	// ErrUnknownCode is a code that is not in codes.tsv.
	ErrUnknownCode = errors.New("unknown CAMEO code")
	// ErrBadPattern is a pattern that cannot be compiled.
	ErrBadPattern = errors.New("bad pattern")
)

// LineError locates an error in a lexicon file.
type LineError struct {
	File string
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

func (e *LineError) Unwrap() error { return e.Err }

// CodeInfo describes one CAMEO event code.
type CodeInfo struct {
	Code      string
	Root      string
	Quad      int
	Goldstein float64
	Name      string
}

// elemKind is the kind of one pattern element.
type elemKind uint8

const (
	elemWord   elemKind = iota // a token whose lemma is the word
	elemAny                    // "*": up to four non-verb tokens
	elemTarget                 // "+": the target actor begins here
	elemAlt                    // "( a | b )": one of several sequences
	elemOpt                    // "[ a ]": an optional sequence
)

type elem struct {
	kind elemKind
	word string
	alts [][]elem // elemAlt: the alternatives; elemOpt: one sequence
}

// pattern is one compiled lexicon pattern. Its head is the first word; rest
// follows it in the text.
type pattern struct {
	code string
	head string
	rest []elem
	noun bool // a noun pattern (nouns.txt)
	// converse: the subject undergoes the act and "+" does it ("receive
	// weapons from +").
	converse bool
	source   string // file:line, for explanations and tests
	order    int    // position in the lexicon: later wins ties
	weight   int    // number of words: longer patterns are more specific
	// need lists the words a sentence must hold for the pattern to match
	// there: for each entry, at least one of its words. It lets the coder
	// skip most patterns of a head without trying them.
	need [][]string
	// needIDs is need with each word replaced by its id in Lexicon.ids.
	needIDs [][]int32
}

// Lexicon is the compiled event lexicon: patterns by head lemma, and the
// code table.
type Lexicon struct {
	verbs map[string]*headPatterns
	nouns map[string]*headPatterns
	all   []*pattern
	// ids numbers the words patterns need; forms maps a token's form to the
	// ids it counts as (itself, and the word with or without a final
	// silent e, which a rule-made lemma may have lost or gained).
	ids map[string]int32
	// words maps a token's form (or lemma) to what the lexicon knows of it:
	// the ids it counts as, and the patterns it heads.
	words map[string]*wordInfo
	codes map[string]CodeInfo
	n     int
}

// headPatterns are the patterns of one head word, indexed by a word each
// needs besides the head, so that a sentence tries only the patterns whose
// key word it holds.
type headPatterns struct {
	free   []*pattern           // patterns that need no other word
	byWord map[int32][]*pattern // the others, under their key word(s)
	keys   []int32              // byWord's keys
}

// add files p under the need entry whose words are rarest in the lexicon
// (freq counts how many patterns need each word), so that common words
// ("to", "for") do not make every pattern a candidate.
func (h *headPatterns) add(p *pattern, freq map[string]int) {
	key, keyCost := -1, 0
	for i, alts := range p.need {
		cost := 0
		for _, w := range alts {
			cost += freq[w]
		}
		if key < 0 || cost < keyCost {
			key, keyCost = i, cost
		}
	}
	if key < 0 {
		h.free = append(h.free, p)
		return
	}
	if h.byWord == nil {
		h.byWord = map[int32][]*pattern{}
	}
	for _, id := range p.needIDs[key] {
		if h.byWord[id] == nil {
			h.keys = append(h.keys, id)
		}
		h.byWord[id] = append(h.byWord[id], p)
	}
}

// index numbers the needed words and files every pattern under its head.
func (l *Lexicon) index() {
	freq := map[string]int{}
	l.ids = map[string]int32{}
	l.words = map[string]*wordInfo{}
	word := func(w string) *wordInfo {
		wi := l.words[w]
		if wi == nil {
			wi = &wordInfo{}
			l.words[w] = wi
		}
		return wi
	}
	id := func(w string) int32 {
		if i, ok := l.ids[w]; ok {
			return i
		}
		i := int32(len(l.ids))
		l.ids[w] = i
		word(w).ids = append(word(w).ids, i)
		if strings.HasSuffix(w, "e") {
			word(w[:len(w)-1]).ids = append(word(w[:len(w)-1]).ids, i)
		} else {
			word(w + "e").ids = append(word(w+"e").ids, i)
		}
		return i
	}
	for _, p := range l.all {
		p.needIDs = make([][]int32, len(p.need))
		for k, alts := range p.need {
			for _, w := range alts {
				freq[w]++
				p.needIDs[k] = append(p.needIDs[k], id(w))
			}
		}
	}
	for _, p := range l.all {
		idx := l.verbs
		if p.noun {
			idx = l.nouns
		}
		h := idx[p.head]
		if h == nil {
			h = &headPatterns{}
			idx[p.head] = h
		}
		h.add(p, freq)
	}
	l.all = nil
	// One lookup finds a lemma's verb and noun patterns, its own or, for
	// a lemma that lost or gained a silent e, the other form's.
	for _, own := range []bool{true, false} {
		for v, idx := range []map[string]*headPatterns{l.verbs, l.nouns} {
			for w, h := range idx {
				key := w
				if !own {
					// A lemma ending in e stands for the form without it,
					// any other for the form with it.
					if strings.HasSuffix(w, "e") {
						key = w[:len(w)-1]
						if strings.HasSuffix(key, "e") {
							continue
						}
					} else {
						key = w + "e"
					}
					if idx[key] != nil {
						continue
					}
				}
				e := word(key)
				if v == 0 && e.verb == nil {
					e.verb = h
				} else if v == 1 && e.noun == nil {
					e.noun = h
				}
			}
		}
	}
}

// wordInfo is what the lexicon knows of one word form: the ids of the
// pattern words it counts as (itself, and the word with or without a final
// silent e, which a rule-made lemma may have lost or gained), and the
// patterns it heads as a verb and as a noun (its own, or when it has none
// the other form's: "telephon" for "telephoned", "visite").
type wordInfo struct {
	ids        []int32
	verb, noun *headPatterns
}

// Patterns returns the number of patterns in the lexicon.
func (l *Lexicon) Patterns() int { return l.n }

// Code returns what the code table says of code.
func (l *Lexicon) Code(code string) (CodeInfo, bool) {
	c, ok := l.codes[code]
	return c, ok
}

// LoadLexicon reads codes.tsv, verbs/*.txt and nouns.txt from fsys. It
// reports every bad line, each as a [*LineError].
func LoadLexicon(fsys fs.FS) (*Lexicon, error) {
	l := &Lexicon{verbs: map[string]*headPatterns{}, nouns: map[string]*headPatterns{}}
	codes, err := loadCodes(fsys, "codes.tsv")
	if err != nil {
		return nil, err
	}
	l.codes = codes
	files, err := fs.Glob(fsys, "verbs/*.txt")
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	slices.Sort(files)
	var errs []error
	for _, f := range files {
		errs = append(errs, l.loadPatterns(fsys, f, false))
	}
	if _, err := fs.Stat(fsys, "nouns.txt"); err == nil {
		errs = append(errs, l.loadPatterns(fsys, "nouns.txt", true))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	l.index()
	if l.n == 0 {
		return nil, fmt.Errorf("lexicon: no patterns in verbs/*.txt")
	}
	return l, nil
}

func loadCodes(fsys fs.FS, name string) (map[string]CodeInfo, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	codes := map[string]CodeInfo{}
	sc := bufio.NewScanner(f)
	var errs []error
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") || n == 1 && strings.HasPrefix(line, "code") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 {
			errs = append(errs, &LineError{name, n, fmt.Errorf("%w: want code, root, quad, goldstein, name", ErrSyntax)})
			continue
		}
		quad, err1 := strconv.Atoi(cols[2])
		gs, err2 := strconv.ParseFloat(cols[3], 64)
		if err := errors.Join(err1, err2); err != nil || !validCode(cols[0]) || quad < 1 || quad > 4 {
			errs = append(errs, &LineError{name, n, fmt.Errorf("%w: bad code, quad or goldstein in %q", ErrSyntax, line)})
			continue
		}
		ci := CodeInfo{Code: cols[0], Root: cols[1], Quad: quad, Goldstein: gs}
		if len(cols) > 4 {
			ci.Name = cols[4]
		}
		codes[ci.Code] = ci
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("lexicon: %s: %w", name, err))
	}
	return codes, errors.Join(errs...)
}

func validCode(c string) bool {
	if len(c) < 2 || len(c) > 4 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < '0' || c[i] > '9' {
			return false
		}
	}
	return true
}

func (l *Lexicon) loadPatterns(fsys fs.FS, name string, noun bool) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	var errs []error
	for n, line := range strings.Split(string(b), "\n") {
		n++
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		code, rhs, ok := strings.Cut(line, "=")
		code = strings.TrimSpace(code)
		// "072< = receive * weapon from +": a converse verb, whose subject
		// is the target and whose "+" the source.
		code, converse := strings.CutSuffix(code, "<")
		if !ok || !validCode(code) {
			errs = append(errs, &LineError{name, n, fmt.Errorf("%w: want \"CODE = pattern | pattern\" or \"CODE< = ...\"", ErrSyntax)})
			continue
		}
		if _, ok := l.codes[code]; !ok {
			errs = append(errs, &LineError{name, n, fmt.Errorf("%w %s", ErrUnknownCode, code)})
			continue
		}
		alts, err := splitTop(rhs, '|')
		if err != nil {
			errs = append(errs, &LineError{name, n, err})
			continue
		}
		for _, a := range alts {
			elems, err := parseSeq(a)
			if err == nil && (len(elems) == 0 || elems[0].kind != elemWord) {
				err = fmt.Errorf("%w: %q must begin with its head word", ErrBadPattern, strings.TrimSpace(a))
			}
			if err != nil {
				errs = append(errs, &LineError{name, n, err})
				continue
			}
			if converse && !hasTarget(elems) {
				errs = append(errs, &LineError{name, n, fmt.Errorf("%w: %q: a converse pattern needs its source, \"+\"", ErrBadPattern, strings.TrimSpace(a))})
				continue
			}
			p := &pattern{code: code, head: elems[0].word, rest: elems[1:], noun: noun, converse: converse,
				source: fmt.Sprintf("%s:%d", name, n), order: l.n, weight: countWords(elems), need: needWords(elems[1:])}
			l.n++
			l.all = append(l.all, p)
		}
	}
	return errors.Join(errs...)
}

// needWords lists the words a sequence requires: each plain word, and for
// an alternative the first words of its branches when every branch begins
// with a word.
func needWords(es []elem) [][]string {
	var out [][]string
	for _, e := range es {
		switch e.kind {
		case elemWord:
			out = append(out, []string{e.word})
		case elemAlt:
			var firsts []string
			for _, a := range e.alts {
				if len(a) == 0 || a[0].kind != elemWord {
					firsts = nil
					break
				}
				firsts = append(firsts, a[0].word)
			}
			if firsts != nil {
				out = append(out, firsts)
			}
		}
	}
	return out
}

// countWords is the number of words a pattern requires at least; optional
// parts count half, to prefer a pattern that uses them only over equals.
// hasTarget reports whether a sequence surely has a "+" (outside optional
// parts).
func hasTarget(es []elem) bool {
	for _, e := range es {
		if e.kind == elemTarget {
			return true
		}
	}
	return false
}

func countWords(es []elem) int {
	n := 0
	for _, e := range es {
		switch e.kind {
		case elemWord, elemTarget:
			n += 2
		case elemAlt:
			m := -1
			for _, a := range e.alts {
				if c := countWords(a); m < 0 || c < m {
					m = c
				}
			}
			n += m
		case elemOpt:
			n += countWords(e.alts[0]) / 2
		}
	}
	return n
}

// splitTop splits s at sep where it is not inside brackets.
func splitTop(s string, sep byte) ([]string, error) {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth < 0 {
				return nil, fmt.Errorf("%w: unbalanced %q", ErrBadPattern, s[i])
			}
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("%w: unclosed bracket in %q", ErrBadPattern, strings.TrimSpace(s))
	}
	return append(out, s[start:]), nil
}

// parseSeq parses a sequence of elements.
func parseSeq(s string) ([]elem, error) {
	var out []elem
	s = strings.TrimSpace(s)
	for s != "" {
		switch s[0] {
		case '(', '[':
			closer := byte(')')
			if s[0] == '[' {
				closer = ']'
			}
			end := matching(s, closer)
			if end < 0 {
				return nil, fmt.Errorf("%w: unclosed %q", ErrBadPattern, s[0])
			}
			inner := s[1:end]
			if s[0] == '(' {
				parts, err := splitTop(inner, '|')
				if err != nil {
					return nil, err
				}
				e := elem{kind: elemAlt}
				for _, p := range parts {
					seq, err := parseSeq(p)
					if err != nil {
						return nil, err
					}
					if len(seq) == 0 {
						return nil, fmt.Errorf("%w: empty alternative in (%s)", ErrBadPattern, inner)
					}
					e.alts = append(e.alts, seq)
				}
				out = append(out, e)
			} else {
				seq, err := parseSeq(inner)
				if err != nil {
					return nil, err
				}
				if len(seq) == 0 {
					return nil, fmt.Errorf("%w: empty []", ErrBadPattern)
				}
				out = append(out, elem{kind: elemOpt, alts: [][]elem{seq}})
			}
			s = strings.TrimSpace(s[end+1:])
		case ')', ']', '|':
			return nil, fmt.Errorf("%w: unexpected %q", ErrBadPattern, s[0])
		default:
			end := strings.IndexAny(s, " \t([)]|")
			if end < 0 {
				end = len(s)
			}
			w := s[:end]
			s = strings.TrimSpace(s[end:])
			switch w {
			case "*":
				out = append(out, elem{kind: elemAny})
			case "+":
				out = append(out, elem{kind: elemTarget})
			default:
				out = append(out, elem{kind: elemWord, word: strings.ToLower(w)})
			}
		}
	}
	return out, nil
}

// matching returns the index of the bracket closing s[0], or -1.
func matching(s string, closer byte) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 {
				if s[i] != closer {
					return -1
				}
				return i
			}
		}
	}
	return -1
}

// Codes returns every code of the code table, ordered by code.
func (l *Lexicon) Codes() []CodeInfo {
	out := make([]CodeInfo, 0, len(l.codes))
	for _, c := range l.codes {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b CodeInfo) int { return strings.Compare(a.Code, b.Code) })
	return out
}
