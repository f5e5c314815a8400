package tone_test

import (
	"errors"
	"testing"
	"testing/fstest"

	"worldmedia/internal/tone"
)

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want error
		line int
	}{
		{"word before a section", "good\n[positive]\nnice\n", tone.ErrNoSection, 1},
		{"unknown section", "[positive]\ngood\n[neutral]\nfine\n", tone.ErrUnknownSection, 3},
		{"unclosed header", "[positive\ngood\n", tone.ErrSyntax, 1},
		{"upper case", "[positive]\nGood\n", tone.ErrSyntax, 2},
		{"punctuation", "[positive]\ngo.od\n", tone.ErrSyntax, 2},
		{"invalid UTF-8", "[positive]\ngo\xffod\n", tone.ErrSyntax, 2},
		{"twice in a section", "[negative]\nbad\nworse bad\n", tone.ErrDuplicate, 3},
		{"positive and negative", "[positive]\nsick\n[negative]\nsick\n", tone.ErrDuplicate, 4},
		{"negator and negative", "[negative]\nno\n[negator]\nno\n", tone.ErrDuplicate, 4},
		{"no sentiment words", "[negator]\nnot\n", tone.ErrEmpty, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tone.Parse("x.txt", []byte(tt.data))
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse = %v, want %v", err, tt.want)
			}
			var le *tone.LineError
			if !errors.As(err, &le) || le.Line != tt.line || le.File != "x.txt" {
				t.Errorf("Parse = %v, want a *LineError on x.txt line %d", err, tt.line)
			}
		})
	}
}

func TestParseAllowed(t *testing.T) {
	// A sentiment word may also be inactive ("hate") and words may carry
	// inner hyphens and apostrophes.
	data := "# comment\n[negative]\nhate war-torn # trailing comment\n[inactive]\nhate\n[negator]\nn't\n"
	lex, err := tone.Parse("x.txt", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if p, n := lex.Size(); p != 0 || n != 2 {
		t.Errorf("Size = %d, %d; want 0, 2", p, n)
	}
}

func TestLoad(t *testing.T) {
	if _, err := tone.Load(fstest.MapFS{}); err == nil {
		t.Error("Load of an empty FS: no error")
	}
	lex, err := tone.Load(fstest.MapFS{"lexicon.txt": {Data: []byte(small)}})
	if err != nil {
		t.Fatal(err)
	}
	if p, n := lex.Size(); p != 4 || n != 6 {
		t.Errorf("Size = %d, %d; want 4, 6", p, n)
	}
}

// TestDefault checks that the embedded lexicon loads and is the size the
// package documents.
func TestDefault(t *testing.T) {
	lex, err := tone.Default()
	if err != nil {
		t.Fatal(err)
	}
	p, n := lex.Size()
	if p < 900 || n < 1300 {
		t.Errorf("embedded lexicon has %d positive and %d negative words; want at least 900 and 1300", p, n)
	}
}
