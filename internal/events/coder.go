package events

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"worldmedia/internal/article"
	"worldmedia/internal/nlp"
)

//go:embed data
var embedded embed.FS

// DefaultLexicon returns the embedded lexicon, loaded once.
var DefaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	return LoadLexicon(sub)
})

// Config sets what the coder records.
type Config struct {
	// KeepNegated records negated events ("did not attack") with Negated
	// set, instead of dropping them.
	KeepNegated bool
	// KeepHistorical records events that a sentence dates to an earlier
	// year ("its 2014 annexation of Crimea") with that year's first day,
	// instead of dropping them.
	KeepHistorical bool
	// KeepBareStatements records 010 "make statement" events that have no
	// target; CAMEO codes 010 only as a residual, so they are dropped.
	KeepBareStatements bool
}

// DefaultConfig returns the configuration GDELT-like event data wants.
func DefaultConfig() Config { return Config{} }

// Coder is the event-coding stage. It reads Sentences (tokens with tags and
// lemmas), Actors and Date, and writes Events. It is safe for concurrent use.
type Coder struct {
	lex  *Lexicon
	cfg  Config
	log  *slog.Logger
	pool sync.Pool // *matcher, reused across sentences
}

// New returns a coder using lex (nil: the embedded lexicon). A nil logger
// discards.
func New(lex *Lexicon, cfg Config, log *slog.Logger) (*Coder, error) {
	if lex == nil {
		l, err := DefaultLexicon()
		if err != nil {
			return nil, fmt.Errorf("events: embedded lexicon: %w", err)
		}
		lex = l
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := &Coder{lex: lex, cfg: cfg, log: log}
	c.pool.New = func() any { return &matcher{} }
	return c, nil
}

// Name returns the stage name.
func (c *Coder) Name() string { return "events" }

// Process codes every sentence of a.
func (c *Coder) Process(ctx context.Context, a *article.Article) error {
	a.Events = a.Events[:0]
	// The actors stage writes Actors in sentence order; sort a copy only
	// when some other writer did not.
	actors := a.Actors
	if !slices.IsSortedFunc(actors, func(x, y article.ActorMention) int { return x.Sentence - y.Sentence }) {
		actors = slices.Clone(actors)
		slices.SortStableFunc(actors, func(x, y article.ActorMention) int { return x.Sentence - y.Sentence })
	}
	j := 0
	for i := range a.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for j < len(actors) && actors[j].Sentence < i {
			j++
		}
		k := j
		for k < len(actors) && actors[k].Sentence == i {
			k++
		}
		a.Events = append(a.Events, c.codeSentence(a, i, actors[j:k])...)
		j = k
	}
	locate(a)
	return nil
}

// sentActor is an actor mention of the sentence being coded.
type sentActor struct {
	first, last int
	code        string
	kind        string
	span        article.Span
	group       int // compound group: actors joined by "and", ",", "or", "nor"
}

// verbGroup is a run of verbs, auxiliaries, adverbs and infinitive "to".
type verbGroup struct {
	first, head, last int
	negated           bool
	passive           bool
	infinitive        bool
	// reduced is a participle modifying the noun before it, a relative
	// clause without "who was": "civilians imprisoned for …", "a report
	// released Tuesday".
	reduced bool
	modal   string
}

// irrealisNoun reports whether the event noun at i is qualified as not
// (yet) real: "a possible war", "the planned talks", "a proposed
// ceasefire".
func (m *matcher) irrealisNoun(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch m.toks[k].lower {
		case "possible", "potential", "planned", "proposed", "prospective", "future", "hypothetical", "would-be",
			"eventual", "intended", "threatened", "mooted", "envisaged", "contemplated":
			return true
		}
		if !strings.HasPrefix(m.toks[k].tag, "JJ") && !strings.HasPrefix(m.toks[k].tag, "NN") && m.toks[k].tag != "VBN" {
			return false
		}
	}
	return false
}

// actorCovering returns the actor whose tokens include k, or -1.
func (m *matcher) actorCovering(k int) int {
	for i, a := range m.actors {
		if a.first <= k && k <= a.last {
			return i
		}
	}
	return -1
}

// isMonthOrDay reports whether w names a month or a weekday.
func isMonthOrDay(w string) bool {
	_, day := weekdays[w]
	return day || months[w] != 0
}

// clauseGroup returns the index of the last verb group before token i
// in its clause, or -1.
func (m *matcher) clauseGroup(groups []verbGroup, i int) int {
	for gi := len(groups) - 1; gi >= 0; gi-- {
		if groups[gi].last >= i {
			continue
		}
		for k := groups[gi].last + 1; k < i; k++ {
			if m.toks[k].isClauseBreak() || m.toks[k].tag == "WDT" || m.toks[k].tag == "WP" {
				return -1
			}
		}
		return gi
	}
	return -1
}

// reducedGroupAt returns the index of the reduced relative clause whose
// participle is token k, or -1.
func (m *matcher) reducedGroupAt(groups []verbGroup, k int) int {
	for i, g := range groups {
		if g.reduced && g.head == k {
			return i
		}
	}
	return -1
}

// reducedRelative reports whether verb group g is a bare past participle
// right after a noun and not followed by an object: a passive relative
// clause on that noun ("the civilians imprisoned for acting against
// Moscow", "victims killed by the crash"), whose noun is the target and
// whose source, if any, follows "by". A participle with an object
// ("Russia accused France") is a past tense the tagger misread.
func reducedRelative(toks []tok, g verbGroup) bool {
	if g.head != g.first || g.first == 0 {
		return false
	}
	prev := &toks[g.first-1]
	if !strings.HasPrefix(prev.tag, "NN") {
		return false
	}
	if g.head+1 < len(toks) {
		next := &toks[g.head+1]
		if !(next.tag == "IN" && next.lower != "that" || next.tag == "TO" || next.isClauseBreak() || next.isAdverb() || next.isTimeWord()) {
			return false
		}
	}
	// The tagger often reads a simple past as a participle ("a rights group
	// protested Wednesday"). The noun is a relative clause's head only
	// when it is no subject of this verb: it is the object of a verb or a
	// preposition ("identify victims killed by", "at a lunch hosted by"),
	// or the clause goes on to its own finite verb ("the civilians
	// imprisoned for acting against Moscow were released").
	for k := g.first - 2; k >= 0; k-- {
		t := &toks[k]
		if strings.HasPrefix(t.tag, "NN") || strings.HasPrefix(t.tag, "JJ") || t.isDeterminer() || t.tag == "CD" ||
			t.tag == "POS" || t.tag == "HYPH" {
			continue
		}
		if t.tag == "IN" && !isSubordinator(t.lower) || t.isVerb() {
			// An object only after the clause's own verb: in "a report
			// released in the capital alleged", "in the capital" is inside
			// the subject.
			for j := k; j >= 0 && !toks[j].isClauseBreak() && !isSubordinator(toks[j].lower); j-- {
				switch toks[j].tag {
				case "VB", "VBD", "VBZ", "VBP", "VBG", "MD":
					return true
				}
			}
		}
		break
	}
	for k := g.head + 1; k < len(toks); k++ {
		t := &toks[k]
		if t.isClauseBreak() || t.tag == "WDT" || t.tag == "WP" || t.tag == "WRB" || isSubordinator(t.lower) || t.tag == "CC" {
			return false
		}
		if isFinite(t.tag) {
			return true
		}
	}
	return false
}

// statives are participles that after "be" name a state of the subject,
// an attitude or an involvement, rather than an act done to it.
var statives = map[string]bool{
	"committed": true, "determined": true, "prepared": true, "opposed": true, "concerned": true,
	"worried": true, "alarmed": true, "interested": true, "convinced": true, "satisfied": true,
	"pleased": true, "disappointed": true, "dismayed": true, "delighted": true, "resolved": true,
	"involved": true, "engaged": true, "inclined": true, "disposed": true, "dedicated": true,
	"devoted": true, "unconvinced": true, "unwilling": true, "frustrated": true, "angered": true,
}

// byAfter reports whether "by" follows within a few tokens of i in its
// clause: an agent phrase.
func byAfter(toks []tok, i int) bool {
	for k := i; k < len(toks) && k < i+4; k++ {
		if toks[k].isClauseBreak() {
			return false
		}
		if toks[k].lower == "by" {
			return true
		}
	}
	return false
}

// prepositionsToVerb reports whether the tokens from i on are one or
// more prepositional phrases ("for acting against Moscow") and then a
// finite verb that has no subject of its own: the shape in which a past
// form after a noun can only be a participle, since the finite verb needs
// that noun as its subject. A noun phrase that starts right after another
// ("on Sunday it had", "on Tuesday their forces had") is that verb's
// subject, and the past form is the main verb after all.
func prepositionsToVerb(toks []tok, i int) bool {
	if i >= len(toks) || toks[i].tag != "IN" || toks[i].lower == "that" {
		return false
	}
	noun := false
	for k := i; k < len(toks); k++ {
		t := &toks[k]
		switch {
		case isFinite(t.tag):
			// A past form there is as ambiguous as the first ("said in
			// comments published Thursday"): only an auxiliary, a modal
			// or a present tense settles it.
			return noun && (t.tag != "VBD" || t.lemma == "be" || t.lemma == "have")
		case t.tag == "IN" && t.lower != "that" && !isSubordinator(t.lower), t.tag == "TO":
			noun = false
		case t.tag == "VBG" && toks[k-1].tag == "IN":
		case strings.HasPrefix(t.tag, "NN"), t.tag == "CD" && !noun:
			noun = true
		case t.tag == "JJ" || t.tag == "POS" || t.tag == "HYPH" || t.isAdverb():
		case (t.isDeterminer() || t.tag == "PRP$") && !noun && toks[k-1].tag != "VBG":
		case t.isDeterminer() || t.tag == "PRP$":
			// After a gerund: "for opposing the war".
			if toks[k-1].tag != "VBG" {
				return false
			}
		default:
			return false
		}
	}
	return false
}

