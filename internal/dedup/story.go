package dedup

import (
	"cmp"
	"slices"

	"worldmedia/internal/article"
)

// genericNouns are common nouns of any news story, left out of the story
// terms.
var genericNouns = map[string]bool{
	"year": true, "time": true, "day": true, "week": true, "month": true, "people": true,
	"way": true, "number": true, "thing": true, "part": true, "lot": true, "%": true,
	"percent": true, "cent": true, "man": true, "woman": true, "report": true, "statement": true,
}

// storyFeatures appends to dst the hashes of a's story features: the
// codes of its actors (and of their countries: RUSGOV gives RUSGOV and
// RUS), the names of its persons and organisations, its places, its events
// as source|root|target triples, and its terms most common nouns used at
// least twice.
func storyFeatures(dst []uint64, a *article.Article, terms int) []uint64 {
	add := func(h uint64) { dst = append(dst, mix64(h)) }
	for _, m := range a.Actors {
		if m.Code == "" {
			continue
		}
		add(fnvString(actorSeed, m.Code))
		if len(m.Code) > 3 {
			add(fnvString(actorSeed, m.Code[:3]))
		}
	}
	for _, es := range [][]article.Entity{a.Persons, a.Organizations} {
		for _, e := range es {
			if e.Code != "" {
				add(fnvString(actorSeed, e.Code))
			}
			if e.Name != "" {
				add(lowerHash(entitySeed, e.Name))
			}
		}
	}
	for i := range a.Places {
		add(placeHash(&a.Places[i]))
	}
	for _, ev := range a.Events {
		h := fnvString(eventSeed, ev.Source)
		h = fnvString(fnvByte(h, 0), ev.Root)
		add(fnvString(fnvByte(h, 0), ev.Target))
	}
	if terms > 0 {
		for _, t := range topNouns(a, terms) {
			add(fnvString(termSeed, t))
		}
	}
	slices.Sort(dst)
	return slices.Compact(dst)
}

// topNouns returns the n common nouns (by lemma) used most often in a, at
// least twice each, the most frequent first and ties in alphabetical
// order.
func topNouns(a *article.Article, n int) []string {
	counts := make(map[string]int)
	for _, s := range a.Sentences {
		for _, t := range s.Tokens {
			if (t.Tag == "NN" || t.Tag == "NNS") && t.Lemma != "" && !genericNouns[t.Lemma] {
				counts[t.Lemma]++
			}
		}
	}
	type term struct {
		lemma string
		n     int
	}
	var ts []term
	for l, c := range counts {
		if c >= 2 {
			ts = append(ts, term{l, c})
		}
	}
	slices.SortFunc(ts, func(x, y term) int {
		return cmp.Or(cmp.Compare(y.n, x.n), cmp.Compare(x.lemma, y.lemma))
	})
	out := make([]string, 0, min(n, len(ts)))
	for _, t := range ts[:min(n, len(ts))] {
		out = append(out, t.lemma)
	}
	return out
}
