// Package actors resolves the names in news text to CAMEO actor codes: who
// is acting ("RUSGOV", "USAMIL", "IGOUNO", "SYRREB").
//
// # Dictionaries
//
// The dictionaries are the plain text files of docs/actors.md under data/:
// countries.txt, organizations.txt, groups.txt, roles.txt and people/*.txt,
// embedded in the binary ([Default]) or read from any fs.FS ([Load]). The
// loader checks every line and reports each bad one as a [*LineError]
// ("people/europe.txt:12: bad date \"2017-13-01\""), all at once. It also
// rejects a person listed twice under one canonical name, and a phrase that
// two lines of one kind give different codes over overlapping dates.
//
// All phrases are compiled into one trie keyed by word. Words are matched
// as units (runs of letters and digits, single punctuation marks, a
// possessive "'s"), so "U.S.", "al-Assad" and "Russia's" match however a
// tokenizer splits them; a match starts and ends at token edges, beside a
// hyphen ("US" in "US-Russia") or before a possessive. A phrase word in
// lower case also matches when capitalized or in capitals; other words
// match only as written. A leading "the" is optional in the text.
//
// # Lookups
//
// [Dictionary.Find] returns the longest non-overlapping phrases of a
// tokenized sentence with the codes in force at a date, [Dictionary.Lookup]
// resolves one whole phrase, and [Dictionary.Person] finds a person by any
// of their names. When one phrase has several meanings, the more specific
// kind wins (person, group, organisation, country, capital, demonym, role),
// then a meaning with a code in force at the date, then the one whose range
// began last; so "Bush" in 2005 is the sitting president. A country's
// institution that is also a role word is the role after another country
// ("the Australian House of Representatives" is AUSLEG, not USALEG).
//
// [Dictionary.Combine] joins the matches of a sentence into [Actor] values
// by the rules documented on it: country + role ("Syrian troops" SYRMIL),
// a person's own code over the words around them ("Russian foreign minister
// Sergey Lavrov" RUSGOV from Lavrov), role "of"/"from" country ("the
// president of Syria" SYRGOV), role "in" country ("pro-Russian separatists
// in eastern Ukraine" UKRREB; "pro-" and "anti-" mark an attitude, not an
// actor, and are dropped).
//
// # The stage
//
// [Resolver] is the pipeline stage. It reads Article.Date, Text, Persons and
// Organizations (the entities nlp found) and writes only the Name and Code
// of those entities: a person gets their canonical name and the code in
// force at the article's date ("Putin" → "Vladimir Putin", RUSGOV on
// 2017-04-13), an organisation its code when it is a known organisation or
// seat of power ("Pentagon" → USAMIL). Entities that resolve to one actor
// are merged, with their mentions sorted. It assumes nlp has run.
package actors