func (c *Coder) codeSentence(a *article.Article, si int, mentions []article.ActorMention) []article.Event {
	s := a.Sentences[si]
	n := len(s.Tokens)
	if n == 0 || len(mentions) == 0 {
		// Every event has an actor of its sentence on one side at least.
		return nil
	}
	m := c.pool.Get().(*matcher)
	defer c.pool.Put(m)
	m.reset(n, len(c.lex.ids))
	// The tokens in lower case: the text itself when it is, else a piece
	// of one string made for the sentence (one allocation, not one a
	// capitalized word).
	m.lowerBuf, m.lowered = m.lowerBuf[:0], m.lowered[:0]
	for i, t := range s.Tokens {
		text := t.Span.In(a.Text)
		m.toks[i] = tok{lower: text, lemma: t.Lemma, tag: t.Tag, actor: -1}
		if mayLower(text) {
			start := len(m.lowerBuf)
			m.lowerBuf = nlp.AppendLower(m.lowerBuf, text)
			m.lowered = append(m.lowered, lowered{i, start, len(m.lowerBuf)})
		}
	}
	all := string(m.lowerBuf)
	for _, l := range m.lowered {
		m.toks[l.tok].lower = all[l.start:l.end]
	}
	for i := range m.toks {
		t := &m.toks[i]
		if t.lemma == "" {
			t.lemma = t.lower
		}
		t.lower = normQuote(t.lower)
	}
	for _, am := range mentions {
		if am.First < 0 || am.Last >= n || am.First > am.Last {
			continue
		}
		idx := len(m.actors)
		m.actors = append(m.actors, sentActor{first: am.First, last: am.Last, code: am.Code, kind: am.Kind, span: am.Span, group: idx})
		m.toks[am.First].actor = idx
	}
	m.noteWords(c.lex)
	c.retagInfinitives(m)
	c.retagProgressives(m)
	c.retagVerblessPresent(m)
	c.retagHyphenPast(m)
	retagParticipleAdjectives(m)
	groupCompounds(m)
	inferRoleCountry(m)
	m.quoted = markQuoted(grow(m.quoted, n), m.toks)
	quoted := m.quoted
	m.groups = appendVerbGroups(m.groups[:0], m.toks)
	groups := m.groups
	m.allegers = m.allegers[:0]
	for gi, g := range groups {
		if allegeVerbs[m.toks[g.head].lemma] && !g.negated {
			m.allegers = append(m.allegers, gi)
		}
	}
	dates := c.dateExpressions(a.Date, m.toks)

	// Who speaks in this sentence: the subject of a speech verb outside
	// quotation marks. Quoted events without a subject of their own, or
	// with a first-person one, are the speaker's.
	speaker := []int(nil)
	m.groupSources = grow(m.groupSources, len(groups))
	groupSources := m.groupSources
	var prev []int
	for gi, g := range groups {
		groupSources[gi] = c.findSources(m, groups, gi, prev)
		if !g.reduced {
			// A relative clause inside a noun phrase is no clause whose
			// subject the next verb may share: "reiterated calls for the
			// advice given by the Attorney General, warning …".
			prev = groupSources[gi]
		}
		if speaker == nil && !quoted[g.head] && speechVerbs[m.toks[g.head].lemma] {
			speaker = groupSources[gi]
		}
	}

	m.consumed = grow(m.consumed, n)
	consumed := m.consumed
	var out []article.Event
	// firstEvent[gi] is the index in out of verb group gi's first event,
	// or -1 when it coded none.
	m.firstEvent = grow(m.firstEvent, len(groups))
	firstEvent := m.firstEvent
	m.groupCode = grow(m.groupCode, len(groups))
	m.groupEnd = grow(m.groupEnd, len(groups))
	m.suppressed = grow(m.suppressed, len(groups))
	for gi := range firstEvent {
		firstEvent[gi] = -1
	}
	for gi, g := range groups {
		if consumed[g.head] {
			continue
		}
		if m.toks[g.head].lower == "going" && gi+1 < len(groups) && groups[gi+1].infinitive && groups[gi+1].first == g.last+1 {
			// "is going to attack": the future, no travel; the verb after
			// it is announced, as after "will".
			groups[gi+1].modal = "will"
			continue
		}
		if m.toks[g.head].lemma == "come" && (gi+1 < len(groups) && groups[gi+1].infinitive && groups[gi+1].first == g.last+1 ||
			g.first > 0 && m.toks[g.first-1].lower == "it") {
			// "came to dominate" (became), "when it comes to" (as for):
			// no one travels.
			continue
		}
		if m.nounComplement(g) {
			// "rejected an invitation to attend a meeting", "a UN appeal
			// for deploying troops": what was offered, asked or planned.
			m.suppressed[gi] = true
			continue
		}
		if g.infinitive && gi > 0 && (m.suppressed[gi-1] || irrealis[groups[gi-1].lemmaOf(m)]) {
			// The complement of an act not done ("refused to commit to
			// any assistance", "offered to host a summit to hammer out an
			// agreement") is not done either, nor are acts named in it.
			m.suppressed[gi] = true
			continue
		}
		if g.passive {
			m.passiveHead = g.head
		}
		best, ok := c.bestMatch(m, m.verbHead(c.lex, g.head), g.head)
		m.passiveHead = -1
		if !ok {
			continue
		}
		if lemma := m.toks[g.head].lemma; lemma == "seize" && g.last+1 < n && (m.toks[g.last+1].lower == "on" || m.toks[g.last+1].lower == "upon") {
			// "Trump seized on the massacre": took it up, took nothing.
			continue
		}
		if strings.HasPrefix(best.codeOr(), "19") && m.abstractFoe(best.end) {
			// "fighting terror", "fighting corruption": no armed foe.
			continue
		}
		if len(best.p.rest) == 0 && m.toks[g.head].lemma == "suggest" && m.indicativeClause(g.last+1) {
			// "suggested that Rubio was liberal": a claim, no proposal
			// ("suggested that talks should resume" is one).
			continue
		}
		if next := gi + 1; next < len(groups) && !consumed[groups[next].head] && m.noClauseBreak(g.last+1, groups[next].first) {
			lemma := g.lemmaOf(m)
			if wishes[lemma] && strings.HasPrefix(best.codeOr(), "01") {
				// "hoped French officials would be indicted": hoping for
				// another's punishment or defeat is no optimistic comment.
				if nb, ok := c.bestMatch(m, m.verbHead(c.lex, groups[next].head), groups[next].head); ok && isConflict(nb.codeOr()) {
					continue
				}
			}
			if helpers[lemma] && best.p.code[:2] == "07" && (groups[next].infinitive || groups[next].first == g.last+1) &&
				c.complementCoded(m, groups, next) {
				// "helped to plan and carry out killings": what was
				// helped is the event, its helper a source of it.
				continue
			}
		}
		if pw := m.prevClauseGroup(groups, gi); !g.infinitive && pw >= 0 && wishes[groups[pw].lemmaOf(m)] && m.noClauseBreak(groups[pw].last+1, g.first) {
			// "said it hoped French officials would be indicted": a wish,
			// not the act.
			continue
		}
		intent := false
		if g.infinitive && gi > 0 {
			gov := groups[gi-1].lemmaOf(m)
			switch {
			case volition[gov] && m.actorBetween(groups[gi-1].last+1, g.first):
				// "Obama wants Putin to attack": the act is the object's,
				// wished by the subject; the lexicon codes the governing
				// verb ("want + to …").
				m.suppressed[gi] = true
				continue
			case volition[gov]:
				// "wants to attack", "plans to meet": not (yet) the act but
				// an intent to it, which CAMEO codes as such (03, 13).
				intent = true
			case firstEvent[gi-1] >= 0:
				// A purpose clause ("met in Zurich to discuss"): the main
				// verb's event is the one coded.
				m.suppressed[gi] = true
				continue
			}
			if intent && firstEvent[gi-1] >= 0 {
				// "seeking to deepen a partnership" is one intent, not an
				// appeal ("seek") besides it.
				out = out[:firstEvent[gi-1]]
			}
		}
		if m.conditionClause(g) {
			// "would retaliate if Washington imposed tariffs": what a
			// condition supposes has not happened.
			m.suppressed[gi] = true
			continue
		}
		if m.background(g, dates) {
			// "the militant group that has seized parts of Iraq": what a
			// relative clause in the perfect says of its noun is
			// background, not the news.
			continue
		}
		if m.alleged(groups, gi, g.first) {
			// "Rwanda alleged that French troops helped carry out
			// killings": the allegation is the event; what it alleges is
			// not reported as done.
			m.suppressed[gi] = true
			continue
		}
		for i := g.first; i < best.end && i < n; i++ {
			consumed[i] = true
		}
		sources := groupSources[gi]
		reported := quoted[g.head] || c.reportedClause(m, groups, gi)
		if len(sources) == 0 && !g.passive || m.firstPerson(g.first) {
			// (A passive's subject is its target: "she hoped officials
			// would be indicted" does not indict the speaker.)
			if quoted[g.head] || reported && (!m.nounBefore(g.first) || m.evaluation(g)) {
				// What is said of a subject that is no actor is not the
				// speaker's act ("Uganda said that Musa Kato expelled
				// them"), but what the speaker says it is, is the
				// speaker's comment ("said that relations with Moscow
				// are at a low point").
				sources = speaker
			}
		}
		var targets []int
		if addressee := m.addressee(quoted, g.first); addressee >= 0 && quoted[g.head] && m.secondPerson(g.first) &&
			isConflict(best.codeOr()) && len(speaker) > 0 {
			// "To my colleagues from Russia - you are isolating
			// yourselves…", Haley told the Council: a conflictual act
			// charged to the addressee in the second person is the
			// speaker's criticism of them.
			sources, targets = speaker, m.members(addressee)
			best.code = "111"
		}
		obligation := false
		if (g.modal == "must" || g.modal == "should") && reported && !quoted[g.head] && len(speaker) > 0 &&
			len(groupSources[gi]) > 0 && !slices.Equal(groupSources[gi], speaker) && targets == nil {
			// "X said Y must reach an agreement": what the speaker says
			// another must do is a demand on them, not their act.
			sources, targets = speaker, groupSources[gi]
			best.code = "100"
			obligation = true
		}
		passiveDone := false
		if g.passive && targets == nil && !obligation {
			// "X was attacked by Y": Y is the source, X the target; "X was
			// killed by a roadside bomb": X is the target of no known actor.
			targets = sources
			if g.reduced {
				// Only the noun the participle modifies is its target: "a
				// report released in the Rwandan capital" has none.
				targets = nil
				if t := m.actorEndingAt(g.first - 1); t >= 0 {
					targets = m.members(t)
				}
			}
			sources = nil
			if by := m.actorAfterWord(best.end, "by"); by >= 0 {
				sources = m.members(by)
			}
			passiveDone = true
			if len(targets) == 0 && needsActorObject(best.p) {
				// "the spyware tool was released by Microsoft".
				continue
			}
		}
		if g.reduced && len(sources) == 0 && !m.agentPhrase(best.end) {
			// Without an agent the participle only describes its noun:
			// "the civilians imprisoned for acting against Moscow" are
			// the imprisoned civilians, no new event. (With one, even no
			// actor, it tells what happened: "villagers killed by a
			// drone".)
			continue
		}
		if targets == nil && !passiveDone {
			targets = c.targetOf(m, best, sources)
		}
		if targets == nil && len(groupSources[gi]) == 0 && !g.reduced && isFinite(m.toks[g.first].tag) {
			// "relations with Moscow are at a low point": the actor of
			// the subject's prepositional phrase is what it is about
			// (of a finite verb only: in "the circs of Tories promising
			// tax cuts" the actor is the gerund's subject).
			if t := m.subjectPPActor(g.first); t >= 0 && !slices.Contains(sources, t) {
				targets = m.members(t)
			}
		}
		if best.p.converse && !obligation && !passiveDone {
			// "demonstrators received weapons from the government": the
			// government arms the demonstrators.
			sources, targets = targets, sources
		}
		if !obligation && (intent || isFutureModal(g.modal) || g.modal == "would" && reported || m.conditionalThreat(g, best.codeOr())) {
			best.code = futureCode(best.p.code)
		}
		firstEvent[gi] = len(out)
		m.groupCode[gi] = best.codeOr()
		m.groupEnd[gi] = best.end
		if len(targets) > 0 && len(sources) > 1 && isSymmetric(best.codeOr(), m.toks[g.head].lemma) && m.venue(targets[0]) {
			// "Israel and the Palestinians resumed peace talks in
			// Washington": where they met, not with whom.
			targets = nil
		}
		if targets == nil && len(sources) > 1 && isSymmetric(best.codeOr(), m.toks[g.head].lemma) {
			// A compound subject with no object acts on itself: "Czechia
			// and China signed an agreement" is each with the other.
			out = append(out, c.reciprocal(a, si, m, best, g, sources, dates, quoted[g.head] || reported)...)
			continue
		}
		if isViolent(best.codeOr()) && len(sources) == 0 && (m.accidentAfter(best.end) || m.accidentBefore(g.first)) {
			// "victims killed by the crash", "the earthquake killed 300":
			// a disaster is no one's act.
			continue
		}
		if code := best.codeOr(); strings.HasPrefix(code, "18") && !strings.HasPrefix(code, "186") || code == "190" {
			// "blown up by a surface-to-air missile", "killed by an air
			// strike": the weapon makes it a military attack.
			if w := m.weaponAfter(best.end); w != "" {
				best.code = w
			} else if b := m.bomberBefore(g.first); b != "" {
				best.code = b
			}
		}
		negated := g.negated || m.neitherBefore(g.first)
		if negated && !c.cfg.KeepNegated {
			continue
		}
		date, historical := nearestDate(dates, g.head, a.Date)
		if historical && !c.cfg.KeepHistorical {
			continue
		}
		out = append(out, c.events(a, si, m, best, g.head, sources, targets, date, negated, reported)...)
	}
	// Events named by nouns: "the attack on X", "Russia's annexation of Y".
	for i := range m.toks {
		// Noun patterns may begin with a modifier: "air strike on",
		// "attempted assassination of".
		if consumed[i] || !canStartNounPattern(m.toks[i].tag) {
			continue
		}
		if t := &m.toks[i]; (t.tag == "JJ" || t.tag == "VBG") && strings.HasSuffix(t.lower, "ing") && i+1 < n &&
			(strings.HasPrefix(m.toks[i+1].tag, "NN") || m.toks[i+1].actor >= 0) {
			// A participle that describes the noun after it is no event
			// noun: "Jordan's visiting King Abdullah", "a ruling party".
			continue
		}
		best, ok := c.bestMatch(m, m.nounHead(c.lex, i), i)
		if !ok || slices.Contains(consumed[i:best.end], true) {
			// "prisoners released by Russia": the verb's event is coded.
			continue
		}
		if gi := m.clauseGroup(groups, i); gi >= 0 && m.suppressed[gi] {
			// "refused to commit to any assistance to the war".
			continue
		}
		if m.alleged(groups, -1, i) {
			continue
		}
		if m.irrealisNoun(i) {
			// "a possible war against Iraq", "the proposed talks".
			continue
		}
		if gi := m.objectOf(groups, i, true); gi >= 0 && firstEvent[gi] < 0 && unrealized(groups[gi].lemmaOf(m)) {
			// "is preparing a major offensive against the guerrillas",
			// "plans talks with Iran": what is planned has not happened.
			continue
		}
		date, historical := nearestDate(dates, i, a.Date)
		if (historical || m.yearBefore(i, a.Date)) && !c.cfg.KeepHistorical {
			continue
		}
		for j := i; j < best.end; j++ {
			consumed[j] = true
		}
		var sources, place []int
		byAt := best.end
		if best.end > 0 && m.toks[best.end-1].lower == "by" {
			byAt = best.end - 1 // the pattern itself ends in "by": "strike by +"
		}
		if src := m.nounSource(i); src >= 0 && m.attributiveCountry(src, i, a.Text) {
			// "the Syria chemical attack", "the Iraq war": a country's
			// name before an event noun says where or on whom, not who.
			place = m.members(src)
		} else if src >= 0 {
			sources = m.members(src)
		} else if by := m.actorAfterWord(byAt, "by"); by >= 0 {
			sources = m.members(by)
		} else if gi := m.objectOf(groups, i, true); gi >= 0 && gi != m.governingGroup(groups, i) && firstEvent[gi] >= 0 &&
			m.groupCode[gi] != "010" {
			// Deep in the object of a verb that made an event ("provide
			// nearly 25,000 tons of emergency food aid to refugees"): the
			// verb's event is the one.
			continue
		} else if gi := m.governingGroup(groups, i); gi >= 0 {
			if fe := firstEvent[gi]; fe >= 0 && m.groupCode[gi] != "010" {
				// "ratified an agreement": the verb's event is the one. A
				// bare statement is not: "announced a suspension of air
				// links with X" is the suspension, announced.
				continue
			}
			// The object of a verb: "repeating denials" is the denial of
			// whoever repeats.
			sources = groupSources[gi]
		}
		if strings.HasPrefix(best.codeOr(), "19") && m.abstractFoe(best.end) {
			// "the war on drugs", "a fight against corruption".
			continue
		}
		if gi := m.clauseGroup(groups, i); len(sources) == 0 && gi >= 0 && !groups[gi].passive && m.purposeOf(i) {
			// "arrived in Moscow for talks with Lavrov": the talks are
			// the traveller's.
			sources = groupSources[gi]
		}
		if len(sources) == 0 && m.topicOf(i) {
			// "a summit on the unrest in Iran", "talks about the
			// violence": the subject of a meeting or a text, with no one
			// doing it, is no event reported.
			continue
		}
		targets := c.targetOf(m, best, sources)
		if targets == nil {
			targets = place
		}
		out = append(out, c.events(a, si, m, best, i, sources, targets, date, false, quoted[i])...)
	}
	return dropRepeats(dropBareStatements(out))
}

