package events_test

import (
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/events"
)

func TestLexiconCodes(t *testing.T) {
	lex, err := events.DefaultLexicon()
	if err != nil {
		t.Fatal(err)
	}
	codes := lex.Codes()

	b, err := os.ReadFile("data/codes.tsv")
	if err != nil {
		t.Fatal(err)
	}
	rows := 0
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || i == 0 && strings.HasPrefix(line, "code") {
			continue
		}
		rows++
	}
	if len(codes) != rows {
		t.Errorf("Codes() has %d codes, codes.tsv %d rows", len(codes), rows)
	}
	if !slices.IsSortedFunc(codes, func(a, b events.CodeInfo) int { return strings.Compare(a.Code, b.Code) }) {
		t.Error("Codes() is not ordered by code")
	}
	i := slices.IndexFunc(codes, func(c events.CodeInfo) bool { return c.Code == "190" })
	if i < 0 {
		t.Fatal("Codes() lacks 190")
	}
	want := events.CodeInfo{Code: "190", Root: "19", Quad: 4, Goldstein: -10, Name: "Use conventional military force, not specified below"}
	if diff := cmp.Diff(want, codes[i]); diff != "" {
		t.Errorf("code 190 (-want +got):\n%s", diff)
	}
}

// TestLexiconErrors checks that a malformed lexicon is refused with the
// file and line of each error.
func TestLexiconErrors(t *testing.T) {
	codes := "code\troot\tquad\tgoldstein\tname\n070\t07\t2\t7.0\tProvide aid\n072\t07\t2\t8.3\tProvide military aid\n"
	for _, tc := range []struct {
		name, verbs, want string
	}{
		{"unknown code", "099 = frobnicate\n", "verbs/a.txt:1"},
		{"converse without source", "070 = aid\n072< = receive * weapon\n", "verbs/a.txt:2"},
		{"no equals sign", "070 aid\n", "verbs/a.txt:1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"codes.tsv":   {Data: []byte(codes)},
				"verbs/a.txt": {Data: []byte(tc.verbs)},
			}
			_, err := events.LoadLexicon(fsys)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("LoadLexicon: %v, want an error at %s", err, tc.want)
			}
		})
	}
	fsys := fstest.MapFS{
		"codes.tsv":   {Data: []byte(codes)},
		"verbs/a.txt": {Data: []byte("070 = aid\n072< = receive * weapon from +\n")},
	}
	if _, err := events.LoadLexicon(fsys); err != nil {
		t.Errorf("a converse pattern with its source: %v", err)
	}
}
