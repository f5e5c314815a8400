package actors

import (
	"cmp"
	"context"
	"log/slog"
	"slices"

	"worldmedia/internal/article"
)

// Resolver is the actor pipeline stage: it gives the people and
// organisations the entity recognizer found their canonical names and
// CAMEO codes.
//
// It reads Article.Date, Text, Sentences, Persons and Organizations; it
// writes Actors (every actor mention of every sentence, with its code on the
// article's date) and the Name and Code of the persons and organisations,
// merging entities that resolve to one canonical actor ("Putin" and
// "Vladimir Putin"). It is safe for concurrent use.
type Resolver struct {
	dict *Dictionary
	log  *slog.Logger
}

// New returns a resolver using d; a nil logger discards.
func New(d *Dictionary, log *slog.Logger) *Resolver {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Resolver{dict: d, log: log}
}

// Name returns the stage name.
func (r *Resolver) Name() string { return "actors" }

// Process resolves a's persons and organisations. A person is looked up by
// its name, then by the text of each mention ("Trump" → "Donald Trump",
// with the code in force on a.Date). An organisation is looked up as a
// whole phrase ("UN Security Council" → IGOUNO, "Pentagon" → USAMIL); role
// words, demonyms and people are not organisations. Entities that are no
// known actor keep their name and get Code "".
func (r *Resolver) Process(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	sc := newScratch()
	defer sc.release()
	day := dayKey(a.Date)
	known := 0
	for i := range a.Persons {
		e := &a.Persons[i]
		e.Code = ""
		sc.names = candidates(sc.names[:0], e, a.Text)
		for _, name := range sc.names {
			if canon, code, ok := r.dict.person(sc, name, day); ok {
				e.Name, e.Code = canon, code
				known++
				break
			}
		}
	}
	for i := range a.Organizations {
		e := &a.Organizations[i]
		e.Code = ""
		sc.names = candidates(sc.names[:0], e, a.Text)
		for _, name := range sc.names {
			if m, ok := r.dict.lookup(sc, name, day); ok && m.Kind != Role && m.Kind != Person && m.Kind != CountryAdj {
				e.Name, e.Code = m.Name, m.Code
				if isCountryName(m) {
					// A country read as an organisation is a place.
					e.Mentions = nil
				}
				known++
				break
			}
		}
	}
	a.Actors = a.Actors[:0]
	var people []Match
	for si, sent := range a.Sentences {
		sc.matches = r.dict.find(sc.matches[:0], sc, a.Text, sent.Tokens, day)
		ms := sc.matches
		for _, m := range ms {
			if m.Kind == Person || isInstitution(m) {
				people = append(people, m)
			}
		}
		sc.groups = r.dict.link(r.dict.groups(sc.groups[:0], ms, sent.Tokens, a.Text), ms, sent.Tokens, a.Text)
		for _, g := range sc.groups {
			act := r.dict.actor(g, ms)
			a.Actors = append(a.Actors, article.ActorMention{
				Span: act.Span, Sentence: si, First: act.First, Last: act.Last,
				Code: act.Code, Name: act.Name, Kind: kindName(act.Kind),
			})
		}
	}
	a.Actors = addPersonMentions(a.Actors, a.Persons, a.Sentences)
	a.Persons, a.Organizations = addKnown(a.Persons, a.Organizations, people)
	a.Persons = merge(a.Persons)
	a.Organizations = merge(a.Organizations)
	if r.log.Enabled(ctx, slog.LevelDebug) { // spare the arguments' allocations
		r.log.Debug("actors resolved", "article", a.ID, "persons", len(a.Persons), "organizations", len(a.Organizations), "known", known)
	}
	return nil
}

// addPersonMentions adds to actors the mentions of known persons that the
// dictionary did not find in their sentence: a later "Mr Brown" or
// "Lavrov" of an article that first names "Gordon Brown" or "Sergey
// Lavrov" (the recognizer groups the mentions of one person, the
// dictionary knows only full names and listed variants). The result stays
// in text order.
func addPersonMentions(actors []article.ActorMention, persons []article.Entity, sents []article.Sentence) []article.ActorMention {
	n := len(actors)
	for _, e := range persons {
		if e.Code == "" {
			continue
		}
		for _, sp := range e.Mentions {
			si, first, last := tokensOf(sents, sp)
			if si < 0 || overlapsActor(actors[:n], si, first, last) {
				continue
			}
			actors = append(actors, article.ActorMention{
				Span: sp, Sentence: si, First: first, Last: last, Code: e.Code, Name: e.Name, Kind: Person.String(),
			})
		}
	}
	if len(actors) > n {
		slices.SortStableFunc(actors, func(x, y article.ActorMention) int {
			return cmp.Or(cmp.Compare(x.Sentence, y.Sentence), cmp.Compare(x.First, y.First))
		})
	}
	return actors
}