// dropRepeats removes an event that repeats an earlier one of the same
// verb with the same actor codes: "support head teachers and teachers"
// is one act of support for GBREDU.
func dropRepeats(evs []article.Event) []article.Event {
	for i := 1; i < len(evs); i++ {
		for j := 0; j < i; j++ {
			if e, o := evs[i], evs[j]; e.Source == o.Source && e.Target == o.Target && e.Code == o.Code && e.VerbSpan == o.VerbSpan {
				evs = slices.Delete(evs, i, i+1)
				i--
				break
			}
		}
	}
	return evs
}

// venue reports whether actor a is a place named after "in" or "at" (a
// country or a capital, no institution): where something happened.
func (m *matcher) venue(a int) bool {
	act := m.actors[a]
	if act.kind != "country" {
		return false
	}
	k := act.first - 1
	for k >= 0 && m.toks[k].isDeterminer() {
		k--
	}
	return k >= 0 && (m.toks[k].lower == "in" || m.toks[k].lower == "at")
}

// purposeOf reports whether the noun phrase with token i is the object of
// "for" that gives a purpose: "for talks with", "for a meeting with".
func (m *matcher) purposeOf(i int) bool {
	k := i - 1
	for k >= 0 && (m.toks[k].isDeterminer() || strings.HasPrefix(m.toks[k].tag, "JJ") || m.toks[k].tag == "CD") {
		k--
	}
	return k >= 1 && m.toks[k].lower == "for" && m.toks[k-1].tag != "NN" && m.toks[k-1].tag != "NNS"
}

// topicOf reports whether the noun phrase with token i is the object of a
// preposition that gives a noun its topic: "on", "about", "over",
// "regarding", "concerning".
func (m *matcher) topicOf(i int) bool {
	k := i - 1
	for k >= 0 && (m.toks[k].isDeterminer() || strings.HasPrefix(m.toks[k].tag, "JJ") || m.toks[k].tag == "CD") {
		k--
	}
	if k < 0 {
		return false
	}
	switch m.toks[k].lower {
	case "on":
		// "On" before an activity says one is engaged in it: "on a tour
		// of Africa", "went on the offensive", "on strike".
		for j := i; j < len(m.toks) && j < i+4; j++ {
			if strings.HasPrefix(m.toks[j].tag, "NN") {
				return !onActivities[m.toks[j].lemma]
			}
		}
		return true
	case "about", "over", "regarding", "concerning":
		return true
	}
	return false
}

// onActivities are the nouns that "on" puts someone in the middle of.
var onActivities = map[string]bool{
	"visit": true, "tour": true, "trip": true, "mission": true, "journey": true, "pilgrimage": true,
	"patrol": true, "strike": true, "offensive": true, "rampage": true, "march": true, "hunger": true,
}

func canStartNounPattern(tag string) bool {
	return strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "JJ") || tag == "VBN" || tag == "VBG"
}

// isSymmetric reports whether an event with a compound subject and no
// object is between the subject's members: intents, consultations,
// diplomatic and material cooperation ("X and Y agreed", "met", "signed
// a deal", "clashed").
func isSymmetric(code, verb string) bool {
	switch code[:2] {
	case "03", "04", "05", "06":
		return true
	}
	// Fighting is mutual only when the verb says so: "clashed", not
	// "killed".
	switch verb {
	case "clash", "fight", "battle", "skirmish", "exchange", "trade":
		// ("exchanged fire", "traded fire")
		return code[:2] == "19"
	}
	return false
}

// reciprocal codes an event of a compound subject without an object as one
// event from each member to each other member.
func (c *Coder) reciprocal(a *article.Article, si int, m *matcher, best match, g verbGroup, sources []int,
	dates []dateExpr, reported bool) []article.Event {
	negated := g.negated || m.neitherBefore(g.first)
	if negated && !c.cfg.KeepNegated {
		return nil
	}
	date, historical := nearestDate(dates, g.head, a.Date)
	if historical && !c.cfg.KeepHistorical {
		return nil
	}
	var out []article.Event
	for _, s := range sources {
		var others []int
		for _, o := range sources {
			if o != s {
				others = append(others, o)
			}
		}
		out = append(out, c.events(a, si, m, best, g.head, []int{s}, others, date, negated, reported)...)
	}
	return out
}

// retagInfinitives reads a singular noun right after "to" or a modal as a
// verb when the lexicon knows it as one: taggers often write "to attack"
// as TO NN and "will attack" as MD NN. "to" before a bare singular noun is
// otherwise rare ("to war", "to court"), and those nouns are no verb
// heads; a modal is always followed by a bare infinitive, with at most
// adverbs and "not" between ("will not attack", "could soon strike").
func (c *Coder) retagInfinitives(m *matcher) {
	for i := 0; i+1 < len(m.toks); i++ {
		t := &m.toks[i]
		if t.tag != "TO" && t.tag != "MD" {
			continue
		}
		j := i + 1
		if t.tag == "MD" {
			for j < len(m.toks) && (m.toks[j].tag == "RB" || m.toks[j].lemma == "not") {
				j++
			}
		}
		if j >= len(m.toks) {
			break
		}
		next := &m.toks[j]
		if next.tag != "NN" || next.actor >= 0 {
			continue
		}
		if j+1 < len(m.toks) && m.toks[j+1].tag == "POS" {
			continue
		}
		if _, ok := c.lex.verbs[next.lower]; ok {
			next.tag, next.lemma = "VB", next.lower
		}
	}
}

// retagHyphenPast reads as a past tense a hyphenated "-ed" word that a
// tagger took for an adjective but that stands between a subject and a
// determiner, where no adjective can: "North Korea test-fired a missile".
// Its lemma keeps the first part: "test-fire".
func (c *Coder) retagHyphenPast(m *matcher) {
	for i := 1; i+1 < len(m.toks); i++ {
		t := &m.toks[i]
		if t.tag != "JJ" || !strings.HasSuffix(t.lower, "ed") {
			continue
		}
		h := strings.LastIndexByte(t.lower, '-')
		if h <= 0 {
			continue
		}
		if next := m.toks[i+1].tag; next != "DT" && next != "PRP$" && next != "CD" {
			continue
		}
		if prev := m.toks[i-1].tag; !strings.HasPrefix(prev, "NN") && prev != "PRP" {
			continue
		}
		lemma := t.lower[:h+1] + nlp.Lemma(t.lower[h+1:], "VBD")
		if _, ok := c.lex.verbs[lemma]; ok {
			t.tag, t.lemma = "VBD", lemma
		}
	}
}

// retagVerblessPresent reads as a present-tense verb a noun right after
// a plural actor when the sentence has no finite verb and the word is a
// verb of the lexicon with a preposition or an actor after it: the
// headline style "Syrian forces clash with rioters", which a tagger reads
// as one noun phrase.
func (c *Coder) retagVerblessPresent(m *matcher) {
	cand := -1
	for i := range m.toks {
		t := &m.toks[i]
		if isFinite(t.tag) {
			return
		}
		if cand < 0 && t.tag == "NN" && t.actor < 0 && i > 0 && i+1 < len(m.toks) && m.toks[i-1].tag == "NNS" &&
			m.actorCovering(i-1) >= 0 && (m.toks[i+1].tag == "IN" || m.toks[i+1].actor >= 0) {
			if _, ok := c.lex.verbs[t.lower]; ok {
				cand = i
			}
		}
	}
	if cand >= 0 {
		m.toks[cand].tag, m.toks[cand].lemma = "VBP", m.toks[cand].lower
	}
}

// conditionalThreat reports whether the group announces a coercive or
// violent act as a possibility tied to a condition ("may halt mediation
// if cooperation founders", "could strike unless they withdraw"): CAMEO
// codes that as a threat, like an act announced for the future.
func (m *matcher) conditionalThreat(g verbGroup, code string) bool {
	switch g.modal {
	case "may", "might", "could":
	default:
		return false
	}
	if len(code) < 2 || code[:2] < "15" || code[:2] > "20" {
		return false
	}
	for k := g.head + 1; k < len(m.toks); k++ {
		if t := m.toks[k].lower; t == "if" || t == "unless" {
			return true
		}
	}
	return false
}

// retagProgressives reads an "-ing" word tagged as an adjective or noun
// right after a form of "be" as a progressive verb when its stem is a verb
// head of the lexicon: taggers often write "are demanding autonomy" or "is
// pressuring them" as VBP JJ. Adjectives of that shape that are no verb
// heads ("is interesting") stay as they are.
func (c *Coder) retagProgressives(m *matcher) {
	for i := 1; i < len(m.toks); i++ {
		t := &m.toks[i]
		if t.actor >= 0 || !strings.HasSuffix(t.lower, "ing") || len(t.lower) < 6 {
			continue
		}
		if t.tag != "JJ" && t.tag != "NN" {
			continue
		}
		if i+1 == len(m.toks) || isClauseEnd(m.toks[i+1].tag) {
			continue // a predicate adjective: "the job is demanding."
		}
		j := i - 1
		for j > 0 && m.toks[j].isAdverb() {
			j--
		}
		if m.toks[j].lemma != "be" {
			continue
		}
		if stem, ok := c.verbStem(t.lower[:len(t.lower)-3]); ok {
			t.tag, t.lemma = "VBG", stem
		}
	}
}

// retagParticipleAdjectives reads a past participle between a finite
// lexical verb and a noun as an adjective of that noun: "rejected proposed
// changes", "condemned alleged abuses". Only after an auxiliary ("was
// proposed", "had alleged") is it part of the verb group.
func retagParticipleAdjectives(m *matcher) {
	for i := 1; i+1 < len(m.toks); i++ {
		t, prev, next := &m.toks[i], &m.toks[i-1], &m.toks[i+1]
		if t.tag == "VBG" && t.actor < 0 && (prev.tag == "DT" || prev.tag == "PRP$" || prev.tag == "POS") &&
			prev.lower != "that" && strings.HasPrefix(next.tag, "NN") {
			// "Jordan's visiting King Abdullah", "the ruling party".
			t.tag = "JJ"
			continue
		}
		if (t.tag == "VBN" || t.tag == "VBD") && t.actor < 0 && (prev.tag == "DT" || prev.tag == "PRP$") &&
			prev.lower != "that" {
			// After a determiner a participle is no verb: "evacuated the
			// wounded", "the besieged town", "their exiled leader".
			t.tag = "JJ"
			continue
		}
		if (t.tag == "VBN" || t.tag == "VBD") && t.actor < 0 && prev.tag == "CD" && (strings.HasPrefix(next.tag, "NN") || next.tag == "JJ") {
			// "the two exiled dissidents", "30 wounded soldiers".
			t.tag = "JJ"
			continue
		}
		if t.tag != "VBN" || t.actor >= 0 {
			continue
		}
		switch prev.tag {
		case "VBD", "VBP", "VBZ":
		default:
			continue
		}
		switch prev.lemma {
		case "be", "have", "get", "do":
			continue
		}
		if strings.HasPrefix(next.tag, "NN") || next.tag == "JJ" {
			t.tag = "JJ"
		}
	}
}

// speechTakesAddressee reports whether a speech verb's object is whom it
// is said to ("told Russia", "briefed reporters", "warned Iran"), not what
// is said.
func speechTakesAddressee(lemma string) bool {
	switch lemma {
	case "tell", "inform", "brief", "assure", "address", "remind", "notify", "advise", "update", "thank", "greet":
		return true
	}
	return false
}

