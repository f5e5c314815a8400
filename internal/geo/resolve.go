package geo

import (
	"bytes"
	"math"
	"slices"
	"strings"
)

// resolve chooses an entry for every group of toponyms, in passes: the
// first weighs each candidate's prominence, the countries the article is
// about (actor mentions and unambiguous names) and the divisions it names;
// the second adds co-location with the other names' plausible readings;
// the others add nearness to the readings chosen for the other names,
// until no choice changes.
func (r *Resolver) resolve(w *work) {
	if len(w.groups) == 0 {
		return
	}
	w.sortTopos()
	a := w.a
	// Actor mentions say which countries the article is about, except
	// those that are the place names being resolved ("Dublin" is no
	// evidence for Ireland when it is Dublin, Ohio).
	ti := 0
	for _, m := range a.Actors {
		if len(m.Code) < 3 || m.Kind == "role" {
			continue
		}
		for ti < len(w.topos) && w.topos[ti].span.End <= m.Span.Start {
			ti++
		}
		if ti < len(w.topos) && w.topos[ti].span.Overlaps(m.Span) {
			continue
		}
		if c, ok := w.g.CountryByISO3(m.Code[:3]); ok {
			w.countryW[c.ISO2]++
		}
	}
	for i := range w.topos {
		t := &w.topos[i]
		gr := &w.groups[t.group]
		gr.n++
		if t.hint != hintNone {
			gr.hint = t.hint
		}
		if t.actorGov != "" {
			gr.gov = t.actorGov
		}
		gr.containerOf = gr.containerOf || t.containerOf
		gr.demonym = gr.demonym || t.demonym
		if t.container >= 0 {
			gr.conts = append(gr.conts, w.topos[t.container].group)
		}
	}
	// Names with one country or division among their candidates say which
	// countries and divisions the article is about.
	for gi := range w.groups {
		gr := &w.groups[gi]
		if len(gr.posts) == 0 {
			continue
		}
		e := &w.g.entries[gr.posts[0]]
		// A second country or division makes the name ambiguous ("Georgia");
		// a county named after a state does not ("Indiana County").
		second := len(gr.posts) > 1 && (w.g.entries[gr.posts[1]].IsCountry() || w.g.entries[gr.posts[1]].IsADM1())
		n := float64(gr.n)
		switch {
		case e.IsCountry() && !second:
			w.countryW[e.Country] += n
			gr.ownCountryW = n
		case e.IsADM1() && !second:
			gr.ownKey, gr.ownW = divOf(e), n
			w.countryW[e.Country] += 0.5 * n
		case len(gr.posts) == 1 && e.Country != "" && !gr.demonym:
			w.countryW[e.Country] += 0.5 * n
			if e.Admin1 != "" {
				gr.ownKey, gr.ownW = divOf(e), 0.5*n
			}
		}
		if gr.ownKey != (div{}) {
			w.adm1W[gr.ownKey] += gr.ownW
		}
	}
	// Containers first: "X, Y" resolves Y before X. Later passes weigh
	// nearness to the other names' choices, until the choices settle.
	for pass := range maxPasses {
		changed := false
		for _, cont := range [2]bool{true, false} {
			for gi := range w.groups {
				if gr := &w.groups[gi]; gr.containerOf == cont {
					was := gr.best
					w.choose(gi, pass)
					if pass > 1 && gr.best != was {
						// Later passes update the evidence at once, so
						// that two names do not keep trading readings.
						changed = true
						w.noteChoice(gi)
					}
				}
			}
		}
		if pass <= 1 {
			for gi := range w.groups {
				w.noteChoice(gi)
			}
		} else if !changed {
			break
		}
	}
}

// maxPasses bounds the resolution passes: the first on prominence and
// context, the second adding names with readings close together, the
// others nearness to the readings chosen.
const maxPasses = 5

