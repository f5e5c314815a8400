package quotes

import (
	"strings"
)

// The noun phrases around speech verbs: who is the subject of a verb, how
// far a subject or an inverted subject reaches, and which words are verbs
// of speech.

// subjectOf returns the speaker of the speech verb at token v of sentence
// s: the noun phrase before it, or for a participle after a comma
// ("…, saying …") the subject of the main clause.
func (d *doc) subjectOf(s, v int) speaker {
	toks := d.sents[s].Tokens
	if toks[v].Tag == "VBG" && v > 0 && d.tok(s, v-1) == "," {
		// "…, saying …": the subject of the main clause's verb before it
		if f := d.mainVerbBefore(s, v-1); f >= 0 {
			v = f
		}
	}
	for hop := 0; hop < 3; hop++ {
		p := d.controller(s, v)
		if p < 0 {
			break
		}
		v = p
	}
	next := v + 1
	if n, ok := d.speechVerb(s, v, true); ok {
		next = n
	}
	b, e := d.subjectRegion(s, v, 0)
	if b >= e {
		// "an ad that urges voters …": the relative pronoun's antecedent
		r := v - 1
		for r >= 0 && (toks[r].Tag == "RB" || d.isAux(s, r)) {
			r--
		}
		if r > 0 && (toks[r].Tag == "WDT" || toks[r].Tag == "WP" || strings.EqualFold(d.tok(s, r), "that")) {
			b, e = d.subjectRegion(s, r, 0)
		}
	}
	var sub speaker
	if b < e {
		sub = d.pick(s, b, e, true)
		if sub.rank > scoreNoun || v == 0 || d.tok(s, v-1) != "," {
			return sub
		}
	}
	// Nothing, or only a description, before the verb: a name after it
	// is its subject ("…," said X; "Because …, explained Rosenberg, “…").
	b, e = d.objectRegion(s, next)
	if obj := d.pick(s, b, e, false); obj.found() && (!sub.found() || obj.rank >= scoreName) {
		return obj
	}
	return sub
}

// mainVerbBefore returns the nearest finite verb before token v of sentence
// s that heads a main clause: not after a subordinator, relative pronoun,
// "that" or another verb in its clause ("Bradley apologized … after they
// came out, saying …" is Bradley's saying). It returns -1 when there is
// none.
func (d *doc) mainVerbBefore(s, v int) int {
	toks := d.sents[s].Tokens
	for f := v - 1; f >= 0 && f >= v-maxReach; f-- {
		switch toks[f].Tag {
		case "VBD", "VBZ", "VBP", "MD":
		default:
			continue
		}
		if d.inSegment(toks[f].Span.Start) < 0 && d.headsMainClause(s, f) {
			return f
		}
	}
	return -1
}

// headsMainClause reports whether the verb at f is in a main clause: no
// subordinator, relative pronoun, "that" or other verb stands before it in
// its clause (back to a comma, a conjunction or the sentence start).
func (d *doc) headsMainClause(s, f int) bool {
	toks := d.sents[s].Tokens
	for j := f - 1; j >= 0 && j >= f-maxReach; j-- {
		w, t := strings.ToLower(d.tok(s, j)), toks[j].Tag
		switch {
		case w == "," || w == ";" || t == "CC" || isQuoteTok(w):
			return true
		case w == "that" || t == "WDT" || t == "WP" || t == "WRB" || t == "IN" && subordinator(w):
			return false
		case isVerbTag(t) && !d.isAux(s, j):
			return false
		}
	}
	return true
}