// isRelativePronoun reports whether w can open a relative clause about a
// person or group.
func isRelativePronoun(w string) bool {
	return w == "that" || w == "which" || w == "who"
}

// isClauseEnd reports whether a tag ends a clause or phrase: punctuation
// or a coordinating conjunction.
func isClauseEnd(tag string) bool {
	switch tag {
	case ".", ",", ":", "CC", "''", "``", "-RRB-", ")":
		return true
	}
	return false
}

// verbStem returns the lexicon verb head a present participle's stem
// stands for: "demand" (demanding), "pressure" (pressuring), "shell"
// (shelling, with the doubled consonant).
func (c *Coder) verbStem(stem string) (string, bool) {
	if _, ok := c.lex.verbs[stem]; ok {
		return stem, true
	}
	if e := stem + "e"; c.lex.verbs[e] != nil {
		return e, true
	}
	if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
		if _, ok := c.lex.verbs[stem[:n-1]]; ok {
			return stem[:n-1], true
		}
	}
	return "", false
}

// targetOf returns the target actors of a match: those its "+" bound, or
// the first actor after it in the clause.
func (c *Coder) targetOf(m *matcher, best match, sources []int) []int {
	switch {
	case best.bound && best.target >= 0:
		if o := m.complaintObject(best, best.target, sources); o >= 0 {
			return m.members(o)
		}
		return m.members(best.target)
	case best.bound && best.target < 0 && best.end > 0 && m.personPronounAt(best.end-1):
		// "received him": the person the pronoun stands for.
		if r := m.resolvePronoun(best.end - 1); r >= 0 && !slices.Contains(sources, r) {
			return m.members(r)
		}
		return nil
	case !best.bound && best.codeOr() == "010" && !best.p.noun:
		// A statement is made to its addressee ("said to reporters",
		// "told Russia"); an actor of what was said is not its target:
		// "Israel said a mortar was fired from the Gaza Strip", "made
		// his remarks in Doha".
		k := best.end
		if k < len(m.toks) && m.toks[k].lower == "to" {
			k++
		} else if !speechTakesAddressee(best.p.head) {
			return nil
		}
		for ; k < len(m.toks) && k <= best.end+3; k++ {
			if a := m.toks[k].actor; a >= 0 && !slices.Contains(sources, a) {
				return m.members(a)
			}
			if !m.toks[k].isDeterminer() && !strings.HasPrefix(m.toks[k].tag, "JJ") {
				break
			}
		}
		return nil
	case !best.bound:
		// The object's own modifier first: "rejected a U.S. request to
		// interrogate detainees", "accepted Iran's offer" act on the one
		// who asked or offered.
		if t := m.actorWithin(best.p, best.end, sources); t >= 0 {
			return m.members(t)
		}
		if t := m.firstActorAfter(best.end, sources); t >= 0 {
			if o := m.complaintObject(best, t, sources); o >= 0 {
				return m.members(o)
			}
			return m.members(t)
		}
	}
	return nil
}

// complaintObject returns, for a complaint (11) whose first actor is its
// addressee after "to", the actor it is about after "over", "about" or
// "against" in the same clause, or -1: "complained to the UN over Israeli
// raids" is a complaint against Israel.
func (m *matcher) complaintObject(best match, t int, sources []int) int {
	act := m.actors[t]
	if !strings.HasPrefix(best.codeOr(), "11") || act.first == 0 || m.toks[act.first-1].lower != "to" {
		return -1
	}
	for k := act.last + 1; k < len(m.toks) && k < act.last+8; k++ {
		tk := &m.toks[k]
		if tk.isClauseBreak() || tk.isVerb() {
			return -1
		}
		switch tk.lower {
		case "over", "about", "against":
			return m.firstActorAfter(k+1, sources)
		}
	}
	return -1
}

// sameCountryAs reports whether actor a is of the same country as one of
// the sources: "Lavrov doubled down on Russia's support for Assad" —
// Russia's is the source's own side, not the target.
// sameParty reports whether actor a is one of the sources' own side: the
// same country with no role or the same role ("Russia" and "RUSGOV" are one
// side; Syrian troops and Syrian rebels are two).
func (m *matcher) sameParty(a int, sources []int) bool {
	c := m.actors[a].code
	for _, s := range sources {
		sc := m.actor(s).code
		if len(c) >= 3 && len(sc) >= 3 && c[:3] == sc[:3] && (len(c) == 3 || len(sc) == 3 || c[3:] == sc[3:]) {
			return true
		}
	}
	return false
}

func (m *matcher) sameCountryAs(a int, sources []int) bool {
	c := m.actors[a].code
	for _, s := range sources {
		sc := m.actor(s).code
		if len(c) >= 3 && len(sc) >= 3 && c[:3] == sc[:3] {
			return true
		}
	}
	return false
}

// adjectival reports whether actor a is a role word used as a modifier of
// the noun after it ("terrorist activities", "a military alliance") or of
// an actor of a country after it ("elderly British nationals"), which
// names no actor.
//
// A region ("the Gulf", "Mediterranean", "the West") before a noun is a
// modifier too: "the Gulf war", "the Mediterranean island of Cyprus",
// "West Darfur", "East-West relations" name no regional actor.
func (m *matcher) adjectival(a int) bool {
	act := m.actors[a]
	if act.kind == "adj" && act.first == act.last && m.language(act.first, act.last) {
		return true
	}
	if act.last+1 >= len(m.toks) {
		return false
	}
	t := m.toks[act.last+1].tag
	switch {
	case act.kind == "role":
		// "elderly British nationals": a role word before another actor
		// describes it.
		if next := m.toks[act.last+1].actor; next >= 0 && len(m.actors[next].code) >= 3 && isCountryCode(m.actors[next].code[:3]) {
			return true
		}
		return t == "NN" || t == "NNS"
	case len(act.code) == 3 && isRegion(act.code):
		return strings.HasPrefix(t, "NN")
	}
	return false
}

// language reports whether the demonym at first..last names a language:
// before "language" or "speaking" ("Spanish-language television",
// "English speakers") or as the object of speaking, teaching or writing or
// of "in" with no noun after it ("taught him Japanese", "said in Arabic").
func (m *matcher) language(first, last int) bool {
	if l := m.toks[last].lower; strings.Contains(l, "-languag") || strings.Contains(l, "-speak") {
		return true // one token: "Spanish-language"
	}
	next := last + 1
	if next < len(m.toks) && m.toks[next].lower == "-" {
		next++
	}
	if next < len(m.toks) {
		switch m.toks[next].lemma {
		case "language", "speaking", "speaker", "translation", "translator", "subtitle", "dub", "dubbed":
			return true
		}
		if t := m.toks[next].tag; strings.HasPrefix(t, "NN") || strings.HasPrefix(t, "JJ") || t == "CD" || t == "VBG" || t == "HYPH" {
			return false // "in the German mobile market"
		}
	}
	k := first - 1
	for k >= 0 && (m.toks[k].isDeterminer() || m.toks[k].tag == "PRP") {
		k-- // "teach him Japanese"
	}
	if k < 0 {
		return false
	}
	switch m.toks[k].lemma {
	case "speak", "teach", "learn", "study", "write", "translate", "in", "into", "from":
		return true
	}
	return false
}

// isRegion reports whether c is a CAMEO region code (the regions of
// internal/actors/data/countries.txt).
func isRegion(c string) bool {
	switch c {
	case "AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM", "MDT",
		"MEA", "NAF", "NMR", "PGS", "SAF", "SAS", "SCN", "SEA", "WAF", "WST":
		return true
	}
	return false
}

// ownForce reports whether actor a is a bare armed role ("troops",
// "warships") that a country's act names as its means: "France will send
// 500 troops to Mali" sends France's troops.
func (m *matcher) ownForce(a int, sources []int) bool {
	if c := m.actors[a].code; len(c) != 3 || !isArmed("XXX"+c) || c == "REB" || c == "INS" {
		return false
	}
	for _, s := range sources {
		if c := m.actor(s).code; len(c) >= 3 && isCountryCode(c[:3]) {
			return true
		}
	}
	return false
}

// actorWithin returns the first actor inside a match (between its head
// and end) that is not a source, or -1.
func (m *matcher) actorWithin(p *pattern, end int, sources []int) int {
	for a, act := range m.actors {
		// An actor may run on past the match only by a phrase of its own
		// ("protesters in Nairobi"), not by the noun the match's last word
		// modifies ("mobilized army reservists").
		within := act.last < end || end < len(m.toks) && m.toks[end].tag == "IN"
		if act.first < end && within && act.first > 0 && !slices.Contains(sources, a) && !m.adjectival(a) &&
			!m.sameParty(a, sources) && !m.ownRole(a, sources) && !m.ownForce(a, sources) {
			// Only actors after the head: the head is before end and the
			// pattern began at it, so act must follow some matched word.
			for k := act.first - 1; k >= 0; k-- {
				if m.toks[k].lemma == p.head || m.toks[k].lower == p.head {
					return a
				}
				if m.toks[k].isClauseBreak() {
					break
				}
			}
		}
	}
	return -1
}

// dropBareStatements removes "make statement" (010) events of a source
// that has a more specific event in the same sentence: "X said Y attacked
// Z" is the attack, not a statement.
func dropBareStatements(evs []article.Event) []article.Event {
	return slices.DeleteFunc(evs, func(e article.Event) bool {
		if e.Code != "010" {
			return false
		}
		for _, o := range evs {
			if o.Code != "010" && o.Source == e.Source {
				return true
			}
		}
		return false
	})
}

// isConflict reports whether code is a verbal or material conflict
// (roots 10 to 20).
func isConflict(code string) bool { return len(code) >= 2 && code[:2] >= "10" && code[:2] <= "20" }

// secondPerson reports whether the subject right before position k is
// "you".
func (m *matcher) secondPerson(k int) bool {
	for i := k - 1; i >= 0 && i >= k-2; i-- {
		if m.toks[i].lower == "you" {
			return true
		}
		if !m.toks[i].isAdverb() {
			return false
		}
	}
	return false
}

// addressee returns the actor a quotation holding position k is addressed
// to, by a vocative at its start ("To my colleagues from Russia - you
// …"), or -1.
func (m *matcher) addressee(quoted []bool, k int) int {
	start := k
	for start > 0 && quoted[start-1] {
		start--
	}
	if start >= len(m.toks) || m.toks[start].lower != "to" {
		return -1
	}
	for i := start + 1; i < k && i <= start+6; i++ {
		if m.toks[i].isClauseBreak() || m.toks[i].lower == "-" {
			break
		}
		if a := m.toks[i].actor; a >= 0 {
			return a
		}
	}
	return -1
}

// firstPerson reports whether the subject right before position k is a
// first-person pronoun ("we may be at an all-time low").
func (m *matcher) firstPerson(k int) bool {
	for i := k - 1; i >= 0 && i >= k-2; i-- {
		switch m.toks[i].lower {
		case "we", "i":
			return true
		}
		if !m.toks[i].isAdverb() {
			return false
		}
	}
	return false
}

// subjectPPActor returns the actor inside a prepositional phrase of the
// subject before position k ("relations with Moscow are …"), or -1.
func (m *matcher) subjectPPActor(k int) int {
	for i := k - 1; i >= 0; i-- {
		t := &m.toks[i]
		if t.isClauseBreak() || t.isVerb() || t.tag == "WDT" || t.lower == "that" {
			return -1
		}
		if a := m.actorEndingAt(i); a >= 0 {
			if f := m.actors[a].first; f > 0 && m.toks[f-1].tag == "IN" {
				return a
			}
			return -1
		}
	}
	return -1
}

// governingGroup returns the verb group whose object is the noun at i
// (only determiners, adjectives and possessives between), or -1.
func (m *matcher) governingGroup(groups []verbGroup, i int) int {
	return m.objectOf(groups, i, false)
}

// objectOf returns the index of the verb group whose object holds token i,
// or -1: the noun right after the verb and its determiners and adjectives,
// or, when deep, also after adverbs, nouns and "of" after a noun ("provide
// nearly 25,000 tons of emergency food aid").
func (m *matcher) objectOf(groups []verbGroup, i int, deep bool) int {
	for gi := len(groups) - 1; gi >= 0; gi-- {
		g := groups[gi]
		if g.last >= i {
			continue
		}
		if deep && i-g.last > 9 {
			return -1
		}
		from := g.last + 1
		if deep && gi < len(m.groupEnd) && m.groupEnd[gi] > from && m.groupEnd[gi] <= i {
			// The verb's match may run on past its object to a
			// preposition: "warned Washington against further strikes".
			from = m.groupEnd[gi]
		}
		for k := from; k < i; k++ {
			t := &m.toks[k]
			if t.isDeterminer() || strings.HasPrefix(t.tag, "JJ") || t.tag == "CD" {
				continue
			}
			if deep && (t.isAdverb() || t.tag == "RP" || t.tag == "NN" || t.tag == "NNS" || t.tag == "POS" || t.tag == "HYPH" ||
				t.lower == "of" && (m.toks[k-1].tag == "NN" || m.toks[k-1].tag == "NNS")) {
				continue
			}
			return -1
		}
		return gi
	}
	return -1
}

