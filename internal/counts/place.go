package counts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// placeMention is one mention of a place in the text.
type placeMention struct {
	name     string
	span     article.Span
	geocoded bool // from Article.Places rather than an entity mention
	locative bool // after "in", "near", "at" …
}

// placeMentions returns the places mentioned in a: the mentions of the
// geocoded places when geo has run, and the capitalised location mentions
// of the entity recognizer, which [nearestPlace] falls back on in sentences
// without a geocoded place.
func placeMentions(a *article.Article) []placeMention {
	var out []placeMention
	for _, p := range a.Places {
		if p.Name == "" {
			continue
		}
		for _, sp := range p.Mentions {
			if sp.Start >= 0 && sp.End <= len(a.Text) && sp.Start < sp.End {
				out = append(out, placeMention{name: p.Name, span: sp, geocoded: true})
			}
		}
	}
	for _, m := range a.Mentions {
		if m.Type != article.Location {
			continue
		}
		name := cleanPlace(m.Span.In(a.Text))
		if r, _ := utf8.DecodeRuneInString(name); !unicode.IsUpper(r) {
			continue
		}
		out = append(out, placeMention{name: name, span: m.Span})
	}
	for i := range out {
		out[i].locative = locativeBefore(a.Text, out[i].span.Start)
	}
	return out
}

// cleanPlace trims a mention of a leading "the" and a possessive ending.
func cleanPlace(s string) string {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "the "), "The ")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	return strings.Join(strings.Fields(s), " ")
}

// locativeBefore reports whether the word before offset i is a preposition
// of place.
func locativeBefore(text string, i int) bool {
	j := i
	for j > 0 && text[j-1] == ' ' {
		j--
	}
	k := j
	for k > 0 && text[k-1] >= 'a' && text[k-1] <= 'z' {
		k--
	}
	switch text[k:j] {
	case "in", "near", "at", "outside", "across", "around", "from", "inside", "throughout":
		return true
	}
	return false
}

// nearestPlace returns the name of the place mentioned in the sentence
// (span sent) nearest to the count at span c: geocoded places first, then
// location mentions; "" when the sentence names none. A place after a
// preposition of place ("in Idlib") counts as half as far away.
func nearestPlace(places []placeMention, sent, c article.Span) string {
	for _, geocoded := range []bool{true, false} {
		best, bestD := "", 0
		for _, p := range places {
			if p.geocoded != geocoded || !sent.Contains(p.span) {
				continue
			}
			var d int
			switch {
			case p.span.End <= c.Start:
				d = c.Start - p.span.End
			case p.span.Start >= c.End:
				d = p.span.Start - c.End
			}
			if p.locative {
				d /= 2
			}
			if best == "" || d < bestD {
				best, bestD = p.name, d
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}