// controller returns the verb whose subject the verb at v shares, or -1:
// the verb before "and" ("She greeted supporters and told them …") or the
// verb an infinitive depends on ("taking to Twitter to call Fields …").
func (d *doc) controller(s, v int) int {
	toks := d.sents[s].Tokens
	k := v - 1
	for k >= 0 && (toks[k].Tag == "RB" || d.isAux(s, k)) {
		k--
	}
	if k < 1 {
		return -1
	}
	w := strings.ToLower(d.tok(s, k))
	coordinated := toks[k].Tag == "CC" && (w == "and" || w == "but")
	infinitive := toks[k].Tag == "TO" && toks[v].Tag == "VB"
	if !coordinated && !infinitive {
		return -1
	}
	for j := k - 1; j >= 0 && k-j <= maxSubject; j-- {
		t := toks[j]
		if si := d.inSegment(t.Span.Start); si >= 0 {
			for j > 0 && toks[j].Span.Start > d.segs[si].outer.Start {
				j--
			}
			continue
		}
		if isQuoteTok(d.tok(s, j)) || d.tok(s, j) == ";" || d.tok(s, j) == ":" {
			return -1
		}
		if !isVerbTag(t.Tag) || t.Tag == "MD" || d.isAux(s, j) && t.Tag != "VB" {
			continue
		}
		if coordinated && (t.Tag == "VBG" && !d.afterBe(s, j) || t.Tag == "VBN" && d.afterBe(s, j)) {
			continue // a participle, not a verb of the clause ("was defending … but admitted")
		}
		if coordinated && !d.headsMainClause(s, j) {
			continue // "She says people may not like it, but insists …"
		}
		return j
	}
	return -1
}

// speechVerb reports whether token k of sentence s is a speech verb used as
// one, and returns the index after it and its particle. afterQuote says
// whether the verb stands right after a quotation's attribution point, where
// verbs marked "after" count too. A form the tagger
// took for a noun ("Viguerie notes") counts when a name or pronoun stands
// right before it; a capitalized word inside a sentence ("United States")
// and a passive participle ("was told") do not.
func (d *doc) speechVerb(s, k int, afterQuote bool) (int, bool) {
	toks := d.sents[s].Tokens
	w := d.tok(s, k)
	if w == "" {
		return 0, false
	}
	lw := strings.ToLower(w)
	if lw != w && k > 0 {
		return 0, false
	}
	v, ok := d.x.lex.verbs[lw]
	if !ok || v.afterOnly && !afterQuote {
		return 0, false
	}
	tag := toks[k].Tag
	if !strings.HasPrefix(tag, "VB") && !v.irregular {
		if k == 0 {
			// "Stated Stone: …", an inflected verb opening its sentence
			if lw == v.lemma || len(toks) < 2 || toks[1].Tag != "NNP" && toks[1].Tag != "PRP" {
				return 0, false
			}
			return k + 1, true
		}
		pt := toks[k-1].Tag
		pw := d.tok(s, k-1)
		switch {
		case lw == v.lemma:
			// a base form after a plural subject ("the Saudis state")
			if pt != "NNS" && pt != "NNPS" && !(pt == "NNP" && strings.HasSuffix(pw, "s")) && !plural(strings.ToLower(pw)) {
				return 0, false
			}
		case pt == "NNP" || pt == "NNPS" || pt == "NN" || pt == "NNS" || pt == "PRP":
		default:
			return 0, false
		}
		if k+1 < len(toks) {
			nw := d.tok(s, k+1)
			nt := toks[k+1].Tag
			if hasWord(nw) && nw != "that" && nt != "IN" && nt != "TO" && nt != "RB" && !strings.HasPrefix(nt, "NNP") && nt != "PRP" {
				return 0, false
			}
		}
	}
	if tag == "VBN" && k > 0 && d.isBe(s, k-1) {
		return 0, false
	}
	next := k + 1
	if v.particle != "" {
		if next >= len(toks) || !strings.EqualFold(d.tok(s, next), v.particle) {
			return 0, false
		}
		next++
	}
	return next, true
}

// afterBe reports whether the participle at k follows a form of "be"
// ("was made").
func (d *doc) afterBe(s, k int) bool {
	toks := d.sents[s].Tokens
	for j := k - 1; j >= 0; j-- {
		if toks[j].Tag == "RB" {
			continue
		}
		return toks[j].Lemma == "be"
	}
	return false
}