// noteChoice records the reading chosen for group gi as evidence of the
// divisions and countries the article is about, replacing the reading
// chosen before.
func (w *work) noteChoice(gi int) {
	gr := &w.groups[gi]
	if gr.bestKey != (div{}) {
		w.adm1W[gr.bestKey] -= 0.5
		gr.bestKey = div{}
	}
	if gr.bestCountry != "" {
		w.countryW[gr.bestCountry]--
		gr.bestCountry = ""
	}
	if gr.best < 0 {
		return
	}
	e := &w.g.entries[gr.best]
	if e.Country != "" && e.Admin1 != "" && !e.IsCountry() {
		gr.bestKey = divOf(e)
		w.adm1W[gr.bestKey] += 0.5
	}
	if e.Country != "" && !gr.demonym {
		gr.bestCountry = e.Country
		w.countryW[e.Country]++
	}
}

// choose scores the candidates of group gi and keeps the best.
func (w *work) choose(gi, pass int) {
	gr := &w.groups[gi]
	posts := gr.posts
	if n := w.r.cfg.MaxCandidates; len(posts) > n {
		posts = posts[:n]
	}
	if len(posts) == 0 {
		return
	}
	h, gov, containerOf := gr.hint, gr.gov, gr.containerOf
	var cont []int32 // chosen entries of containers
	for _, c := range gr.conts {
		if b := w.groups[c].best; b >= 0 {
			cont = append(cont, b)
		}
	}
	if gr.demonym {
		gr.best = posts[0]
		return
	}
	var total float64
	for _, v := range w.countryW {
		total += v
	}
	// A town named as its own division ("New York") is the town.
	var sameNameAdm div
	for _, p := range posts {
		if e := &w.g.entries[p]; e.IsADM1() {
			sameNameAdm = divOf(e)
			break
		}
	}
	if gr.own == nil {
		// Which candidates bear the name as their own, and how prominent
		// they are, weighed once.
		start := len(w.ownBuf)
		for _, p := range posts {
			e := &w.g.entries[p]
			own := w.ownName(gr.key, e)
			w.ownBuf = append(w.ownBuf, own)
			w.promBuf = append(w.promBuf, prominence(e))
			gr.owned = gr.owned || own && e.Class == 'P'
		}
		gr.own = w.ownBuf[start:len(w.ownBuf):len(w.ownBuf)]
		gr.prom = w.promBuf[start:len(w.promBuf):len(w.promBuf)]
	}
	// A name some town bears as its own is seldom meant as another
	// town's former or foreign name ("Antioch" is Antioch, California,
	// more often than Antakya).
	owned := gr.owned
	if pass == 1 && gr.coloc == nil {
		// Co-location does not depend on the choices: weigh it once.
		start := len(w.colocBuf)
		for _, p := range posts {
			w.colocBuf = append(w.colocBuf, w.colocated(gi, p))
		}
		gr.coloc = w.colocBuf[start:len(w.colocBuf):len(w.colocBuf)]
	}
	best, bestScore := int32(-1), math.Inf(-1)
	for pi, p := range posts {
		e := &w.g.entries[p]
		s := gr.prom[pi]
		switch {
		case e.IsCountry():
			// A country's name means the country more often than a town
			// named after it ("Mexico", "Lebanon, Pennsylvania"); against
			// a division of its name ("Georgia") the article's countries
			// decide.
			s += 4
			if sameNameAdm.country != "" && sameNameAdm.country != e.Country {
				s -= 2
			}
		case e.Country == "" && e.Class != 'P':
			// Seas and continents get no country context.
			s += 2.5
		case e.Code == "ADM2" || e.Class == 'P':
			// A county without "County", a town by a former or foreign name.
			if !gr.own[pi] {
				s -= 1.5
				if owned {
					s--
				}
			}
		}
		if e.Country != "" {
			v, t := w.countryW[e.Country], total
			if gr.ownCountryW > 0 && e.IsCountry() {
				// A country's name is no evidence for itself ("Lebanon"
				// in a story about Lebanon, Indiana).
				v -= gr.ownCountryW
				t -= gr.ownCountryW
			}
			if gr.bestCountry != "" {
				t--
				if gr.bestCountry == e.Country {
					v--
				}
			}
			if v > 0 && t > 0 {
				s += 1.5 + 3*v/t
			}
		}
		if e.Country != "" && e.Admin1 != "" {
			k := divOf(e)
			if v := w.adm1W[k] - w.ownAdm1(gi, k); v > 0 {
				s += 2 + 0.5*math.Min(v, 3)
			}
			if e.Class == 'P' && k == sameNameAdm && e.Population >= 100_000 {
				s += 2
			}
		}
		switch h {
		case hintTown:
			if e.Class == 'P' {
				s += 3
			}
		case hintAdmin:
			if e.Class == 'A' || e.Class == 'L' {
				s += 4
			}
		}
		if containerOf && e.Class == 'A' {
			s += 5
			if w.holdsContained(gi, e) {
				s += 6
			}
		}
		if gov != "" && e.Code == "PPLC" && e.Country == gov {
			s++
		}
		for _, c := range cont {
			ce := &w.g.entries[c]
			switch {
			case ce.IsCountry() && ce.Country == e.Country, ce.IsADM1() && ce.Country == e.Country && ce.Admin1 == e.Admin1:
				s += 6
			default:
				s -= 6
			}
		}
		// Nearness to the article's other places, for towns, features,
		// divisions, and counties by their own name (a bare "Washington"
		// is no county for being near one).
		if pass > 0 && !e.IsCountry() && (e.Code != "ADM2" || gr.own[pi]) {
			s += gr.coloc[pi]
			if pass > 1 {
				s += w.nearness(gi, p)
			}
		}
		if s > bestScore {
			best, bestScore = p, s
		}
		if pass == 0 {
			w.scores = append(w.scores, scored{p, s})
		}
	}
	gr.best, gr.score = best, bestScore
	if pass == 0 {
		// Keep the runners-up: a name's other readings lend weak support
		// to places near them in the second pass.
		gr.alts = gr.alts[:0]
		bestLocal := math.Inf(-1)
		for _, c := range w.scores {
			if c.e != best && c.s >= bestScore-3 && len(gr.alts) < 4 {
				gr.alts = append(gr.alts, c.e)
			}
			if local(&w.g.entries[c.e]) {
				bestLocal = math.Max(bestLocal, c.s)
			}
		}
		start := len(w.candBuf)
		for _, c := range w.scores {
			if local(&w.g.entries[c.e]) && c.s >= bestLocal-colocMargin {
				w.candBuf = append(w.candBuf, c)
			}
		}
		gr.cands = w.candBuf[start:len(w.candBuf):len(w.candBuf)]
		w.scores = w.scores[:0]
	}
}

