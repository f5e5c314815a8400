package quotes

import (
	"strings"
)

// attribute finds the speaker of segment i from the words around it: a
// speech verb right after it, then one before it in its sentence (or an
// introducing sentence that ends in a colon).
func (d *doc) attribute(i int) speaker {
	if d.openSent[i] < 0 {
		return speaker{person: -1}
	}
	if sp := d.afterCue(i); sp.found() {
		sp.how = cueAfter
		return sp
	}
	if sp := d.beforeCue(i); sp.found() {
		sp.how = cueBefore
		return sp
	}
	return speaker{person: -1}
}

// afterCue reads the words after segment i's closing mark: "…," said X;
// "…," X said; "…," according to X; or a clause-final attribution after a
// partial quotation ("… is "a low point" for us, Smith said.").
func (d *doc) afterCue(i int) speaker {
	seg := d.segs[i]
	s, k := d.closeSent[i], d.closeTok[i]
	if seg.close < 0 || s < 0 {
		return speaker{person: -1}
	}
	toks := d.sents[s].Tokens
	j := k + 1
	for j < len(toks) && isCuePunct(d.tok(s, j)) {
		j++
	}
	if j >= len(toks) || isFinalPunct(d.tok(s, j)) && j == len(toks)-1 {
		// The quotation ended its sentence; "…?” he asked." may have been
		// split after the mark. A next sentence that starts with a capital
		// must be the attribution alone ("Trump said.").
		n := s + 1
		if n >= len(d.sents) || d.lineStart[n] != d.lineStart[s] || len(d.sents[n].Tokens) == 0 {
			return speaker{person: -1}
		}
		w := d.tok(n, 0)
		if w == "" || isQuoteTok(w) {
			return speaker{person: -1}
		}
		if strings.ToLower(w) == w {
			return d.cueAt(n, 0)
		}
		// A capitalized sentence must be the attribution alone, and name
		// someone ("Trump said.", not "The rain began." nor "She noted a
		// planned rally." nor "She went on to say: …").
		if !d.bareAttribution(n) {
			return speaker{person: -1}
		}
		if sp := d.cueAt(n, 0); sp.rank > scoreNoun {
			return sp
		}
		return speaker{person: -1}
	}
	if j < len(toks)-1 && toks[j].Tag == "IN" && strings.EqualFold(d.tok(s, j), "as") {
		j++ // "…," as Cruz said
	}
	if isQuoteTok(d.tok(s, j)) {
		return speaker{person: -1} // another quotation follows at once
	}
	if sp := d.cueAt(s, j); sp.found() {
		return sp
	}
	// A clause-final attribution later in the sentence.
	for c := j; c < len(toks) && c < j+maxReach; c++ {
		if si := d.inSegment(toks[c].Span.Start); si >= 0 {
			c = d.skipSegment(s, c, si)
			continue
		}
		if d.tok(s, c) == "," && c+1 < len(toks) {
			if sp := d.cueAt(s, c+1); sp.found() {
				return sp
			}
		}
	}
	return speaker{person: -1}
}

// bareAttribution reports whether sentence s is an attribution and
// nothing more: its first speech verb is followed by nothing but
// adverbials ("McDonough wrote in an email.") or, for verbs that take the
// hearer, a noun phrase ("Trump told Fox News host Sean Hannity."), and it
// does not end in a colon.
func (d *doc) bareAttribution(s int) bool {
	toks := d.sents[s].Tokens
	if len(toks) == 0 || d.tok(s, len(toks)-1) == ":" {
		return false
	}
	for k := 0; k < len(toks) && k < maxSubject; k++ {
		next, ok := d.speechVerb(s, k, true)
		if !ok {
			continue
		}
		if next >= len(toks) || hearerVerb(toks[k].Lemma) {
			return true
		}
		w, t := d.tok(s, next), toks[next].Tag
		return isFinalPunct(w) || w == "," || t == "IN" || t == "TO" || t == "RB" ||
			timeWord(strings.ToLower(w)) || npStart(t) && k == 0 // "Said Trump."
	}
	return false
}