// plural reports whether pronoun w is plural or first or second person.
func plural(w string) bool { return w == "they" || w == "we" || w == "i" || w == "you" }

// isBe reports whether token k is a form of "be".
func (d *doc) isBe(s, k int) bool {
	return d.sents[s].Tokens[k].Lemma == "be"
}

// isAux reports whether token k is an auxiliary or modal verb.
func (d *doc) isAux(s, k int) bool {
	t := d.sents[s].Tokens[k]
	if t.Tag == "MD" {
		return true
	}
	switch t.Lemma {
	case "be", "have", "do", "will", "would", "can", "could", "may", "might", "shall", "should", "must":
		return true
	}
	return false
}

// subjectRegion returns the tokens [b, e) of the noun phrase before the
// verb at v, not before token lo: adverbs and auxiliaries next to the verb
// are left out, an apposition between commas ("Smith, who …, said") is
// taken in, and the phrase stops at quotation marks, clause punctuation,
// other verbs and "that".
func (d *doc) subjectRegion(s, v, lo int) (int, int) {
	toks := d.sents[s].Tokens
	e := v
	for e > lo {
		t := toks[e-1]
		if t.Tag == "RB" && !capitalized(d.tok(s, e-1)) || d.isAux(s, e-1) {
			e--
			continue
		}
		break
	}
	b := e
	for b > lo && e-b < maxSubject {
		t := toks[b-1]
		w := d.tok(s, b-1)
		// A full stop inside a sentence ends an abbreviation ("R-Wis."),
		// so only the other end marks stop the phrase.
		if isQuoteTok(w) || w == ";" || w == ":" || w == "?" || w == "!" || d.inSegment(t.Span.Start) >= 0 {
			break
		}
		if strings.EqualFold(w, "that") || t.Tag == "WDT" && b == e || t.Tag == "IN" && subordinator(strings.ToLower(w)) {
			break
		}
		if t.Tag == "CC" && b-2 >= lo && d.tok(s, b-2) == "," {
			break
		}
		if isVerbTag(t.Tag) || t.Tag == "WP" || t.Tag == "WDT" {
			// A clause inside an apposition: go back to the comma that
			// opens it, if a comma closes it before the verb.
			closed := false
			for k := b; k < e; k++ {
				if d.tok(s, k) == "," {
					closed = true
					break
				}
			}
			c := b - 2
			for c >= lo && d.tok(s, c) != "," {
				c--
			}
			if !closed || c < lo {
				break
			}
			b = c + 1
			continue
		}
		b--
	}
	for b < e && isCuePunct(d.tok(s, b)) {
		b++
	}
	return b, e
}

// objectRegion returns the tokens [b, e) of the noun phrase after a speech
// verb or "according to" that starts at token j: adverbs and dates first
// are skipped; one apposition after a comma is taken in; it stops at
// prepositions other than of/for/to, verbs and punctuation.
func (d *doc) objectRegion(s, j int) (int, int) {
	toks := d.sents[s].Tokens
	b := j
	for b < len(toks) && (toks[b].Tag == "RB" || timeWord(strings.ToLower(d.tok(s, b)))) {
		b++
	}
	e := b
	commas := 0
	for e < len(toks) && e-b < maxSubject {
		t := toks[e]
		w := d.tok(s, e)
		if isQuoteTok(w) || isFinalPunct(w) || w == ";" || w == ":" || w == "(" || w == ")" {
			break
		}
		if isVerbTag(t.Tag) || t.Tag == "WDT" || t.Tag == "WP" {
			break
		}
		if (t.Tag == "IN" || t.Tag == "TO") && !isNounPrep(strings.ToLower(w)) {
			break
		}
		if w == "," {
			if e == b || commas > 0 || e+1 >= len(toks) || !npStart(toks[e+1].Tag) {
				break
			}
			commas++
		}
		e++
	}
	for e > b && isCuePunct(d.tok(s, e-1)) {
		e--
	}
	return b, e
}
