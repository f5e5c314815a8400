package quotes

import (
	"strings"
)

// inherit gives quotations without an attribution of their own the speaker
// their neighbours establish:
//   - the parts of one quotation share a speaker: a paragraph that opens
//     while the previous one's quotation is still open continues it, and
//     quotations with nothing but space and punctuation between them ("…,”
//     “…") are one;
//   - a sentence that opens with a quotation, right after the sentence of
//     an attributed quotation, continues that speaker ("…," said Trump.
//     "We'll see what happens.");
//   - a quotation-only sentence right after a sentence of reported speech
//     in its paragraph takes that sentence's speaker (Smith said the plan
//     would fail. "It is …"), and so does one opening the next paragraph
//     when the attribution ends the sentence ("…, Obama said.");
//   - one right before a quotation whose attribution follows it takes that
//     speaker ("…." "…," Viguerie notes.).
//
// Nothing is inherited across an unrelated sentence: a quotation after a
// narrative sentence keeps no speaker.
func (d *doc) inherit(sp []speaker) {
	n := len(d.segs)
	type group struct{ first, last int }
	var groups []group
	for i := 0; i < n; i++ {
		if len(groups) > 0 && (d.segs[i].continues || d.adjacent(i-1, i)) {
			groups[len(groups)-1].last = i
			continue
		}
		groups = append(groups, group{i, i})
	}
	assign := func(g group, who speaker) {
		for k := g.first; k <= g.last; k++ {
			if !sp[k].found() {
				sp[k] = who
				sp[k].how = inherited
			}
		}
	}
	for _, g := range groups {
		for k := g.first; k <= g.last; k++ {
			if sp[k].found() {
				assign(g, sp[k])
				break
			}
		}
	}
	quoteOnly := func(g group) bool {
		return d.openSent[g.first] >= 0 && d.opensSentence(g.first) && d.endsSentence(g.last)
	}
	fromBefore := func() {
		for gi, g := range groups {
			if sp[g.first].found() || d.openSent[g.first] < 0 || !d.opensSentence(g.first) {
				continue
			}
			s := d.openSent[g.first]
			if gi > 0 {
				p := groups[gi-1]
				ps := sp[p.last]
				if ps.found() && max(d.closeSent[p.last], ps.sent) == s-1 {
					assign(g, ps)
					continue
				}
			}
			if !quoteOnly(g) {
				continue
			}
			if s > 0 && d.inSegment(d.sents[s-1].Span.Start) < 0 {
				if who := d.reported(s-1, d.lineStart[s-1] != d.lineStart[s]); who.found() {
					who.how = inherited
					assign(g, who)
				}
			}
		}
	}
	fromBefore()
	for gi := len(groups) - 2; gi >= 0; gi-- {
		g, q := groups[gi], groups[gi+1]
		if sp[g.first].found() || !quoteOnly(g) {
			continue
		}
		qs := sp[q.first]
		if qs.found() && qs.how == cueAfter && d.opensSentence(q.first) &&
			d.closeSent[g.last] >= 0 && d.openSent[q.first] == d.closeSent[g.last]+1 {
			assign(g, qs)
		}
	}
	fromBefore()
}

// adjacent reports whether segment j follows segment i with only space and
// punctuation between them, on one line.
func (d *doc) adjacent(i, j int) bool {
	if d.segs[i].close < 0 {
		return false
	}
	from, to := d.segs[i].outer.End, d.segs[j].outer.Start
	if from > to {
		return false
	}
	between := d.text[from:to]
	return !strings.ContainsRune(between, '\n') && !hasWord(between)
}

// reported returns the speaker of sentence s when it reports speech: the
// subject of its first speech verb outside quotations. With final set the
// attribution must end the sentence ("…, Obama said."), as it must for a
// quotation in the next paragraph to continue it.
func (d *doc) reported(s int, final bool) speaker {
	toks := d.sents[s].Tokens
	for j := 0; j < len(toks) && j < maxReach; j++ {
		if d.inSegment(toks[j].Span.Start) >= 0 {
			continue
		}
		switch toks[j].Tag {
		case "VBD", "VBZ", "VBP":
		default:
			continue
		}
		next, ok := d.speechVerb(s, j, false)
		if !ok {
			continue
		}
		if final && !d.closesSentence(s, next) {
			continue
		}
		return d.subjectOf(s, j)
	}
	return speaker{person: -1}
}

// closesSentence reports whether the speech verb before token e ends its
// sentence: nothing follows but a name ("said Trump."), adverbials and
// prepositional phrases ("said on Monday in a statement."); no clause, no
// verb, no quotation.
func (d *doc) closesSentence(s, e int) bool {
	toks := d.sents[s].Tokens
	if e < len(toks) && strings.EqualFold(d.tok(s, e), "that") {
		return false
	}
	for k := e; k < len(toks); k++ {
		if isVerbTag(toks[k].Tag) || d.inSegment(toks[k].Span.Start) >= 0 {
			return false
		}
	}
	return true
}
