// Package events is the event coder: for each sentence it finds who did
// what to whom in the CAMEO ontology.
//
// The coder reads, from the article, Sentences (tokens with part-of-speech
// tags and lemmas, from nlp), Actors (actor mentions with CAMEO codes in
// force on the article's date, from actors), Places (from geo, when it
// ran) and Date, and writes Events.
//
// How a sentence is coded:
//   - verb groups are found (auxiliaries, modals, negation, adverbs and the
//     head verb); each head is matched against the verb patterns of the
//     lexicon (docs/events.md) and the most specific pattern wins;
//   - the source is the subject: the nearest actor before the group within
//     its clause (a subject pronoun resolves to an earlier actor of the
//     sentence; coordinated verbs share their subject; after a quotation a
//     speech verb takes the actor that follows it); a passive verb takes the
//     actor after "by" as source and its subject as target;
//   - the target is the actor the pattern's "+" binds, or the first actor
//     after the pattern within the clause, not past a preposition that
//     dates the event by another one ("surrendered following a government
//     offensive", "after talks with Y"); a complaint to an addressee over
//     another's act targets the one who acted ("complained to the UN over
//     Israeli raids" is against Israel);
//   - a bare role that names part of the actor before it takes that
//     actor's country ("Russian aircraft including helicopter gunships");
//   - compound actors ("the US and Russia", "the government and the
//     rebels") give one event per member;
//   - negated events ("did not attack", "neither … nor … used") are dropped
//     (or flagged with Config.KeepNegated);
//   - infinitives under verbs of intent ("plans to attack") are not coded
//     as the act itself (with an actor between, "wants Y to attack", the
//     governing verb is coded: an appeal to Y); an act announced for the future ("will attack",
//     "said it would attack") or offered under a condition ("may impose
//     sanctions if …") is coded as its announcement (03 or 13), and what
//     someone hopes another will do ("hoped X would be indicted") not at
//     all; what a speaker says another must or should do ("said Y must
//     reach an agreement") is the speaker's demand on them (100);
//   - tagger slips are read through: a noun after "to" or a modal ("will
//     attack" as MD NN) and an "-ing" adjective after "be" ("are
//     demanding") are verbs when the lexicon knows them as heads; a past
//     participle between a verb and its object ("rejected proposed
//     changes") is an adjective;
//   - a subject relative clause ("the rebels who attacked") takes its
//     antecedent as subject; a role after a possessive pronoun ("withdraw
//     its troops from Lebanon") is the source's own side, not the target;
//     a region before a noun ("the Mediterranean island", "West Darfur")
//     is a place, not an actor;
//   - events inside quotation marks or in the complement of a speech verb
//     are marked Reported;
//   - the date comes from the sentence's date expressions resolved against
//     the publication date; events dated to an earlier year ("its 2014
//     annexation of Crimea") are historical references and are dropped (or
//     kept with Config.KeepHistorical);
//   - an event's location is the place named in its sentence nearest its
//     verb, else in its paragraph, else the article's most mentioned place;
//   - nouns that name events ("the attack on X", "Russia's annexation of
//     Y") are matched against the noun patterns.
package events
