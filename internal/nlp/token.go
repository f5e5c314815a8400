package nlp

import (
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// Tokenize splits text into words and punctuation marks following the Penn
// Treebank conventions of the CoNLL-2003 corpus the tagging models are
// trained on. Each token carries its half-open byte span into text; Tag is
// left empty. It returns nil when text holds no token.
//
// Punctuation is split from words except where it belongs to them: dotted
// abbreviations and initials keep their period ("U.S.", "Gen.", "J."), even
// at the end of a sentence; numbers keep their decimal point and thousands
// separators ("3.5", "1,400"); hyphenated words, dates, times, URLs, e-mail
// addresses, hashtags and handles stay whole. Clitics are split as in the
// Treebank ("Russia" "'s", "do" "n't", "we" "'ll"), with straight or curly
// apostrophes. Quotes, brackets, dashes, ellipses, "%" and currency signs are
// tokens of their own.
//
// Invalid UTF-8 never panics: every span starts and ends on a boundary of
// the text's decoding into runes, invalid bytes counting as one rune each.
func Tokenize(text string) []article.Token {
	if text == "" {
		return nil
	}
	// News averages 5.15 bytes a token; a little headroom saves regrowing
	// the slice for most articles.
	z := tokScanner{text: text, toks: make([]article.Token, 0, len(text)*2/9+8)}
	z.scan()
	if len(z.toks) == 0 {
		return nil
	}
	return z.toks
}

// Classes of ASCII bytes.
const (
	tokSpace uint8 = 1 << iota // separates tokens
	tokAlnum                   // letter or digit: starts and continues words
	tokUpper                   // A-Z
	tokLower                   // a-z
	tokDigit                   // 0-9
)

// tokASCII classifies the ASCII bytes for the scanner's fast path. Bytes
// from 0x80 up belong to no class: the scanner decodes their runes.
var tokASCII = func() (t [256]uint8) {
	for _, c := range []byte{' ', '\t', '\n', '\v', '\f', '\r'} {
		t[c] = tokSpace
	}
	for c := 0; c < 0x20; c++ {
		if t[c] == 0 {
			t[c] = tokSpace // other control characters separate like blanks
		}
	}
	t[0x7f] = tokSpace
	for c := 'a'; c <= 'z'; c++ {
		t[c] = tokAlnum | tokLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = tokAlnum | tokUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = tokAlnum | tokDigit
	}
	return t
}()

// tokScanner splits a text into tokens in one left-to-right pass.
//
// Every position it splits at is either the start of a valid multi-byte
// sequence, an ASCII byte, or reached by stepping over whole runes as
// [utf8.DecodeRuneInString] decodes them, so spans stay on rune boundaries
// even in invalid UTF-8.
type tokScanner struct {
	text string
	toks []article.Token
}

func (z *tokScanner) emit(start, end int) {
	z.toks = append(z.toks, article.Token{Span: article.Span{Start: start, End: end}})
}

func (z *tokScanner) scan() {
	s := z.text
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			cl := tokASCII[c]
			switch {
			case cl&tokSpace != 0:
				i++
			case cl&tokAlnum != 0:
				if c|0x20 == 'h' || c|0x20 == 'w' {
					if n := tokURLLen(s[i:]); n > 0 {
						z.emit(i, i+n)
						i += n
						continue
					}
				}
				i = z.word(i, i)
			default:
				i = z.punct(i)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case tokIsSpace(r):
			i += n
		case tokIsWordRune(r):
			i = z.word(i, i)
		default:
			i = z.symbol(i, r, n)
		}
	}
}

// word scans the word starting at start, from i on, emits it (with any
// clitic split off) and returns where it ends. Word characters are letters,
// digits and marks; some punctuation joins them when a letter or digit
// follows: ".", "-", "/", "&", "@", "_", an apostrophe, and "," or ":"
// between digits.
func (z *tokScanner) word(start, i int) int {
	s := z.text
	dots := false
scan:
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if tokIsWordRune(r) {
				i += n
				continue
			}
			if (r == '’' || r == '‐' || r == '‑') && z.alnumAt(i+n) {
				i += n
				continue
			}
			break
		}
		if tokASCII[c]&tokAlnum != 0 {
			i++
			continue
		}
		switch c {
		case '.':
			if z.alnumAt(i+1) && !z.glued(start, i, dots) {
				dots = true
				i++
				continue
			}
			if !z.keepPeriod(start, i, dots) {
				break scan
			}
			i++
			if i+1 < len(s) && s[i] == '-' && z.alnumAt(i+1) {
				i++ // "U.S.-led"
				continue
			}
			z.emit(start, i)
			return i
		case ',', ':':
			if i > start && tokASCII[s[i-1]]&tokDigit != 0 && i+1 < len(s) && tokASCII[s[i+1]]&tokDigit != 0 {
				i++
				continue
			}
			break scan
		case '-', '/', '&', '@', '_', '\'':
			if z.alnumAt(i + 1) {
				i++
				continue
			}
			break scan
		case '$':
			if tokAllUpper(s[start:i]) {
				i++ // "US$", "HK$"
			}
			break scan
		default:
			break scan
		}
	}
	z.emitWord(start, i)
	return i
}

