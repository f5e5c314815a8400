package geo

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// recognize finds the toponyms of w.a: gazetteer names on capitalised
// tokens, taken when an entity tag, a cue word or the name's prominence
// says they are places.
func (r *Resolver) recognize(w *work) {
	a := w.a
	if w.byKey == nil {
		w.byKey = map[string]int{}
		w.countryW = map[string]float64{}
		w.adm1W = map[div]float64{}
		w.personW = map[string]bool{}
	}
	for _, m := range a.Mentions {
		if m.Type == article.Person {
			w.notePerson(m.Span.In(a.Text))
		}
	}
	for _, m := range a.Actors {
		if m.Kind == "person" {
			w.notePerson(m.Name) // the canonical name, not the title before it
		}
	}
	mi, ai := 0, 0
	for si := range a.Sentences {
		s := &a.Sentences[si]
		n := len(s.Tokens)
		w.prepare(n)
		sentStart := len(w.topos)
		for ; mi < len(a.Mentions) && a.Mentions[mi].Sentence < si; mi++ {
		}
		for k := mi; k < len(a.Mentions) && a.Mentions[k].Sentence == si; k++ {
			m := &a.Mentions[k]
			for t := max(m.First, 0); t <= m.Last && t < n; t++ {
				w.ner[t] = int8(m.Type)
				w.nerMent[t] = int32(k)
			}
		}
		for ; ai < len(a.Actors) && a.Actors[ai].Sentence < si; ai++ {
		}
		for k := ai; k < len(a.Actors) && a.Actors[k].Sentence == si; k++ {
			m := &a.Actors[k]
			for t := max(m.First, 0); t <= m.Last && t < n; t++ {
				w.actor[t] = int32(k)
			}
		}
		for i := 0; i < n; i++ {
			if w.used[i] || !startsName(s.Tokens[i].Span.In(a.Text)) {
				continue
			}
			if j := r.countyList(w, si, i); j >= 0 {
				i = j
				continue
			}
			j, posts, skip := w.longest(s, i, 0)
			if j < 0 || r.cfg.Demonyms && w.demonymAt(s, i) >= j {
				// "German" is the demonym, not the towns called German;
				// "Dominican Republic" is a country.
				r.partsOrDemonym(w, si, i)
				continue
			}
			t := toponym{span: article.Span{Start: s.Tokens[i].Span.Start + skip, End: s.Tokens[j].Span.End - w.possCut},
				sent: si, first: i, last: j, container: -1}
			v, strong := r.accept(w, si, &t, posts)
			if v == reject {
				continue
			}
			if v == pending {
				w.pend = append(w.pend, pend{t: t, posts: posts})
				i = j
				continue
			}
			ti := w.add(t, posts, strong)
			for k := i; k <= j; k++ {
				w.used[k] = true
			}
			i = j
			// "X, Y": Y a country or division that contains X.
			if y := r.containerAt(w, si, j+1, posts); y >= 0 {
				w.topos[ti].container = y
				i = w.topos[y].last
			}
		}
		r.listed(w, si, sentStart)
		w.listHints(si, sentStart)
	}
	r.elsewhere(w)
}

// pend is a gazetteer name that is a place if the article names it as one
// elsewhere or lists it with places.
type pend struct {
	t     toponym
	posts []int32
}

// listed takes the pending names of sentence si that are listed with a
// place of the sentence ("Ann Arbor and Oscoda", "Middletown, Trenton and
// Monroe"), or with two other names of the gazetteer ("Kisumu, Bondo,
// Nyando"); the rest wait for [Resolver.elsewhere].
func (r *Resolver) listed(w *work, si, sentStart int) {
	s := &w.a.Sentences[si]
	pend := w.pend[w.pendSent:]
	w.pendSent = len(w.pend)
	if len(pend) == 0 {
		return
	}
	// Pending names chained by commas and conjunctions: a run of three or
	// more is a list of places.
	runStart := 0
	for i := 1; i <= len(pend); i++ {
		if i < len(pend) && w.coordinated(s, pend[i-1].t.last, pend[i].t.first) {
			continue
		}
		if i-runStart >= 3 {
			for k := runStart; k < i; k++ {
				w.key = AppendKey(w.key[:0], pend[k].t.span.In(w.a.Text))
				w.add(pend[k].t, pend[k].posts, false)
				pend[k].posts = nil
			}
		}
		runStart = i
	}
	for changed := true; changed; {
		changed = false
		for pi := range pend {
			p := &pend[pi]
			if p.posts == nil {
				continue
			}
			for ti := sentStart; ti < len(w.topos); ti++ {
				t := &w.topos[ti]
				if t.sent != si || t.demonym {
					continue
				}
				if w.coordinated(s, t.last, p.t.first) || w.coordinated(s, p.t.last, t.first) {
					w.key = AppendKey(w.key[:0], p.t.span.In(w.a.Text))
					w.add(p.t, p.posts, false)
					p.posts = nil
					changed = true
					break
				}
			}
		}
	}
}

