package counts_test

import (
	"strings"

	"worldmedia/internal/article"
)

// place returns a geocoded place named name with a mention at each
// occurrence of name in text.
func place(text, name string) article.Place {
	p := article.Place{Name: name}
	for i := 0; ; {
		k := strings.Index(text[i:], name)
		if k < 0 {
			break
		}
		p.Mentions = append(p.Mentions, article.Span{Start: i + k, End: i + k + len(name)})
		i += k + len(name)
	}
	return p
}