// skipSegment returns the index of the last token of segment si within
// sentence s, starting from token c inside it.
func (d *doc) skipSegment(s, c, si int) int {
	toks := d.sents[s].Tokens
	end := d.segs[si].outer.End
	for c+1 < len(toks) && toks[c+1].Span.Start < end {
		c++
	}
	return c
}

// cueAt tries the attribution patterns that start at token j of sentence s.
func (d *doc) cueAt(s, j int) speaker {
	toks := d.sents[s].Tokens
	none := speaker{person: -1}
	if j >= len(toks) {
		return none
	}
	if d.according(s, j) {
		b, e := d.objectRegion(s, j+2)
		return d.pick(s, b, e, false)
	}
	if next, ok := d.speechVerb(s, j, true); ok {
		if toks[j].Tag == "VBG" {
			return none // "…, calling it …": the participle's subject is elsewhere
		}
		b, e := d.objectRegion(s, next)
		if !d.endsClause(s, e) {
			return none
		}
		return d.pick(s, b, e, false)
	}
	v, next := d.verbAfterSubject(s, j)
	if v < 0 || !d.endsClause(s, next) {
		return none
	}
	b, e := d.subjectRegion(s, v, j)
	if b >= e {
		return none
	}
	return d.pick(s, b, e, true)
}

// according reports whether tokens j and j+1 of sentence s are
// "according to".
func (d *doc) according(s, j int) bool {
	toks := d.sents[s].Tokens
	return j+1 < len(toks) && strings.EqualFold(d.tok(s, j), "according") && strings.EqualFold(d.tok(s, j+1), "to")
}

// verbAfterSubject looks for a speech verb that follows a noun phrase
// starting at token j ("the official, who asked not to be named, said"). It
// returns the verb's index and the index after it (and its particle), or
// -1.
func (d *doc) verbAfterSubject(s, j int) (int, int) {
	toks := d.sents[s].Tokens
	if !npStart(toks[j].Tag) {
		return -1, -1
	}
	inApposition := false
	for v := j; v < len(toks) && v < j+maxSubject; v++ {
		if si := d.inSegment(toks[v].Span.Start); si >= 0 {
			return -1, -1
		}
		w := d.tok(s, v)
		if w == "," {
			if v == j {
				return -1, -1
			}
			inApposition = !inApposition
			continue
		}
		if w == "." && v < len(toks)-1 {
			continue // an abbreviation ("R-Wis.")
		}
		if isFinalPunct(w) || w == ";" || w == ":" {
			return -1, -1
		}
		if next, ok := d.speechVerb(s, v, true); ok && v > j && toks[v].Tag != "VBG" {
			return v, next
		}
		// participles may modify the subject ("policy planning director")
		switch tag := toks[v].Tag; {
		case tag == "VBG" || tag == "VBN" || inApposition || d.isAux(s, v):
		case isVerbTag(tag):
			return -1, -1
		}
	}
	return -1, -1
}

// endsClause reports whether the attribution whose speech verb ends before
// token e of sentence s ends there: its verb is not followed by a
// complement, "that" or a noun phrase with a verb of its own ("…," one
// prosecutor said the two cases were different), which makes a new
// statement rather than the quotation's attribution. Verbs that take the
// hearer as object ("told Fox News host Sean Hannity") are not checked for
// the second form.
func (d *doc) endsClause(s, e int) bool {
	toks := d.sents[s].Tokens
	if e >= len(toks) {
		return true
	}
	if strings.EqualFold(d.tok(s, e), "that") {
		return false
	}
	if e > 0 && hearerVerb(toks[e-1].Lemma) {
		return true
	}
	np := 0
	for k := e; k < len(toks); k++ {
		switch toks[k].Tag {
		case "DT", "JJ", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP", "CD", "POS", "PRP$":
			np++
			continue
		case "VBD", "VBZ", "VBP", "MD":
			return np == 0
		}
		return true
	}
	return true
}

