// Package counts reads GDELT's "Counts" and "Amounts" from news text: how
// many people were killed, wounded, arrested, kidnapped, displaced,
// evacuated, made refugees, protesting, sickened or affected, and sums of
// money.
//
// # The stage
//
// [Extractor] is the pipeline stage. It reads Article.Text, Sentences
// (tokens with part-of-speech tags and lemmas, from nlp), Places (from geo,
// when it ran before) and Mentions (from nlp), and writes only Counts, in
// text order. Each [article.Count] has a Kind ([Kind.String]: "KILL",
// "WOUND", "ARREST", "KIDNAP", "DISPLACE", "REFUGEES", "EVACUATE",
// "PROTEST", "SICKENED", "AFFECT", "AMOUNT"), the Number, the Object
// counted as written ("people", "Turkish soldiers", "" when none is
// named), the Place and the Span of the count phrase ("left 89 people
// dead").
//
// # Numbers
//
// Numbers are read from digits ("89", "1,000", "2.5", "4.5bn", "20m") and
// words ("three", "twenty-five", "two hundred and fifty", "a dozen", "half
// a million", "2.5 million"). Modifiers belong to the phrase but not to
// the value: "more than 1,000", "at least 21", "some 40" are 1,000, 21 and
// 40. Vague plurals are read as the least value their plural allows, so
// that a figure is a lower bound:
//
//	dozens 24        scores (of) 40       hundreds 200      thousands 2,000
//	millions 2m      tens of thousands 20,000   hundreds of thousands 200,000
//	several / a few + hundred, thousand, dozen: 3 ×
//
// "several" or "a few" alone is no count. Percentages ("30 percent"),
// numbers inside a wider token ("10-year-old", "3-1"), numbers inside a
// name ("Fathers 4 Justice") and bare years ("in 2014", "the 2014
// elections") are not counts; a year-like number counts only before a
// plural noun ("2000 people died").
//
// # Rules
//
// The rules work on lemmas, tags and lower-case words, not on the raw
// text. Trigger words (the table in triggers.go) relate to the number in
// one of these ways:
//
//   - before a verb, passive or bare: "89 people (have been) killed", "17
//     were detained", "2.5 million fled", "thousands protested"; auxiliaries
//     and hedges may come between ("who were reportedly", "are feared to
//     have"), up to [Config.MaxGap] tokens in all. When the verb is active
//     and has an object ("3 rockets killed 5 people") the number before it
//     is its subject, not its victims, and is left alone;
//   - after an active verb: "killed 89 people", "arrested more than 1,000
//     protesters", "claimed 12 lives", with a coordinated "… and 3
//     civilians";
//   - with a state word: "89 dead", "3 injured", "2 million displaced
//     Syrians", and after leave/take/render: "left 89 people dead", "took
//     30 people hostage", "left 200 families homeless";
//   - with a noun: "89 deaths", "5 arrests", "3,000 refugees", "40
//     protesters", "400 asylum seekers" (the noun is then the object);
//   - after a toll: "the death toll rose to 89", "from 80 to 95".
//
// Verb and state rules come before noun rules, and each number is counted
// once, so "40 protesters were arrested" is an arrest of 40 protesters.
// Negation ("no one was killed", "were not hurt") cancels a count. Objects
// that measure ("3 days", "5 km") or are things ("16 messages were
// infected") are no people and cancel the count, except for AFFECT.
//
// # Amounts
//
// An AMOUNT is a currency sign or code and a number ("$4.5bn", "£1,400",
// "US$20m", "USD 5m") or a number and a currency name ("1.5 million euros",
// "500 Australian dollars"). Its Number is the sum in whole units, rounded
// ("$5.95" is 6), and its Object the ISO 4217 code of the currency; "$"
// alone is read as US dollars. Numbers read as sums are never read as
// counts of people.
//
// # Places
//
// A count's place is the place mentioned in the same sentence nearest to
// the count phrase, by byte distance, a place after "in", "near", "at" and
// similar counting as half as far ("in Idlib"). Geocoded places
// (Article.Places, by their mention spans) come first; a sentence without
// one falls back on the capitalised location mentions of the entity
// recognizer, so the stage works before or without geo. A count without
// either has Place "".
package counts
