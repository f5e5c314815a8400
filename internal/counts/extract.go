package counts

import (
	"cmp"
	"slices"
	"strings"

	"worldmedia/internal/article"
)

// found is a count read from one sentence, before its place is known.
type found struct {
	kind   Kind
	number int64
	object string
	span   article.Span
}

// aux are the words allowed between a counted object and the verb after
// it: auxiliaries, relative pronouns, hedges ("89 people who were
// reportedly killed", "are feared to have died", "were forced to flee").
var aux = map[string]bool{
	"be": true, "have": true, "get": true, "who": true, "that": true, "which": true,
	"to": true, "force": true, "believe": true, "report": true, "say": true, "fear": true,
	"confirm": true, "think": true, "also": true, "all": true, "already": true,
	"now": true, "later": true, "reportedly": true, "allegedly": true,
	"apparently": true, "since": true, "subsequently": true, "then": true,
	"still": true, "both": true, "each": true, "being": true, "so": true, "far": true,
	"initially": true, "officially": true, "either": true, "likely": true,
	"presumed": true, "presume": true, "feared": true, "understood": true,
	"understand": true, "expect": true, "know": true,
}

// negations cancel a count: "no one was killed", "were not hurt".
var negations = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "none": true, "nobody": true}

// stopAdjectives open an object without describing it: "89 more people",
// "14 other soldiers".
var stopAdjectives = map[string]bool{
	"more": true, "other": true, "additional": true, "further": true, "many": true,
	"such": true, "another": true, "least": true, "most": true, "few": true,
}

// measures are nouns that measure rather than count people: "killed 3 days
// ago", "2014 people" is a year only before a noun like these.
var measures = map[string]bool{
	"year": true, "month": true, "week": true, "day": true, "hour": true, "minute": true,
	"second": true, "time": true, "percent": true, "km": true, "kilometre": true,
	"kilometer": true, "mile": true, "metre": true, "meter": true, "foot": true, "feet": true,
	"ton": true, "tonne": true, "kg": true, "point": true, "goal": true, "vote": true,
	"seat": true, "round": true, "mph": true, "am": true, "pm": true, "gmt": true,
	"bst": true, "degree": true, "inch": true, "yard": true, "lap": true, "run": true,
	"wicket": true, "game": true, "match": true, "set": true, "stroke": true,
	"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "bn": true, "m": true, "cent": true,
	"quarter": true, "half": true, "third": true,
}

// things are objects that are no people: a count of them is no count of
// the killed, wounded, arrested, sickened ("16 messages were infected",
// "search warrants were executed"). Only AFFECT counts things.
var things = map[string]bool{
	"computer": true, "phone": true, "pc": true, "machine": true, "device": true,
	"file": true, "message": true, "email": true, "e-mail": true, "website": true,
	"site": true, "server": true, "system": true, "network": true, "program": true,
	"programme": true, "account": true, "warrant": true, "share": true, "stock": true,
	"bond": true, "car": true, "vehicle": true, "building": true, "house": true,
	"home": true, "property": true, "store": true, "shop": true, "plan": true,
	"project": true, "job": true, "company": true, "firm": true, "bank": true,
	"product": true, "order": true, "case": true, "deal": true, "contract": true,
	"film": true, "song": true, "album": true, "game": true, "show": true,
}

func isNoun(tag string) bool { return strings.HasPrefix(tag, "NN") }

// object reads the counted object after a number at token i: adjectives
// and nouns up to max tokens, a partitive "of them" or "of the victims"
// first. It returns the token after it and its text ("" when it has no
// noun); ok is false when the object measures rather than counts ("3
// days").
func (s *sent) object(i, max int) (end int, obj article.Span, head string, ok bool) {
	j := i
	if s.word(j) == "of" {
		switch s.word(j + 1) {
		case "them", "whom", "those", "these", "us", "which":
			return j + 2, article.Span{}, "", true
		case "the", "its", "their", "his", "her", "our":
			j += 2
		default:
			return i, article.Span{}, "", true
		}
	}
	start := j
	for j < len(s.toks) && j-i < max {
		tag := s.toks[j].Tag
		if !(isNoun(tag) || tag == "JJ") || s.stateWord(j) {
			break
		}
		j++
	}
	h := -1
	for k := j - 1; k >= start; k-- {
		if isNoun(s.toks[k].Tag) {
			h = k
			break
		}
	}
	if h < 0 {
		if start > i && j == start {
			return i, article.Span{}, "", true // "of the" without a noun
		}
		return j, article.Span{}, "", true
	}
	// The object ends at its head: adjectives after it belong to what
	// follows.
	j = h + 1
	for k := start; k <= h; k++ {
		if measures[s.toks[k].Lemma] || measures[s.words[k]] {
			return 0, article.Span{}, "", false
		}
	}
	for start < h && stopAdjectives[s.words[start]] {
		start++
	}
	return j, article.Span{Start: s.toks[start].Span.Start, End: s.toks[h].Span.End}, s.toks[h].Lemma, true
}

