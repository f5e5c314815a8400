package geo

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Key namespaces: a gazetteer key is a normalised name, optionally behind a
// one-byte prefix that says how the name may be used.
const (
	// nsAbbrev marks abbreviations ("Calif.", "N.J.", "NY") that name a
	// division only after "Place, ".
	nsAbbrev = '\x01'
	// nsDemonym marks demonyms and adjectives ("Russian") of a country.
	nsDemonym = '\x02'
)

// Normalize returns the gazetteer key of a place name: lower case, Latin
// diacritics folded ("Québec" → "quebec"), periods and apostrophes
// dropped ("U.S." → "us", "N'Djamena" → "ndjamena"), "&" read as "and", and
// every other run of non-letters and non-digits made one space ("Guinea-Bissau"
// → "guinea bissau").
func Normalize(name string) string {
	return string(AppendKey(nil, name))
}

// AppendKey appends the key of name (see [Normalize]) to dst. It allocates
// only when dst lacks room, so the resolver can look names up without
// garbage.
func AppendKey(dst []byte, name string) []byte {
	start := len(dst)
	space := false // a separator is pending
	for i := 0; i < len(name); {
		c := name[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '.' || c == '\'' || c == '`':
				continue
			case c == '&':
				if len(dst) > start {
					dst = append(dst, ' ')
				}
				dst = append(dst, "and"...)
				space = true
				continue
			default:
				space = true
				continue
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(name[i:])
		i += n
		if r == '\u2019' || r == '\u2018' || r == '\u02bb' || r == '\u02bc' || r == '\u02be' || r == '\u02bf' || r == '\u00b4' {
			continue // apostrophes and ayin/hamza marks
		}
		if fold, ok := foldRune(r); ok {
			if fold == "" {
				continue // a combining mark
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, fold...)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		space = true
	}
	return dst
}

// foldTable maps runes from U+0080 to U+1EFF to their ASCII base letters;
// "" marks a combining mark, and a missing entry a rune that has none.
var foldTable = sync.OnceValue(func() map[rune]string {
	m := map[rune]string{
		'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
		'đ': "d", 'Đ': "d", 'ð': "d", 'Ð': "d", 'ł': "l", 'Ł': "l", 'þ': "th", 'Þ': "th",
		'ı': "i", 'ħ': "h", 'Ħ': "h", 'ŀ': "l", 'Ŀ': "l", 'ŧ': "t", 'Ŧ': "t", 'ŋ': "n", 'Ŋ': "n",
		'ƒ': "f", 'ə': "e", 'Ə': "e",
	}
	var buf [16]byte
	for r := rune(0x80); r < 0x1F00; r++ {
		if _, ok := m[r]; ok {
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			m[r] = ""
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		d := norm.NFD.AppendString(buf[:0], string(r))
		if len(d) > 0 && d[0] < utf8.RuneSelf && (d[0]|0x20) >= 'a' && (d[0]|0x20) <= 'z' {
			m[r] = string(rune(d[0] | 0x20))
		}
	}
	return m
})

func foldRune(r rune) (string, bool) {
	if r >= 0x1F00 {
		return "", false
	}
	s, ok := foldTable()[r]
	return s, ok
}
