package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

type codedArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Date      string `json:"date"`
	Text      string `json:"text"`
	Sentences []struct {
		Span [2]int `json:"span"`
	} `json:"sentences"`
	Events []struct {
		Source   string `json:"source"`
		Target   string `json:"target"`
		Code     string `json:"code"`
		Root     string `json:"root"`
		Quad     int    `json:"quad"`
		Date     string `json:"date"`
		Sentence int    `json:"sentence"`
		Reported bool   `json:"reported"`
		VerbSpan [2]int `json:"verb_span"`
	} `json:"events"`
	Persons []struct {
		Name     string   `json:"name"`
		Code     string   `json:"code"`
		Mentions [][2]int `json:"mentions"`
	} `json:"persons"`
}

func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var out, errb bytes.Buffer
	status = run(t.Context(), env{strings.NewReader(stdin), &out, &errb}, args)
	return out.String(), errb.String(), status
}

func decodeLines(t *testing.T, s string) []codedArticle {
	t.Helper()
	var as []codedArticle
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		if line == "" {
			continue
		}
		var a codedArticle
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("output line is not JSON: %v\n%s", err, line)
		}
		as = append(as, a)
	}
	return as
}

// TestCodeSeed is the foundation's acceptance test on the seed article.
func TestCodeSeed(t *testing.T) {
	out, stderr, status := runCLI(t, "", "code", "--date", "2017-04-13", "--format", "jsonl",
		filepath.Join("..", "..", "testdata", "us-russia-all-time-low.txt"))
	if status != exitOK {
		t.Fatalf("status %d, stderr:\n%s", status, stderr)
	}
	as := decodeLines(t, out)
	if len(as) != 1 {
		t.Fatalf("got %d articles, want 1", len(as))
	}
	a := as[0]
	const title = "Trump declares US-Russia relations may be at 'all-time low'"
	if a.Source != "World Media" || a.Title != title || a.Date != "2017-04-13" {
		t.Errorf("metadata: source %q, title %q, date %q", a.Source, a.Title, a.Date)
	}
	if strings.Contains(a.Text, title) || strings.Contains(a.Text, "World Media") {
		t.Errorf("site name or title left in the body")
	}
	if !strings.HasPrefix(a.Text, "U.S. Secretary of State Rex Tillerson") {
		t.Errorf("body starts %q", a.Text[:min(60, len(a.Text))])
	}
	var sents []string
	for _, s := range a.Sentences {
		st := a.Text[s.Span[0]:s.Span[1]]
		sents = append(sents, st)
		if strings.HasSuffix(st, "U.S.") {
			next := strings.TrimLeft(a.Text[s.Span[1]:], " ")
			if next != "" && !strings.HasPrefix(next, "\"") && !strings.HasPrefix(next, "\n") {
				t.Errorf("sentence split after U.S. before %q", next[:min(20, len(next))])
			}
		}
	}
	for _, want := range []string{
		`"Unbiased experts have to be dispatched to the place where chemical weapons were used", said Russian foreign minister Sergey Lavrov in translation.`,
		`Neither Syria nor Russian Federation used their air defense assets to try to fend off last week's USA attack on the Shayrat air base, which Washington said had served as a platform for the chemical attack.`,
	} {
		if !slices.Contains(sents, want) {
			t.Errorf("sentence missing or split wrong: %q", want)
		}
	}

	persons := map[string]int{}
	for _, p := range a.Persons {
		persons[p.Name] += len(p.Mentions)
		for _, m := range p.Mentions {
			if m[0] < 0 || m[1] > len(a.Text) || m[0] >= m[1] {
				t.Errorf("%s: mention %v out of bounds", p.Name, m)
			}
		}
	}
	var names []string
	for _, p := range a.Persons {
		names = append(names, p.Name)
	}
	for _, want := range []string{"Donald Trump", "Rex Tillerson", "Sergey Lavrov", "Bashar al-Assad",
		"Nikki Haley", "Vladimir Putin", "Mohammad Javad Zarif"} {
		n := 0
		for _, got := range names {
			if got == want {
				n++
			}
		}
		if n != 1 {
			t.Errorf("person %q listed %d times, want once; persons: %q", want, n, names)
		}
	}
	// Every mention of Trump, however written, is on the one entry.
	if got, want := persons["Donald Trump"], strings.Count(a.Text, "Trump"); got != want {
		t.Errorf("Donald Trump has %d mentions, the text names him %d times", got, want)
	}
	if got, want := persons["Bashar al-Assad"], strings.Count(a.Text, "Assad"); got != want {
		t.Errorf("Bashar al-Assad has %d mentions, the text names him %d times", got, want)
	}

	// The events EXPECTED.md marks MUST: each a sentence (by a phrase in
	// it), a source, a root and a target prefix.
	sentenceOf := func(phrase string) int {
		for i, s := range sents {
			if strings.Contains(s, phrase) {
				return i
			}
		}
		t.Fatalf("no sentence contains %q", phrase)
		return -1
	}
	for _, want := range []struct{ phrase, source, root, target string }{
		{"relations with Moscow are at", "USAGOV", "01", "RUS"},
		{"launch a retaliatory missile strike", "USAGOV", "19", "SYR"},
		{"Russian Federation blocked a motion", "RUS", "12", "IGOUNO"},
		{"you are isolating yourselves", "USAGOV", "11", "RUS"},
		{"We may be at an all-time low", "USAGOV", "01", "RUS"},
		{"Lavrov doubled down", "RUSGOV", "05", "SYRGOV"},
	} {
		si, found := sentenceOf(want.phrase), false
		for _, ev := range a.Events {
			found = found || ev.Sentence == si && ev.Source == want.source && ev.Root == want.root && strings.HasPrefix(ev.Target, want.target)
		}
		if !found {
			t.Errorf("no event %s %s %s… in %q", want.source, want.root, want.target, sents[si])
		}
	}
	neither := sentenceOf("Neither Syria nor Russian Federation")
	annex := sentenceOf("2014 annexation")
	for _, ev := range a.Events {
		if ev.Sentence == neither && ev.Quad == 4 && (strings.HasPrefix(ev.Source, "SYR") || strings.HasPrefix(ev.Source, "RUS")) {
			t.Errorf("negated use of force coded: %+v", ev)
		}
		if ev.Sentence == annex && ev.Root == "19" {
			t.Errorf("the 2014 annexation coded as a new event: %+v", ev)
		}
		if ev.Date != "2017-04-12" && ev.Date != "2017-04-13" && ev.Date != "2017-04-06" {
			t.Errorf("event dated %s, outside the week of the story: %+v", ev.Date, ev)
		}
	}
}