// scored is a candidate with its score.
type scored struct {
	e int32
	s float64
}

// ownName reports whether key is the entry's own name rather than an
// alternate one; "St."/"Saint", "Mt."/"Mount" and "Ft."/"Fort" are one
// name.
func (w *work) ownName(key string, e *Entry) bool {
	w.tmp = AppendKey(w.tmp[:0], e.Name)
	return sameKey(string(w.tmp), key)
}

// ownNameKey is [work.ownName] for a key in bytes.
func (w *work) ownNameKey(key []byte, e *Entry) bool {
	w.tmp = AppendKey(w.tmp[:0], e.Name)
	return bytes.Equal(w.tmp, key) || sameKey(string(w.tmp), string(key))
}

// sameKey reports whether two keys are one name but for an abbreviated
// first word ("st cloud", "saint cloud").
func sameKey(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" || a[0] != b[0] || a[0] != 's' && a[0] != 'm' && a[0] != 'f' {
		return false
	}
	a1, ar, _ := strings.Cut(a, " ")
	b1, br, _ := strings.Cut(b, " ")
	return ar == br && ar != "" && expandWord(a1) == expandWord(b1)
}

// expandWord returns the full form of an abbreviated first word of a name.
func expandWord(w string) string {
	switch w {
	case "st":
		return "saint"
	case "ste":
		return "sainte"
	case "mt":
		return "mount"
	case "ft":
		return "fort"
	}
	return w
}

// holdsContained reports whether country or division e holds a candidate
// of a name that group gi was written after ("Atlanta, Georgia").
func (w *work) holdsContained(gi int, e *Entry) bool {
	for oi := range w.groups {
		o := &w.groups[oi]
		if !slices.Contains(o.conts, gi) {
			continue
		}
		for _, p := range o.posts[:min(len(o.posts), w.r.cfg.MaxCandidates)] {
			x := &w.g.entries[p]
			if x.Country == e.Country && (e.IsCountry() || x.Admin1 == e.Admin1) {
				return true
			}
		}
	}
	return false
}

