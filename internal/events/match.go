package events

// tok is what the matcher knows of one token.
type tok struct {
	lower string // lower-cased text
	lemma string
	tag   string
	actor int // index into the sentence's actors of the actor starting here, or -1
	// info is what the lexicon knows of the lemma infoOf (the lemma when
	// the sentence's words were noted; retagging may change it).
	info   *wordInfo
	infoOf string
}

// lowered is a token whose lower-case form is lowerBuf[start:end].
type lowered struct{ tok, start, end int }

// heads returns the verb and noun patterns the token's lemma heads.
func (m *matcher) heads(lex *Lexicon, i int) (verb, noun *headPatterns) {
	t := &m.toks[i]
	wi := t.info
	if t.infoOf != t.lemma {
		wi = lex.words[t.lemma]
	}
	if wi == nil {
		return nil, nil
	}
	return wi.verb, wi.noun
}

func (t *tok) isVerb() bool {
	return len(t.tag) >= 2 && t.tag[:2] == "VB" || t.tag == "MD"
}

func (t *tok) isAdverb() bool {
	return (t.tag == "RB" || t.tag == "RBR" || t.tag == "RBS") && t.lemma != "not" && t.lower != "never"
}

// isClauseBreak reports whether t ends the reach of a pattern or actor
// search: clause punctuation and quotation marks.
func (t *tok) isClauseBreak() bool {
	switch t.lower {
	case ",", ";", ":", ".", "!", "?", "\"", "``", "''", "“", "”", "(", ")", "—", "–", "--":
		return true
	}
	return false
}

// isTimeWord reports whether t is a bare time expression that news puts
// anywhere in a clause ("threatened Monday to resume", "rejected Thursday
// a UN appeal").
func (t *tok) isTimeWord() bool {
	switch t.lower {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tonight", "again":
		return true
	}
	return false
}

// isQuote reports whether t is a quotation mark; scare quotes may stand
// inside a phrase ('are at "a low point"').
func (t *tok) isQuote() bool { return t.lower == "\"" || t.lower == "'" }

// isDeterminer reports whether t may stand before an actor's name in a
// target slot ("the", "its", "a").
func (t *tok) isDeterminer() bool {
	return t.tag == "DT" || t.tag == "PRP$" || t.tag == "PDT"
}

// match is one way a pattern matched at a head.
type match struct {
	p      *pattern
	code   string // the code coded, when it is not p's own (see futureCode)
	end    int    // index after the last token the pattern consumed
	last   int    // index of the last word the pattern matched (for the verb span)
	target int    // actor index the "+" bound, or -1
	bound  bool
	words  int // words (and the target) the match consumed: its specificity
}

// codeOr returns the code to record: the adjusted code, else the
// pattern's.
func (mt match) codeOr() string {
	if mt.code != "" {
		return mt.code
	}
	return mt.p.code
}

// matcher matches patterns against one sentence.
type matcher struct {
	toks   []tok
	actors []sentActor
	// present holds a bit for every lexicon word the sentence holds, and
	// presentIDs those words' ids.
	present    []uint64
	presentIDs []int32
	groups     []verbGroup // the sentence's verb groups (buffer)
	allegers   []int       // the groups of allegation and denial verbs
	lowerBuf   []byte      // the sentence's words in lower case (buffer)
	lowered    []lowered   // the tokens lowerBuf holds
	// Per-sentence buffers of codeSentence.
	quoted, consumed []bool
	firstEvent       []int
	groupCode        []string // the code matched at each verb group, "" for none
	groupEnd         []int    // where each verb group's match ends, 0 for none
	suppressed       []bool   // verb groups in the complement of an act not done
	// passiveHead is the head of the passive verb group being matched, or
	// -1: there a "+" right after the head is the subject ("the
	// prisoners were released" matches "release +").
	passiveHead  int
	groupSources [][]int
}

// reset readies a pooled matcher for a sentence of n tokens against a
// lexicon of words needed words; it keeps the buffers' memory.
func (m *matcher) reset(n, words int) {
	m.passiveHead = -1
	if cap(m.toks) < n {
		m.toks = make([]tok, n)
	}
	m.toks = m.toks[:n]
	m.actors = m.actors[:0]
	if w := (words + 63) / 64; len(m.present) != w {
		m.present = make([]uint64, w)
	}
	for _, id := range m.presentIDs {
		m.present[id/64] = 0
	}
	m.presentIDs = m.presentIDs[:0]
}

// noteWords records which lexicon words the sentence's tokens are.
func (m *matcher) noteWords(lex *Lexicon) {
	for i := range m.toks {
		t := &m.toks[i]
		t.info, t.infoOf = nil, t.lemma
		if len(t.tag) == 1 && t.tag != "$" || t.tag == "''" || t.tag == "``" || t.tag == "-LRB-" || t.tag == "-RRB-" {
			// Punctuation is in no pattern and heads none.
			continue
		}
		for f, form := range [2]string{t.lower, t.lemma} {
			if f == 1 && form == t.lower {
				break
			}
			wi := lex.words[form]
			if form == t.lemma {
				if n := len(form); wi == nil && n > 3 && form[n-1] == form[n-2] && (t.tag == "VBD" || t.tag == "VBN" || t.tag == "VBG") {
					// A doubled final consonant the lemmatizer kept
					// ("prodded", "gassing", "patrolling"): the lexicon's
					// verb, if it has it.
					if u := lex.words[form[:n-1]]; u != nil && u.verb != nil {
						wi, t.lemma, t.infoOf = u, form[:n-1], form[:n-1]
					}
				}
				t.info = wi
			}
			if wi == nil {
				continue
			}
			for _, id := range wi.ids {
				if m.present[id/64]&(1<<(id%64)) == 0 {
					m.present[id/64] |= 1 << (id % 64)
					m.presentIDs = append(m.presentIDs, id)
				}
			}
		}
	}
}

