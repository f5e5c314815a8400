// Package quotes finds the direct quotations of an article and who said
// them, as GDELT's GKG Quotations field does, with speakers.
//
// The [Extractor] stage reads Article.Text, Sentences (tokens with
// part-of-speech tags and lemmas), Persons and Organizations (their Name is
// the fullest form, Code the CAMEO actor code, Mentions every span) and
// Actors; it writes only Article.Quotes. It assumes the nlp and actors
// stages have run; without them it still finds quotations, with no
// speakers.
//
// # Quotations
//
// A quotation is the text between double quotation marks, straight (") or
// curly (“ ”, also „ and « »), paired within a paragraph (a line of the
// text). A straight mark opens after space or an opening bracket or dash and
// closes after a word; one after "=" is markup (id="…"). Inside a quotation,
// single marks (‘ ’ ') and pairs of the other style are nested quotations and
// stay part of it, while a lone mark of the other style closes it (“…"). A
// quotation still open at the end of its paragraph ends there; when the next
// paragraph opens with a mark, that quotation continues the same voice.
//
// [article.Quote.Span] covers the quoted words without the marks,
// surrounding space, leading stray punctuation (".With its veto") and
// trailing commas, colons and semicolons. Quotations of fewer than
// Config.MinWords words with no speaker are dropped (scare quotes, names),
// as are quoted titles of two to six capitalized words ("Meet the Press")
// and quotations without a letter.
//
// # Speakers
//
// The speaker comes from a speech verb of speech_verbs.txt (say, tell, add,
// warn, insist, …) or "according to":
//   - right after the quotation: "…," said X; "…," X said; "…," X, a
//     spokesman, told reporters; "…?" X asked (in the next sentence); or a
//     clause-final attribution after a partial quotation ("… is "a low
//     point" for us, Smith said."). A verb followed by a complement ("…," one
//     official said the talks had failed) starts a new statement and does
//     not count;
//   - before it in its sentence: X said: "…"; X said that relations are at
//     "a low point" (a partial quotation in reported speech), the nearest
//     speech verb first; a participle after a comma ("…, saying …") takes
//     the subject of the main clause before it, a verb after "and" or "to"
//     that of the verb it continues ("She greeted supporters and told them
//     …");
//   - a colon: the name right before it ("Daron Shaw: “…”") or the subject
//     of the clause it ends, in the sentence or the one before;
//   - its neighbours (see inherit.go): the parts of a quotation split across
//     paragraphs or by nothing but punctuation share a speaker; a sentence
//     that opens with a quotation right after an attributed one continues
//     that speaker; a quotation-only sentence after a sentence of reported
//     speech in its paragraph (or after one that ends with "…, X said.")
//     takes that speaker, and one right before a quotation attributed after
//     it takes that one. A quotation after an unrelated sentence keeps no
//     speaker.
//
// Among the words of the attribution a named person wins over an
// organisation, a government ("the Syrian government", "Moscow"), a name the
// recognizer missed, a pronoun, a country and a description ("a senior
// official"); possessors and noun modifiers ("Clinton's", "the Clinton
// campaign") are not speakers, objects of prepositions and words in an
// introductory phrase count less, and words in a clause between commas
// ("Trump, who met Putin, said") do not count. A person or organisation is
// named by its entity: Speaker is the entity's Name, SpeakerCode its Code
// (or that of the actor mention around it); a government or a description
// is named by its words, with the code of the actor mention in them.
// SpeakerSpan is the speaker's words at the attribution.
//
// "he" and "she" resolve to a person mentioned out of quotations in their
// sentence or the Config.PronounSentences before it, the subject of a
// sentence first, then the nearest, skipping persons whose gender (from
// first names, titles and role nouns in gender.txt) contradicts the
// pronoun; failing that, to the previous quotation's speaker when near and
// compatible. "they" and "it" resolve to the nearest organisation or
// government. A pronoun that resolves to nobody keeps its SpeakerSpan with
// an empty Speaker: unknown rather than wrong.
//
// The word lists are plain text beside the code (data/), embedded, and
// replaceable through Config.Lexicon.
package quotes