// lemmaOf returns the lemma of the group's head.
func (g verbGroup) lemmaOf(m *matcher) string { return m.toks[g.head].lemma }

// irrealis are verbs whose infinitive complement has not happened: "plans
// to attack" is no attack. The lexicon codes the intent itself where CAMEO
// has a code for it ("threaten to attack", "vow to retaliate").
var irrealis = map[string]bool{
	"threaten": true, "vow": true, "pledge": true, "promise": true, "agree": true, "refuse": true,
	"decline": true, "offer": true, "propose": true, "urge": true, "ask": true, "call": true,
	"demand": true, "consider": true, "fail": true, "need": true, "require": true, "vote": true,
	"order": true, "encourage": true, "allow": true, "invite": true, "press": true, "push": true,
	"warn": true, "try": true, "attempt": true,
}

// actorBetween reports whether an actor begins at a token from i up to j.
func (m *matcher) actorBetween(i, j int) bool {
	for k := i; k < j && k < len(m.toks); k++ {
		if m.toks[k].actor >= 0 {
			return true
		}
	}
	return false
}

// wishes are verbs whose finite complement clause is only wished for.
var wishes = map[string]bool{"hope": true, "wish": true, "pray": true, "dream": true}

// complementCoded reports whether the verb group at gi, or a verb
// coordinated with it ("to plan and carry out killings"), has an event.
func (c *Coder) complementCoded(m *matcher, groups []verbGroup, gi int) bool {
	for k := gi; k < len(groups) && k < gi+3; k++ {
		if k > gi {
			if w := m.toks[groups[k].first-1].lower; w != "and" && w != "or" || groups[k].first-2 != groups[k-1].last {
				return false
			}
		}
		if _, ok := c.bestMatch(m, m.verbHead(c.lex, groups[k].head), groups[k].head); ok {
			return true
		}
		// Or its object names the event: "carry out killings".
		for j := groups[k].last + 1; j < len(m.toks) && j <= groups[k].last+4; j++ {
			t := &m.toks[j]
			if t.isClauseBreak() || t.isVerb() {
				break
			}
			if canStartNounPattern(t.tag) {
				if _, ok := c.bestMatch(m, m.nounHead(c.lex, j), j); ok {
					return true
				}
			}
		}
	}
	return false
}

// helpers are verbs whose infinitive complement is the act they support:
// "helped (to) plan the attack" is taking part in the attack.
var helpers = map[string]bool{"help": true, "assist": true}

// noClauseBreak reports whether the tokens from i up to j hold no
// sentence-internal clause break (semicolon, colon, quotation mark, full
// stop).
func (m *matcher) noClauseBreak(i, j int) bool {
	for k := i; k < j && k < len(m.toks); k++ {
		switch m.toks[k].lower {
		case ";", ":", ".", "\"":
			return false
		}
	}
	return true
}

// volition are verbs whose infinitive complement is the subject's own
// intended act: "X wants to attack Y" is X's intent (a threat), "X plans to
// meet Y" an intent to meet.
var volition = map[string]bool{
	"want": true, "plan": true, "seek": true, "intend": true, "hope": true, "aim": true, "wish": true,
	"expect": true, "prepare": true, "decide": true, "plot": true, "mean": true,
}

// unrealized reports whether a noun object of verb lemma v names what has
// not happened: what is wanted, planned, prepared, proposed, refused,
// debated, feared, opposed or put off.
// An order or a decision is an act of its own ("ordered the deportation
// of"), and "call" names ("what it called an attack"). A lemma that
// lost its silent e ("prepar") counts as the verb.
func unrealized(v string) bool {
	switch v {
	case "order", "decide", "call", "vote":
		return false
	case "rule", "discuss", "debate", "weigh", "mull", "contemplate", "fear", "oppose", "reject", "resist",
		"postpone", "delay", "cancel", "rule out":
		// "has not ruled out a strike on Iran", "postponed the talks".
		return true
	}
	return volition[v] || irrealis[v] || volition[v+"e"] || irrealis[v+"e"]
}

// abstractFoes are the evils one "fights" or wages "war" on without arms.
var abstractFoes = map[string]bool{
	"terror": true, "terrorism": true, "extremism": true, "radicalism": true, "radicalisation": true,
	"radicalization": true, "corruption": true, "poverty": true, "crime": true, "disease": true,
	"drug": true, "inflation": true, "hunger": true, "famine": true, "racism": true, "discrimination": true,
	"climate": true, "fraud": true, "cancer": true, "aids": true, "malaria": true, "ebola": true,
	"unemployment": true, "inequality": true, "smuggling": true, "trafficking": true, "piracy": true,
	"illiteracy": true, "obesity": true, "pollution": true, "deforestation": true, "impunity": true,
}

// abstractFoe reports whether the object of a fighting word whose match
// ends before i is an evil, not an enemy: the match's own last word
// ("declared war on drugs") or the noun right after it ("against", "on",
// determiners and adjectives aside: "fighting terror").
func (m *matcher) abstractFoe(i int) bool {
	if i > 0 && i <= len(m.toks) {
		if t := &m.toks[i-1]; strings.HasPrefix(t.tag, "NN") && abstractFoes[t.lemma] && t.actor < 0 {
			return true
		}
	}
	for k := i; k < len(m.toks) && k < i+4; k++ {
		t := &m.toks[k]
		if t.actor >= 0 || t.isClauseBreak() || t.isVerb() {
			return false
		}
		if strings.HasPrefix(t.tag, "NN") {
			return abstractFoes[t.lemma] && (k+1 >= len(m.toks) || !strings.HasPrefix(m.toks[k+1].tag, "NN"))
		}
	}
	return false
}

// indicativeClause reports whether the tokens from i on are a clause whose
// first verb is finite and no modal: what is said to be so, not what
// should be done.
func (m *matcher) indicativeClause(i int) bool {
	for k := i; k < len(m.toks) && k < i+12; k++ {
		t := &m.toks[k]
		if t.isClauseBreak() {
			return false
		}
		switch {
		case t.tag == "MD":
			return false
		case t.tag == "VBD" || t.tag == "VBZ" || t.tag == "VBP":
			return true
		}
	}
	return false
}

// prevClauseGroup returns the verb group before gi that is no reduced
// relative clause and no gerund after a preposition (those sit inside a
// noun phrase: "hoped officials accused of playing a role … would be
// indicted"), or -1.
func (m *matcher) prevClauseGroup(groups []verbGroup, gi int) int {
	for j := gi - 1; j >= 0; j-- {
		g := groups[j]
		if g.reduced || m.toks[g.first].tag == "VBG" && g.first > 0 && m.toks[g.first-1].tag == "IN" {
			continue
		}
		return j
	}
	return -1
}

// personPronounAt reports whether token k is a pronoun for a person as an
// object ("received him"); "them" is too often no actor to count.
func (m *matcher) personPronounAt(k int) bool {
	if k >= len(m.toks) {
		return false
	}
	switch m.toks[k].lower {
	case "him":
		return true
	case "her":
		// Not the possessive: "to return her serve".
		return k+1 >= len(m.toks) || !strings.HasPrefix(m.toks[k+1].tag, "NN") && !strings.HasPrefix(m.toks[k+1].tag, "JJ")
	}
	return false
}

// needsActorObject reports whether p is a bare "release +", "return +" or
// "receive +": such a verb yields or hosts only when its object is an
// actor ("released the prisoners", "received Lavrov"); "released growth
// figures", "received a takeover bid" are no event.
func needsActorObject(p *pattern) bool {
	return (p.code == "084" || p.code == "043") && len(p.rest) == 1 && p.rest[0].kind == elemTarget
}

// bestMatch returns the most specific pattern of h matching at head i.
func (c *Coder) bestMatch(m *matcher, h *headPatterns, i int) (match, bool) {
	var best match
	found := false
	try := func(p *pattern) {
		if !m.mayMatch(p) {
			return
		}
		mt, ok := m.matchAt(p, i)
		if !ok || mt.bound && mt.target < 0 && needsActorObject(p) && !m.personPronounAt(i+1) {
			return
		}
		// The most words matched wins (an alternative's longer branch
		// counts in full), then the pattern's own weight, then the later
		// line.
		if !found || mt.words > best.words || mt.words == best.words &&
			(p.weight > best.p.weight || p.weight == best.p.weight && p.order > best.p.order) {
			best, found = mt, true
		}
	}
	if h == nil {
		return best, false
	}
	for _, p := range h.free {
		try(p)
	}
	switch {
	case len(h.keys) == 0:
	case len(h.keys) <= len(m.presentIDs):
		// Fewer key words than words present: look each up in the
		// sentence's bit set rather than in the map.
		for _, id := range h.keys {
			if m.present[id/64]&(1<<(id%64)) != 0 {
				for _, p := range h.byWord[id] {
					try(p)
				}
			}
		}
	default:
		for _, id := range m.presentIDs {
			for _, p := range h.byWord[id] {
				try(p)
			}
		}
	}
	return best, found
}

// events builds the events of one match: one per source and target pair.
func (c *Coder) events(a *article.Article, si int, m *matcher, mt match, head int, sources, targets []int,
	date string, negated, reported bool) []article.Event {
	info, ok := c.lex.Code(mt.codeOr())
	if !ok {
		return nil
	}
	if len(sources) == 0 && len(targets) == 0 {
		return nil
	}
	if info.Code == "010" && (len(targets) == 0 || len(sources) == 0) && !c.cfg.KeepBareStatements {
		// A bare statement tells something only with both who made it
		// and to whom: "he told BBC Radio" names no actor that acted.
		return nil
	}
	s := a.Sentences[si]
	verb := article.Span{Start: s.Tokens[head].Span.Start, End: s.Tokens[max(head, mt.last)].Span.End}
	if len(sources) == 0 {
		sources = []int{-1}
	}
	if len(targets) == 0 {
		targets = []int{-1}
	}
	var out []article.Event
	for _, si2 := range sources {
		for _, ti := range targets {
			src, tgt := m.actor(si2), m.actor(ti)
			if si2 >= 0 && ti >= 0 && src.code == tgt.code {
				// An actor acting on itself ("Russia wants sanctions on
				// Moscow" read loosely): the act stands without a target.
				tgt = sentActor{}
			}
			info := info
			if si2 < 0 && info.Root == "07" && m.toks[head].lemma == "help" {
				// "the devaluation helped attract investment", "a net cord
				// helps the Spaniard": helping without a helper is no aid.
				continue
			}
			if metaphor, ok := c.verbalViolence(m, head, max(head, mt.last), info, src, tgt); ok {
				if metaphor.Code == "" {
					continue
				}
				info = metaphor
			}
			if info.Code == "113" && m.toks[head].lemma == "campaign" && si2 >= 0 && isArmed(src.code) {
				// An armed force's campaign against someone is a military
				// one, not the rallying of opposition.
				if fight, ok := c.lex.Code("190"); ok {
					info = fight
				}
			}
			if strings.HasPrefix(info.Code, "171") && si2 >= 0 && protestNouns[m.toks[src.last].lemma] {
				// Property damaged by protesters is a protest turned
				// violent, a riot (CAMEO 145), not a coercive seizure.
				if riot, ok := c.lex.Code("145"); ok {
					info = riot
				}
			}
			ev := article.Event{
				Source: src.code, Target: tgt.code,
				Code: info.Code, Root: info.Root, Goldstein: info.Goldstein, Quad: info.Quad,
				Plover: article.PLOVERCategory(info.Code),
				Date:   date, Sentence: si, Negated: negated, Reported: reported,
				SourceSpan: src.span, VerbSpan: verb, TargetSpan: tgt.span,
			}
			if ev.Source == "" && ev.Target == "" {
				continue
			}
			out = append(out, ev)
		}
	}
	return out
}

// verbalViolence recodes the violence a politician, a candidate or a
// business or media figure does with words: "Sanders attacked Clinton",
// "Trump launched an attack against Obama" are criticism (111); "Cruz was
// battling with Rubio for second place", "the Clintons' war on women" are
// a contest, no event (the zero CodeInfo). It applies to a person whose
// role is neither armed nor executive acting on no armed force or police,
// and to a government's person acting on a political rival at home; ok is
// false when the event is left as it is.
func (c *Coder) verbalViolence(m *matcher, head, last int, info CodeInfo, src, tgt sentActor) (CodeInfo, bool) {
	if info.Root != "18" && info.Root != "19" && info.Root != "20" || src.kind != "person" || len(src.code) < 6 {
		return CodeInfo{}, false
	}
	switch src.code[3:6] {
	case "LEG", "ELI", "OPP", "PTY", "BUS", "MED", "EDU", "HRI", "REL", "LAB":
	case "GOV":
		// A head of government attacks a rival at home with words
		// ("Blair attacked Howard"), not a country or its people.
		if len(tgt.code) < 6 || tgt.code[:3] != src.code[:3] {
			return CodeInfo{}, false
		}
		switch tgt.code[3:6] {
		case "LEG", "ELI", "OPP", "PTY", "GOV", "MED", "JUD", "BUS":
		default:
			return CodeInfo{}, false
		}
	default:
		return CodeInfo{}, false
	}
	if isArmed(src.code) || tgt.code != "" && (isArmed(tgt.code) || strings.Contains(tgt.code[min(3, len(tgt.code)):], "COP")) {
		return CodeInfo{}, false
	}
	// The words of the match tell it: "launched a pre-emptive attack".
	for k := head; k <= last && k < len(m.toks); k++ {
		switch m.toks[k].lemma {
		case "battle", "fight", "clash", "war", "skirmish", "duel", "struggle":
			return CodeInfo{}, true
		case "attack", "assail", "slam", "blast", "hit", "lash", "savage", "bash", "shoot", "fire", "assault":
			if criticize, ok := c.lex.Code("111"); ok {
				return criticize, true
			}
		}
	}
	return CodeInfo{}, false
}