// mayMatch reports whether the sentence holds the words p needs.
func (m *matcher) mayMatch(p *pattern) bool {
	for _, alts := range p.needIDs {
		ok := false
		for _, id := range alts {
			if m.present[id/64]&(1<<(id%64)) != 0 {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// matchAt tries p with its head at token h and returns the first way it
// matches.
func (m *matcher) matchAt(p *pattern, h int) (match, bool) {
	var res match
	ok := m.seq(p.rest, h+1, h, -1, false, 1, func(pos, last, tgt int, bound bool, words int) bool {
		res = match{p: p, end: pos, last: last, target: tgt, bound: bound, words: words}
		return true
	})
	return res, ok
}

// cont is the rest of a match: it is called with the position after what
// matched so far, and returns true when the whole match succeeded.
type cont func(pos, last, tgt int, bound bool, words int) bool

func (m *matcher) seq(es []elem, pos, last, tgt int, bound bool, words int, k cont) bool {
	if len(es) == 0 {
		return k(pos, last, tgt, bound, words)
	}
	e, rest := es[0], es[1:]
	next := func(pos, last, tgt int, bound bool, words int) bool {
		return m.seq(rest, pos, last, tgt, bound, words, k)
	}
	switch e.kind {
	case elemWord:
		// Adverbs may come between the words of a pattern ("called again
		// for", "strongly condemned").
		for skip := 0; skip <= 2 && pos+skip < len(m.toks); skip++ {
			t := &m.toks[pos+skip]
			if t.lemma == e.word || t.lower == e.word || sameButE(t.lemma, e.word) {
				if next(pos+skip+1, pos+skip, tgt, bound, words+1) {
					return true
				}
			}
			if !t.isAdverb() && !t.isQuote() && !t.isTimeWord() {
				break
			}
		}
		return false
	case elemAny:
		for n := 0; n <= anyMax; n++ {
			if n > 0 {
				i := pos + n - 1
				if i >= len(m.toks) || m.toks[i].isVerb() || m.toks[i].isClauseBreak() && !m.toks[i].isQuote() {
					return false
				}
			}
			if next(pos+n, last, tgt, bound, words) {
				return true
			}
		}
		return false
	case elemTarget:
		if m.passiveHead >= 0 && pos == m.passiveHead+1 && next(pos, last, -1, false, words+1) {
			// The object of a passive is its subject, bound by the coder.
			return true
		}
		p := pos
		for d := 0; d < 3 && p < len(m.toks) && (m.toks[p].isDeterminer() || m.toks[p].tag == "CD") && m.toks[p].actor < 0; d++ {
			p++
		}
		if p < len(m.toks) && m.toks[p].actor >= 0 {
			a := m.toks[p].actor
			// Compound targets ("Russia and Iran") bind as their first
			// member; the coder expands them.
			return next(m.actors[a].last+1, last, a, true, words+1)
		}
		// No actor right there: a short noun phrase still satisfies the
		// slot, and an actor inside it ("Darfur rebels") is the target.
		for n := 1; n <= 4 && p+n <= len(m.toks); n++ {
			t := &m.toks[p+n-1]
			if t.isVerb() || t.isClauseBreak() || !isNominal(t.tag) {
				return false
			}
			if t.actor >= 0 {
				return next(m.actors[t.actor].last+1, last, t.actor, true, words+1)
			}
			if next(p+n, last, -1, true, words+1) {
				return true
			}
		}
		return false
	case elemAlt:
		for _, alt := range e.alts {
			if m.seq(alt, pos, last, tgt, bound, words, next) {
				return true
			}
		}
		return false
	case elemOpt:
		if m.seq(e.alts[0], pos, last, tgt, bound, words, next) {
			return true
		}
		return next(pos, last, tgt, bound, words)
	}
	return false
}

// anyMax is how many tokens "*" may stand for: determiners, numbers and
// adjectives, and a short coordination ("aerial photographs and other
// military intelligence").
const anyMax = 5

func isNominal(tag string) bool {
	switch tag {
	case "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "DT", "PRP", "PRP$", "POS":
		return true
	}
	return false
}

// sameButE reports whether a and b differ only by a final silent e, which
// a rule-made lemma may have lost or gained ("telephon", "telephone").
func sameButE(a, b string) bool {
	switch {
	case len(a)+1 == len(b):
		return b[len(b)-1] == 'e' && b[:len(a)] == a
	case len(b)+1 == len(a):
		return a[len(a)-1] == 'e' && a[:len(b)] == b
	}
	return false
}

func (m *matcher) verbHead(lex *Lexicon, i int) *headPatterns { v, _ := m.heads(lex, i); return v }

func (m *matcher) nounHead(lex *Lexicon, i int) *headPatterns { _, n := m.heads(lex, i); return n }