// negated reports whether one of the two words before token i negates it.
func (s *sent) negated(i int) bool {
	return negations[s.word(i-1)] || negations[s.word(i-2)]
}

// startsNP reports whether token i can start a noun phrase: the object of
// an active verb.
func (s *sent) startsNP(i int) bool {
	switch tag := s.tag(i); {
	case tag == "DT", tag == "CD", tag == "PRP", tag == "PRP$", isNoun(tag), tag == "JJ":
		return true
	}
	return false
}

// extractor holds the state of one sentence's reading.
type extractor struct {
	s      sent
	nums   []number
	out    []found
	maxGap int
	idx    triggerIndex
	kinds  *[numKinds + 1]bool
}

// numberAt returns the unused number phrase that starts at token i.
// Phrases are in text order and do not overlap, so both lookups search.
func (x *extractor) numberAt(i int) *number {
	k, ok := slices.BinarySearchFunc(x.nums, i, func(n number, i int) int { return cmp.Compare(n.first, i) })
	if !ok || x.nums[k].used {
		return nil
	}
	return &x.nums[k]
}

// numberBefore returns the nearest number phrase ending before token i,
// when it is unused, within the gap and no "no one".
func (x *extractor) numberBefore(i int) *number {
	k, _ := slices.BinarySearchFunc(x.nums, i, func(n number, i int) int { return cmp.Compare(n.last, i) })
	if k == 0 {
		return nil
	}
	n := &x.nums[k-1]
	if n.used || i-n.last-1 > x.maxGap {
		return nil
	}
	if negations[x.s.word(n.core-1)] || n.core == n.first && isDeterminer(x.s.word(n.first-1)) && n.value == 1 {
		return nil // "no one", "the one who"
	}
	return n
}

func isDeterminer(w string) bool {
	switch w {
	case "the", "this", "that", "every", "each", "any", "no", "which", "only":
		return true
	}
	return false
}

func (x *extractor) add(kind Kind, n *number, obj article.Span, first, last int) {
	if kind != Affect && kind != Amount && !obj.Empty() && x.thing(obj) {
		return
	}
	n.used = true
	x.out = append(x.out, found{
		kind:   kind,
		number: n.value,
		object: obj.In(x.s.text),
		span:   article.Span{Start: x.s.toks[first].Span.Start, End: x.s.toks[last].Span.End},
	})
}

// yearCount reports whether a number that reads as a year ("2004") is a
// count after all: only before a plural noun and not after a determiner
// or preposition ("2000 people died", not "2004 net income", "the 2014
// elections", "in 2014 people").
func (x *extractor) yearCount(n *number, obj article.Span) bool {
	if obj.Empty() {
		return false
	}
	switch x.s.tag(n.first - 1) {
	case "DT", "IN", "TO", "PRP$", "POS":
		return false
	}
	for k := n.last + 1; k < len(x.s.toks); k++ {
		if x.s.toks[k].Span.End == obj.End {
			t := x.s.toks[k].Tag
			return t == "NNS" || t == "NNPS"
		}
	}
	return false
}

// thing reports whether the head of obj (its last token) names a thing
// rather than people.
func (x *extractor) thing(obj article.Span) bool {
	for k := len(x.s.toks) - 1; k >= 0; k-- {
		if x.s.toks[k].Span.End == obj.End {
			return things[x.s.toks[k].Lemma]
		}
	}
	return false
}

// sentence reads the counts of one sentence. Verbs, states, results and
// tolls are read first, nouns after, so "40 protesters were arrested" is
// an arrest of 40 protesters.
func (x *extractor) sentence() {
	s := &x.s
	for pass := 0; pass < 2; pass++ {
		for i := range s.toks {
			x.at(i, pass, s.toks[i].Lemma)
			if s.words[i] != s.toks[i].Lemma {
				x.at(i, pass, s.words[i])
			}
		}
	}
}

// at tries the triggers keyed by key at token i.
func (x *extractor) at(i, pass int, key string) {
	for _, ti := range x.idx[key] {
		t := &triggers[ti]
		nounPass := t.class == event || t.class == group
		if nounPass != (pass == 1) {
			continue
		}
		last, ok := x.s.match(t, i)
		if !ok {
			continue
		}
		switch t.class {
		case verb:
			if !x.left(t, i, last) {
				x.right(t, i, last)
			}
		case intrans, state:
			x.left(t, i, last)
		case result:
			x.result(i, last)
		case toll:
			x.toll(i, last)
		case event, group:
			x.noun(t, i, last)
		}
	}
}

