package quotes

import (
	"strings"

	"worldmedia/internal/article"
)

// Choosing the speaker among the words of an attribution.

// candidate is one possible speaker within a region.
type candidate struct {
	score   int
	segment int // comma-separated part of the region it lies in
	first   int // its first token
	last    int // its last token
	sp      speaker
	pronoun string
}

// Candidate classes, best first.
const (
	scorePerson      = 10
	scoreActorPerson = 9
	scoreOrg         = 7
	scoreGovernment  = 6
	// scoreName is a proper noun no entity or actor covers: a name the
	// recognizer missed.
	scoreName    = 6
	scorePronoun = 5
	scoreCountry = 4
	scoreNoun    = 3
	// penaltyNested is taken off a candidate that is the object of a
	// preposition or stands in an introductory phrase.
	penaltyNested = 5
)

// pick chooses the speaker among the words [b, e) of sentence s: a named
// person before an organisation, a government or a pronoun, a country, a
// description. Possessors and noun modifiers ("Clinton's spokesman", "the
// Clinton campaign") are not speakers; objects of prepositions ("a spokesman
// for Clinton") and words in an introductory phrase count less; words in a
// clause between commas ("Trump, who met Putin, said") do not count. Between
// equals, the comma-separated part nearest the verb wins (the last one of a
// subject, the first one of an inverted subject), and in it the last word
// (a name's head comes last).
func (d *doc) pick(s, b, e int, subject bool) speaker {
	none := speaker{person: -1}
	if b >= e {
		return none
	}
	toks := d.sents[s].Tokens
	var cands []candidate
	var clausal []bool
	seg := 0
	segStart := b
	introductory := false
	clausal = append(clausal, false)
	consider := func(c candidate) {
		if c.last+1 < e {
			nt := toks[c.last+1]
			nw := d.tok(s, c.last+1)
			if nt.Tag == "POS" || nw == "'s" || nw == "’s" || nt.Tag == "NN" || nt.Tag == "NNS" {
				return
			}
		}
		if d.nested(s, segStart, c.first) || introductory {
			c.score -= penaltyNested
		}
		c.segment = seg
		cands = append(cands, c)
	}
	for k := b; k < e; k++ {
		w := d.tok(s, k)
		t := toks[k]
		if w == "," {
			seg++
			segStart = k + 1
			introductory = false
			clausal = append(clausal, false)
			continue
		}
		if k == segStart && t.Tag == "IN" && !isNounPrep(strings.ToLower(w)) {
			introductory = true
		}
		if isVerbTag(t.Tag) && seg > 0 || k == segStart && (t.Tag == "WP" || t.Tag == "WDT") {
			clausal[seg] = true
		}
		if ent, ok := d.entityAt(t.Span); ok {
			last := d.lastToken(s, k, ent.span.End, e)
			if partyLabel(ent.span.In(d.text)) {
				k = last
				continue
			}
			c := candidate{first: k, last: last, sp: d.entitySpeaker(ent)}
			c.score = scoreOrg
			if ent.person {
				c.score = scorePerson
			}
			consider(c)
			k = last
			continue
		}
		if m, ok := d.actorAt(t.Span); ok {
			last := d.lastToken(s, k, m.Span.End, e)
			if c, ok := d.actorCandidate(m, k, last); ok {
				consider(c)
				k = last
				continue
			}
		}
		lw := strings.ToLower(w)
		switch {
		case t.Tag == "PRP":
			switch lw {
			case "he", "she", "they", "it", "i", "we":
				consider(candidate{score: scorePronoun, first: k, last: k, pronoun: lw,
					sp: speaker{span: t.Span, person: -1}})
			}
		case (t.Tag == "NN" || t.Tag == "NNS" || t.Tag == "NNP" || t.Tag == "NNPS" ||
			(t.Tag == "JJ" || t.Tag == "RB") && (k > 0 || e-b == 1) && capitalized(w)) && !timeWord(lw):
			nb, ne := d.nounPhrase(s, k, segStart, e)
			span := article.Span{Start: toks[nb].Span.Start, End: toks[ne-1].Span.End}
			score := scoreNoun
			if d.nameLike(s, nb, k) {
				score = scoreName
			}
			c := candidate{score: score, first: k, last: k,
				sp: speaker{name: cleanPhrase(span.In(d.text)), span: span, person: -1}}
			if m, ok := d.actorWithin(span); ok {
				c.sp.code = m.Code
			}
			consider(c)
		}
	}
	best := -1
	for i, c := range cands {
		if clausal[c.segment] || c.score <= 0 {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		o := cands[best]
		switch {
		case c.score != o.score:
			if c.score > o.score {
				best = i
			}
		case c.segment != o.segment:
			if subject == (c.segment > o.segment) {
				best = i
			}
		default:
			best = i // same part: the later word
		}
	}
	if best < 0 {
		return none
	}
	c := cands[best]
	c.sp.sent = s
	c.sp.rank = c.score
	if c.pronoun != "" {
		return d.resolve(s, c.first, c.pronoun, c.sp)
	}
	return c.sp
}

// partyLabel reports whether s is a party and state label ("R-Wis",
// "D-Calif."), which the entity recognizer may take for a name.
func partyLabel(s string) bool {
	if len(s) < 4 || s[1] != '-' || !strings.ContainsRune("RDI", rune(s[0])) {
		return false
	}
	return s[2] >= 'A' && s[2] <= 'Z'
}

// nameLike reports whether the proper noun at k, in a noun phrase from nb,
// reads as a name the recognizer missed ("Viguerie", "Blunt"): capitalized,
// tagged as a name (or mistagged as an adjective or adverb), with no
// determiner or possessive before it in its phrase ("the Nation", "CBS'
// Face the Nation" are titles).
func (d *doc) nameLike(s, nb, k int) bool {
	toks := d.sents[s].Tokens
	switch toks[k].Tag {
	case "NNP", "NNPS", "JJ", "RB":
	default:
		return false
	}
	if !capitalized(d.tok(s, k)) {
		return false
	}
	for j := nb; j < k; j++ {
		if t := toks[j].Tag; t == "DT" || t == "POS" || t == "PRP$" {
			return false
		}
	}
	return k == 0 || toks[k-1].Tag != "POS"
}

// nested reports whether the token at k is the object of a preposition
// that follows segStart: only determiners, adjectives and numbers stand
// between them.
func (d *doc) nested(s, segStart, k int) bool {
	toks := d.sents[s].Tokens
	for j := k - 1; j >= segStart; j-- {
		switch toks[j].Tag {
		case "DT", "JJ", "JJS", "JJR", "CD", "PRP$":
			continue
		case "IN", "TO":
			return true
		}
		return false
	}
	return false
}

// lastToken returns the last token of sentence s, from k on and before e,
// that starts before offset end.
func (d *doc) lastToken(s, k, end, e int) int {
	toks := d.sents[s].Tokens
	last := k
	for last+1 < e && toks[last+1].Span.Start < end {
		last++
	}
	return last
}

// nounPhrase returns the tokens [b, e) of the description around the noun
// at k: its modifiers before it back to a determiner, and an "of"/"for"
// phrase after it ("a spokesman for the Clinton campaign").
func (d *doc) nounPhrase(s, k, lo, hi int) (int, int) {
	toks := d.sents[s].Tokens
	b := k
	for b > lo {
		t := toks[b-1].Tag
		if t == "DT" || t == "PRP$" {
			b--
			break
		}
		if t == "JJ" || t == "JJS" || t == "JJR" || t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" ||
			t == "CD" || t == "POS" || t == "HYPH" {
			b--
			continue
		}
		break
	}
	e := k + 1
	for e < hi {
		t := toks[e].Tag
		w := strings.ToLower(d.tok(s, e))
		if t == "NN" || t == "NNS" || t == "NNP" || t == "NNPS" || t == "POS" {
			e++
			continue
		}
		if (w == "of" || w == "for") && e+1 < hi {
			f := e + 1
			for f < hi {
				ft := toks[f].Tag
				if ft == "DT" || ft == "JJ" || ft == "NN" || ft == "NNS" || ft == "NNP" || ft == "NNPS" || ft == "CD" || ft == "POS" || ft == "PRP$" {
					f++
					continue
				}
				break
			}
			if f > e+1 {
				e = f
			}
		}
		break
	}
	return b, e
}

// cleanPhrase drops a leading "the" and collapses space.
func cleanPhrase(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{"the ", "The "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// entityAt returns the person or organisation mention that covers span.
func (d *doc) entityAt(sp article.Span) (entRef, bool) {
	// the mentions are sorted by start; look at those starting before
	// sp.End, nearest first
	i := searchStart(len(d.ents), func(i int) int { return d.ents[i].span.Start }, sp.End)
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if d.ents[j].span.Overlaps(sp) {
			return d.ents[j], true
		}
	}
	return entRef{}, false
}

// searchStart returns the number of items whose start is before off.
func searchStart(n int, start func(int) int, off int) int {
	lo, hi := 0, n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if start(m) < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// actorAt returns the actor mention that covers span.
func (d *doc) actorAt(sp article.Span) (article.ActorMention, bool) {
	as := d.a.Actors
	i := searchStart(len(as), func(i int) int { return as[i].Span.Start }, sp.End)
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if as[j].Span.Overlaps(sp) {
			return as[j], true
		}
	}
	return article.ActorMention{}, false
}

// actorWithin returns an actor mention inside span that names a country,
// organisation or person; a role word alone ("spokesman", "officials")
// says nothing of whose.
func (d *doc) actorWithin(sp article.Span) (article.ActorMention, bool) {
	as := d.a.Actors
	i := searchStart(len(as), func(i int) int { return as[i].Span.Start }, sp.Start)
	for ; i < len(as) && as[i].Span.Start < sp.End; i++ {
		if sp.Contains(as[i].Span) && as[i].Code != "" && as[i].Kind != "role" {
			return as[i], true
		}
	}
	return article.ActorMention{}, false
}

// entitySpeaker names the speaker after entity mention ref: the entity's
// fullest name and code, the code of an actor mention around it when the
// entity has none.
func (d *doc) entitySpeaker(ref entRef) speaker {
	var e article.Entity
	person := -1
	if ref.person {
		e = d.a.Persons[ref.idx]
		person = ref.idx
	} else {
		e = d.a.Organizations[ref.idx]
	}
	sp := speaker{name: e.Name, code: e.Code, span: ref.span, person: person}
	if sp.code == "" {
		if m, ok := d.actorAt(ref.span); ok && m.Span.Contains(ref.span) {
			sp.code = m.Code
		}
	}
	return sp
}

// actorCandidate turns an actor mention into a candidate: a person by the
// person entity inside it when there is one ("U.S. Ambassador to the United
// Nations Nikki Haley" is Nikki Haley), an organisation by its name, a
// government by its words ("Syrian government", "Moscow"), a country by its
// name, a role word as a description.
func (d *doc) actorCandidate(m article.ActorMention, first, last int) (candidate, bool) {
	c := candidate{first: first, last: last}
	switch m.Kind {
	case "person":
		c.score = scoreActorPerson
		c.sp = speaker{name: m.Name, code: m.Code, span: m.Span, person: -1}
		for j := searchStart(len(d.ents), func(i int) int { return d.ents[i].span.Start }, m.Span.Start); j < len(d.ents) && d.ents[j].span.Start < m.Span.End; j++ {
			if d.ents[j].person && m.Span.Contains(d.ents[j].span) {
				c.sp = d.entitySpeaker(d.ents[j])
				if c.sp.code == "" {
					c.sp.code = m.Code
				}
				c.score = scorePerson
			}
		}
	case "organization", "group":
		c.score = scoreOrg
		c.sp = speaker{name: m.Name, code: m.Code, span: m.Span, person: -1}
	case "country", "adj":
		if len(m.Code) > 3 {
			c.score = scoreGovernment
			c.sp = speaker{name: cleanPhrase(m.Span.In(d.text)), code: m.Code, span: m.Span, person: -1}
		} else {
			c.score = scoreCountry
			c.sp = speaker{name: m.Name, code: m.Code, span: m.Span, person: -1}
		}
	default:
		return c, false
	}
	if c.sp.name == "" {
		return c, false
	}
	return c, true
}