// listHints marks names listed with divisions as divisions ("Oregon,
// Washington and Wyoming").
func (w *work) listHints(si, sentStart int) {
	s := &w.a.Sentences[si]
	isAdm := func(t *toponym) bool {
		p := w.groups[t.group].posts
		return len(p) > 0 && w.g.entries[p[0]].IsADM1()
	}
	for i := sentStart; i+1 < len(w.topos); i++ {
		x, y := &w.topos[i], &w.topos[i+1]
		if x.sent != si || y.sent != si || x.hint != hintNone && y.hint != hintNone {
			continue
		}
		if !w.coordinated(s, x.last, y.first) {
			continue
		}
		if isAdm(x) && y.hint == hintNone {
			y.hint = hintAdmin
		}
		if isAdm(y) && x.hint == hintNone {
			x.hint = hintAdmin
		}
	}
}

// coordinated reports whether tokens a and b (a < b) are joined only by
// commas and conjunctions.
func (w *work) coordinated(s *article.Sentence, a, b int) bool {
	if b <= a+1 || b-a > 4 {
		return false
	}
	for k := a + 1; k < b; k++ {
		switch strings.ToLower(s.Tokens[k].Span.In(w.a.Text)) {
		case ",", "and", "or", "&":
		default:
			return false
		}
	}
	return true
}

// elsewhere takes the pending names that the article names as a place
// elsewhere, with an entity tag or a cue: one sense per discourse.
func (r *Resolver) elsewhere(w *work) {
	for pi := range w.pend {
		p := &w.pend[pi]
		if p.posts == nil {
			continue
		}
		w.key = AppendKey(w.key[:0], p.t.span.In(w.a.Text))
		if gi, ok := w.byKey[string(w.key)]; ok && w.groups[gi].strong {
			w.add(p.t, p.posts, false)
			continue
		}
		// "DeKalb" after "DeKalb County".
		n := len(w.key)
		added := false
		for _, suf := range []string{" county", " parish"} {
			w.key = append(w.key[:n], suf...)
			if gi, ok := w.byKey[string(w.key)]; ok && w.groups[gi].strong {
				w.key = w.key[:n]
				w.add(p.t, p.posts, false)
				added = true
				break
			}
		}
		if !added && w.nearStrong(p.posts) {
			w.key = w.key[:n]
			w.add(p.t, p.posts, false)
		}
	}
}

// nearStrong reports whether a town among posts lies beside a reading of
// a name the article gives as a place: a local story names its
// neighbouring towns without saying they are towns.
func (w *work) nearStrong(posts []int32) bool {
	if w.strongPts == nil {
		// The readings of the names given as places, once per article.
		w.strongPts = w.strongBuf[:0]
		for gi := range w.groups {
			if o := &w.groups[gi]; o.strong {
				for _, q := range o.posts[:min(len(o.posts), 8)] {
					if local(&w.g.entries[q]) {
						w.strongPts = append(w.strongPts, q)
					}
				}
			}
		}
		w.strongBuf = w.strongPts
	}
	for _, p := range posts[:min(len(posts), 16)] {
		e := &w.g.entries[p]
		if e.Class != 'P' {
			continue
		}
		for _, q := range w.strongPts {
			x := &w.g.entries[q]
			if q == p || math.Abs(x.Lat-e.Lat) > nearStrongKm/111 {
				continue
			}
			if distanceKm(e.Lat, e.Lon, x.Lat, x.Lon) < nearStrongKm {
				return true
			}
		}
	}
	return false
}

// nearStrongKm is how close a pending name's town must lie to a reading
// of a name given as a place for [work.nearStrong].
const nearStrongKm = 25.0

// notePerson records the words of a person's name, so that a town named
// like a person mentioned in the article ("Jackson") needs more than its
// capital letter to be taken as a place.
func (w *work) notePerson(name string) {
	for len(name) > 0 {
		// The next word: up to a space (strings.Fields, without its
		// slice).
		i := strings.IndexFunc(name, unicode.IsSpace)
		word := name
		if i >= 0 {
			word, name = name[:i], name[i:]
			_, n := utf8.DecodeRuneInString(name)
			name = name[n:]
		} else {
			name = ""
		}
		w.key = AppendKey(w.key[:0], word)
		if _, ok := w.personW[string(w.key)]; !ok && len(w.key) > 0 {
			w.personW[string(w.key)] = true
		}
	}
}

// prepare sizes the per-token arrays for a sentence of n tokens.
func (w *work) prepare(n int) {
	if cap(w.ner) < n {
		w.ner = make([]int8, n)
		w.nerMent = make([]int32, n)
		w.actor = make([]int32, n)
		w.used = make([]bool, n)
	}
	w.ner, w.nerMent, w.actor, w.used = w.ner[:n], w.nerMent[:n], w.actor[:n], w.used[:n]
	for i := range n {
		w.ner[i], w.nerMent[i], w.actor[i], w.used[i] = 0, -1, -1, false
	}
}