// ownAdm1 returns how much of the division weight k comes from group gi
// itself, so a name does not vote for itself.
func (w *work) ownAdm1(gi int, k div) float64 {
	gr := &w.groups[gi]
	var own float64
	if gr.ownKey == k {
		own += gr.ownW
	}
	if gr.bestKey == k {
		own += 0.5
	}
	return own
}

// nearness rewards a candidate close to the places chosen for the other
// names of the article (towns, divisions and local features, not countries
// or continents), and a little for being close to their runners-up: two
// ambiguous names of one story are most likely near each other.
func (w *work) nearness(gi int, p int32) float64 {
	e := &w.g.entries[p]
	var bonus float64
	for oi := range w.groups {
		if oi == gi {
			continue
		}
		o := &w.groups[oi]
		if o.best < 0 || o.best == p {
			continue // a place named two ways does not support itself
		}
		bonus = math.Max(bonus, w.near(e, o.best))
		for _, a := range o.alts {
			bonus = math.Max(bonus, 0.5*w.near(e, a))
		}
	}
	return bonus
}

// near scores the distance between e and entry o.
func (w *work) near(e *Entry, o int32) float64 {
	x := &w.g.entries[o]
	if x.IsCountry() || x.Country == "" || math.Abs(x.Lat-e.Lat) > 3.7 {
		return 0 // 3.7° of latitude is over 400 km
	}
	d := distanceKm(e.Lat, e.Lon, x.Lat, x.Lon)
	switch {
	case d < 50:
		return 2.5
	case d < 150:
		return 1.5
	case d < 400:
		return 0.5
	}
	return 0
}

// prominence is how likely a place is to be meant by its name when nothing
// else is known: countries, then divisions and features, then towns by
// population, capitals and division seats raised.
func prominence(e *Entry) float64 {
	switch {
	case e.IsCountry():
		return 10
	case e.IsADM1():
		return 8
	case e.Code == "ADM2":
		return 4.5
	case e.Class != 'P':
		return 8
	}
	s := math.Log10(float64(e.Population) + 10)
	switch e.Code {
	case "PPLC":
		s += 2.5
	case "PPLA":
		s += 1
	case "PPLA2":
		s += 0.4
	}
	return s
}

// Co-location: a reading with a plausible reading of another name of the
// article within colocKm is likelier, the more so the closer: two names of
// one local story are seldom far apart, and two namesakes seldom close by
// chance ("Springfield" and "Clark County": Springfield, Ohio, is its seat).
const (
	colocKm     = 50.0 // how close, in km
	colocW      = 2.0  // the support of one name at distance 0
	colocCap    = 4.0  // the most support from all names
	colocMargin = 6    // a plausible reading scores this close to the best local one in the first pass
)

// colocated weighs the other names of the article that have a plausible
// reading near candidate p of group gi (see colocKm).
func (w *work) colocated(gi int, p int32) float64 {
	e := &w.g.entries[p]
	if !local(e) {
		return 0
	}
	var sum float64
	for oi := range w.groups {
		o := &w.groups[oi]
		if oi == gi || o.demonym || len(o.cands) == 0 {
			continue
		}
		best := 0.0
		for _, c := range o.cands {
			if c.e == p {
				continue
			}
			x := &w.g.entries[c.e]
			if math.Abs(x.Lat-e.Lat) > colocKm/111 {
				continue
			}
			if d := distanceKm(e.Lat, e.Lon, x.Lat, x.Lon); d < colocKm {
				best = math.Max(best, 1-d/colocKm)
			}
		}
		sum += colocW * best
	}
	return math.Min(sum, colocCap)
}

// local reports whether e is a place of a size that nearness can tell
// apart: a town, county or feature within a country, not a country or
// first-order division.
func local(e *Entry) bool {
	return e.Country != "" && !e.IsCountry() && !e.IsADM1()
}

// div names a first-order division: country and admin1 code.
type div struct{ country, admin1 string }

// divOf returns the division of e.
func divOf(e *Entry) div { return div{e.Country, e.Admin1} }
