package tone

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The kinds of error [Parse] and [Load] report. Each is wrapped in a
// [*LineError] naming the file and line; test for them with [errors.Is].
var (
	// ErrSyntax is a malformed line: an unclosed "[section", a word with
	// upper-case letters, spaces inside a header, characters other than
	// letters, digits, "-" and "'", or invalid UTF-8.
	ErrSyntax = errors.New("syntax error")
	// ErrUnknownSection is a section other than those [Lexicon] documents.
	ErrUnknownSection = errors.New("unknown section")
	// ErrNoSection is a word before the first section header.
	ErrNoSection = errors.New("word outside a section")
	// ErrDuplicate is a word listed twice among the sentiment and modifier
	// sections (positive, negative, negator, intensifier, downtoner), or
	// twice in one section; the message names the other line.
	ErrDuplicate = errors.New("duplicate word")
	// ErrEmpty is a lexicon without sentiment words.
	ErrEmpty = errors.New("no sentiment words")
)

// LineError is an error found on one line of a lexicon file.
type LineError struct {
	File string // the file's name ("lexicon.txt")
	Line int    // 1-based line number
	Err  error  // the reason, wrapping one of the package's Err sentinels
}

// Error returns "file:line: reason".
func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the reason.
func (e *LineError) Unwrap() error { return e.Err }

// role is what a word does in the lexicon. The sentiment and modifier
// roles exclude each other; inactive and self are separate flags.
type role uint8

const (
	positive role = 1 << iota
	negative
	negator
	intensifier
	downtoner
	inactive
	self
)

var sections = map[string]role{
	"positive": positive, "negative": negative, "negator": negator,
	"intensifier": intensifier, "downtoner": downtoner, "inactive": inactive, "self": self,
}

// exclusive are the roles a word may have only one of.
const exclusive = positive | negative | negator | intensifier | downtoner

// Lexicon is a tone lexicon: sentiment words, the modifiers that change
// how they count, the verbs that are no action and the self references.
// It is read from a line-oriented file (data/lexicon.txt documents the
// format) with sections [positive], [negative], [negator], [intensifier],
// [downtoner], [inactive] and [self]. A Lexicon is immutable and safe for
// concurrent use.
type Lexicon struct {
	words map[string]role
	pos   int
	neg   int
}

// Size returns the number of positive and negative words.
func (l *Lexicon) Size() (positive, negative int) { return l.pos, l.neg }

func (l *Lexicon) role(w string) role { return l.words[w] }

//go:embed data/lexicon.txt
var embedded embed.FS

// Default returns the embedded lexicon, parsed once.
var Default = sync.OnceValues(func() (*Lexicon, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	return Load(sub)
})

// Load reads the lexicon from lexicon.txt in fsys.
func Load(fsys fs.FS) (*Lexicon, error) {
	const name = "lexicon.txt"
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("tone: %w", err)
	}
	return Parse(name, data)
}

// Parse reads a lexicon from data, naming it file in errors. It reports
// every bad line, each as a [*LineError], joined.
func Parse(file string, data []byte) (*Lexicon, error) {
	l := &Lexicon{words: map[string]role{}}
	first := map[string]int{} // word → line of its first sentiment or modifier role
	type entry struct {
		w string
		r role
	}
	firstIn := map[entry]int{} // (word, section) → line
	var errs []error
	fail := func(line int, err error) { errs = append(errs, &LineError{File: file, Line: line, Err: err}) }
	var cur role
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if !utf8.ValidString(line) {
			fail(n, fmt.Errorf("%w: invalid UTF-8", ErrSyntax))
			continue
		}
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") {
			name, ok := strings.CutSuffix(line[1:], "]")
			if !ok || strings.ContainsAny(name, " \t[]") {
				fail(n, fmt.Errorf("%w: bad section header %q", ErrSyntax, line))
				cur = 0
				continue
			}
			r, ok := sections[name]
			if !ok {
				fail(n, fmt.Errorf("%w %q", ErrUnknownSection, name))
				cur = 0
				continue
			}
			cur = r
			continue
		}
		if cur == 0 {
			fail(n, fmt.Errorf("%w: %q", ErrNoSection, line))
			continue
		}
		for _, w := range strings.Fields(line) {
			if !validWord(w) {
				fail(n, fmt.Errorf("%w: bad word %q", ErrSyntax, w))
				continue
			}
			old := l.words[w]
			key := entry{w, cur}
			switch {
			case old&cur != 0:
				fail(n, fmt.Errorf("%w %q: also on line %d", ErrDuplicate, w, firstIn[key]))
				continue
			case cur&exclusive != 0 && old&exclusive != 0:
				fail(n, fmt.Errorf("%w %q: also on line %d", ErrDuplicate, w, first[w]))
				continue
			}
			l.words[w] = old | cur
			firstIn[key] = n
			if cur&exclusive != 0 {
				first[w] = n
			}
			switch cur {
			case positive:
				l.pos++
			case negative:
				l.neg++
			}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", file, err))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if l.pos+l.neg == 0 {
		return nil, &LineError{File: file, Line: max(n, 1), Err: ErrEmpty}
	}
	return l, nil
}

// validWord reports whether w is a lexicon word: lower-case letters and
// digits, with inner hyphens and apostrophes ("war-torn", "n't").
func validWord(w string) bool {
	for _, r := range w {
		switch {
		case r == '-' || r == '\'':
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				return false
			}
		case unicode.IsDigit(r):
		default:
			return false
		}
	}
	return w != "" && w[0] != '-' && w[len(w)-1] != '-'
}
