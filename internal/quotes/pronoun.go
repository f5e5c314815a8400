package quotes

import (
	"slices"
	"strings"

	"worldmedia/internal/article"
)

// resolve names the person or organisation a pronoun speaker stands for.
// "he" and "she" take the nearest person mentioned before the pronoun, out
// of quotations, in its sentence or the PronounSentences before it, whose
// gender does not contradict the pronoun; failing that, the speaker of the
// previous quotation when near and of a compatible gender. "they" and "it"
// take the nearest organisation or government. Other pronouns ("I", "we")
// and pronouns with no fitting antecedent keep their span with no name:
// an unknown speaker rather than a wrong one.
func (d *doc) resolve(s, k int, pronoun string, sp speaker) speaker {
	var g gender
	switch pronoun {
	case "he":
		g = male
	case "she":
		g = female
	case "they", "it":
		return d.resolveGroup(s, sp)
	default:
		return sp
	}
	lo := max(s-d.x.cfg.PronounSentences, 0)
	for ss := s; ss >= lo; ss-- {
		end := d.sents[ss].Span.End
		if ss == s {
			end = sp.span.Start
		}
		for _, r := range d.antecedents(ss, end) {
			if pg := d.genderOf(r.idx); pg != unknownGender && pg != g {
				continue
			}
			e := d.a.Persons[r.idx]
			sp.name, sp.code, sp.person = e.Name, e.Code, r.idx
			return sp
		}
	}
	if p := d.recent; p.person >= 0 && s-d.recentSent <= recentSentences {
		if pg := d.genderOf(p.person); pg == unknownGender || pg == g {
			sp.name, sp.code, sp.person = p.name, p.code, p.person
		}
	}
	return sp
}

// antecedents returns the person mentions of sentence s before offset end
// and out of quotations, in the order a pronoun prefers them: the first one
// that is a subject (a verb follows it), then the others from the nearest.
func (d *doc) antecedents(s, end int) []entRef {
	sent := d.sents[s]
	i := searchStart(len(d.ents), func(i int) int { return d.ents[i].span.Start }, sent.Span.Start)
	var out []entRef
	subject := -1
	for ; i < len(d.ents) && d.ents[i].span.Start < end; i++ {
		r := d.ents[i]
		if !r.person || d.inSegment(r.span.Start) >= 0 {
			continue
		}
		if subject < 0 && d.isSubject(s, r.span) {
			subject = len(out)
		}
		out = append(out, r)
	}
	slices.Reverse(out)
	if subject >= 0 {
		k := len(out) - 1 - subject
		r := out[k]
		copy(out[1:k+1], out[:k])
		out[0] = r
	}
	return out
}

// isSubject reports whether a verb follows the mention at sp in sentence s,
// past adverbs and auxiliaries.
func (d *doc) isSubject(s int, sp article.Span) bool {
	toks := d.sents[s].Tokens
	k := searchStart(len(toks), func(i int) int { return toks[i].Span.Start }, sp.End)
	if k < len(toks) && d.tok(s, k) == "," {
		// past an apposition: "Steve Adler, rVotes' owner, said"
		for j := k + 1; j < len(toks) && j < k+12; j++ {
			if d.tok(s, j) == "," {
				k = j + 1
				break
			}
		}
	}
	for ; k < len(toks); k++ {
		t := toks[k]
		if t.Tag == "RB" || t.Tag == "MD" {
			continue
		}
		if _, ok := d.speechVerb(s, k, false); ok {
			return true
		}
		return t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP"
	}
	return false
}

// recentSentences is how far back the previous quotation's speaker still
// stands for "he" or "she".
const recentSentences = 3

// resolveGroup names the organisation or government "they" or "it" stands
// for: the nearest one mentioned before, out of quotations, within
// PronounSentences.
func (d *doc) resolveGroup(s int, sp speaker) speaker {
	lo := s - d.x.cfg.PronounSentences
	as := d.a.Actors
	for j := searchStart(len(as), func(i int) int { return as[i].Span.Start }, sp.span.Start) - 1; j >= 0; j-- {
		m := as[j]
		if m.Sentence < lo {
			break
		}
		if d.inSegment(m.Span.Start) >= 0 || m.Code == "" {
			continue
		}
		if m.Kind == "organization" || m.Kind == "group" || m.Kind == "country" && len(m.Code) > 3 {
			c, ok := d.actorCandidate(m, 0, 0)
			if ok {
				sp.name, sp.code = c.sp.name, c.sp.code
			}
			return sp
		}
	}
	return sp
}

// genderOf returns the gender of person entity idx from its name's first
// word or a title before one of its mentions ("Mr.", "spokeswoman").
func (d *doc) genderOf(idx int) gender {
	if d.genderDone[idx] {
		return d.genders[idx]
	}
	d.genderDone[idx] = true
	e := d.a.Persons[idx]
	g := d.nameGender(e.Name)
	for _, m := range e.Mentions {
		if g != unknownGender {
			break
		}
		g = d.nameGender(m.In(d.text))
		if g != unknownGender {
			break
		}
		if s, k := d.tokenAt(m.Start); s >= 0 && k > 0 {
			g = d.x.lex.gender[strings.TrimSuffix(strings.ToLower(d.tok(s, k-1)), ".")]
		}
	}
	d.genders[idx] = g
	return g
}

// nameGender returns the gender the first word of a name implies.
func (d *doc) nameGender(name string) gender {
	first, _, _ := strings.Cut(name, " ")
	return d.x.lex.gender[strings.TrimSuffix(strings.ToLower(first), ".")]
}