// tokensOf returns the sentence and the first and last tokens that span
// sp covers, or -1 when it is in no sentence or does not fall on token
// boundaries.
func tokensOf(sents []article.Sentence, sp article.Span) (si, first, last int) {
	// The first sentence that ends after the span starts.
	i, _ := slices.BinarySearchFunc(sents, sp.Start, func(s article.Sentence, at int) int {
		return cmp.Compare(s.Span.End, at+1)
	})
	if i == len(sents) {
		return -1, 0, 0
	}
	toks := sents[i].Tokens
	first, last = -1, -1
	for k, t := range toks {
		if t.Span.Start == sp.Start {
			first = k
		}
		if t.Span.End == sp.End {
			last = k
		}
	}
	if first < 0 || last < first {
		return -1, 0, 0
	}
	return i, first, last
}

// overlapsActor reports whether an actor of sentence si covers a token of
// first..last.
func overlapsActor(actors []article.ActorMention, si, first, last int) bool {
	for _, a := range actors {
		if a.Sentence == si && a.First <= last && first <= a.Last {
			return true
		}
	}
	return false
}

// candidates appends to names the names to try for e: its name, then its
// mentions' texts from the longest.
func candidates(names []string, e *article.Entity, text string) []string {
	names = append(names, e.Name)
	ms := len(names) // the first mention's text
	for _, sp := range e.Mentions {
		if s := sp.In(text); s != "" && s != e.Name && !slices.Contains(names[ms:], s) {
			names = append(names, s)
		}
	}
	slices.SortStableFunc(names[ms:], func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return names
}

// merge joins entities with the same name, keeping the first one's place
// and type, with their mentions sorted and without repeats.
func merge(es []article.Entity) []article.Entity {
	out := es[:0]
	at := make(map[string]int, len(es))
	for _, e := range es {
		if i, ok := at[e.Name]; ok {
			o := &out[i]
			o.Mentions = append(slices.Clip(o.Mentions), e.Mentions...)
			if o.Code == "" {
				o.Code = e.Code
			}
			continue
		}
		at[e.Name] = len(out)
		out = append(out, e)
	}
	for i := range out {
		m := out[i].Mentions
		slices.SortFunc(m, func(a, b article.Span) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
		})
		out[i].Mentions = slices.Compact(m)
	}
	return out
}

// kindName names an actor kind for article.ActorMention.Kind: "country"
// (also for capitals), "adj" (a demonym: "Russian", "Syrians"), "person",
// "organization", "group", "role".
func kindName(k Kind) string {
	switch k {
	case Capital:
		return "country"
	}
	return k.String()
}

// isInstitution reports whether m names an organisation: an international
// or non-governmental organisation, a named group, or a country's
// institution ("the Kremlin" RUSGOV, "the Pentagon" USAMIL), but not a
// country itself.
func isInstitution(m Match) bool {
	return m.Kind == Organization || m.Kind == Group || m.Kind == Country && len(m.Code) > 3
}

// isCountryName reports whether m names a country itself ("U.S.",
// "Russia"): a place, not an organisation.
func isCountryName(m Match) bool { return m.Kind == Country && len(m.Code) == 3 }

// addKnown makes sure that every dictionary match of a person is a mention
// of a person entity, and every match of an institution a mention of an
// organisation: the recognizer may have missed them or read a person as
// part of an organisation ("United Nations Nikki Haley"). Organisation
// mentions overlapping a known person are dropped, and organisations left
// without mentions with them.
func addKnown(persons, orgs []article.Entity, known []Match) ([]article.Entity, []article.Entity) {
	covered := func(es []article.Entity, sp article.Span) bool {
		for _, e := range es {
			if slices.ContainsFunc(e.Mentions, sp.Overlaps) {
				return true
			}
		}
		return false
	}
	for _, m := range known {
		if m.Kind != Person {
			if !covered(orgs, m.Span) && !covered(persons, m.Span) {
				orgs = append(orgs, article.Entity{Name: m.Name, Code: m.Code, Type: article.Organization,
					Mentions: []article.Span{m.Span}})
			}
			continue
		}
		if !covered(persons, m.Span) {
			persons = append(persons, article.Entity{Name: m.Name, Code: m.Code, Type: article.Person,
				Mentions: []article.Span{m.Span}})
		}
		for i := range orgs {
			orgs[i].Mentions = slices.DeleteFunc(orgs[i].Mentions, m.Span.Overlaps)
		}
	}
	orgs = slices.DeleteFunc(orgs, func(e article.Entity) bool { return len(e.Mentions) == 0 })
	return persons, orgs
}
