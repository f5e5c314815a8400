// Package tone measures the emotional tone of news text the way GDELT's
// V2Tone does: as percentages of the words.
//
// # The stage
//
// [Scorer] is the pipeline stage. It reads Article.Text, Sentences (tokens
// with part-of-speech tags and lemmas, from nlp) and Mentions (entity
// mentions, from nlp), and writes Article.Tone and the Tone of every
// sentence. It reads nothing else, so it may run anywhere after nlp. The
// title is not part of Text and is not measured.
//
// For a sentence or an article, with words the tokens that hold a letter
// or digit:
//
//	Positive  = 100 × positive words / words
//	Negative  = 100 × negative words / words
//	Tone      = Positive − Negative        (GDELT: tone)
//	Polarity  = Positive + Negative        (how emotional the text is)
//	Activity  = 100 × active words / words (verbs of action)
//	SelfGroup = 100 × first-person pronouns / words (I, we, our …)
//	Words     = words
//
// The article's figures are measured over all its words, not averaged over
// its sentences.
//
// # Counting
//
// A token is a sentiment word when its lemma (or, failing that, its
// written form, or the base of an inflected adjective or adverb:
// "brutally", "angrier", "deadliest") is in the lexicon's positive or
// negative list. Words of named entities ("Hope Smith", "Security
// Council") and proper nouns inside a sentence carry no sentiment. Each
// sentiment word counts 1, changed by what comes before it ([Config]):
//
//   - after a negator ("not", "n't", "no", "never", "without", …) within
//     three words of the same clause, it counts on the opposite side at
//     half weight: "not good" is half a negative word, "no one was killed"
//     half a positive one. Punctuation and "but" end a negation;
//   - right after an intensifier ("very", "extremely", "deeply") it counts
//     1.5; after a downtoner ("slightly", "somewhat") 0.5.
//
// So Positive and Negative are weighted counts and can differ slightly from
// pure word counts. An active word is any verb (tag VB…) whose lemma the
// lexicon does not list as inactive (states, perception and speech: "be",
// "have", "say", "seem"). A self reference is a first-person pronoun tagged
// as a pronoun; "US" in capitals is the country, not "us".
//
// # The lexicon
//
// [Lexicon] is read from a line-oriented file with sections [positive],
// [negative], [negator], [intensifier], [downtoner], [inactive] and [self]
// (format in data/lexicon.txt). The embedded one ([Default]) has about 970
// positive and 1,450 negative English lemmas, written for this project for
// news: conflict, crime, disaster, disease and economic distress are
// negative ("attack", "veto", "sanction", "toxic"); peace, cooperation,
// recovery and achievement positive ("ceasefire", "agreement", "rebuild").
// Words that are neutral labels in news are left out: groups of people
// ("refugee", "protester"), politics ("opposition", "security",
// "democratic", "premier") and ambiguous words ("free", "fine", "civil"),
// so that "Security Council" or "civil war" are not read as emotion.
//
// The lexicon is our own rather than github.com/jonreiter/govader's (the
// VADER lexicon), for three reasons: VADER was built for social media and
// misses much of the vocabulary of world news ("veto", "sanction",
// "toxic", "deadly", "ceasefire", "corruption", "refugee" have no valence
// there); GDELT's tone counts words, which a list over our own lemmas does
// directly, while VADER scores raw text with its own tokenizer; and
// looking up lemmas the nlp stage already produced is an order of
// magnitude faster than re-tokenizing (about 90 MB/s against VADER's
// 11 MB/s) and adds no dependency.
package tone
