package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

	"worldmedia/internal/article"
)

// writer prints analysed articles in one of the output formats.
type writer struct {
	w      *bufio.Writer
	format string
	n      int
	next   int64 // the next GDELT event id (--format events)
}

func newWriter(format string, w io.Writer) (*writer, error) {
	switch format {
	case "json", "jsonl", "text", "gkg", "events":
		return &writer{w: bufio.NewWriter(w), format: format, next: 1}, nil
	}
	return nil, fmt.Errorf("-format %q: want json, jsonl, text, gkg or events", format)
}

func (o *writer) write(a *article.Article) error {
	defer func() { o.n++ }()
	switch o.format {
	case "jsonl":
		b, err := json.Marshal(a)
		if err != nil {
			return fmt.Errorf("encode article %s: %w", a.ID, err)
		}
		o.w.Write(b)
		o.w.WriteByte('\n')
	case "json":
		b, err := json.MarshalIndent(a, "  ", "  ")
		if err != nil {
			return fmt.Errorf("encode article %s: %w", a.ID, err)
		}
		if o.n == 0 {
			o.w.WriteString("[\n  ")
		} else {
			o.w.WriteString(",\n  ")
		}
		o.w.Write(b)
	case "text":
		writeText(o.w, a)
	case "gkg":
		if err := writeGKGRow(o.w, a); err != nil {
			return err
		}
	case "events":
		if err := writeEventRows(o.w, a, &o.next); err != nil {
			return err
		}
	}
	// Flush per article so a long batch shows its results as it goes.
	return o.w.Flush()
}

func (o *writer) close() error {
	if o.format == "json" {
		if o.n == 0 {
			o.w.WriteString("[")
		}
		o.w.WriteString("\n]\n")
	}
	return o.w.Flush()
}

// writeText prints a readable summary of a for a person.
func writeText(w *bufio.Writer, a *article.Article) {
	fmt.Fprintf(w, "== %s\n", a.ID)
	field := func(name, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-9s %s\n", name+":", v)
		}
	}
	field("title", a.Title)
	field("source", a.Source)
	field("date", a.DateString())
	field("url", a.URL)
	field("input", a.Input)
	fmt.Fprintf(w, "\nsentences (%d):\n", len(a.Sentences))
	for i, s := range a.Sentences {
		fmt.Fprintf(w, "%4d  %s\n", i, oneLine(s.Span.In(a.Text)))
	}
	entities := func(title string, es []article.Entity) {
		if len(es) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s (%d):\n", title, len(es))
		for _, e := range es {
			forms := map[string]bool{}
			var fs []string
			for _, m := range e.Mentions {
				f := m.In(a.Text)
				if !forms[f] {
					forms[f] = true
					fs = append(fs, f)
				}
			}
			code := e.Code
			if code == "" {
				code = "-"
			}
			fmt.Fprintf(w, "  %-28s %-9s %d mention(s): %s\n", e.Name, code, len(e.Mentions), strings.Join(fs, "; "))
		}
	}
	entities("persons", a.Persons)
	entities("organizations", a.Organizations)
	if len(a.Events) > 0 {
		fmt.Fprintf(w, "\nevents (%d):\n", len(a.Events))
		for _, ev := range a.Events {
			flags := ""
			if ev.Negated {
				flags += " negated"
			}
			if ev.Reported {
				flags += " reported"
			}
			fmt.Fprintf(w, "  s%-3d %-9s %-5s %-9s %5.1f q%d %s%s  «%s»\n", ev.Sentence, orDash(ev.Source), ev.Code,
				orDash(ev.Target), ev.Goldstein, ev.Quad, ev.Date, flags, ev.VerbSpan.In(a.Text))
		}
	}
	if len(a.Quotes) > 0 {
		fmt.Fprintf(w, "\nquotes (%d):\n", len(a.Quotes))
		for _, q := range a.Quotes {
			fmt.Fprintf(w, "  %-20s «%s»\n", orDash(q.Speaker), oneLine(q.Text))
		}
	}
	if len(a.Places) > 0 {
		fmt.Fprintf(w, "\nplaces (%d):\n", len(a.Places))
		for _, p := range a.Places {
			fmt.Fprintf(w, "  %-24s %s %8.3f %8.3f  %d mention(s)\n", p.Name, p.Country, p.Lat, p.Lon, len(p.Mentions))
		}
	}
	if len(a.Counts) > 0 {
		fmt.Fprintf(w, "\ncounts (%d):\n", len(a.Counts))
		for _, c := range a.Counts {
			fmt.Fprintf(w, "  %-6s %d %s %s\n", c.Kind, c.Number, c.Object, c.Place)
		}
	}
	if len(a.Themes) > 0 {
		var ts []string
		for _, t := range a.Themes {
			ts = append(ts, fmt.Sprintf("%s (%d)", t.Name, len(t.Mentions)))
		}
		fmt.Fprintf(w, "\nthemes: %s\n", strings.Join(ts, ", "))
	}
	if a.Tone != nil {
		fmt.Fprintf(w, "\ntone: %.2f (positive %.2f, negative %.2f, polarity %.2f)\n", a.Tone.Tone, a.Tone.Positive, a.Tone.Negative, a.Tone.Polarity)
	}
	w.WriteString("\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// lockedWriter serialises writes from several goroutines (the reader and
// the runner both report errors).
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