func TestCodeBadInputsBatchGoesOn(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	os.WriteFile(good, []byte("Russia and China signed a trade agreement in Beijing on Monday.\n"), 0o644)
	empty := filepath.Join(dir, "empty.txt")
	os.WriteFile(empty, nil, 0o644)
	binary := filepath.Join(dir, "blob.txt")
	os.WriteFile(binary, []byte{0x7f, 'E', 'L', 'F', 0, 0, 0, 1, 2, 3, 0, 0}, 0o644)
	missing := filepath.Join(dir, "missing.txt")

	out, stderr, status := runCLI(t, "", "code", "--format", "jsonl", empty, good, binary, missing)
	if status != exitFailed {
		t.Errorf("status %d, want %d (some inputs failed)", status, exitFailed)
	}
	if as := decodeLines(t, out); len(as) != 1 || !strings.HasPrefix(as[0].Text, "Russia and China") {
		t.Errorf("the good input was not analysed: %q", out)
	}
	for _, name := range []string{empty, binary, missing} {
		if !strings.Contains(stderr, name) {
			t.Errorf("stderr does not name %s:\n%s", name, stderr)
		}
	}
}

func TestCodeJSONLStdin(t *testing.T) {
	in := `{"id": "x1", "date": "2017-04-13", "text": "Lavrov met Tillerson in Moscow."}
not json
{"id": "x2", "text": "Putin said nothing."}
`
	out, stderr, status := runCLI(t, in, "code", "--format", "json", "-")
	if status != exitFailed {
		t.Errorf("status %d, want %d for the malformed line", status, exitFailed)
	}
	if !strings.Contains(stderr, ":2") {
		t.Errorf("stderr does not name line 2:\n%s", stderr)
	}
	var as []codedArticle
	if err := json.Unmarshal([]byte(out), &as); err != nil {
		t.Fatalf("--format json is not a JSON array: %v\n%s", err, out)
	}
	var ids []string
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	if d := cmp.Diff([]string{"x1", "x2"}, ids); d != "" {
		t.Errorf("ids (-want +got):\n%s", d)
	}
}

func TestCodeUsage(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		status int
	}{
		{"no input", []string{"code"}, exitUsage},
		{"bad format", []string{"code", "--format", "xml", "x.txt"}, exitUsage},
		{"bad date", []string{"code", "--date", "yesterday", "x.txt"}, exitUsage},
		{"help", []string{"code", "--help"}, exitOK},
		{"unknown command", []string{"frobnicate"}, exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, _, st := runCLI(t, "", tt.args...); st != tt.status {
				t.Errorf("status %d, want %d", st, tt.status)
			}
		})
	}
}

func TestCodeGDELTFormats(t *testing.T) {
	seed := filepath.Join("..", "..", "testdata", "us-russia-all-time-low.txt")
	for _, tt := range []struct {
		format  string
		columns int
		min     int // rows at least
	}{
		{"gkg", 27, 1},
		{"events", 61, 5},
	} {
		t.Run(tt.format, func(t *testing.T) {
			out, stderr, status := runCLI(t, "", "code", "--date", "2017-04-13", "--format", tt.format, seed)
			if status != exitOK {
				t.Fatalf("status %d: %s", status, stderr)
			}
			rows := strings.Split(strings.TrimRight(out, "\n"), "\n")
			if len(rows) < tt.min {
				t.Fatalf("%d rows, want at least %d", len(rows), tt.min)
			}
			for i, r := range rows {
				if n := len(strings.Split(r, "\t")); n != tt.columns {
					t.Errorf("row %d has %d columns, want %d", i+1, n, tt.columns)
				}
			}
		})
	}
}
