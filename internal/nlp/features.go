package nlp

import (
	"unicode"
	"unicode/utf8"
)

// Features are hashed, never spelled out. A word is read once into a
// [wordInfo] holding the hashes of its normalised forms, affixes and shape;
// a feature is then a template id mixed with one of those hashes (or a tag
// or label index), so extracting a feature costs a multiplication and a few
// shifts, with no string built and nothing allocated.

const (
	hashSeed  uint64 = 14695981039346656037 // FNV-1a offset basis
	hashPrime uint64 = 1099511628211        // FNV-1a prime
	golden    uint64 = 0x9e3779b97f4a7c15   // 2^64 / φ, spreads template ids
)

// hashRune feeds one rune into an FNV-1a style hash. Runes go in whole
// rather than as UTF-8 bytes: the mixing at feature time makes up for the
// weaker step.
func hashRune(h uint64, r rune) uint64 { return (h ^ uint64(r)) * hashPrime }

// hashString hashes s rune by rune, as [hashRune] does.
func hashString(s string) uint64 {
	h := hashSeed
	for _, r := range s {
		h = hashRune(h, r)
	}
	return h
}

// mix64 is SplitMix64's finaliser, a bijection that spreads every input bit
// over the output.
func mix64(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// template identifies a feature template. Values are part of the model
// format: append new ones, never renumber.
type template uint64

const (
	tBias template = iota + 1
	// part of speech
	tPWord      // lower-cased word
	tPExact     // word as written
	tPSuffix    // + suffix length: suffix of the word
	tPPrefix    // + prefix length
	tPShort     // short shape
	tPShape     // long shape
	tPFlags     // capitalisation, digits, punctuation, sentence start
	tPWordM1    // previous word
	tPWordM2    // word before the previous
	tPWordP1    // next word
	tPWordP2    // word after the next
	tPSufM1     // suffix 3 of previous word
	tPSufP1     // suffix 3 of next word
	tPShortNext // short shape of next word
	tPTag1      // previous tag
	tPTag2      // tag before the previous
	tPTag12     // previous two tags
	tPTag1Word  // previous tag + word
	tPTag1Next  // previous tag + next word
	// entities
	tNWord       // + offset: lower-cased word at offset -2..2
	tNShape      // long shape
	tNShort      // + offset: short shape at -1..1
	tNPrefix     // + length
	tNSuffix     // + length
	tNFlags      // capitalisation flags + sentence start
	tNPOS        // + offset: tag at -1..1
	tNBigramL    // previous word + word
	tNBigramR    // word + next word
	tNShapeL     // previous short shape + short shape
	tNShapeR     // short shape + next short shape
	tNGaz        // gazetteer source, type, position
	tNRunFirst   // first word of the capitalised run the word is in
	tNRunLast    // last word of that run
	tNRunPos     // position in the run and its length
	tNRunLastPos // last word of the run + position
	tNDocCase    // case of the word's other occurrences in the document
	tNCtxPrev    // word before another occurrence in the document
	tNCtxNext    // word after another occurrence
	tNCtxRun     // last word of another occurrence's run
	tNLabel1     // previous label
	tNLabel12    // previous two labels
	tNLabel1W    // previous label + word
	tNLabel1S    // previous label + short shape
	tNDocLabel   // second pass: type of the word's other occurrences
	tNDocLabelF  // the same + the word's case
	tNDocLabelNb // second pass: the same for the neighbouring words
)

// feat returns the hash of template t with value v. It is never 0, the
// empty slot of a weight table.
func feat(t template, v uint64) uint64 {
	return mix64(v^uint64(t)*golden) | 1
}

// feat2 returns the hash of template t with values a and b.
func feat2(t template, a, b uint64) uint64 {
	return mix64(mix64(a^uint64(t)*golden)^b) | 1
}

// Word flags, a bit set of a word's surface properties.
const (
	fUpperFirst uint16 = 1 << iota // starts with an upper-case letter
	fAllUpper                      // has letters, all upper-case
	fHasUpper                      // has an upper-case letter
	fHasLower                      // has a lower-case letter
	fHasDigit                      // has a digit
	fAllDigit                      // has a digit and only digits and , . - / :
	fHasHyphen                     // has a hyphen (after normalisation)
	fHasPeriod                     // has a period
	fNoAlnum                       // has neither letters nor digits
	fInnerUpper                    // an upper-case letter follows a lower-case one
	fSentStart                     // first word of its sentence (set by the caller)
)

// maxShape is the number of runes the long shape keeps.
const maxShape = 12

// wordInfo is what feature extraction needs of a word, computed in one pass
// over its runes.
type wordInfo struct {
	lower  uint64    // normalised, lower-cased, digits as 0
	exact  uint64    // normalised, case kept, digits as 0
	prefix [4]uint64 // lower-cased form's first 1..4 runes
	suffix [4]uint64 // lower-cased form's last 1..4 runes
	shape  uint64    // X for upper, x for lower, d for digit, else the rune
	short  uint64    // shape with runs collapsed
	flags  uint16
	runes  uint16 // length in runes, at most 65535
}

// normRune maps news typography to the forms of the Penn Treebank and
// CoNLL-2003 texts: curly double quotes and guillemets to ", curly single
// quotes and primes to ', dashes and the minus sign to -.
func normRune(r rune) rune {
	switch r {
	case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb', '\u2033':
		return '"'
	case '\u2018', '\u2019', '\u201a', '\u201b', '\u2032', '`', '\u00b4':
		return '\''
	case '\u2014', '\u2013', '\u2012', '\u2015', '\u2212', '\u2010', '\u2011':
		return '-'
	}
	return r
}

// analyze reads word w into a wordInfo.
func analyze(w string) wordInfo {
	switch w {
	case "``", "''", "\u201c", "\u201d":
		w = `"`
	case "\u2026":
		w = "..."
	case "\u2014", "\u2013":
		w = "-"
	}
	var (
		info                      wordInfo
		lower, exact, shape, shrt = hashSeed, hashSeed, hashSeed, hashSeed
		last                      [4]rune // last four lower-cased runes, a ring
		n, letters, uppers        int
		digits, numPunct, alnum   int
		prevShape                 rune = -1
		prevLower                 bool
		flags                     uint16
	)
	for _, r := range w {
		r = normRune(r)
		var lr, cls rune
		if r < utf8.RuneSelf {
			switch {
			case 'a' <= r && r <= 'z':
				lr, cls = r, 'x'
			case 'A' <= r && r <= 'Z':
				lr, cls = r+('a'-'A'), 'X'
			case '0' <= r && r <= '9':
				lr, cls = '0', 'd'
			default:
				lr, cls = r, r
			}
		} else {
			switch {
			case unicode.IsUpper(r):
				lr, cls = unicode.ToLower(r), 'X'
			case unicode.IsLetter(r):
				lr, cls = r, 'x'
			case unicode.IsDigit(r):
				lr, cls = '0', 'd'
			default:
				lr, cls = r, r
			}
		}
		er := r
		switch cls {
		case 'X':
			letters++
			uppers++
			if n == 0 {
				flags |= fUpperFirst
			}
			if prevLower {
				flags |= fInnerUpper
			}
			flags |= fHasUpper
			alnum++
		case 'x':
			letters++
			flags |= fHasLower
			alnum++
		case 'd':
			digits++
			er = '0'
			flags |= fHasDigit
			alnum++
		case '-':
			flags |= fHasHyphen
			numPunct++
		case '.':
			flags |= fHasPeriod
			numPunct++
		case ',', '/', ':':
			numPunct++
		}
		prevLower = cls == 'x'
		lower = hashRune(lower, lr)
		exact = hashRune(exact, er)
		if n < 4 {
			info.prefix[n] = lower
		}
		last[n&3] = lr
		if n < maxShape {
			shape = hashRune(shape, cls)
		}
		if cls != prevShape {
			shrt = hashRune(shrt, cls)
			prevShape = cls
		}
		n++
	}
	for k := 1; k <= 4 && k <= n; k++ {
		h := hashSeed
		for j := n - k; j < n; j++ {
			h = hashRune(h, last[j&3])
		}
		info.suffix[k-1] = h
	}
	if letters > 0 && uppers == letters {
		flags |= fAllUpper
	}
	if digits > 0 && digits+numPunct == n {
		flags |= fAllDigit
	}
	if alnum == 0 {
		flags |= fNoAlnum
	}
	info.lower, info.exact, info.shape, info.short = lower, exact, shape, shrt
	info.flags = flags
	info.runes = uint16(min(n, 0xffff))
	return info
}

// Padding values for positions outside the sentence.
var (
	startWord = wordInfo{lower: hashString("-START-"), exact: hashString("-START-"),
		shape: hashString("-START-"), short: hashString("-START-")}
	endWord = wordInfo{lower: hashString("-END-"), exact: hashString("-END-"),
		shape: hashString("-END-"), short: hashString("-END-")}
)

// at returns words[i], or the padding outside the slice.
func at(words []wordInfo, i int) *wordInfo {
	if i < 0 {
		return &startWord
	}
	if i >= len(words) {
		return &endWord
	}
	return &words[i]
}

// posFeatures appends the features of the i-th word that do not depend on
// earlier predictions.
func posFeatures(dst []uint64, words []wordInfo, i int) []uint64 {
	w := &words[i]
	flags := uint64(w.flags)
	if i == 0 {
		flags |= uint64(fSentStart)
	}
	p1, p2, n1, n2 := at(words, i-1), at(words, i-2), at(words, i+1), at(words, i+2)
	dst = append(dst,
		feat(tBias, 0),
		feat(tPWord, w.lower),
		feat(tPExact, w.exact),
		feat(tPShape, w.shape),
		feat(tPShort, w.short),
		feat(tPFlags, flags),
		feat(tPWordM1, p1.lower),
		feat(tPWordM2, p2.lower),
		feat(tPWordP1, n1.lower),
		feat(tPWordP2, n2.lower),
		feat(tPSufM1, p1.suffix[2]),
		feat(tPSufP1, n1.suffix[2]),
		feat(tPShortNext, n1.short),
		feat2(tPPrefix, 1, w.prefix[0]),
	)
	for k := range min(4, int(w.runes)) {
		dst = append(dst, feat2(tPSuffix, uint64(k), w.suffix[k]))
	}
	return dst
}
