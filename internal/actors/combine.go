package actors

import (
	"strings"

	"worldmedia/internal/article"
)

// Actor is a stretch of a sentence that names one actor, built by
// [Dictionary.Combine] from adjacent matches ("Russian foreign minister
// Sergey Lavrov", "Syrian troops", "separatists in eastern Ukraine").
type Actor struct {
	// First and Last are the indexes of its first and last tokens,
	// inclusive.
	First, Last int
	// Span is the text it covers.
	Span article.Span
	// Code is its CAMEO code ("" when it is a known name with no code at
	// the date).
	Code string
	// Name is the canonical name of its head: the person, else the
	// organisation, group or country, else the role phrase.
	Name string
	// Kind is the kind of the match that gave Name.
	Kind Kind
}

// group is an actor under construction: indexes into the matches, -1 for
// none.
type group struct {
	first, last int // matches covered
	head        int // country, demonym, capital, organisation or group
	role        int // the last role word
	person      int
	// linked is the country code taken through "of", "from" or "in".
	linked string
}

// Combine joins the matches of one sentence (from [Dictionary.Find], in
// order) into actors. The rules, in order:
//
//  1. A country name, demonym or capital directly followed by role words,
//     possibly through a possessive, takes the country code plus the last
//     role ("Syrian troops" SYRMIL, "Russia's foreign minister" RUSGOV,
//     "Moscow residents" RUSCVL). A country match that is already an
//     institution ("the Kremlin" RUSGOV, "the Pentagon" USAMIL), an
//     organisation or a group keeps its own code ("Kremlin officials"
//     RUSGOV, "UN peacekeepers" IGOUNO).
//  2. A person directly after those words joins them, and the person's
//     own code, when it has one at the date, wins ("Russian foreign
//     minister Sergey Lavrov" is Lavrov's RUSGOV). A person followed by
//     role words lends their country ("Assad's government" SYRGOV).
//  3. Role words followed by "of" or "from" and a country (or an actor
//     with a country) take that country ("the president of Syria" SYRGOV,
//     "the regime of Syrian President Bashar al-Assad" SYRGOV).
//  4. Role words followed by "in", an optional "the" and direction words,
//     and a country name or capital take that country ("pro-Russian
//     separatists in eastern Ukraine" UKRREB, "demonstrators in Baghdad"
//     IRQCVL; "pro-Russian" is an attitude that Find drops).
//  5. Role words followed by "to", a country or organisation, and a person
//     join the person ("Ambassador to the United Nations Nikki Haley").
//  6. Anything else stands alone: a country its code (RUS), a demonym its
//     country's code ("the Russians" RUS), a capital or institution its
//     code (RUSGOV), a bare role its role code ("troops" MIL).
//
// A country written inside a hyphenated word ("Russia-backed") does not
// combine with the words after it.
func (d *Dictionary) Combine(matches []Match, tokens []article.Token, text string) []Actor {
	gs := d.link(d.groups(nil, matches, tokens, text), matches, tokens, text)
	out := make([]Actor, 0, len(gs))
	for _, g := range gs {
		out = append(out, d.actor(g, matches))
	}
	return out
}

// groups is pass one: runs of adjacent matches (rules 1, 2 and 6),
// appended to gs.
func (d *Dictionary) groups(gs []group, ms []Match, tokens []article.Token, text string) []group {
	for i := 0; i < len(ms); {
		g := group{first: i, head: -1, role: -1, person: -1}
		j := i
		switch ms[j].Kind {
		case Person:
			g.person = j
			j++
			if j < len(ms) && ms[j].Kind == Role && adjacent(ms[j-1], ms[j], tokens, text) {
				for j < len(ms) && ms[j].Kind == Role && adjacent(ms[j-1], ms[j], tokens, text) {
					g.role = j
					j++
				}
			}
		case Role:
			for j < len(ms) && ms[j].Kind == Role && (j == i || adjacent(ms[j-1], ms[j], tokens, text)) {
				g.role = j
				j++
			}
			if j < len(ms) && ms[j].Kind == Person && adjacent(ms[j-1], ms[j], tokens, text) {
				g.person = j
				j++
			}
		default:
			g.head = j
			j++
			for j < len(ms) && ms[j].Kind == Role && adjacent(ms[j-1], ms[j], tokens, text) {
				g.role = j
				j++
			}
			if j < len(ms) && ms[j].Kind == Person && adjacent(ms[j-1], ms[j], tokens, text) {
				g.person = j
				j++
			}
		}
		g.last = j - 1
		gs = append(gs, g)
		i = j
	}
	return gs
}

