package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// Limits of the plain-text header heuristics.
const (
	siteNameMaxRunes = 50
	siteNameMaxWords = 6
	titleMaxRunes    = 300
	titleMaxWords    = 40
	// bodyMinWords is the length at which a paragraph counts as body text
	// even without sentence-final punctuation.
	bodyMinWords = 15
	// bodySearchParagraphs is how many paragraphs after a title are looked
	// at for body text.
	bodySearchParagraphs = 3
)

// ParseText reads a plain-text article. Paragraphs are separated by blank
// lines and come out separated by one blank line ("\n\n"); line breaks inside
// a paragraph are kept. Lines are trimmed and CRLF becomes LF.
//
// A text may start with a header: a short site-name line ("World Media")
// followed by a title line, or a title line alone, the title possibly
// repeated. The header goes to Source and Title and is left out of Text. It
// is recognised only when it is followed by body text, so that a text made
// only of body paragraphs keeps all of them: a site name is short, has no
// final punctuation and is written like a name (capitalised words or a
// domain); a title is a line of its own without a final period, ending its
// paragraph.
//
// The article's ID is [article.ContentID] of its title and text; Input is
// name. Errors are a *[RecordError] naming the input, wrapping [ErrEmpty] or
// [ErrNotText]. Invalid UTF-8 is repaired and noted in Warnings.
func ParseText(name string, data []byte) (*article.Article, error) {
	s, warnings, err := decodeText(data)
	if err != nil {
		return nil, &RecordError{Input: name, Err: err}
	}
	a := parsePlain(s)
	if a.Text == "" {
		return nil, &RecordError{Input: name, Err: ErrEmpty}
	}
	a.Input = name
	a.Warnings = warnings
	a.ID = article.ContentID(a.Title, a.Text)
	return a, nil
}

// textLine is one non-blank line of a text, trimmed.
type textLine struct {
	text string
	// endsBlock is set when a blank line or the end of the text follows.
	endsBlock bool
}

// parsePlain splits s into lines, takes the header off and joins the rest
// into paragraphs.
func parsePlain(s string) *article.Article {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	raw := strings.Split(s, "\n")

	var lines []textLine
	for _, l := range raw {
		l = strings.TrimSpace(l)
		if l == "" {
			if len(lines) > 0 {
				lines[len(lines)-1].endsBlock = true
			}
			continue
		}
		lines = append(lines, textLine{text: l})
	}
	if len(lines) == 0 {
		return &article.Article{}
	}
	lines[len(lines)-1].endsBlock = true
	// A text without any blank line between lines has one paragraph a
	// line: there a title need not be followed by a blank line.
	onePerLine := true
	for _, l := range lines[:len(lines)-1] {
		if l.endsBlock {
			onePerLine = false
			break
		}
	}

	a := &article.Article{}
	rest := lines
	if src, title, n, ok := textHeader(lines, onePerLine); ok {
		a.Source, a.Title, rest = src, title, lines[n:]
	}
	var b strings.Builder
	for i, l := range rest {
		if i > 0 {
			if rest[i-1].endsBlock {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		b.WriteString(l.text)
	}
	a.Text = b.String()
	return a
}

// textHeader finds a site-name line and a title line at the start of lines.
// It returns them with the number of lines they take (a repeated title
// counts), and false when the text has no recognisable header.
func textHeader(lines []textLine, onePerLine bool) (source, title string, n int, ok bool) {
	if len(lines) >= 2 && isSiteName(lines[0].text) {
		if n, ok := titleAt(lines, 1, onePerLine); ok {
			return lines[0].text, lines[1].text, n, true
		}
	}
	if n, ok := titleAt(lines, 0, onePerLine); ok {
		return "", lines[0].text, n, true
	}
	return "", "", 0, false
}

// titleAt reports whether lines[i] is a title followed (after an optional
// repeat of it) by body text, and returns the index of the first body line.
func titleAt(lines []textLine, i int, onePerLine bool) (int, bool) {
	l := lines[i]
	if !isTitle(l.text) || !(l.endsBlock || onePerLine) {
		return 0, false
	}
	next := i + 1
	if next < len(lines) && sameText(lines[next].text, l.text) && (lines[next].endsBlock || onePerLine) {
		next++
	}
	if next >= len(lines) {
		return 0, false
	}
	// Body text must follow within the next few paragraphs (a standfirst
	// may come first).
	para := []string{}
	for j, seen := next, 0; j < len(lines) && seen < bodySearchParagraphs; j++ {
		para = append(para, lines[j].text)
		if lines[j].endsBlock || onePerLine {
			if isBody(strings.Join(para, " ")) {
				return next, true
			}
			para, seen = para[:0], seen+1
		}
	}
	return 0, false
}

// isSiteName reports whether l can be the name of a site or outlet: short,
// without final punctuation, and written like a name (each word capitalised
// or a small function word) or like a domain.
func isSiteName(l string) bool {
	if utf8.RuneCountInString(l) > siteNameMaxRunes || endsWithAny(l, ".!?:;,") || !hasLetter(l) {
		return false
	}
	words := strings.Fields(l)
	if len(words) > siteNameMaxWords {
		return false
	}
	if len(words) == 1 && strings.Contains(l, ".") {
		return true // a domain such as nytimes.com
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) || unicode.IsUpper(r) {
			continue
		}
		switch strings.ToLower(w) {
		case "of", "the", "and", "for", "on", "in", "at", "de", "la", "le", "du", "des", "del", "di", "da", "van", "von", "el", "al":
			continue
		}
		return false
	}
	return true
}

// isTitle reports whether l can be a headline: not too long, with a letter,
// and not ending like a sentence or a clause.
func isTitle(l string) bool {
	if utf8.RuneCountInString(l) > titleMaxRunes || len(strings.Fields(l)) > titleMaxWords || !hasLetter(l) {
		return false
	}
	return !endsWithAny(l, ".:;,")
}

// isBody reports whether p reads like body text: a sentence, or long.
func isBody(p string) bool {
	if len(strings.Fields(p)) >= bodyMinWords {
		return true
	}
	p = strings.TrimRight(p, "\"'”’»)]")
	return endsWithAny(p, ".!?…")
}

func endsWithAny(s, chars string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != utf8.RuneError && strings.ContainsRune(chars, r)
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// sameText compares two lines ignoring case and runs of whitespace.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}