// isArmed reports whether actor code c is an armed force: a military, a
// rebel or insurgent group, or an international militarized group.
func isArmed(c string) bool {
	if strings.HasPrefix(c, "IMG") {
		return true
	}
	for i := 3; i+3 <= len(c); i += 3 {
		switch c[i : i+3] {
		case "MIL", "REB", "INS", "UAF":
			return true
		}
	}
	return false
}

// protestNouns are the heads of actors that are crowds in protest.
var protestNouns = map[string]bool{
	"protester": true, "protestor": true, "demonstrator": true, "rioter": true, "marcher": true, "mob": true,
}

// actor returns the sentence actor i, or the zero actor for -1.
func (m *matcher) actor(i int) sentActor {
	if i < 0 || i >= len(m.actors) {
		return sentActor{}
	}
	return m.actors[i]
}

// members returns the actors of the compound that actor i belongs to.
func (m *matcher) members(i int) []int {
	if i < 0 {
		return nil
	}
	var out []int
	for j, a := range m.actors {
		if a.group == m.actors[i].group {
			out = append(out, j)
		}
	}
	return out
}

// groupCompounds joins actors separated only by "and", "or", "nor", ",",
// "both", "either", "neither" into one compound group.
func groupCompounds(m *matcher) {
	for i := 1; i < len(m.actors); i++ {
		prev, cur := m.actors[i-1], m.actors[i]
		if cur.first <= prev.last {
			continue
		}
		// "the government and the rebels": an article may open the
		// second conjunct.
		joined := cur.first > prev.last+1
		conj, comma := false, false
		for k := prev.last + 1; k < cur.first; k++ {
			switch m.toks[k].lower {
			case "and", "or", "nor", "&":
				conj = true
			case ",":
				conj = false // ", the U.S. Central Command said": no conjunct
				comma = true
			case "the":
				joined = joined && conj && k == cur.first-1
			default:
				joined = false
			}
		}
		if joined && comma && cur.last+1 < len(m.toks) && isFinite(m.toks[cur.last+1].tag) {
			// "fired rockets into southern Israel, and Israeli jets
			// struck Gaza": the second is the subject of a new clause.
			joined = false
		}
		if joined && comma && !conj {
			// A comma alone joins a list only where the list goes on
			// ("Russia, China and Iran"), not "in a memo to Congress,
			// Saudis insist".
			next := ""
			if cur.last+1 < len(m.toks) {
				next = m.toks[cur.last+1].lower
			}
			joined = next == "," || next == "and" || next == "or"
		}
		if joined {
			m.actors[i].group = m.actors[i-1].group
		}
	}
	// A bare country word joined to a country with a role shares the role:
	// "U.S. and Russian negotiators" are USAGOV and RUSGOV.
	for i := len(m.actors) - 2; i >= 0; i-- {
		a, next := &m.actors[i], m.actors[i+1]
		if a.group == next.group && a.first == a.last && len(a.code) == 3 && len(next.code) > 3 &&
			isCountryCode(a.code) && next.code[:3] != a.code && isCountryCode(next.code[:3]) {
			a.code += next.code[3:]
		}
	}
}

// inferRoleCountry gives bare role actors ("the government", "rebels",
// "civilians") the country of the sentence when it names exactly one:
// news writes "Ugandan rebels surrendered after a government offensive"
// and means Uganda's government.
func inferRoleCountry(m *matcher) {
	// "Russian aircraft including helicopter gunships": a bare role that
	// names part of the actor before it is of that actor's country.
	for i := 1; i < len(m.actors); i++ {
		a, prev := &m.actors[i], m.actors[i-1]
		if len(a.code) == 3 && isRole(a.code) && len(prev.code) > 3 && isCountryCode(prev.code[:3]) &&
			a.first >= 2 && prev.last == a.first-2 && isInclusion(m.toks[a.first-1].lower) {
			a.code = prev.code[:3] + a.code
		}
	}
	country := ""
	for _, a := range m.actors {
		if len(a.code) < 3 || !isCountryCode(a.code[:3]) {
			continue
		}
		if a.kind == "adj" && a.first == a.last && m.language(a.first, a.last) {
			continue // "Spanish-language television" is no Spaniard
		}
		if backer(m.toks[a.last].lower) {
			continue // "Turkish-backed rebels" are no Turkish rebels
		}
		if country != "" && country != a.code[:3] {
			return // two countries: which one is meant is not known
		}
		country = a.code[:3]
	}
	if country == "" {
		return
	}
	for i := range m.actors {
		a := &m.actors[i]
		if len(a.code) == 3 && isRole(a.code) {
			a.code = country + a.code
		}
	}
}

// backer reports whether a token names a country as the backer of what
// follows: "Turkish-backed", "Iranian-sponsored", "US-trained".
func backer(w string) bool {
	i := strings.LastIndexByte(w, '-')
	if i < 0 {
		return false
	}
	switch w[i+1:] {
	case "backed", "sponsored", "supported", "funded", "financed", "trained", "armed", "allied", "aligned", "equipped":
		return true
	}
	return false
}

// isInclusion reports whether w introduces a part of what precedes it
// ("aircraft including gunships").
func isInclusion(w string) bool { return w == "including" || w == "notably" || w == "especially" }

// isRole reports whether c is a bare CAMEO role or sector code.
func isRole(c string) bool {
	switch c {
	case "GOV", "MIL", "REB", "OPP", "COP", "CVL", "JUD", "LEG", "BUS", "MED", "REF", "EDU", "HLH", "LAB",
		"ELI", "SPY", "CRM", "REL", "AGR", "ENV", "HRI", "INS", "PTY", "UAF", "SEP", "DEV", "MOD", "RAD":
		return true
	}
	return false
}

// isCountryCode reports whether c looks like a country code rather than an
// organisation's (IGO, NGO, MNC…) or a bare role (GOV, MIL…).
func isCountryCode(c string) bool {
	if len(c) != 3 {
		return false
	}
	switch c {
	case "IGO", "NGO", "NGM", "MNC", "IMG", "UIS", "GOV", "MIL", "REB", "OPP", "COP", "CVL", "JUD", "LEG",
		"BUS", "MED", "REF", "EDU", "HLH", "LAB", "ELI", "SPY", "CRM", "REL", "AGR", "ENV", "HRI", "INS",
		"PTY", "UAF", "SEP", "PKO", "DEV", "MOD", "RAD":
		return false
	}
	return true
}

// appendVerbGroups appends the verb groups of a sentence to out.
func appendVerbGroups(out []verbGroup, toks []tok) []verbGroup {
	for i := 0; i < len(toks); {
		start := i
		if toks[i].tag == "TO" && i+1 < len(toks) && (toks[i+1].tag == "VB" || toks[i+1].isAdverb() && i+2 < len(toks) && toks[i+2].tag == "VB") {
			// "to attack", "to swiftly respond"
		} else if !toks[i].isVerb() {
			i++
			continue
		}
		g := verbGroup{first: start, head: -1, infinitive: toks[start].tag == "TO"}
		// Adverbs right before the group belong to it: "never attacked".
		for k := start - 1; k >= 0 && (toks[k].tag == "RB" || toks[k].lower == "n't"); k-- {
			if toks[k].lemma == "not" || toks[k].lower == "never" || toks[k].lower == "n't" {
				g.negated = true
			}
		}
		j := start
		for ; j < len(toks); j++ {
			t := &toks[j]
			switch {
			case t.isVerb():
				if t.tag == "MD" {
					g.modal = t.lemma
				} else {
					g.head = j
				}
			case t.tag == "TO" && j == start:
			case t.lemma == "not" || t.lower == "never" || t.lower == "n't":
				g.negated = true
			case t.isAdverb():
			default:
				goto done
			}
		}
	done:
		g.last = j - 1
		// Trailing adverbs belong to what follows.
		for g.last > 0 && g.last > g.head && !toks[g.last].isVerb() {
			g.last--
		}
		if g.head >= 0 {
			h := &toks[g.head]
			if h.tag == "VBN" {
				for k := g.first; k < g.head; k++ {
					if toks[k].lemma == "be" || toks[k].lemma == "get" {
						g.passive = true
					}
				}
				if g.passive && statives[h.lower] && !byAfter(toks, g.last+1) {
					// "were committed to cutting spending", "is opposed to
					// the plan": a state of the subject, who is the one
					// committed or opposed, not a passive.
					g.passive = false
				}
				g.reduced = reducedRelative(toks, g)
				g.passive = g.passive || g.reduced
			} else if h.tag == "VBD" && g.head == g.first && prepositionsToVerb(toks, g.head+1) && reducedRelative(toks, g) {
				// A simple past the tagger gave a participle's place:
				// "the civilians imprisoned for acting against Moscow
				// were released".
				g.reduced, g.passive = true, true
			}
			out = append(out, g)
		}
		i = max(j, start+1)
	}
	return out
}

// grow returns s with length n and every element zero, reusing its memory.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// markQuoted marks in q (one per token, all false) the tokens inside
// quotation marks.
func markQuoted(q []bool, toks []tok) []bool {
	open := false
	for i, t := range toks {
		switch t.lower {
		case "\"":
			open = !open
			continue
		case "``", "“":
			open = true
			continue
		case "''", "”":
			open = false
			continue
		}
		q[i] = open
	}
	return q
}

// mayLower reports whether s has an upper-case ASCII letter or a byte
// beyond ASCII: whether it may change in lower case.
func mayLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

func normQuote(s string) string {
	switch s {
	case "“", "”", "``", "''", "„":
		return "\""
	case "’", "‘":
		return "'"
	}
	return s
}

var speechVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "state": true, "declare": true, "announce": true, "claim": true,
	"insist": true, "argue": true, "note": true, "report": true, "write": true, "explain": true, "told": true,
	"allege": true, "assert": true, "believe": true, "think": true, "suggest": true, "acknowledge": true,
	"admit": true, "confirm": true, "deny": true, "repeat": true, "reiterate": true, "stress": true,
	"emphasize": true, "emphasise": true, "remark": true, "comment": true, "reply": true, "respond": true,
}