// emitWord emits the word text[start:end], splitting off a final clitic.
func (z *tokScanner) emitWord(start, end int) {
	if k := tokCliticLen(z.text[start:end]); k > 0 {
		z.emit(start, end-k)
		z.emit(end-k, end)
		return
	}
	z.emit(start, end)
}

// glued reports whether the period at i runs two sentences together with no
// space ("attack.The"), as scraped text often does: two lower-case letters
// before it, a capital and a lower-case letter after, in a word that is no
// domain or address.
func (z *tokScanner) glued(start, i int, dots bool) bool {
	s := z.text
	if dots || i-start < 2 || i+2 >= len(s) ||
		tokASCII[s[i-1]]&tokLower == 0 || tokASCII[s[i-2]]&tokLower == 0 ||
		tokASCII[s[i+1]]&tokUpper == 0 || tokASCII[s[i+2]]&tokLower == 0 {
		return false
	}
	for j := start; j < i; j++ {
		if s[j] == '@' || s[j] == '/' {
			return false
		}
	}
	return true
}

// keepPeriod reports whether the period at i belongs to the word
// text[start:i]: a known abbreviation, an initial or a dotted acronym.
func (z *tokScanner) keepPeriod(start, i int, dots bool) bool {
	w := z.text[start:i]
	if k, ok := tokAbbrevs[w]; ok {
		if k == abbrevNumber {
			return z.digitAfter(i + 1)
		}
		return k != abbrevNone
	}
	if !dots {
		return len(w) == 1 && tokASCII[w[0]]&tokUpper != 0
	}
	return tokAcronym(w)
}

// punct handles an ASCII byte that is neither a letter, a digit nor a space.
func (z *tokScanner) punct(i int) int {
	s := z.text
	c := s[i]
	switch c {
	case '.':
		if i+1 < len(s) && tokASCII[s[i+1]]&tokDigit != 0 && (i == 0 || tokASCII[s[i-1]]&tokSpace != 0) {
			return z.word(i, i+1) // ".5"
		}
		return z.run(i, '.')
	case '-', '`':
		return z.run(i, c)
	case '\'':
		if i+1 < len(s) && s[i+1] == '\'' {
			z.emit(i, i+2)
			return i + 2
		}
		return z.apostrophe(i, 1)
	case '#', '@':
		if z.alnumAt(i + 1) {
			return z.word(i, i+1) // hashtag or handle
		}
	}
	z.emit(i, i+1)
	return i + 1
}

// symbol handles a rune outside ASCII that is neither a word character nor
// a space: quotes, dashes, ellipses, currency signs, other symbols.
func (z *tokScanner) symbol(i int, r rune, n int) int {
	if r == '’' {
		return z.apostrophe(i, n)
	}
	z.emit(i, i+n)
	return i + n
}

// run emits a run of the byte c starting at i as one token ("...", "--").
func (z *tokScanner) run(i int, c byte) int {
	j := i + 1
	for j < len(z.text) && z.text[j] == c {
		j++
	}
	z.emit(i, j)
	return j
}

// apostrophe handles an apostrophe of n bytes at i that does not continue a
// word: a clitic after an abbreviation ("U.S.'s"), a decade ("'90s"), or a
// quotation mark.
func (z *tokScanner) apostrophe(i, n int) int {
	s := z.text
	j := i + n
	if i > 0 && tokASCII[s[i-1]]&tokSpace == 0 {
		if k := tokCliticAfter(s[j:]); k > 0 && !z.alnumAt(j+k) {
			z.emit(i, j+k)
			return j + k
		}
	}
	if (i == 0 || tokASCII[s[i-1]]&tokSpace != 0) && j+1 < len(s) &&
		tokASCII[s[j]]&tokDigit != 0 && tokASCII[s[j+1]]&tokDigit != 0 {
		k := j + 2
		if k < len(s) && s[k] == 's' {
			k++
		}
		if !z.alnumAt(k) {
			z.emit(i, k)
			return k
		}
	}
	z.emit(i, j)
	return j
}