// link is pass two: role groups joined to what follows "of", "from", "in"
// and "to" (rules 3 to 5).
func (d *Dictionary) link(gs []group, ms []Match, tokens []article.Token, text string) []group {
	out := gs[:0]
	for k := 0; k < len(gs); k++ {
		g := gs[k]
		if g.role < 0 || g.person >= 0 || k+1 >= len(gs) {
			out = append(out, g)
			continue
		}
		h := gs[k+1]
		t := ms[g.last].Last + 1
		if t >= len(tokens) {
			out = append(out, g)
			continue
		}
		word := tokens[t].Span.In(text)
		t++
		// h may start at the word after the connector or at a "the" it
		// includes ("to the United Nations").
		at := ms[h.first].First
		t = skip(t, tokens, text, isDeterminer)
		if word == "in" {
			t = skip(t, tokens, text, isDirection)
		}
		follows := at <= t && at > ms[g.last].Last+1
		switch word {
		case "of", "from":
			if c := d.countryOf(h, ms); g.head < 0 && follows && c != "" {
				g.linked, g.last = c, h.last
				k++
			}
		case "in":
			if g.head < 0 && follows && h.role < 0 && h.person < 0 && h.head >= 0 && ms[h.head].Kind == Country && len(ms[h.head].Code) == 3 {
				g.linked, g.last = ms[h.head].Code, h.last
				k++
			} else if g.head < 0 && follows && h.role < 0 && h.person < 0 && h.head >= 0 && h.first == h.last &&
				ms[h.head].Kind == Capital && len(ms[h.head].Code) >= 3 {
				// "demonstrators in Baghdad": a city of the country, here
				// a place, not its government.
				g.linked, g.last = ms[h.head].Code[:3], h.last
				k++
			}
		case "to":
			if !follows || h.role >= 0 || h.head < 0 || (ms[h.head].Kind != Country && ms[h.head].Kind != Organization) {
				break
			}
			if h.person >= 0 { // "Ambassador to the United Nations Nikki Haley"
				g.person, g.last = h.person, h.last
				k++
			} else if k+2 < len(gs) {
				p := gs[k+2]
				if p.head < 0 && p.role < 0 && p.person >= 0 && ms[p.first].First == ms[h.last].Last+1 {
					g.person, g.last = p.person, p.last
					k += 2
				}
			}
		}
		out = append(out, g)
	}
	return out
}

// actor computes a group's code and name.
func (d *Dictionary) actor(g group, ms []Match) Actor {
	a := Actor{First: ms[g.first].First, Last: ms[g.last].Last,
		Span: article.Span{Start: ms[g.first].Span.Start, End: ms[g.last].Span.End}}
	if g.person >= 0 {
		p := ms[g.person]
		a.Name, a.Kind = p.Name, Person
		if p.Code != "" && (g.role < 0 || g.person > g.role) {
			a.Code = p.Code
			return a
		}
	}
	if g.role < 0 {
		if g.head >= 0 {
			h := ms[g.head]
			a.Code = h.Code
			if g.person < 0 {
				a.Name, a.Kind = h.Name, h.Kind
			}
		}
		return a
	}
	role := ms[g.role]
	var base, keep, name string
	kind := Role
	switch {
	case g.head >= 0:
		h := ms[g.head]
		base, keep = d.split(h)
		name, kind = h.Name, h.Kind
	case g.linked != "":
		base, name, kind = g.linked, d.countryName[g.linked], Country
	case g.person >= 0 && g.person < g.role:
		base, keep = d.split(ms[g.person]) // "Assad's government"
		name, kind = ms[g.person].Name, Person
	}
	switch {
	case keep != "":
		a.Code = keep
	case base != "":
		a.Code = base + role.Code
	default:
		a.Code = role.Code
	}
	if g.person < 0 || g.person < g.role {
		a.Name, a.Kind = role.Name, Role
		if name != "" {
			if n := d.countryName[base]; n != "" {
				name = n
				if kind == Person {
					kind = Country
				}
			}
			a.Name, a.Kind = name, kind
		}
	}
	return a
}

