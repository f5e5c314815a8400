package actors

import (
	"strings"
	"time"
	"unicode"

	"worldmedia/internal/article"
)

// Match is one dictionary phrase found in a sentence.
type Match struct {
	// First and Last are the indexes of the first and last tokens the
	// phrase covers, inclusive. A phrase may cover part of a token
	// ("Russia" in "Russia's", "US" in "US-Russia").
	First, Last int
	// Kind is what the phrase names.
	Kind Kind
	// Code is the CAMEO code in force at the date ("" when the phrase is
	// known but has no code then); for a role, the role code ("MIL").
	Code string
	// Name is the canonical name: the first phrase of its line without a
	// leading "the" (a demonym gives its country's name, a person their
	// canonical name, a role the phrase as listed).
	Name string
	// Span is the matched text.
	Span article.Span
}

// Find returns the dictionary phrases in a tokenized sentence, longest
// first from left to right and never overlapping, with the codes in force
// on date (the zero date ignores ranges and takes each phrase's latest
// code). tokens hold spans into text. A demonym or country written after
// "pro-" or "anti-" is an attitude, not an actor, and is left out; so is a
// place joined to "-based" ("European-based missiles").
func (d *Dictionary) Find(text string, tokens []article.Token, date time.Time) []Match {
	sc := newScratch()
	defer sc.release()
	return d.find(nil, sc, text, tokens, dayKey(date))
}

// find appends the matches of [Dictionary.Find] on a day key to out, with
// sc's units.
func (d *Dictionary) find(out []Match, sc *scratch, text string, tokens []article.Token, day int) []Match {
	sc.units = d.textUnits(sc.units[:0], text, tokens)
	us := sc.units
	first := len(out) // the sentence's first match
	for i := 0; i < len(us); {
		if !us[i].canStart || d.child(0, us[i].word) == 0 && d.child(0, us[i].fold) == 0 {
			// Most units start no phrase; the root's table says so.
			i++
			continue
		}
		end, senses, alt := d.longest(us, i)
		if end < 0 {
			i++
			continue
		}
		si := d.choose(senses, day, nil)
		if alt != nil && len(out) > first && d.isSeat(&d.senses[si]) {
			// "Australian House of Representatives": after a country, a
			// seat's name that is also a role word is that country's.
			m := Match{First: us[i].tok, Last: us[end].tok, Span: article.Span{Start: us[i].start, End: us[end].end}}
			if prev := out[len(out)-1]; prev.Kind <= Capital && adjacent(prev, m, tokens, text) {
				if ri := d.choose(alt, day, func(s *sense) bool { return s.kind == Role }); ri >= 0 {
					si = ri
				}
			}
		}
		s := &d.senses[si]
		if (s.kind == CountryAdj || s.kind == Country) && attitude(us, i) || s.kind <= Capital && basedIn(us, end) {
			i = end + 1
			continue
		}
		if t := us[i].tok; s.kind == Role && t == us[end].tok && isVerbTag(tokens[t].Tag) &&
			(t == 0 || !isDeterminerTag(tokens[t-1].Tag)) {
			// "the wounded" and "the detained" are people; "killed one
			// soldier and wounded two" is a verb.
			i = end + 1
			continue
		}
		code, _, _ := s.at(day)
		if strings.HasSuffix(code, "BUS") && productAfter(text, tokens, us[end].tok) {
			// "a Boeing 777", "the Airbus A320": a company's product.
			i = end + 1
			continue
		}
		out = append(out, Match{
			First: us[i].tok, Last: us[end].tok,
			Kind: s.kind, Code: code, Name: s.name,
			Span: article.Span{Start: us[i].start, End: us[end].end},
		})
		i = end + 1
	}
	return out
}

// longest returns the last unit of the longest phrase starting at unit i
// and its senses, or -1. Of two phrases of one length, the one matched as
// written wins over one matched through lower-case folding; alt holds the
// folded one's senses then ("house of representatives" the role behind
// "House of Representatives" the US House).
func (d *Dictionary) longest(us []unit, i int) (end int, senses, alt []int32) {
	end = -1
	var exact, folded []int32
	var walk func(n int32, j int, asWritten bool)
	walk = func(n int32, j int, asWritten bool) {
		if j > i && len(d.nodes[n].senses) > 0 && us[j-1].canEnd {
			if j-1 > end {
				end, exact, folded = j-1, nil, nil
			}
			if j-1 == end {
				if asWritten {
					exact = d.nodes[n].senses
				} else if folded == nil {
					folded = d.nodes[n].senses
				}
			}
		}
		if j == len(us) {
			return
		}
		if c := d.child(n, us[j].word); c != 0 {
			walk(c, j+1, asWritten)
		}
		if c := d.child(n, us[j].fold); c != 0 {
			walk(c, j+1, false)
		}
	}
	walk(0, i, true)
	if exact != nil {
		return end, exact, folded
	}
	return end, folded, nil
}

