package nlp

import (
	"unicode"
	"unicode/utf8"
)

// AppendLower appends w in lower case to b, as [strings.ToLower] writes it,
// without allocating a string: the stages lower-case every capitalized
// token to look it up.
func AppendLower(b []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			for _, r := range w {
				b = utf8.AppendRune(b, unicode.ToLower(r))
			}
			return b
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}