// countryOf returns the country code of a group's head or person, or "".
func (d *Dictionary) countryOf(g group, ms []Match) string {
	for _, i := range []int{g.person, g.head} {
		if i < 0 {
			continue
		}
		if base, keep := d.split(ms[i]); base != "" {
			return base
		} else if keep != "" && len(keep) >= 3 && d.countries[keep[:3]] {
			return keep[:3]
		}
	}
	return ""
}

// split tells how a match combines with a role: base is a country code to
// which the role is added; keep is a code that stays as it is (an
// institution, an organisation, a group). Both are "" when the match has no
// code at the date.
func (d *Dictionary) split(m Match) (base, keep string) {
	c := m.Code
	if c == "" {
		return "", ""
	}
	switch m.Kind {
	case Country:
		if len(c) > 3 && d.roles[c[len(c)-3:]] {
			return "", c
		}
		return c, ""
	case CountryAdj:
		return c, ""
	case Capital, Person:
		if len(c) >= 3 && d.countries[c[:3]] {
			return c[:3], ""
		}
		return "", c
	}
	return "", c
}

// adjacent reports whether b follows a with nothing between but a
// possessive ("Russia's troops", "Syrian troops"), and a does not end
// inside a hyphenated word ("Russia-backed").
func adjacent(a, b Match, tokens []article.Token, text string) bool {
	if a.Last >= len(tokens) || b.First >= len(tokens) || b.Span.Start != tokens[b.First].Span.Start {
		return false
	}
	// "Saudi-led forces" are the leader's: a country's force even when
	// allies join it; "Iranian-backed militias" are not Iran's.
	if rest := text[a.Span.End:tokens[a.Last].Span.End]; rest != "" && !isPossessive(rest) && !isLedBy(rest) {
		return false
	}
	k := a.Last + 1
	if k < b.First && isPossessive(tokens[k].Span.In(text)) {
		k++
	}
	// Up to two modifiers may stand between: "Taiwan's Vice Foreign
	// Minister", "Russia's main opposition party", "Syrian government
	// troops" is not one (a noun).
	for n := 0; k < b.First && n < 2; n++ {
		if !isModifier(tokens[k], text) {
			return false
		}
		k++
	}
	return k == b.First
}

// isLedBy reports whether the rest of a token after a country is "-led".
func isLedBy(rest string) bool {
	return rest == "-led" || rest == "-Led" || rest == "–led"
}

// isModifier reports whether a token may stand between a country and a
// role as a modifier of the role: an adjective, or a title word.
func isModifier(t article.Token, text string) bool {
	switch t.Tag {
	case "JJ", "JJR", "JJS":
		return true
	}
	switch strings.ToLower(t.Span.In(text)) {
	case "vice", "deputy", "acting", "former", "senior", "chief", "top", "interim", "outgoing", "incoming", "first":
		return true
	}
	return false
}

func isPossessive(s string) bool {
	switch s {
	case "'s", "’s", "'", "’", "'S", "’S":
		return true
	}
	return false
}

func isDeterminer(s string) bool {
	switch s {
	case "the", "The", "a", "an":
		return true
	}
	return false
}

// isDirection reports whether s is a compass word that may stand between
// "in" and a country ("in eastern Ukraine", "in the north-east of").
func isDirection(s string) bool {
	switch strings.ToLower(s) {
	case "eastern", "western", "northern", "southern", "central",
		"east", "west", "north", "south",
		"northeastern", "northwestern", "southeastern", "southwestern",
		"north-eastern", "north-western", "south-eastern", "south-western",
		"northeast", "northwest", "southeast", "southwest",
		"north-east", "north-west", "south-east", "south-west",
		"rural", "neighboring", "neighbouring", "mainland":
		return true
	}
	return false
}

// skip returns the first token at or after t that is not accepted by f.
func skip(t int, tokens []article.Token, text string, f func(string) bool) int {
	for t < len(tokens) && f(tokens[t].Span.In(text)) {
		t++
	}
	return t
}