// add records a toponym under its name's group and returns its index.
func (w *work) add(t toponym, posts []int32, strong bool) int {
	gi, ok := w.byKey[string(w.key)]
	if !ok {
		gi = len(w.groups)
		k := string(w.key)
		w.byKey[k] = gi
		w.groups = append(w.groups, group{key: k, posts: posts, best: -1})
	}
	if strong {
		w.groups[gi].strong = true
	}
	t.group = gi
	w.topos = append(w.topos, t)
	return len(w.topos) - 1
}

// longest returns the last token of the longest gazetteer name starting at
// token i, its postings, and how many bytes of token i an Arabic article
// ("al-") took; j is -1 when no name starts there. ns is the key namespace.
// On return w.key holds the name's key.
func (w *work) longest(s *article.Sentence, i int, ns byte) (j int, posts []int32, skip int) {
	j, posts = w.longestFrom(s, i, ns, 0)
	if j >= 0 {
		return j, posts, 0
	}
	tok := s.Tokens[i].Span.In(w.a.Text)
	if n := arabicArticle(tok); n > 0 {
		j, posts = w.longestFrom(s, i, ns, n)
		return j, posts, n
	}
	return -1, nil, 0
}

func (w *work) longestFrom(s *article.Sentence, i int, ns byte, skip int) (int, []int32) {
	text := w.a.Text
	toks := s.Tokens
	best := -1
	var bestPosts []int32
	start := toks[i].Span.Start + skip
	maxJ := min(len(toks), i+w.r.cfg.MaxWords)
	for j := i; j < maxJ; j++ {
		if j > i && breaksName(toks[j].Span.In(text)) {
			break
		}
		end := toks[j].Span.End
		if start >= end || end > len(text) {
			break
		}
		// A possessive ending is no part of the name ("Canada’s"), nor is
		// "-based" ("Denver-based").
		poss := possessive(text[toks[j].Span.Start:end])
		if poss == 0 {
			poss = basedSuffix(text[toks[j].Span.Start:end])
		}
		end -= poss
		if end <= start {
			break
		}
		w.tmp = w.tmp[:0]
		if ns != 0 {
			w.tmp = append(w.tmp, ns)
		}
		w.tmp = AppendKey(w.tmp, text[start:end])
		posts, flags, ok := w.g.lookup(w.tmp)
		if !ok {
			break
		}
		if len(posts) > 0 && hasLetter(toks[j].Span.In(text)) {
			best, bestPosts, w.possCut = j, posts, poss
			w.key = append(w.key[:0], w.tmp...)
		}
		if flags&flagPrefix == 0 || poss > 0 {
			break
		}
	}
	return best, bestPosts
}

// possessive returns the length of a possessive ending of a token longer
// than it ("Canada's", "Syria’s"), 0 if none.
func possessive(tok string) int {
	for _, suf := range []string{"'s", "’s", "'S", "’S"} {
		if len(tok) > len(suf) && strings.HasSuffix(tok, suf) {
			return len(suf)
		}
	}
	return 0
}

// basedSuffix returns the length of a "-based" ending of a token longer
// than it ("Denver-based"), 0 if none.
func basedSuffix(tok string) int {
	const suf = "-based"
	if len(tok) > len(suf) && tok[len(tok)-1]|0x20 == 'd' && strings.EqualFold(tok[len(tok)-len(suf):], suf) {
		return len(suf)
	}
	return 0
}

// arabicArticle returns the length of an Arabic article prefix joined by a
// hyphen ("al-", "el-", "ash-"), 0 if none.
func arabicArticle(tok string) int {
	i := strings.IndexByte(tok, '-')
	if i < 1 || i > 3 || i+1 >= len(tok) {
		return 0
	}
	switch strings.ToLower(tok[:i]) {
	case "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ath":
		return i + 1
	}
	return 0
}

// verdict is what [Resolver.accept] decides about a gazetteer name.
type verdict uint8

const (
	reject  verdict = iota // not a place here
	pending                // a place if the article names it elsewhere as one, or lists it with places
	take                   // a place
)

