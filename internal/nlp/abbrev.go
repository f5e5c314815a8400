package nlp

// abbrevKind says how a word written with a final period behaves: whether
// the tokenizer keeps the period on the word and whether the segmenter may
// end a sentence after it.
type abbrevKind uint8

const (
	// abbrevNone marks an ordinary word: its final period is punctuation.
	abbrevNone abbrevKind = iota
	// abbrevTitle precedes a name ("Mr.", "Gen.", "Sen."); a sentence never
	// ends after it.
	abbrevTitle
	// abbrevInline is used inside sentences only ("vs.", "e.g.", "i.e.").
	abbrevInline
	// abbrevNumber precedes a number ("No. 10", "p. 5"); the period stays
	// on the word only when a digit follows.
	abbrevNumber
	// abbrevMonth is a month ("Jan. 5"); before a capitalised word it ends a
	// sentence, since dates put a number after it.
	abbrevMonth
	// abbrevInitial is a single capital letter ("George W. Bush").
	abbrevInitial
	// abbrevFinal can end a sentence ("U.S.", "Inc.", "Calif.", "St."): it does
	// before a typical sentence starter or a quotation that opens with a
	// capital.
	abbrevFinal
	// abbrevEtc is "etc." or "et al.", which usually end what they close: a
	// sentence ends after them before any capitalised word. Months behave
	// the same way.
	abbrevEtc
)

// tokAbbrevs holds the abbreviations the tokenizer knows, keyed without
// their final period and case-sensitive, since "No." and "Ill." differ from
// "no." and "ill.". Dotted acronyms ("U.S.", "a.m.", "Ph.D.") need no entry:
// their shape gives them away.
var tokAbbrevs = map[string]abbrevKind{
	// Titles and ranks.
	"Mr": abbrevTitle, "Mrs": abbrevTitle, "Ms": abbrevTitle, "Messrs": abbrevTitle,
	"Mme": abbrevTitle, "Mlle": abbrevTitle, "Dr": abbrevTitle, "Drs": abbrevTitle,
	"Prof": abbrevTitle, "Gen": abbrevTitle, "Gens": abbrevTitle, "Lt": abbrevTitle,
	"Col": abbrevTitle, "Maj": abbrevTitle, "Capt": abbrevTitle, "Cpt": abbrevTitle,
	"Sgt": abbrevTitle, "Cpl": abbrevTitle, "Pvt": abbrevTitle, "Pfc": abbrevTitle,
	"Adm": abbrevTitle, "Cmdr": abbrevTitle, "Cdr": abbrevTitle, "Brig": abbrevTitle,
	"Cmdt": abbrevTitle, "Sen": abbrevTitle, "Sens": abbrevTitle, "Rep": abbrevTitle,
	"Reps": abbrevTitle, "Gov": abbrevTitle, "Govs": abbrevTitle, "Pres": abbrevTitle,
	"Rev": abbrevTitle, "Hon": abbrevTitle, "Rt": abbrevTitle, "Fr": abbrevTitle,
	"Supt": abbrevTitle, "Det": abbrevTitle, "Insp": abbrevTitle, "Amb": abbrevTitle,
	"Atty": abbrevTitle, "Sec": abbrevTitle, "Secy": abbrevTitle, "Lieut": abbrevTitle,

	// Saints, places and generations: "St. Petersburg", "Ft. Worth", but
	// also "Main St." or "Hank Williams Jr." ending a sentence.
	"St": abbrevFinal, "Ste": abbrevFinal, "Mt": abbrevFinal, "Ft": abbrevFinal,
	"Sr": abbrevFinal, "Jr": abbrevFinal,

	// Inline Latin and connectives.
	"vs": abbrevInline, "v": abbrevInline, "cf": abbrevInline, "viz": abbrevInline,
	"approx": abbrevInline, "ca": abbrevInline, "c": abbrevInline, "Vs": abbrevInline,
	"e.g": abbrevInline, "i.e": abbrevInline, "E.g": abbrevInline, "I.e": abbrevInline,

	// Before numbers.
	"No": abbrevNumber, "Nos": abbrevNumber, "no": abbrevNumber, "nos": abbrevNumber,
	"NO": abbrevNumber, "p": abbrevNumber, "pp": abbrevNumber, "Art": abbrevNumber,
	"art": abbrevNumber, "Fig": abbrevNumber, "fig": abbrevNumber, "Vol": abbrevNumber,
	"vol": abbrevNumber, "Ch": abbrevNumber, "ch": abbrevNumber, "Para": abbrevNumber,
	"para": abbrevNumber, "Op": abbrevNumber, "Nr": abbrevNumber, "Rs": abbrevNumber,

	// Months. "May", "June" and "July" are not abbreviated.
	"Jan": abbrevMonth, "Feb": abbrevMonth, "Mar": abbrevMonth, "Apr": abbrevMonth,
	"Jun": abbrevMonth, "Jul": abbrevMonth, "Aug": abbrevMonth, "Sep": abbrevMonth,
	"Sept": abbrevMonth, "Oct": abbrevMonth, "Nov": abbrevMonth, "Dec": abbrevMonth,

	// Company and place words that often end sentences.
	"Inc": abbrevFinal, "Corp": abbrevFinal, "Ltd": abbrevFinal, "Co": abbrevFinal,
	"Cos": abbrevFinal, "Bros": abbrevFinal, "Plc": abbrevFinal, "Pty": abbrevFinal,
	"INC": abbrevFinal, "CORP": abbrevFinal, "LTD": abbrevFinal, "CO": abbrevFinal,
	"Dept": abbrevFinal, "Univ": abbrevFinal, "Assn": abbrevFinal, "Ave": abbrevFinal,
	"Blvd": abbrevFinal, "Rd": abbrevFinal, "Hwy": abbrevFinal, "Sq": abbrevFinal,
	"Bldg": abbrevFinal, "Mfg": abbrevFinal, "Intl": abbrevFinal, "Govt": abbrevFinal,
	"Esq": abbrevFinal, "mln": abbrevFinal, "bln": abbrevFinal,

	// US states as AP style abbreviates them in datelines and text, except
	// "Mass." which is more often the church service ending a sentence.
	"Ala": abbrevFinal, "Ariz": abbrevFinal, "Ark": abbrevFinal, "Calif": abbrevFinal,
	"Colo": abbrevFinal, "Conn": abbrevFinal, "Del": abbrevFinal, "Fla": abbrevFinal,
	"Ga": abbrevFinal, "Ill": abbrevFinal, "Ind": abbrevFinal, "Kan": abbrevFinal,
	"Kans": abbrevFinal, "Ky": abbrevFinal, "La": abbrevFinal, "Md": abbrevFinal,
	"Mich": abbrevFinal, "Minn": abbrevFinal, "Miss": abbrevFinal,
	"Mo": abbrevFinal, "Mont": abbrevFinal, "Neb": abbrevFinal, "Nev": abbrevFinal,
	"Okla": abbrevFinal, "Ore": abbrevFinal, "Pa": abbrevFinal, "Penn": abbrevFinal,
	"Tenn": abbrevFinal, "Tex": abbrevFinal, "Va": abbrevFinal, "Vt": abbrevFinal,
	"Wash": abbrevFinal, "Wis": abbrevFinal, "Wyo": abbrevFinal,

	// Closing a list.
	"etc": abbrevEtc, "al": abbrevEtc,
}

