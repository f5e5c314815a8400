package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word classes the attribution rules test tokens against.

// hearerVerb reports whether a speech verb with this lemma takes the
// hearer as its object ("told reporters").
func hearerVerb(lemma string) bool {
	switch lemma {
	case "tell", "ask", "inform", "assure", "warn", "urge", "remind":
		return true
	}
	return false
}

// maxSubject is the longest subject, in tokens, an attribution may have.
const maxSubject = 40

// maxReach is how far, in tokens, a quotation's attribution is looked for
// in its sentence, which keeps the work linear in monster sentences.
const maxReach = 80

// subordinator reports whether w opens a subordinate clause ("as the
// website notes"), which a subject does not reach across.
func subordinator(w string) bool {
	switch w {
	case "as", "while", "because", "although", "though", "if", "when", "whereas", "unless", "since", "after",
		"before", "until", "once", "whether":
		return true
	}
	return false
}

// capitalized reports whether w starts with an upper-case letter.
func capitalized(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isNounPrep reports whether preposition w may stay inside a speaker's noun
// phrase ("Secretary of State", "a spokesman for the campaign", "Ambassador
// to the United Nations").
func isNounPrep(w string) bool { return w == "of" || w == "for" || w == "to" }

// npStart reports whether a token with tag can begin a noun phrase.
func npStart(tag string) bool {
	switch tag {
	case "DT", "NNP", "NNPS", "NN", "NNS", "PRP", "JJ", "JJS", "CD", "PRP$":
		return true
	}
	return false
}

// isVerbTag reports whether tag is a verb or modal.
func isVerbTag(tag string) bool { return strings.HasPrefix(tag, "VB") || tag == "MD" }

// isQuoteTok reports whether w is a quotation mark.
func isQuoteTok(w string) bool {
	switch w {
	case `"`, "“", "”", "„", "‟", "«", "»", "‘", "’", "'", "``", "''":
		return true
	}
	return false
}

// isCuePunct reports whether w is punctuation that may stand between a
// quotation and its attribution.
func isCuePunct(w string) bool {
	switch w {
	case ",", "-", "–", "—", "--", "(", ")":
		return true
	}
	return false
}

// isFinalPunct reports whether w ends a sentence.
func isFinalPunct(w string) bool {
	switch w {
	case ".", "!", "?", "...", "…":
		return true
	}
	return false
}

// timeWord reports whether w names a time ("Monday", "yesterday"): such
// nouns are never speakers.
func timeWord(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"today", "yesterday", "tonight", "week", "weekend", "month", "year", "day", "morning", "afternoon",
		"evening", "night", "time", "later", "earlier", "then", "also", "recently", "last", "this", "next",
		"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december":
		return true
	}
	return false
}
