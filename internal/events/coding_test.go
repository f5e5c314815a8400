package events_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/events"
	"worldmedia/internal/nlp"
	"worldmedia/internal/pipeline"
)

// analysis is the real pipeline up to the coder: nlp, actors, events.
var analysis = sync.OnceValues(func() (*pipeline.Pipeline, error) {
	ann, err := nlp.NewAnnotator(nil, nil)
	if err != nil {
		return nil, err
	}
	d, err := actors.Default()
	if err != nil {
		return nil, err
	}
	c, err := events.New(nil, events.DefaultConfig(), nil)
	if err != nil {
		return nil, err
	}
	return pipeline.New(nil, ann, actors.New(d, nil), c), nil
})

type specCase struct {
	line     int
	date     string
	sentence string
	want     []string // "SRC CODE TGT [DATE] [reported]"
	not      []string // code prefixes that must not be coded
	none     bool
	only     bool // nothing is coded but the wanted events
}

func readSpecs(t *testing.T, path string) []specCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []specCase
	date := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "date:"):
			date = strings.TrimSpace(strings.TrimPrefix(line, "date:"))
		case strings.HasPrefix(line, ">"):
			cases = append(cases, specCase{line: n, date: date, sentence: strings.TrimSpace(line[1:])})
		case len(cases) == 0:
			t.Fatalf("%s:%d: expectation before any sentence", path, n)
		case line == "none":
			cases[len(cases)-1].none = true
		case line == "only":
			cases[len(cases)-1].only = true
		case strings.HasPrefix(line, "not "):
			if len(strings.Fields(line)) != 2 {
				t.Fatalf("%s:%d: want \"not CODE\"", path, n)
			}
			cases[len(cases)-1].not = append(cases[len(cases)-1].not, strings.TrimSpace(line[4:]))
		default:
			if len(strings.Fields(line)) < 3 {
				t.Fatalf("%s:%d: want \"SRC CODE TGT [DATE] [reported]\"", path, n)
			}
			cases[len(cases)-1].want = append(cases[len(cases)-1].want, line)
		}
	}
	return cases
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// satisfies reports whether ev meets the expectation "SRC CODE TGT [DATE]
// [reported]": CODE is a prefix of the event's code.
func satisfies(ev article.Event, want string) bool {
	f := strings.Fields(want)
	if orDash(ev.Source) != f[0] || !strings.HasPrefix(ev.Code, f[1]) || orDash(ev.Target) != f[2] {
		return false
	}
	for _, x := range f[3:] {
		switch x {
		case "reported":
			if !ev.Reported {
				return false
			}
		default:
			if ev.Date != x {
				return false
			}
		}
	}
	return true
}

func TestCodingSpecs(t *testing.T) {
	p, err := analysis()
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "coding", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no spec files in testdata/coding")
	}
	for _, file := range files {
		for _, c := range readSpecs(t, file) {
			name := fmt.Sprintf("%s:%d", filepath.Base(file), c.line)
			t.Run(name, func(t *testing.T) {
				a := &article.Article{ID: name, Text: c.sentence}
				if c.date != "" {
					d, err := article.ParseDate(c.date)
					if err != nil {
						t.Fatal(err)
					}
					a.Date = d
				}
				if err := p.Process(t.Context(), a); err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, ev := range a.Events {
					got = append(got, fmt.Sprintf("%s %s %s %s reported=%v", orDash(ev.Source), ev.Code, orDash(ev.Target), ev.Date, ev.Reported))
				}
				for _, w := range c.want {
					found := false
					for _, ev := range a.Events {
						found = found || satisfies(ev, w)
					}
					if !found {
						t.Errorf("%s\n  missing %q\n  coded: %q", c.sentence, w, got)
					}
				}
				for _, n := range c.not {
					for _, ev := range a.Events {
						if strings.HasPrefix(ev.Code, n) {
							t.Errorf("%s\n  coded %s, want no %s event", c.sentence, ev.Code, n)
						}
					}
				}
				for _, ev := range a.Events {
					ok := !c.only
					for _, w := range c.want {
						ok = ok || satisfies(ev, w)
					}
					if !ok {
						t.Errorf("%s\n  coded %s %s %s, want only %q", c.sentence, orDash(ev.Source), ev.Code, orDash(ev.Target), c.want)
					}
				}
				if c.only && len(a.Events) > len(c.want) {
					t.Errorf("%s\n  coded %d events, want only %d: %q", c.sentence, len(a.Events), len(c.want), got)
				}
				if c.none && len(a.Events) > 0 {
					t.Errorf("%s\n  want no event, coded %q", c.sentence, got)
				}
			})
		}
	}
}