// findSources finds the subject actors of verb group gi.
func (c *Coder) findSources(m *matcher, groups []verbGroup, gi int, prev []int) []int {
	g := groups[gi]
	// Coordinated verbs share their subject, also when it is no actor: "X
	// attacked Y and killed Z", "a bombing killed one soldier and wounded
	// two others" (the soldier wounded nobody).
	if gi > 0 {
		k := g.first - 1
		for k >= 0 && m.toks[k].isAdverb() {
			k--
		}
		if k >= 0 && (m.toks[k].lower == "and" || m.toks[k].lower == "but" || m.toks[k].lower == "or") {
			return prev
		}
	}
	if gi > 0 && prev != nil {
		k := g.first - 1
		for k >= 0 && m.toks[k].isAdverb() {
			k--
		}
		// A participle clause after a comma shares the main clause's
		// subject: "Lavrov doubled down …, repeating denials".
		if k >= 0 && m.toks[k].lower == "," && m.toks[g.head].tag == "VBG" && g.head == g.first {
			return prev
		}
	}
	// A subject relative clause takes its antecedent as subject: "the
	// militant group that has seized parts of Iraq", "rebels who attacked".
	if k := g.first - 1; k >= 1 && isRelativePronoun(m.toks[k].lower) {
		if a := m.actorEndingAt(k - 1); a >= 0 {
			return m.members(a)
		}
	}
	// The nearest actor to the left within the clause.
	subjectNoun := false // a noun that is no actor stands between k and the verb
	for k := g.first - 1; k >= 0; k-- {
		t := &m.toks[k]
		if t.lower == ")" && (k+1 == g.first || k+1 < len(m.toks) && orgHeads[m.toks[k+1].lemma]) {
			if open := m.glossOpen(k); open >= 0 {
				// A gloss in brackets is no clause: "the Hizbollah (Party
				// of God) group declared".
				k = open
				continue
			}
		}
		if t.isClauseBreak() && t.lower != "," {
			break
		}
		if t.lower == "," && k+1 == g.first {
			if open := m.relativeAside(k); open >= 0 {
				// "Erdogan, who has been in power since 2003, accused
				// Germany": past the relative clause to its noun.
				k = open
				continue
			}
		}
		if t.lower == "," && subjectNoun && k+1 < g.first && strings.HasPrefix(m.toks[g.first-1].tag, "NN") {
			// "… abused Mexican immigrants, a rights organisation
			// charged": the subject is right before the verb and no
			// actor; an actor before the comma is another clause's.
			break
		}
		if strings.HasPrefix(t.tag, "NN") && !t.isTimeWord() && !isMonthOrDay(t.lower) && m.actorCovering(k) < 0 {
			subjectNoun = true
		}
		if t.lower == "," && k+1 < len(m.toks) && (m.toks[k+1].tag == "WDT" || m.toks[k+1].tag == "WP") {
			break
		}
		if a := m.actorEndingAt(k); a >= 0 && isRegion(m.actors[a].code) && m.adjectival(a) {
			// "the Mediterranean island": a place, no subject.
			k = m.actors[a].first
			continue
		}
		if a := m.actorEndingAt(k); a >= 0 {
			// Inside a prepositional phrase ("relations with Moscow are"),
			// an actor is no subject.
			// A possessive actor is a determiner, not a PP object: "one
			// of Assad's planes drop …".
			// "of" heads a partitive ("thousands of Nigerians", "a member of
			// the Syrian parliament"): its object is the subject.
			if f := m.actors[a].first; f > 0 && m.toks[f-1].tag == "IN" && !isSubordinator(m.toks[f-1].lower) && !m.isPartitive(f-1) &&
				!(k+1 < len(m.toks) && m.toks[k+1].tag == "POS") {
				k = f
				continue
			}
			return m.members(a)
		}
		if t.tag == "PRP" || t.tag == "WP" {
			if r := m.resolvePronoun(k); r >= 0 {
				return m.members(r)
			}
			break
		}
		if t.tag == "WDT" || t.lower == "that" && t.tag == "IN" {
			break
		}
		if t.tag == "VBG" && k > 0 && m.toks[k-1].tag == "IN" && !isSubordinator(m.toks[k-1].lower) {
			// A gerund inside a prepositional phrase of the subject: "the
			// civilians imprisoned for acting against Moscow were".
			k--
			continue
		}
		if t.isVerb() && speechVerbs[t.lemma] && subjectNoun {
			// What is said has its own subject, no actor: "Pound says
			// Marion Jones should be stripped of her medals".
			break
		}
		if t.isVerb() && !speechVerbs[t.lemma] {
			if r := m.reducedGroupAt(groups, k); r >= 0 {
				// Past a relative clause to its noun: "the prisoners
				// released by Russia returned"; "nationals suspected by
				// the West of blowing up" are no actor.
				if a := m.actorEndingAt(groups[r].first - 1); a >= 0 {
					return m.members(a)
				}
				break
			}
			if g.infinitive {
				// "Obama wants to attack": the governing verb's subject.
				return prev
			}
			break
		}
	}
	// Inverted speech: `"...", said Russian foreign minister Sergey Lavrov`
	// (only after a comma or a quotation: in "committee members said the
	// Home Office had …" the office is no speaker).
	if speechVerbs[m.toks[g.head].lemma] && g.last+1 < len(m.toks) && (g.first == 0 || m.toks[g.first-1].isClauseBreak()) {
		if a := m.toks[g.last+1].actor; a >= 0 {
			return m.members(a)
		}
		if g.last+2 < len(m.toks) && m.toks[g.last+1].isDeterminer() && m.toks[g.last+2].actor >= 0 {
			return m.members(m.toks[g.last+2].actor)
		}
	}
	return nil
}

// orgHeads are the nouns that, after a name, still name that body: "the
// Hizbollah (Party of God) group", "the APEC forum". Another noun after a
// name is another actor: "the WADA chief".
var orgHeads = map[string]bool{
	"group": true, "forum": true, "organisation": true, "organization": true, "movement": true, "militia": true,
	"party": true, "alliance": true, "coalition": true, "bloc": true, "agency": true, "council": true,
	"committee": true, "body": true, "front": true, "faction": true, "network": true, "army": true, "guerrilla": true,
	"rebel": true, "militant": true, "fighter": true, "force": true,
}

// conditionClause reports whether verb group g is the verb of a clause
// opened by "if" or "unless".
func (m *matcher) conditionClause(g verbGroup) bool {
	return m.clauseWordBefore(g.first, 12, "if", "unless")
}

// clauseWordBefore reports whether one of words stands before position k
// in its clause (no clause punctuation or verb between), at most reach
// tokens back.
func (m *matcher) clauseWordBefore(k, reach int, words ...string) bool {
	for i := k - 1; i >= 0 && i >= k-reach; i-- {
		t := &m.toks[i]
		if t.isClauseBreak() || t.isVerb() {
			return false
		}
		if slices.Contains(words, t.lower) {
			return true
		}
	}
	return false
}

// relativeAside returns the index of the comma that opens a
// non-restrictive relative clause closed by the comma at k (", who has
// been in power since 2003,"), or -1.
func (m *matcher) relativeAside(k int) int {
	for j := k - 1; j > 0 && j >= k-30; j-- {
		t := &m.toks[j]
		if t.lower == "," {
			if w := m.toks[j+1].lower; w == "who" || w == "which" || w == "whose" || w == "whom" {
				return j
			}
			return -1
		}
		if t.isClauseBreak() {
			return -1
		}
	}
	return -1
}

// glossOpen returns the index of the "(" that opens a short bracketed
// gloss closed at k, a name, acronym or translation with no verb ("(APEC)",
// "(Party of God)"), or -1.
func (m *matcher) glossOpen(k int) int {
	for j := k - 1; j >= 0 && j >= k-7; j-- {
		t := &m.toks[j]
		if t.lower == "(" {
			if j == k-1 {
				return -1
			}
			return j
		}
		if t.isVerb() || t.isClauseBreak() {
			return -1
		}
	}
	return -1
}

// evaluation reports whether verb group g is "be" with a prepositional
// predicate, how a speaker rates a state of things: "relations are at a
// low point", "the bid may be against the national interest" (but not an
// experiencer's "was pleased with").
func (m *matcher) evaluation(g verbGroup) bool {
	return m.toks[g.head].lemma == "be" && g.last+1 < len(m.toks) && m.toks[g.last+1].tag == "IN"
}

// nounBefore reports whether a noun stands right before token k, adverbs
// aside: the subject of a verb group starting at k.
func (m *matcher) nounBefore(k int) bool {
	for j := k - 1; j >= 0; j-- {
		t := &m.toks[j]
		if t.isAdverb() {
			continue
		}
		return strings.HasPrefix(t.tag, "NN") && !t.isTimeWord() && !isMonthOrDay(t.lower)
	}
	return false
}

// isPartitive reports whether the "of" at k follows a quantity or group
// noun ("thousands of Nigerians", "a member of the parliament", "some of the
// rebels"), whose object is the real subject.
func (m *matcher) isPartitive(k int) bool {
	if m.toks[k].lower != "of" || k == 0 {
		return false
	}
	p := &m.toks[k-1]
	if p.tag == "CD" {
		return true
	}
	switch p.lemma {
	case "thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions", "member",
		"group", "band", "number", "majority", "minority", "some", "many", "most", "all", "none", "one",
		"several", "few", "part", "section", "faction", "wing", "unit", "contingent", "delegation",
		"team", "crowd", "squad", "body", "supporter", "leader", "head", "chief", "spokesman",
		"spokeswoman", "representative", "envoy", "official", "officer", "commander":
		return true
	}
	return false
}

func isSubordinator(w string) bool {
	switch w {
	case "that", "because", "as", "since", "while", "if", "although", "though", "after", "before", "when", "whether":
		return true
	}
	return false
}

// resolvePronoun resolves a subject pronoun at k to the nearest earlier
// actor of the sentence that it can stand for: "he"/"she" a person, "it" a
// country or organisation, "they" anything.
func (m *matcher) resolvePronoun(k int) int {
	w := m.toks[k].lower
	if w == "it" && k < len(m.quoted) && m.quoted[k] && k+1 < len(m.toks) && m.toks[k+1].lemma == "be" {
		// In a quotation "it is …" is a situation, not an actor named
		// before: "It is really important to support teachers."
		return -1
	}
	for a := len(m.actors) - 1; a >= 0; a-- {
		act := m.actors[a]
		if act.last >= k {
			continue
		}
		switch w {
		case "he", "she", "him", "her", "his":
			if act.kind == "person" {
				return a
			}
		case "it", "its":
			if act.kind != "person" {
				return a
			}
		case "they", "their", "them":
			return a
		default:
			return -1
		}
	}
	return -1
}

// actorEndingAt returns the actor whose last token is k, or -1.
func (m *matcher) actorEndingAt(k int) int {
	for i := len(m.actors) - 1; i >= 0; i-- {
		if m.actors[i].last == k {
			return i
		}
	}
	return -1
}

// actorAfterWord returns the actor right after word w at or after pos
// ("by Syrian troops"), within the clause.
func (m *matcher) actorAfterWord(pos int, w string) int {
	for k := pos; k < len(m.toks) && k < pos+8; k++ {
		t := &m.toks[k]
		if t.isClauseBreak() || isFinite(t.tag) {
			// Past another finite verb the phrase is that verb's: "the
			// civilians imprisoned … were released by Putin".
			return -1
		}
		if t.lower == w {
			for j := k + 1; j < len(m.toks) && j <= k+3; j++ {
				if a := m.toks[j].actor; a >= 0 {
					if l := m.actors[a].last; l+1 < len(m.toks) && strings.HasPrefix(m.toks[l+1].tag, "NN") &&
						m.actors[a].kind != "adj" &&
						!m.toks[l+1].isTimeWord() && m.toks[l+1].actor < 0 {
						// A name only modifies the noun that heads the
						// phrase: "killed by the Malaysia Airlines flight
						// crash". (A demonym does not: "by a Ukrainian
						// protester" is by a Ukrainian.)
						return -1
					}
					return a
				}
				if !m.toks[j].isDeterminer() && !strings.HasPrefix(m.toks[j].tag, "JJ") {
					break
				}
			}
			return -1
		}
	}
	return -1
}

// agentPhrase reports whether a "by" phrase follows pos in its clause.
func (m *matcher) agentPhrase(pos int) bool {
	for k := pos; k < len(m.toks) && k < pos+8; k++ {
		t := &m.toks[k]
		if t.isClauseBreak() || isFinite(t.tag) {
			return false
		}
		if t.lower == "by" {
			return true
		}
	}
	return false
}

// firstActorAfter returns the first actor starting at or after pos in the
// clause that is not one of the sources, or -1.
func (m *matcher) firstActorAfter(pos int, sources []int) int {
	for k := pos; k < len(m.toks) && k < pos+12; k++ {
		t := &m.toks[k]
		if t.isClauseBreak() || t.tag == "WDT" || t.isVerb() && !m.isParticiple(k) && !m.isInfinitive(k) ||
			isEventTime(t.lower) {
			return -1
		}
		if a := t.actor; a >= 0 && !slices.Contains(sources, a) && !m.adjectival(a) && !m.ownRole(a, sources) {
			if of := m.roleOf(a); of >= 0 {
				return of
			}
			return a
		}
	}
	return -1
}

// roleOf returns, for a bare word of a position followed by "of" and an
// actor ("the leader of the opposition party"), that actor, whose the
// position is; else -1.
func (m *matcher) roleOf(a int) int {
	act := m.actors[a]
	if len(act.code) != 3 && len(act.code) != 6 || act.kind != "role" || act.last+1 >= len(m.toks) || m.toks[act.last+1].lower != "of" {
		return -1
	}
	switch act.code[len(act.code)-3:] {
	case "GOV", "LEG", "OPP", "PTY", "MIL", "COP", "ELI", "SPY", "JUD":
		// Positions in a body; "victims of" or "citizens of" someone
		// are not theirs.
	default:
		return -1
	}
	for k := act.last + 2; k < len(m.toks) && k <= act.last+4; k++ {
		if b := m.toks[k].actor; b >= 0 {
			return b
		}
		if !m.toks[k].isDeterminer() && !strings.HasPrefix(m.toks[k].tag, "JJ") {
			break
		}
	}
	return -1
}

// isEventTime reports whether w is a preposition that dates an event by
// another one ("surrendered following a government offensive", "after
// talks with Syria"): the actors after it belong to that other event.
func isEventTime(w string) bool {
	switch w {
	case "following", "after", "before", "during", "amid", "amidst", "since", "until", "despite":
		return true
	}
	return false
}

// ownRole reports whether actor a is a role of the source's own side
// introduced by a possessive pronoun: in "Syria will withdraw its troops
// from Lebanon" the troops are Syria's, and Lebanon is the target.
func (m *matcher) ownRole(a int, sources []int) bool {
	act := &m.actors[a]
	if act.first == 0 || m.toks[act.first-1].tag != "PRP$" {
		return false
	}
	return isRole(act.code) || m.sameCountryAs(a, sources)
}