// accept decides whether a gazetteer name found in the text names a place
// here; strong reports an entity tag or cue that says so.
func (r *Resolver) accept(w *work, si int, t *toponym, posts []int32) (v verdict, strong bool) {
	a := w.a
	s := &a.Sentences[si]
	text := t.span.In(a.Text)
	if text == "" {
		return reject, false
	}
	first, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsUpper(first) {
		return reject, false
	}
	cue := r.cues(w, s, t)
	if genericName(w.key) && t.hint == hintNone {
		return reject, false
	}
	// Short names ("US", "UK", "Us") only in capitals; three letters
	// ("Van", "Ufa") also as a tagged location.
	if len(w.key) <= 3 && !allUpper(text) && (len(w.key) < 3 || !w.taggedLoc(t.first, t.last)) {
		return reject, false
	}
	// The entity recogniser's view: a tag on the name, or a longer mention
	// it sits in ("University of Texas", "Paris Hilton").
	// A name that ends in a division word ("Story County", "Calcasieu
	// Parish") is no person's, whatever the entity recogniser says.
	divName := divisionWord(s.Tokens[t.last].Span.In(a.Text))
	var ner article.EntityType
	embedded := false
	for k := t.first; k <= t.last; k++ {
		m := w.nerMent[k]
		if m < 0 {
			continue
		}
		men := &a.Mentions[m]
		if divName && men.Type == article.Person {
			ner = article.Location
			continue
		}
		if w.sticksOut(s, men.First, men.Last, t.first, t.last) {
			switch {
			case men.Type == article.Person:
				return reject, false
			case men.Type == article.Location && (men.First >= t.first && w.facility(s, t.last+1, men.Last) ||
				w.qualified(s, men.First, men.Last, t.first, t.last) && w.prominent(posts)):
				// "South Lebanon", "Western Europe": a qualified place.
			case r.cfg.Embedded:
				embedded = true
				continue
			default:
				return reject, false
			}
		}
		if ner == article.NoEntity || men.Type == article.Location {
			ner = men.Type
		}
	}
	// The actor resolver's view: a person is no place; a capital that
	// speaks for its government is its country's capital.
	for k := t.first; k <= t.last; k++ {
		m := w.actor[k]
		if m < 0 {
			continue
		}
		am := &a.Actors[m]
		if am.Kind == "role" && w.ner[k] == int8(article.Location) {
			continue // "East Bank": a role word inside a place name
		}
		if am.Kind == "person" || am.Kind == "role" {
			// A place that opens a person's description is a modifier
			// ("Iran's Mohammad Javad Zarif", "U.S. Secretary of State
			// Rex Tillerson"); otherwise the words are the person's.
			if am.First == t.first && am.Last > t.last {
				continue
			}
			return reject, false
		}
		if len(am.Code) >= 6 && am.Code[3:6] == "GOV" && strings.EqualFold(am.Name, text) {
			if c, ok := w.g.CountryByISO3(am.Code[:3]); ok {
				t.actorGov = c.ISO2
			}
		}
	}
	prominent := w.prominent(posts)
	yes := func(ok bool) verdict {
		if ok {
			return take
		}
		return pending
	}
	switch {
	case embedded:
		return yes(prominent || cue), false
	case ner == article.Location:
		return take, true
	case ner == article.Organization, ner == article.Misc:
		return yes(prominent || cue), cue
	case ner == article.Person:
		return yes(cue), cue
	}
	if stopName(w.key) {
		return reject, false
	}
	if !cue && w.personW[string(w.key)] {
		return pending, false
	}
	if !cue && !properNoun(s, t.first, t.last, a.Text) {
		return pending, false
	}
	return yes(cue || prominent), cue
}

// taggedLoc reports whether the entity recogniser tagged tokens [f, l] a
// location.
func (w *work) taggedLoc(f, l int) bool {
	for k := f; k <= l; k++ {
		if w.ner[k] != int8(article.Location) {
			return false
		}
	}
	return true
}

// sticksOut reports whether mention [mf, ml] covers tokens outside [f, l]
// other than a leading "the" and a trailing possessive.
func (w *work) sticksOut(s *article.Sentence, mf, ml, f, l int) bool {
	text := w.a.Text
	for k := mf; k < f; k++ {
		if !strings.EqualFold(s.Tokens[k].Span.In(text), "the") {
			return true
		}
	}
	for k := l + 1; k <= ml && k < len(s.Tokens); k++ {
		switch s.Tokens[k].Span.In(text) {
		case "'s", "’s", "'", "’":
		default:
			return true
		}
	}
	return false
}

// qualified reports whether the words of a location mention beyond the
// name only qualify it ("South Lebanon", "western Europe", "Greater
// London"), so that the name is the place; other words make another place
// ("Kasai Occidental", "Lake Michigan", "Main Street").
func (w *work) qualified(s *article.Sentence, mf, ml, f, l int) bool {
	text := w.a.Text
	for k := mf; k <= ml && k < len(s.Tokens); k++ {
		if k >= f && k <= l {
			continue
		}
		switch strings.ToLower(s.Tokens[k].Span.In(text)) {
		case "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
			"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
			"southeastern", "southwestern", "greater", "upper", "lower", "inner", "outer", "mainland",
			"rural", "downtown", "metropolitan", "metro", "the", "'s", "’s", "city", "county", "parish",
			"province", "state", "region", "governorate", "district", "oblast", "prefecture", "area",
			"township", "borough", "municipality", "territory":
		default:
			return false
		}
	}
	return true
}

