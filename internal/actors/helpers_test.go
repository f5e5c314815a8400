package actors_test

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// tokenize is a small Penn-Treebank-like tokenizer for tests: it splits at
// white space, splits off leading and trailing punctuation and a final
// possessive "'s", and keeps abbreviations such as "U.S." whole.
func tokenize(text string) []article.Token {
	var toks []article.Token
	add := func(start, end int) {
		if start < end {
			toks = append(toks, article.Token{Span: article.Span{Start: start, End: end}})
		}
	}
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += n
		}
		word := text[i:j]
		start, end := i, j
		// leading punctuation
		for start < end {
			r, n := utf8.DecodeRuneInString(text[start:end])
			if !strings.ContainsRune("\"'“‘([", r) {
				break
			}
			add(start, start+n)
			start += n
		}
		// trailing punctuation
		var tail []article.Span
		for end > start {
			r, n := utf8.DecodeLastRuneInString(text[start:end])
			if r == '.' && isAbbrev(text[start:end]) {
				break
			}
			if !strings.ContainsRune("\"'”’),;:?!.]", r) {
				break
			}
			tail = append(tail, article.Span{Start: end - n, End: end})
			end -= n
		}
		// possessive
		core := text[start:end]
		for _, p := range []string{"'s", "’s"} {
			if strings.HasSuffix(core, p) && len(core) > len(p) {
				tail = append(tail, article.Span{Start: end - len(p), End: end})
				end -= len(p)
				break
			}
		}
		add(start, end)
		for k := len(tail) - 1; k >= 0; k-- {
			add(tail[k].Start, tail[k].End)
		}
		_ = word
		i = j
	}
	return toks
}

// isAbbrev reports whether w, ending in ".", is an abbreviation: it holds
// another period ("U.S.") or is one capital letter and a period.
func isAbbrev(w string) bool {
	body := strings.TrimSuffix(w, ".")
	return strings.Contains(body, ".") || len(body) == 1 && unicode.IsUpper(rune(body[0])) || body == "Gen" || body == "Mr" || body == "Dr" || body == "No"
}