// isSeat reports whether s is a country's institution ("the Pentagon"
// USAMIL): a country entry whose code ends in a role.
func (d *Dictionary) isSeat(s *sense) bool {
	if s.kind != Country || len(s.codes) == 0 {
		return false
	}
	c := s.codes[0].code
	return len(c) > 3 && d.roles[c[len(c)-3:]]
}

// basedIn reports whether unit end is followed by "-based": "European-based
// missiles" and "a London-based group" name where something is, not who
// acts.
func basedIn(us []unit, end int) bool {
	return end+2 < len(us) && us[end+1].text == "-" && strings.EqualFold(us[end+2].text, "based")
}

// attitude reports whether unit i follows "pro-" or "anti-".
func attitude(us []unit, i int) bool {
	if i < 2 || us[i-1].text != "-" {
		return false
	}
	switch strings.ToLower(us[i-2].text) {
	case "pro", "anti", "non":
		return true
	}
	return false
}

// Lookup resolves a whole phrase, such as an organisation or country name
// from the entity recognizer ("UN Security Council", "Pentagon",
// "Russia's"), with the code in force on date. A phrase that is no single
// dictionary phrase but that [Dictionary.Combine] turns into one actor
// ("Syrian government", "the president of Syria") is resolved too, with
// the kind of the actor's head.
func (d *Dictionary) Lookup(phrase string, date time.Time) (Match, bool) {
	sc := newScratch()
	defer sc.release()
	return d.lookup(sc, phrase, dayKey(date))
}

// lookup is [Dictionary.Lookup] on a day key, with the buffers of sc.
func (d *Dictionary) lookup(sc *scratch, phrase string, day int) (Match, bool) {
	sc.tokens = appendFields(sc.tokens[:0], phrase)
	tokens := sc.tokens
	sc.units = d.textUnits(sc.units[:0], phrase, tokens)
	us := trimPossessive(sc.units)
	if len(us) == 0 {
		return Match{}, false
	}
	if si := d.choose(d.whole(us), day, nil); si >= 0 {
		s := &d.senses[si]
		code, _, _ := s.at(day)
		return Match{
			First: us[0].tok, Last: us[len(us)-1].tok,
			Kind: s.kind, Code: code, Name: s.name,
			Span: article.Span{Start: us[0].start, End: us[len(us)-1].end},
		}, true
	}
	// find reuses sc.units: us is not used from here on.
	sc.matches = d.find(sc.matches[:0], sc, phrase, tokens, day)
	ms := sc.matches
	sc.groups = d.link(d.groups(sc.groups[:0], ms, tokens, phrase), ms, tokens, phrase)
	if len(sc.groups) != 1 {
		return Match{}, false
	}
	a := d.actor(sc.groups[0], ms)
	first := 0
	for first < len(tokens) && isDeterminer(tokens[first].Span.In(phrase)) {
		first++
	}
	if a.First != first || a.Last != len(tokens)-1 {
		return Match{}, false
	}
	return Match{First: a.First, Last: a.Last, Kind: a.Kind, Code: a.Code, Name: a.Name, Span: a.Span}, true
}

// appendFields appends to toks the tokens of s split at white space, as
// [strings.Fields] splits, without tags; units handle the punctuation
// inside them.
func appendFields(toks []article.Token, s string) []article.Token {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				toks = append(toks, article.Token{Span: article.Span{Start: start, End: i}})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		toks = append(toks, article.Token{Span: article.Span{Start: start, End: len(s)}})
	}
	return toks
}

// isVerbTag reports whether a part-of-speech tag is a verb's past tense or
// participle, the forms role words such as "wounded" share with verbs.
func isVerbTag(tag string) bool { return tag == "VBN" || tag == "VBD" }

// isDeterminerTag reports whether a tag is a determiner's, a possessive's or
// a number's, which make a noun of a participle ("the wounded", "their
// detained", "200 injured").
func isDeterminerTag(tag string) bool { return tag == "DT" || tag == "PRP$" || tag == "CD" }

// productAfter reports whether the token after token k is a model
// designation: a number or a word with digits ("777", "A320", "F-35").
func productAfter(text string, tokens []article.Token, k int) bool {
	if k+1 >= len(tokens) {
		return false
	}
	t := tokens[k+1]
	if t.Span.Start < 0 || t.Span.End > len(text) || t.Span.Start >= t.Span.End {
		return false
	}
	w := text[t.Span.Start:t.Span.End]
	if len(w) == 4 && w >= "1900" && w <= "2100" && strings.Trim(w, "0123456789") == "" {
		return false // a year: "Gazprom 2018 results" names the company
	}
	return strings.IndexFunc(w, unicode.IsDigit) >= 0
}
