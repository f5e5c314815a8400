package events_test

import (
	"os"
	"slices"
	"strings"
	"testing"

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