// isInfinitive reports whether the verb at k is an infinitive ("to
// resume attacks in Israel"): the complement of the event verb, whose
// object is often the event's target ("threatened to resume attacks in
// Israel").
func (m *matcher) isInfinitive(k int) bool {
	return m.toks[k].tag == "VB" && k > 0 && m.toks[k-1].tag == "TO"
}

// isParticiple reports whether the verb at k heads a participle phrase
// that modifies a noun rather than a new clause: "a motion brought to the
// Council", "forces loyal to…". Taggers often read such a participle as a
// past tense (VBD) right after its noun.
func (m *matcher) isParticiple(k int) bool {
	t := &m.toks[k]
	switch t.tag {
	case "VBN", "VBG":
		return true
	case "VBD":
		return k > 0 && (m.toks[k-1].tag == "NN" || m.toks[k-1].tag == "NNS")
	}
	return false
}

// neitherBefore reports a "neither … nor" or "no" subject before position k
// within the clause: "Neither Syria nor Russia used …".
func (m *matcher) neitherBefore(k int) bool {
	return m.clauseWordBefore(k, k, "neither", "nor")
}

// nounSource finds the source of an event noun at i: a possessive actor
// ("Russia's annexation") or an actor modifying it ("last week's USA
// attack").
func (m *matcher) nounSource(i int) int {
	k := i - 1
	for k >= 0 && (strings.HasPrefix(m.toks[k].tag, "JJ") || m.toks[k].tag == "NN" && m.toks[k].actor < 0 && m.actorEndingAt(k) < 0) {
		k--
	}
	if k >= 0 && m.toks[k].tag == "POS" {
		k--
	}
	if k >= 0 {
		if a := m.actorEndingAt(k); a >= 0 {
			return a
		}
		if m.toks[k].tag == "PRP$" {
			return m.resolvePronoun(k)
		}
	}
	return -1
}

// attributiveCountry reports whether actor a, the noun source found for
// the event noun at i, is a country's own name used as a modifier ("the
// Syria chemical attack"), not a possessive ("Syria's"), an institution
// ("the Kremlin", RUSGOV) or an abbreviation that news uses as the
// adjective ("US strikes"). text is the article's text.
func (m *matcher) attributiveCountry(a, i int, text string) bool {
	act := m.actors[a]
	if len(act.code) != 3 || act.kind != "country" || act.last >= i {
		return false
	}
	for k := act.last + 1; k < i; k++ {
		if t := m.toks[k].tag; !strings.HasPrefix(t, "JJ") && t != "NN" {
			return false // a possessive, or a pronoun's antecedent
		}
	}
	name := act.span.In(text)
	return name != strings.ToUpper(name) // "US", "UK", "DPRK" are adjectives
}

// yearBefore reports a year earlier than the publication year just before
// an event noun: "its 2014 annexation".
func (m *matcher) yearBefore(i int, pub time.Time) bool {
	if pub.IsZero() {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if y, ok := year(m.toks[k].lower); ok {
			return y < pub.Year()
		}
	}
	return false
}

// allegeVerbs are verbs whose complement is an allegation or its denial:
// what it says is not reported as done.
var allegeVerbs = map[string]bool{"allege": true, "accuse": true, "deny": true, "charge": true}

// allegeNouns are their nouns ("allegations that …").
var allegeNouns = map[string]bool{"allegation": true, "accusation": true, "charge": true, "denial": true, "claim": true}

// alleged reports whether token k (of verb group gi, or -1 for a noun) is
// in what an allegation or a denial says: after "alleged that", "accused
// X of", "allegations that" in the same clause. A "that" clause runs to the
// clause's end ("alleged that X attacked Y and killed Z"); an "of" phrase
// ends at a finite verb, the accuser's next act ("accused Iran of
// aggression and threatened Lebanon"). What a speaker charges at the end
// of a sentence ("X abused migrants, a rights group charged") is coded as
// reported, as news reports it.
func (m *matcher) alleged(groups []verbGroup, gi, k int) bool {
	for _, j := range m.allegers {
		g := groups[j]
		if j == gi || g.last >= k {
			continue
		}
		in := ""
		for t := g.last + 1; t < k; t++ {
			w := m.toks[t].lower
			if w == ";" || w == ":" || w == "\"" || w == "." {
				in = ""
				break
			}
			switch {
			case w == "that" && in == "":
				in = "that"
			case w == "of" && in == "":
				in = "of"
			case in == "of" && isFinite(m.toks[t].tag):
				in = ""
			}
		}
		if in == "of" && isFinite(m.toks[k].tag) {
			in = ""
		}
		if in != "" {
			return true
		}
	}
	for t := k - 1; t >= 1; t-- {
		w := m.toks[t].lower
		if w == ";" || w == ":" || w == "." {
			break
		}
		if w == "that" && allegeNouns[m.toks[t-1].lemma] {
			return true
		}
	}
	if k >= 2 && m.toks[k].tag == "VBG" && m.toks[k-1].lower == "for" {
		// "arrested in Lebanon for collaborating with Israel", "blamed
		// Iran for arming the rebels": the charge a sanction or blame is
		// for is what is held against someone, no event reported.
		if gi := m.clauseGroup(groups, k-1); gi >= 0 && chargeVerbs[groups[gi].lemmaOf(m)] {
			return true
		}
	}
	return false
}

// chargeVerbs punish or blame someone for something: the "for" phrase
// after them is a charge.
var chargeVerbs = map[string]bool{
	"arrest": true, "detain": true, "jail": true, "imprison": true, "sentence": true, "convict": true,
	"punish": true, "fine": true, "sanction": true, "condemn": true, "criticize": true, "criticise": true,
	"blame": true, "sue": true, "indict": true, "prosecute": true, "expel": true, "execute": true,
	"denounce": true, "rebuke": true, "reprimand": true, "censure": true, "investigate": true, "charge": true,
	"accuse": true, "hang": true, "flog": true, "try": true,
}

// background reports whether verb group g is a relative clause in the
// present perfect ("that has seized", "which have fought") with no date of
// its own: a description of its noun's past.
func (m *matcher) background(g verbGroup, dates []dateExpr) bool {
	if g.first == 0 || !isRelativePronoun(m.toks[g.first-1].lower) && m.toks[g.first-1].tag != "WP" {
		return false
	}
	if m.toks[g.head].tag != "VBN" || m.toks[g.first].lemma != "have" || g.passive {
		return false
	}
	if m.toks[g.first-1].lower == "that" && (g.first < 2 || !strings.HasPrefix(m.toks[g.first-2].tag, "NN")) {
		return false // "said that it has seized": a complement, no relative clause
	}
	for _, d := range dates {
		if d.at > g.head && d.at-g.head <= dateReach {
			return false
		}
	}
	return true
}

// accidentNouns are causes of death and damage that are no one's act.
var accidentNouns = map[string]bool{
	"crash": true, "accident": true, "collision": true, "derailment": true, "earthquake": true, "quake": true,
	"tsunami": true, "flood": true, "flooding": true, "storm": true, "hurricane": true, "typhoon": true,
	"cyclone": true, "tornado": true, "landslide": true, "mudslide": true, "avalanche": true, "wildfire": true,
	"blaze": true, "heatwave": true, "drought": true, "famine": true, "epidemic": true,
	"disease": true, "outbreak": true, "virus": true, "lightning": true, "eruption": true, "stampede": true,
	"disaster": true,
}

// isViolent reports whether code is an act of violence (roots 18-20).
func isViolent(code string) bool { return len(code) >= 2 && code[:2] >= "18" && code[:2] <= "20" }

// accidentAfter reports whether "by" or "in" after token k introduces an
// accident or disaster: "killed by the crash", "died in a flood".
func (m *matcher) accidentAfter(k int) bool {
	for i := k; i < len(m.toks) && i < k+4; i++ {
		w := m.toks[i].lower
		if m.toks[i].isClauseBreak() {
			return false
		}
		if w != "by" && w != "in" {
			continue
		}
		for j := i + 1; j < len(m.toks) && j <= i+6; j++ {
			t := &m.toks[j]
			if accidentNouns[t.lemma] && strings.HasPrefix(t.tag, "NN") {
				return true
			}
			if !isNominal(t.tag) {
				break
			}
		}
		return false
	}
	return false
}

// weaponNouns are the heavy and aerial weapons that make an assault a
// military attack, with the CAMEO code of an attack by them: artillery,
// tanks and rockets 194, aircraft 195, drones 1952.
var weaponNouns = map[string]string{
	"missile": "194", "rocket": "194", "shell": "194", "mortar": "194", "artillery": "194", "tank": "194",
	"cannon": "194", "howitzer": "194", "warship": "194", "gunboat": "194", "shelling": "194",
	"airstrike": "195", "strike": "195", "warplane": "195", "aircraft": "195", "jet": "195", "bomber": "195",
	"helicopter": "195", "gunship": "195", "plane": "195", "raid": "195",
	"drone": "1952",
}

// weaponAfter returns the code of an attack with the weapon that heads the
// "by" or "with" phrase at or after k ("by a surface-to-air missile",
// "with rockets"), or "". A strike or raid is aerial only with "air".
func (m *matcher) weaponAfter(k int) string {
	for i := k; i < len(m.toks) && i < k+4; i++ {
		w := m.toks[i].lower
		if m.toks[i].isClauseBreak() || isFinite(m.toks[i].tag) {
			return ""
		}
		if w != "by" && w != "with" {
			continue
		}
		head, air := "", false
		for j := i + 1; j < len(m.toks) && j <= i+7; j++ {
			t := &m.toks[j]
			if strings.HasPrefix(t.tag, "NN") {
				head = t.lemma
				air = air || t.lower == "air"
				continue
			}
			if !isNominal(t.tag) && t.tag != "HYPH" {
				break
			}
		}
		code := weaponNouns[head]
		if (head == "strike" || head == "raid") && !air {
			return ""
		}
		return code
	}
	return ""
}

// bomberBefore returns the bombing code that the subject right before
// token k names ("a Taliban suicide bomber killed" 1831, "a car bomb
// killed" 1832, "a roadside bomb killed" 1833), or "".
func (m *matcher) bomberBefore(k int) string {
	suicide, car, roadside, bomb := false, false, false, false
	for j := k - 1; j >= 0 && j >= k-5; j-- {
		t := &m.toks[j]
		if t.isClauseBreak() || t.isVerb() {
			break
		}
		switch t.lemma {
		case "suicide":
			suicide = true
		case "car", "truck", "vehicle":
			car = true
		case "roadside":
			roadside = true
		case "bomber", "bomb", "bombing", "attacker":
			bomb = true
		}
	}
	switch {
	case !bomb:
		return ""
	case suicide:
		return "1831"
	case car:
		return "1832"
	case roadside:
		return "1833"
	}
	return ""
}

// accidentBefore reports whether the subject right before token k is an
// accident or disaster: "the earthquake killed 300".
func (m *matcher) accidentBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		t := &m.toks[j]
		if accidentNouns[t.lemma] && strings.HasPrefix(t.tag, "NN") {
			return true
		}
		if !isNominal(t.tag) {
			return false
		}
	}
	return false
}

// irrealisNouns name an act asked for, offered, planned or refused: their
// complement ("a demand to sever ties", "an appeal for deploying troops")
// is not done.
var irrealisNouns = map[string]bool{
	"demand": true, "call": true, "appeal": true, "request": true, "proposal": true, "offer": true, "plan": true,
	"invitation": true, "bid": true, "attempt": true, "effort": true, "promise": true, "pledge": true, "vow": true,
	"decision": true, "refusal": true, "readiness": true, "willingness": true, "intention": true, "plea": true,
	"proposition": true, "suggestion": true, "order": true, "ultimatum": true, "wish": true, "hope": true,
	"aim": true, "goal": true, "purpose": true,
}

// nounComplement reports whether verb group g is the complement of an
// irrealis noun: "an invitation to attend", "a proposal for signing".
func (m *matcher) nounComplement(g verbGroup) bool {
	k := g.first - 1 // the noun before "to", or before the gerund's preposition
	switch {
	case g.infinitive:
	case m.toks[g.head].tag == "VBG" && g.head == g.first && k >= 1:
		switch m.toks[k].lower {
		case "for", "of", "on":
			k--
		case "at":
			// "a trip aimed at pushing for a ceasefire": a purpose.
			return m.toks[k-1].lemma == "aim"
		default:
			return false
		}
	default:
		return false
	}
	return k >= 0 && strings.HasPrefix(m.toks[k].tag, "NN") && irrealisNouns[m.toks[k].lemma]
}

// isFinite reports whether a tag is a finite verb's or a modal's.
func isFinite(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD" }

// reportedClause reports whether verb group gi is in the complement of a
// speech verb ("Washington said the base had served as …").
func (c *Coder) reportedClause(m *matcher, groups []verbGroup, gi int) bool {
	for j := gi - 1; j >= 0; j-- {
		h := m.toks[groups[j].head].lemma
		if speechVerbs[h] || h == "accuse" || h == "allege" {
			// No clause break between the speech verb and this group.
			for k := groups[j].last + 1; k < groups[gi].first; k++ {
				if t := m.toks[k].lower; t == ";" || t == "\"" {
					return false
				}
			}
			return true
		}
	}
	return false
}