// segStarters are capitalised words that typically open a sentence:
// determiners, pronouns, conjunctions, common adverbs and prepositions. After
// an abbreviation that can end a sentence ("U.S.", "Inc."), a sentence ends
// only before one of these, so "the U.S. President" stays whole while "in the
// U.S. The president" is split. Titles and nouns that follow "U.S." in names
// ("Under Secretary", "First Lady", "Army") must not be listed.
var segStarters = map[string]struct{}{
	"The": {}, "A": {}, "An": {}, "This": {}, "That": {}, "These": {}, "Those": {},
	"He": {}, "She": {}, "It": {}, "They": {}, "We": {}, "I": {}, "You": {},
	"His": {}, "Her": {}, "Its": {}, "Their": {}, "Our": {}, "My": {}, "Your": {},
	"There": {}, "Here": {}, "Some": {}, "Many": {}, "Most": {}, "Much": {},
	"Such": {}, "Both": {}, "Each": {}, "Every": {}, "Any": {}, "Few": {},
	"Neither": {}, "Either": {}, "None": {}, "Nobody": {}, "Nothing": {},
	"But": {}, "And": {}, "Or": {}, "So": {}, "Yet": {}, "Nor": {}, "Then": {},
	"However": {}, "Meanwhile": {}, "Moreover": {}, "Furthermore": {},
	"Nevertheless": {}, "Still": {}, "Also": {}, "Thus": {}, "Therefore": {},
	"Instead": {}, "Indeed": {}, "Now": {}, "Today": {}, "Yesterday": {},
	"Tomorrow": {}, "Earlier": {}, "Later": {}, "Previously": {}, "Last": {},
	"In": {}, "On": {}, "At": {}, "For": {}, "From": {}, "With": {}, "By": {},
	"To": {}, "Of": {}, "As": {}, "After": {}, "Before": {}, "During": {},
	"Despite": {}, "Since": {}, "Until": {}, "While": {}, "When": {}, "Where": {},
	"If": {}, "Although": {}, "Though": {}, "Because": {}, "Unless": {},
	"What": {}, "Who": {}, "Why": {}, "How": {}, "Which": {}, "Whether": {},
	"According": {}, "Asked": {}, "Even": {}, "Only": {}, "Not": {}, "No": {},
	"Yes": {}, "Do": {}, "Does": {}, "Did": {}, "Is": {}, "Are": {}, "Was": {},
	"Were": {}, "Can": {}, "Could": {}, "Should": {}, "Would": {}, "Will": {},
	"Mr": {}, "Mrs": {}, "Ms": {}, "Miss": {}, "Officials": {}, "Analysts": {},
	"THE": {}, "BUT": {}, "AND": {}, "IN": {},
}

// segContinuers are lower-case words after which a single line break does not
// end a sentence: a line ending in one is a wrapped line, not a heading.
var segContinuers = map[string]struct{}{
	"the": {}, "a": {}, "an": {}, "of": {}, "and": {}, "or": {}, "nor": {},
	"but": {}, "to": {}, "in": {}, "on": {}, "at": {}, "for": {}, "with": {},
	"by": {}, "from": {}, "as": {}, "into": {}, "about": {}, "over": {},
	"under": {}, "after": {}, "before": {}, "than": {}, "that": {}, "which": {},
	"who": {}, "whose": {}, "whom": {}, "is": {}, "was": {}, "were": {}, "are": {},
	"be": {}, "been": {}, "has": {}, "have": {}, "had": {}, "will": {},
	"would": {}, "said": {}, "says": {}, "told": {}, "not": {}, "its": {},
	"their": {}, "his": {}, "her": {}, "our": {}, "this": {}, "these": {},
	"those": {}, "if": {}, "when": {}, "while": {}, "between": {}, "against": {},
}