// facility reports whether tokens [f, l] after a place name make the name
// of something in that place ("California Department of Public Health",
// "Seoul City Hall", "Crawford County"), not a person ("Paris Hilton").
func (w *work) facility(s *article.Sentence, f, l int) bool {
	for k := f; k <= l && k < len(s.Tokens); k++ {
		switch strings.ToLower(s.Tokens[k].Span.In(w.a.Text)) {
		case "department", "county", "parish", "province", "state", "city", "hall", "park", "street",
			"road", "avenue", "university", "college", "school", "hospital", "center", "centre", "airport",
			"station", "police", "office", "council", "delta", "valley", "river", "lake", "harbour",
			"harbor", "bay", "island", "islands", "district", "region", "area", "mountains", "government",
			"court", "library", "church", "bridge", "square", "market", "port", "museum", "zoo", "stadium",
			"arena", "theater", "theatre", "club", "community", "service", "services", "board", "authority",
			"agency", "commission", "ministry", "embassy", "consulate", "army", "navy", "guard", "patrol",
			"highway", "metro", "township", "borough", "village", "town", "coast", "basin", "plain", "heights":
			return true
		}
	}
	return false
}

// cues looks at the words around a name for evidence that it is a place
// and of what kind, and records the kind on t.
func (r *Resolver) cues(w *work, s *article.Sentence, t *toponym) bool {
	text := w.a.Text
	toks := s.Tokens
	word := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return strings.ToLower(toks[k].Span.In(text))
	}
	cue := false
	p := t.first - 1
	if w := word(p); w == "the" {
		p--
	}
	for w := word(p); w == "northern" || w == "southern" || w == "eastern" || w == "western" || w == "central" ||
		w == "northeastern" || w == "northwestern" || w == "southeastern" || w == "southwestern" || w == "north" ||
		w == "south" || w == "east" || w == "west" || w == "rural" || w == "downtown" || w == "suburban"; w = word(p) {
		p--
		cue = true
	}
	prev := word(p)
	if locPreps[prev] {
		cue = true
	}
	// raw is a token as written, for punctuation and numbers.
	raw := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return toks[k].Span.In(text)
	}
	switch prev {
	case "of":
		if h, ok := placeNouns[word(p-1)]; ok {
			t.hint = h
			cue = true
		}
		// Where a person is from: "Mary Jones of Oskaloosa", "Ann
		// Lee, 34, of Pella".
		if p > 0 && w.ner[p-1] == int8(article.Person) || raw(p-1) == "," && age(raw(p-2)) && raw(p-3) == "," {
			cue = true
		}
	case ",":
		// "Terry Lee, 60, Oskaloosa, was arrested": a person, an age,
		// a home town.
		if p >= 3 && age(raw(p-1)) && raw(p-2) == "," && w.ner[p-3] == int8(article.Person) {
			cue = true
		}
	}
	next := word(t.last + 1)
	if h, ok := placeNouns[next]; ok && t.hint == hintNone {
		t.hint = h
		cue = true
	}
	if next == "-based" || next == "native" || strings.HasSuffix(next, "-based") {
		cue = true
	}
	if basedSuffix(toks[t.last].Span.In(text)) > 0 {
		cue = true // "the Northbrook-based retailer"
	}
	// A dateline: the town a story was filed from opens its first
	// sentence, then a dash ("CULLMAN —", "Ames --", "AMES (AP)").
	if t.first == 0 && dateline(toks, t.last+1, text) {
		cue = true
		if t.hint == hintNone {
			t.hint = hintTown
		}
	}
	// A town's or county's own offices: "Zionsville police", "Oskaloosa
	// Mayor Ann Lee", "the Calcasieu Parish Sheriff's Office".
	if h := localOffice(next); h != hintNone {
		cue = true
		if t.hint == hintNone {
			t.hint = h
		}
	}
	return cue
}

// locPreps are words after which a capitalised name is most often a place.
var locPreps = map[string]bool{
	"in": true, "at": true, "near": true, "from": true, "to": true, "into": true, "outside": true,
	"across": true, "throughout": true, "toward": true, "towards": true, "around": true, "via": true,
	"inside": true, "within": true, "through": true, "visited": true, "visit": true, "visiting": true,
	"outskirts": true, "between": true, "of": false, "northeast": true, "northwest": true, "southeast": true,
	"southwest": true, "nearby": true, "entered": true, "leave": true, "left": true, "reached": true,
}

// localOffice says whether a word after a name makes it a town's name (its
// police, mayor, selectmen) or a county's (its sheriff), hintNone if
// neither.
func localOffice(word string) hint {
	switch word {
	case "police", "mayor", "selectmen", "aldermen", "firefighters":
		return hintTown
	case "sheriff", "sheriff's", "sheriff’s":
		return hintAdmin
	}
	return hintNone
}

// placeNouns are nouns that say the name beside them is a place, and of
// what kind ("the city of X", "X province").
var placeNouns = map[string]hint{
	"city": hintTown, "town": hintTown, "village": hintTown, "capital": hintTown, "suburb": hintTown,
	"port": hintTown, "township": hintTown, "borough": hintTown, "hamlet": hintTown, "municipality": hintTown,
	"province": hintAdmin, "state": hintAdmin, "region": hintAdmin, "governorate": hintAdmin,
	"oblast": hintAdmin, "prefecture": hintAdmin, "district": hintAdmin, "county": hintAdmin,
	"territory": hintAdmin, "provinces": hintAdmin, "regions": hintAdmin, "parish": hintAdmin,
	"island": hintNone, "peninsula": hintNone, "area": hintNone, "areas": hintNone, "border": hintNone,
	"coast": hintNone,
}

