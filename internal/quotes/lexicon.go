package quotes

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/*.txt
var embedded embed.FS

// The word lists of a lexicon file system.
const (
	verbsFile  = "speech_verbs.txt"
	genderFile = "gender.txt"
)

// gender is the grammatical gender a name or pronoun points to.
type gender uint8

const (
	// unknownGender: the word says nothing about gender.
	unknownGender gender = iota
	// male: "he", "Mr", "Donald".
	male
	// female: "she", "Mrs", "Nikki".
	female
)

// String returns "m", "f" or "?".
func (g gender) String() string {
	switch g {
	case male:
		return "m"
	case female:
		return "f"
	}
	return "?"
}

// verb is one speech verb of the lexicon.
type verb struct {
	lemma string
	// particle must follow the verb ("out" in "point out"); "" for none.
	particle string
	// afterOnly verbs attribute only right after a quotation ("…,"
	// Trump went on), being too common otherwise.
	afterOnly bool
	// irregular is set on the forms listed in the file ("said",
	// "wrote"): no noun has them, so they count whatever the tagger says.
	irregular bool
}

// lexicon holds the word lists the extractor reads speakers with.
type lexicon struct {
	// verbs maps every lower-case form of a speech verb ("said", "tells")
	// to the verb.
	verbs map[string]verb
	// gender maps lower-case first names, titles and role nouns to the
	// gender they imply.
	gender map[string]gender
}

var defaultLexicon = sync.OnceValues(func() (*lexicon, error) {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		return nil, err
	}
	return loadLexicon(sub)
})

// loadLexicon reads speech_verbs.txt and gender.txt from fsys. It checks
// every line and returns all errors joined, each a [*LineError].
func loadLexicon(fsys fs.FS) (*lexicon, error) {
	lx := &lexicon{verbs: map[string]verb{}, gender: map[string]gender{}}
	var errs []error
	vb, err := fs.ReadFile(fsys, verbsFile)
	if err != nil {
		errs = append(errs, fmt.Errorf("quotes: %w", err))
	} else {
		errs = append(errs, lx.parseVerbs(vb)...)
	}
	gb, err := fs.ReadFile(fsys, genderFile)
	if err != nil {
		errs = append(errs, fmt.Errorf("quotes: %w", err))
	} else {
		errs = append(errs, lx.parseGender(gb)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return lx, nil
}

// lines calls f with each non-blank, non-comment line of data and its
// 1-based number; f's errors are collected as [*LineError]s of file.
func lines(file string, data []byte, f func(line string) error) []error {
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			errs = append(errs, &LineError{File: file, Line: n, Err: fmt.Errorf("%w: invalid UTF-8", ErrSyntax)})
			continue
		}
		if err := f(line); err != nil {
			errs = append(errs, &LineError{File: file, Line: n, Err: err})
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("quotes: %s: %w", file, err))
	}
	return errs
}

// parseVerbs reads lines "LEMMA [PARTICLE] [: FORM ...]".
func (lx *lexicon) parseVerbs(data []byte) []error {
	return lines(verbsFile, data, func(line string) error {
		line, flag, hasFlag := strings.Cut(line, "|")
		if hasFlag && strings.TrimSpace(flag) != "after" {
			return fmt.Errorf("%w: unknown flag %q, want \"after\"", ErrSyntax, strings.TrimSpace(flag))
		}
		head, extra, _ := strings.Cut(line, ":")
		words := strings.Fields(strings.ToLower(head))
		if len(words) == 0 || len(words) > 2 {
			return fmt.Errorf("%w: want a verb and at most one particle before ':', got %q", ErrSyntax, head)
		}
		v := verb{lemma: words[0], afterOnly: hasFlag}
		if len(words) == 2 {
			v.particle = words[1]
		}
		listed := strings.Fields(strings.ToLower(extra))
		for _, f := range append(inflections(v.lemma), listed...) {
			if !isWord(f) {
				return fmt.Errorf("%w: %q is not a word", ErrSyntax, f)
			}
			if _, dup := lx.verbs[f]; !dup {
				lx.verbs[f] = v
			}
		}
		for _, f := range listed {
			if w := lx.verbs[f]; w.lemma == v.lemma && w.particle == v.particle {
				w.irregular = true
				lx.verbs[f] = w
			}
		}
		return nil
	})
}

// parseGender reads lines "m WORD" or "f WORD".
func (lx *lexicon) parseGender(data []byte) []error {
	return lines(genderFile, data, func(line string) error {
		f := strings.Fields(line)
		if len(f) != 2 {
			return fmt.Errorf("%w: want \"m WORD\" or \"f WORD\", got %q", ErrSyntax, line)
		}
		var g gender
		switch f[0] {
		case "m":
			g = male
		case "f":
			g = female
		default:
			return fmt.Errorf("%w: gender %q is neither m nor f", ErrSyntax, f[0])
		}
		w := strings.TrimSuffix(strings.ToLower(f[1]), ".")
		if w == "" {
			return fmt.Errorf("%w: empty word", ErrSyntax)
		}
		if old, ok := lx.gender[w]; ok && old != g {
			return fmt.Errorf("%w: %q listed as both m and f", ErrSyntax, w)
		}
		lx.gender[w] = g
		return nil
	})
}

// isWord reports whether s is letters, apostrophes and hyphens only.
func isWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '\'' && r != '-' && !isLetter(r) {
			return false
		}
	}
	return true
}

// inflections returns the base form of a regular verb and its -s, -ed and
// -ing forms. Irregular and doubled forms are listed in the file.
func inflections(v string) []string {
	out := []string{v}
	n := len(v)
	if n == 0 {
		return out
	}
	last := v[n-1]
	consonantY := last == 'y' && n > 1 && !strings.ContainsRune("aeiou", rune(v[n-2]))
	switch {
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") ||
		strings.HasSuffix(v, "x") || strings.HasSuffix(v, "z") || strings.HasSuffix(v, "o"):
		out = append(out, v+"es")
	case consonantY:
		out = append(out, v[:n-1]+"ies")
	default:
		out = append(out, v+"s")
	}
	switch {
	case last == 'e':
		out = append(out, v+"d")
	case consonantY:
		out = append(out, v[:n-1]+"ied")
	default:
		out = append(out, v+"ed")
	}
	switch {
	case strings.HasSuffix(v, "ie"):
		out = append(out, v[:n-2]+"ying")
	case last == 'e' && !strings.HasSuffix(v, "ee"):
		out = append(out, v[:n-1]+"ing")
	default:
		out = append(out, v+"ing")
	}
	return out
}