// beforeCue reads the words before segment i's opening mark in its
// sentence: the nearest speech verb before it (X said: "…"; X said that
// relations are at "a low point"), "according to X", or, for a quotation
// that opens its sentence, a previous sentence that introduces it with a
// colon.
func (d *doc) beforeCue(i int) speaker {
	s, k := d.openSent[i], d.openTok[i]
	none := speaker{person: -1}
	toks := d.sents[s].Tokens
	for j := k - 1; j >= 0 && j >= k-maxReach; j-- {
		if si := d.inSegment(toks[j].Span.Start); si >= 0 && si != i {
			// step over an earlier quotation of the sentence
			start := d.segs[si].outer.Start
			for j > 0 && toks[j].Span.Start > start {
				j--
			}
			continue
		}
		if d.according(s, j) {
			b, e := d.objectRegion(s, j+2)
			return d.pick(s, b, e, false)
		}
		// Verbs marked "after" count right before the quotation too ("He
		// continued, “…").
		adjacent := j == k-1 || j == k-2 && isCuePunct(d.tok(s, k-1)) || j == k-2 && d.tok(s, k-1) == ":"
		if _, ok := d.speechVerb(s, j, adjacent); ok {
			if sp := d.subjectOf(s, j); sp.found() {
				return sp
			}
		}
	}
	// An earlier "according to X" in the sentence has been seen above;
	// a later one governs the whole sentence too.
	for j := k + 1; j < len(toks) && j < k+maxReach; j++ {
		if d.inSegment(toks[j].Span.Start) >= 0 {
			continue
		}
		if d.according(s, j) {
			b, e := d.objectRegion(s, j+2)
			return d.pick(s, b, e, false)
		}
	}
	// A quotation introduced by a colon: "… released the following
	// statement: “…”", in its sentence or ending the one before.
	if k > 0 && d.tok(s, k-1) == ":" {
		return d.colonSubject(s, k-1)
	}
	if !d.opensSentence(i) || s == 0 {
		return none
	}
	p := s - 1
	pt := d.sents[p].Tokens
	if len(pt) == 0 || d.tok(p, len(pt)-1) != ":" {
		return none
	}
	return d.colonSubject(p, len(pt)-1)
}

// colonSubject returns the speaker of the clause that ends with the colon
// at token c of sentence s: the subject of its last speech verb, or else of
// its last finite verb.
func (d *doc) colonSubject(s, c int) speaker {
	toks := d.sents[s].Tokens
	if c > 0 {
		// "Daron Shaw: “…”": a name right before the colon
		if ent, ok := d.entityAt(toks[c-1].Span); ok && ent.span.End == toks[c-1].Span.End && !partyLabel(ent.span.In(d.text)) {
			sp := d.entitySpeaker(ent)
			sp.sent, sp.rank = s, scorePerson
			return sp
		}
	}
	finite := -1
	for j := c - 1; j >= 0 && j >= c-maxReach; j-- {
		if d.inSegment(toks[j].Span.Start) >= 0 || isQuoteTok(d.tok(s, j)) {
			break
		}
		if _, ok := d.speechVerb(s, j, false); ok {
			if sp := d.subjectOf(s, j); sp.found() {
				return sp
			}
		}
		if t := toks[j].Tag; finite < 0 && (t == "VBD" || t == "VBZ" || t == "VBP" || t == "VBN") && !d.isAux(s, j) {
			finite = j
		}
	}
	if finite >= 0 {
		return d.subjectOf(s, finite)
	}
	return speaker{person: -1}
}

// opensSentence reports whether only punctuation precedes segment i in its
// sentence.
func (d *doc) opensSentence(i int) bool {
	s, k := d.openSent[i], d.openTok[i]
	for j := 0; j < k; j++ {
		if hasWord(d.tok(s, j)) {
			return false
		}
	}
	return true
}

// endsSentence reports whether only punctuation follows segment i in its
// sentence.
func (d *doc) endsSentence(i int) bool {
	s, k := d.closeSent[i], d.closeTok[i]
	if s < 0 {
		return false
	}
	toks := d.sents[s].Tokens
	for j := k + 1; j < len(toks); j++ {
		if hasWord(d.tok(s, j)) {
			return false
		}
	}
	return true
}