// left reads "N <object> (were) killed", "N dead", "2 million displaced
// Syrians": the number before the trigger at tokens [i, last].
func (x *extractor) left(t *trigger, i, last int) bool {
	s := &x.s
	if t.head != "" {
		return false
	}
	n := x.numberBefore(i)
	if n == nil {
		return false
	}
	end, obj, _, ok := s.object(n.last+1, i-n.last-1)
	if !ok {
		return false
	}
	passive := false
	for k := end; k < i; k++ {
		w, l := s.words[k], s.toks[k].Lemma
		if negations[w] {
			return false
		}
		if !aux[l] && !aux[w] && s.toks[k].Tag != "RB" {
			return false
		}
		passive = passive || l == "be" || l == "get"
	}
	end2 := last
	if end == n.last+1 && (t.class == state || s.tag(i) == "VBN" || s.tag(i) == "JJ") && isNoun(s.tag(last+1)) {
		// "89 dead civilians", "2 arrested men": the object follows.
		e, o, _, ok := s.object(last+1, 3)
		if !ok {
			return false
		}
		// The people counted are plural ("dead civilians"); a singular
		// noun is more likely a verb the tagger missed ("displaced
		// remain").
		if head := s.tag(e - 1); !o.Empty() && (head == "NNS" || head == "NNPS" || n.value == 1) {
			obj, end2 = o, e-1
		}
	} else if (t.class == verb || t.guard) && !passive && s.startsNP(last+1) {
		return false // active: the number is the subject ("3 rockets killed 5 people")
	}
	if t.class == verb && s.tag(i) == "VBG" && !passive {
		return false // "5 gunmen killing …"
	}
	if n.year && !x.yearCount(n, obj) {
		return false
	}
	x.add(t.kind, n, obj, n.first, end2)
	return true
}

// right reads "killed 89 people", "claimed 12 lives", and a coordinated
// "… and 3 civilians".
func (x *extractor) right(t *trigger, i, last int) {
	s := &x.s
	if !strings.HasPrefix(s.tag(i), "VB") || s.negated(i) {
		return
	}
	first := i
	for {
		n := x.numberAt(last + 1)
		if n == nil {
			return
		}
		end, obj, head, ok := s.object(n.last+1, 4)
		if !ok || t.head != "" && head != t.head || n.year && !x.yearCount(n, obj) {
			return
		}
		if t.head != "" {
			obj = article.Span{} // "lives" is no object
		}
		stop := max(n.last, end-1)
		if first != i && strings.HasPrefix(s.tag(end), "VB") {
			return // "killed 5 soldiers and 3 civilians were wounded"
		}
		x.add(t.kind, n, obj, first, stop)
		if w := s.word(end); w != "and" && w != "," {
			return
		}
		last, first = end, end+1
	}
}

// result reads "left 89 people dead", "took 30 people hostage".
func (x *extractor) result(i, last int) {
	s := &x.s
	if s.negated(i) {
		return
	}
	n := x.numberAt(last + 1)
	if n == nil {
		return
	}
	end, obj, _, ok := s.object(n.last+1, 4)
	if !ok {
		return
	}
	kind, ok := results[s.word(end)]
	if !ok || !x.kinds[kind] {
		return
	}
	x.add(kind, n, obj, i, end)
}

// toll reads "the death toll rose to 89", "bringing the toll to 89".
func (x *extractor) toll(i, last int) {
	s := &x.s
	first := i
	if s.word(i-1) == "death" {
		first = i - 1
	}
	for j := last + 1; j < len(s.toks) && j <= last+6; j++ {
		if n := x.numberAt(j); n != nil {
			if s.word(j-1) == "from" && s.word(n.last+1) == "to" {
				if m := x.numberAt(n.last + 2); m != nil {
					n = m
				}
			}
			end, obj, _, ok := s.object(n.last+1, 3)
			if !ok || n.year {
				return
			}
			x.add(Kill, n, obj, first, max(n.last, end-1))
			return
		}
		tag := s.toks[j].Tag
		if !strings.HasPrefix(tag, "VB") && tag != "TO" && tag != "IN" && tag != "RB" && tag != "MD" {
			return
		}
	}
}

// noun reads "89 deaths", "3,000 refugees", "2 million Syrian refugees",
// "thousands of protesters", "500 refugee families".
func (x *extractor) noun(t *trigger, i, last int) {
	s := &x.s
	n := x.numberBefore(i)
	if n == nil || n.year || i-n.last-1 > 3 {
		return
	}
	for k := n.last + 1; k < i; k++ {
		if tag := s.toks[k].Tag; !isNoun(tag) && tag != "JJ" && tag != "VBN" {
			return // "89 civilian deaths", "140,000 confirmed deaths"
		}
	}
	end := last
	if s.tag(last) != "NNS" && s.tag(last) != "NNPS" {
		if !isNoun(s.tag(last + 1)) {
			if n.value != 1 {
				return // "the 2015 refugee crisis" is handled above; "5 refugee" is odd
			}
		} else {
			// "500 refugee families": the group noun modifies the object.
			for end+1 < len(s.toks) && isNoun(s.tag(end+1)) && end-last < 2 {
				end++
			}
		}
	}
	var obj article.Span
	if t.class == group {
		start := n.last + 1
		for start < i && stopAdjectives[s.words[start]] {
			start++
		}
		obj = article.Span{Start: s.toks[start].Span.Start, End: s.toks[end].Span.End}
	}
	x.add(t.kind, n, obj, n.first, end)
}