// stopName reports names that are places somewhere but far more often
// something else in news: months, weekdays, a few common words.
func stopName(key []byte) bool {
	switch string(key) {
	case "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
		"saturday", "sunday", "god", "christmas", "easter", "internet", "mass", "bill", "president",
		"mobile", "reading", "independence", "liberty", "unity", "union", "progress", "victory",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

// genericName reports names of towns that are ordinary words of direction
// or position, taken only with a cue word ("the town of West").
func genericName(key []byte) bool {
	switch string(key) {
	case "west", "east", "north", "south", "central", "western", "eastern", "northern", "southern",
		"middle", "centre", "center", "mid", "upper", "lower", "inner", "outer", "metro":
		return true
	}
	return false
}

// prominent reports whether a name (its key in w.key) is known well enough
// to be taken as a place on its capital letter alone: a country, division
// or feature, a county by its full name ("Kanawha County"), or a town of
// cfg.MinPopulation.
func (w *work) prominent(posts []int32) bool {
	for _, p := range posts {
		if e := &w.g.entries[p]; e.Code != "ADM2" && (e.Class != 'P' || e.Population >= w.r.cfg.MinPopulation) {
			return true
		}
	}
	for _, p := range posts {
		if e := &w.g.entries[p]; e.Code == "ADM2" && w.ownNameKey(w.key, e) {
			return true
		}
	}
	return false
}

// containerAt recognises "Y" after "X, " as the country or division that
// contains X, in full ("Ohio") or abbreviated ("Calif.", "N.J."); it
// returns the new toponym's index or -1.
func (r *Resolver) containerAt(w *work, si, k int, xPosts []int32) int {
	a := w.a
	s := &a.Sentences[si]
	if k+1 >= len(s.Tokens) {
		return -1
	}
	// "X, Y", or in prose "X in Y", "X located in Y".
	nss := []byte{0, nsAbbrev}
	switch tok := s.Tokens[k].Span.In(a.Text); tok {
	case ",":
	case "in":
		nss = nss[:1]
	case "located":
		if k+2 >= len(s.Tokens) || s.Tokens[k+1].Span.In(a.Text) != "in" {
			return -1
		}
		k++
		nss = nss[:1]
	default:
		return -1
	}
	if w.used[k+1] || !startsName(s.Tokens[k+1].Span.In(a.Text)) {
		return -1
	}
	saved := append(w.tmp[:0:0], w.key...)
	defer func() { w.key = append(w.key[:0], saved...) }()
	for _, ns := range nss {
		j, posts, _ := w.longest(s, k+1, ns)
		if j < 0 || !startsName(s.Tokens[k+1].Span.In(a.Text)) {
			continue
		}
		if !w.contains(posts, xPosts) {
			continue
		}
		t := toponym{span: article.Span{Start: s.Tokens[k+1].Span.Start, End: s.Tokens[j].Span.End - w.possCut},
			sent: si, first: k + 1, last: j, container: -1, hint: hintAdmin, containerOf: true}
		if ns == nsAbbrev {
			// An abbreviation is grouped under the division's full key.
			for _, p := range posts {
				if e := &w.g.entries[p]; e.IsADM1() || e.IsCountry() {
					w.key = append(w.key[:0], "\x01"...)
					w.key = AppendKey(w.key, e.Name)
					posts = []int32{p}
					break
				}
			}
		}
		y := w.add(t, posts, true)
		for q := k + 1; q <= j; q++ {
			w.used[q] = true
		}
		return y
	}
	return -1
}

// contains reports whether some country or division among ys holds some
// place among xs, and xs is no country or division itself ("Atlanta,
// Georgia", not "China, Japan" nor "Washington, Pennsylvania and
// California").
func (w *work) contains(ys, xs []int32) bool {
	n := min(len(xs), w.r.cfg.MaxCandidates)
	for _, x := range xs[:n] {
		if e := &w.g.entries[x]; e.IsCountry() || e.IsADM1() {
			return false
		}
	}
	for _, y := range ys {
		c := &w.g.entries[y]
		if !c.IsCountry() && !c.IsADM1() {
			continue
		}
		for _, x := range xs[:n] {
			e := &w.g.entries[x]
			if e.Country == c.Country && (c.IsCountry() || e.Admin1 == c.Admin1) {
				return true
			}
		}
	}
	return false
}

// demonymAt returns the last token of the demonym starting at token i, -1
// if none. It leaves w.key as the longest place name's key.
func (w *work) demonymAt(s *article.Sentence, i int) int {
	saved, cut := append(w.scratch[:0], w.key...), w.possCut
	j, _, _ := w.longest(s, i, nsDemonym)
	w.scratch = saved
	w.key, w.possCut = append(w.key[:0], saved...), cut
	return j
}

// partsOrDemonym handles a token no name starts at: the parts of a
// hyphenated token ("US-Russia", "Ohio-based") that name countries or
// divisions, and, with cfg.Demonyms, a demonym ("Syrian").
func (r *Resolver) partsOrDemonym(w *work, si, i int) {
	a := w.a
	s := &a.Sentences[si]
	tok := s.Tokens[i]
	if r.cfg.Demonyms {
		if j, posts, _ := w.longest(s, i, nsDemonym); j >= 0 && !w.personW[string(w.key[1:])] {
			t := toponym{span: article.Span{Start: tok.Span.Start, End: s.Tokens[j].Span.End - w.possCut},
				sent: si, first: i, last: j, container: -1, demonym: true}
			w.add(t, posts, true)
			for k := i; k <= j; k++ {
				w.used[k] = true
			}
			return
		}
	}
	word := tok.Span.In(a.Text)
	if strings.IndexByte(word, '-') <= 0 {
		return
	}
	if r.affiliation(w, si, i) {
		return
	}
	off := tok.Span.Start
	for part := range strings.SplitSeq(word, "-") {
		start := off
		off += len(part) + 1
		if !startsName(part) {
			continue
		}
		w.key = AppendKey(w.key[:0], part)
		posts, _, ok := w.g.lookup(w.key)
		if ok && len(posts) > 0 && len(w.key) > 3 || ok && len(posts) > 0 && allUpper(part) {
			e := &w.g.entries[posts[0]]
			if e.IsCountry() || e.IsADM1() || w.prominent(posts) && !w.personW[string(w.key)] {
				w.add(toponym{span: article.Span{Start: start, End: start + len(part)}, sent: si, first: i, last: i, container: -1}, posts, false)
				continue
			}
		}
		if r.cfg.Demonyms {
			w.key = append(append(w.key[:0], nsDemonym), AppendKey(w.tmp[:0], part)...)
			if posts, _, ok := w.g.lookup(w.key); ok && len(posts) > 0 {
				w.add(toponym{span: article.Span{Start: start, End: start + len(part)}, sent: si, first: i, last: i, container: -1, demonym: true}, posts, false)
			}
		}
	}
}

// startsName reports whether a token can begin a place name: it starts
// with a capital letter.
func startsName(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsUpper(r)
}

// breaksName reports tokens that no place name spans: brackets, quotes,
// dashes and sentence punctuation.
func breaksName(tok string) bool {
	switch tok {
	case "(", ")", "[", "]", "\"", "“", "”", ";", ":", "—", "–", "!", "?", "/", "|", "'s", "’s", "'", "’":
		return true
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func allUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// properNoun reports whether a name's tokens were tagged as proper nouns,
// or written in capitals (datelines).
func properNoun(s *article.Sentence, f, l int, text string) bool {
	for k := f; k <= l && k < len(s.Tokens); k++ {
		switch s.Tokens[k].Tag {
		case "NNP", "NNPS":
			return true
		}
		if tok := s.Tokens[k].Span.In(text); len(tok) > 1 && allUpper(tok) {
			return true
		}
	}
	return false
}

// divisionWord reports whether a token is a word that ends the names of
// divisions ("County", "Parish", "Township").
func divisionWord(tok string) bool {
	if len(tok) < 3 {
		return false
	}
	switch tok[0] | 0x20 {
	case 'c', 'p', 't', 'b', 'o', 'g':
	default:
		return false
	}
	for _, d := range [...]string{"county", "parish", "township", "twp", "twp.", "borough", "province", "oblast", "governorate", "prefecture"} {
		if strings.EqualFold(tok, d) {
			return true
		}
	}
	return false
}

// countyList takes a name at token i listed before a plural division word
// as that division ("Franklin and Lincoln counties": Franklin County)
// and returns the name's last token, or -1 when no such list is there.
func (r *Resolver) countyList(w *work, si, i int) int {
	a := w.a
	s := &a.Sentences[si]
	toks := s.Tokens
	if i+1 >= len(toks) {
		return -1
	}
	last := i
	for last+1 < len(toks) && last+1 < i+3 && startsName(toks[last+1].Span.In(a.Text)) {
		last++
	}
	if last+1 >= len(toks) {
		return -1
	}
	switch next := toks[last+1].Span.In(a.Text); {
	case next == "," || next == "and" || next == "or" || next == "&":
	case len(next) == 8 && (strings.EqualFold(next, "counties") || strings.EqualFold(next, "parishes")):
	default:
		return -1 // the common case, decided at once
	}
	suffix := ""
	for k := last + 1; k < len(toks) && k < last+16 && suffix == ""; k++ {
		switch tok := toks[k].Span.In(a.Text); {
		case tok == "," || tok == "and" || tok == "or" || tok == "&":
		case strings.EqualFold(tok, "counties"):
			suffix = " county"
		case strings.EqualFold(tok, "parishes"):
			suffix = " parish"
		case !startsName(tok):
			return -1
		}
	}
	if suffix == "" {
		return -1
	}
	// "Indiana counties" are the counties of a state.
	w.key = AppendKey(w.key[:0], a.Text[toks[i].Span.Start:toks[last].Span.End])
	if posts, _, _ := w.g.lookup(w.key); len(posts) > 0 {
		if e := &w.g.entries[posts[0]]; e.IsADM1() || e.IsCountry() {
			return -1
		}
	}
	w.key = AppendKey(w.key[:0], a.Text[toks[i].Span.Start:toks[last].Span.End])
	w.key = append(w.key, suffix...)
	posts, _, ok := w.g.lookup(w.key)
	if !ok || len(posts) == 0 {
		return -1
	}
	t := toponym{span: article.Span{Start: toks[i].Span.Start, End: toks[last].Span.End},
		sent: si, first: i, last: last, container: -1, hint: hintAdmin}
	w.add(t, posts, true)
	for k := i; k <= last; k++ {
		w.used[k] = true
	}
	return last
}

// dateline reports whether token k ends a dateline: a dash, or a news
// agency in brackets.
func dateline(toks []article.Token, k int, text string) bool {
	if k >= len(toks) {
		return false
	}
	switch toks[k].Span.In(text) {
	case "—", "–", "--", "-":
		return true
	case "(":
		if k+2 < len(toks) && toks[k+2].Span.In(text) == ")" {
			ag := toks[k+1].Span.In(text)
			return len(ag) >= 2 && len(ag) <= 4 && allUpper(ag)
		}
	}
	return false
}

// affiliation takes the place of a legislator's party affiliation after
// the name (", D-N.Y.,", "(R-Calif.)", ", DFL-Cedar Rapids,"): a state, by name
// or abbreviation, or the legislator's home town. It reports whether token
// i was one.
func (r *Resolver) affiliation(w *work, si, i int) bool {
	a := w.a
	s := &a.Sentences[si]
	toks := s.Tokens
	if i == 0 {
		return false
	}
	if p := toks[i-1].Span.In(a.Text); p != "," && p != "(" {
		return false
	}
	word := toks[i].Span.In(a.Text)
	party, _, _ := strings.Cut(word, "-")
	switch party {
	case "D", "R", "I", "DFL", "GOP", "Ind":
	default:
		return false
	}
	start := toks[i].Span.Start + len(party) + 1
	if start >= toks[i].Span.End || !startsName(a.Text[start:toks[i].Span.End]) {
		return false
	}
	// A state's abbreviation, its period split off by the tokeniser.
	end := toks[i].Span.End
	last := i
	if i+1 < len(toks) && toks[i+1].Span.In(a.Text) == "." && toks[i+1].Span.Start == end {
		end, last = toks[i+1].Span.End, i+1
	}
	w.key = append(w.key[:0], nsAbbrev)
	w.key = AppendKey(w.key, a.Text[start:end])
	if posts, _, _ := w.g.lookup(w.key); len(posts) > 0 {
		for _, p := range posts {
			if e := &w.g.entries[p]; e.IsADM1() {
				w.key = append(w.key[:0], nsAbbrev)
				w.key = AppendKey(w.key, e.Name)
				w.add(toponym{span: article.Span{Start: start, End: end}, sent: si, first: i, last: last,
					container: -1, hint: hintAdmin}, []int32{p}, true)
				for k := i; k <= last; k++ {
					w.used[k] = true
				}
				return true
			}
		}
	}
	// A state or a town by name, perhaps of several words ("R-Cedar Rapids").
	best, end := -1, 0
	var bestPosts []int32
	for j := i; j < len(toks) && j < i+r.cfg.MaxWords; j++ {
		if j > i && !startsName(toks[j].Span.In(a.Text)) {
			break
		}
		w.tmp = AppendKey(w.tmp[:0], a.Text[start:toks[j].Span.End])
		posts, flags, ok := w.g.lookup(w.tmp)
		if !ok {
			break
		}
		if len(posts) > 0 {
			best, bestPosts, end = j, posts, toks[j].Span.End
			w.key = append(w.key[:0], w.tmp...)
		}
		if flags&flagPrefix == 0 {
			break
		}
	}
	if best < 0 {
		return false
	}
	h := hintTown
	if e := &w.g.entries[bestPosts[0]]; e.IsADM1() {
		h = hintAdmin
	}
	w.add(toponym{span: article.Span{Start: start, End: end}, sent: si, first: i, last: best,
		container: -1, hint: h}, bestPosts, true)
	for k := i; k <= best; k++ {
		w.used[k] = true
	}
	return true
}

// age reports whether a word is a person's age in years.
func age(word string) bool {
	if len(word) == 0 || len(word) > 3 {
		return false
	}
	n := 0
	for _, c := range word {
		if c < '0' || c > '9' {
			return false
		}
		n = 10*n + int(c-'0')
	}
	return n > 0 && n < 120
}