// alnumAt reports whether a letter or digit starts at byte i.
func (z *tokScanner) alnumAt(i int) bool {
	if i >= len(z.text) {
		return false
	}
	c := z.text[i]
	if c < utf8.RuneSelf {
		return tokASCII[c]&tokAlnum != 0
	}
	r, _ := utf8.DecodeRuneInString(z.text[i:])
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// digitAfter reports whether a digit follows i after at most a few blanks,
// as in "No. 10".
func (z *tokScanner) digitAfter(i int) bool {
	for k := 0; k < 3 && i < len(z.text) && z.text[i] == ' '; k++ {
		i++
	}
	return i < len(z.text) && tokASCII[z.text[i]]&tokDigit != 0
}

// tokIsSpace reports whether r separates tokens: Unicode white space and the
// invisible zero-width characters that scraped text carries.
func tokIsSpace(r rune) bool {
	switch r {
	case 0x200B, 0x2060, 0xFEFF, 0x180E:
		return true
	}
	return unicode.IsSpace(r)
}

// tokIsWordRune reports whether r, outside ASCII, continues a word. Invalid
// bytes (utf8.RuneError) do, so they neither split words nor get lost.
func tokIsWordRune(r rune) bool {
	return r == utf8.RuneError || unicode.IsLetter(r) || unicode.IsNumber(r) ||
		unicode.IsMark(r) || r == 0xAD || r == 0x200C || r == 0x200D
}

// tokAllUpper reports whether w is one to three capital ASCII letters, the
// prefix of a dollar sign in "US$" or "HK$".
func tokAllUpper(w string) bool {
	if len(w) == 0 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if tokASCII[w[i]]&tokUpper == 0 {
			return false
		}
	}
	return true
}

// tokAcronym reports whether w (its final period removed) is a dotted
// acronym: letters in groups of one or two between periods, as "U.S",
// "a.m", "Ph.D", "W.Va".
func tokAcronym(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if n == 0 {
				return false
			}
			n = 0
		case tokASCII[c]&(tokUpper|tokLower) != 0:
			n++
			if n > 2 {
				return false
			}
		default:
			return false
		}
	}
	return n > 0
}

// tokURLLen returns the length of the URL that s starts with, 0 if none: an
// http or https address, or one starting "www.". Trailing punctuation is
// left out, and a closing parenthesis unless the URL opened one.
func tokURLLen(s string) int {
	var n int
	switch {
	case tokHasPrefixFold(s, "https://"):
		n = 8
	case tokHasPrefixFold(s, "http://"):
		n = 7
	case tokHasPrefixFold(s, "www."):
		n = 4
	default:
		return 0
	}
	start := n
	paren := false
	for n < len(s) {
		c := s[n]
		if c < utf8.RuneSelf {
			if tokASCII[c]&tokSpace != 0 || c == '"' || c == '<' || c == '>' {
				break
			}
			paren = paren || c == '('
			n++
			continue
		}
		// Stop at general punctuation (quotes, dashes, spaces) and at
		// non-breaking spaces and guillemets; go on over other text.
		if c == 0xE2 && n+1 < len(s) && s[n+1] == 0x80 ||
			c == 0xC2 && n+1 < len(s) && (s[n+1] == 0xA0 || s[n+1] == 0xAB || s[n+1] == 0xBB) ||
			c == 0xE3 && n+1 < len(s) && s[n+1] == 0x80 {
			break
		}
		n++
	}
	for n > start {
		c := s[n-1]
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
			c == '\'' || c == ']' || c == '}' || (c == ')' && !paren) {
			n--
			continue
		}
		break
	}
	// n stops at the end, at an ASCII byte or at a lead byte, never inside
	// a multi-byte sequence.
	if n == start {
		return 0
	}
	return n
}

func tokHasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if tokASCII[c]&tokUpper != 0 {
			c |= 0x20
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// tokCliticLen returns the byte length of the clitic that ends word w, 0 if
// none: "'s", "'m", "'d", "'re", "'ve", "'ll" or "n't", with a straight or
// curly apostrophe, in either case. Something must precede it.
func tokCliticLen(w string) int {
	n := len(w)
	if n < 3 || tokASCII[w[n-1]]&(tokUpper|tokLower) == 0 {
		return 0
	}
	last := w[n-1] | 0x20
	switch last {
	case 's', 'm', 'd':
		if a := tokApostropheBefore(w, n-1); a > 0 && n-1-a > 0 {
			return 1 + a
		}
		return 0
	case 't':
		if a := tokApostropheBefore(w, n-1); a > 0 && n-1-a > 1 && w[n-2-a]|0x20 == 'n' {
			return 2 + a
		}
		return 0
	}
	prev := w[n-2] | 0x20
	if n < 4 || !(prev == 'r' && last == 'e' || prev == 'v' && last == 'e' || prev == 'l' && last == 'l') {
		return 0
	}
	if a := tokApostropheBefore(w, n-2); a > 0 && n-2-a > 0 {
		return 2 + a
	}
	return 0
}

// tokApostropheBefore returns the length of the apostrophe (' or ’) that
// ends just before byte i of w, 0 if none.
func tokApostropheBefore(w string, i int) int {
	if i >= 1 && w[i-1] == '\'' {
		return 1
	}
	if i >= 3 && w[i-3:i] == "’" {
		return 3
	}
	return 0
}

// tokCliticAfter returns the length of the clitic letters ("s", "re", ...)
// that s starts with, 0 if none.
func tokCliticAfter(s string) int {
	if len(s) == 0 {
		return 0
	}
	switch s[0] | 0x20 {
	case 's', 'm', 'd':
		return 1
	case 'r', 'v':
		if len(s) > 1 && s[1]|0x20 == 'e' {
			return 2
		}
	case 'l':
		if len(s) > 1 && s[1]|0x20 == 'l' {
			return 2
		}
	}
	return 0
}
