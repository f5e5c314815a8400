package nlp_test

import (
	"strings"
	"testing"
)

func TestTag(t *testing.T) {
	m := defaultModels(t)
	tests := []struct {
		name     string
		sentence string // words separated by spaces
		word     int
		want     string
	}{
		{"city", "He flew to Moscow .", 3, "NNP"},
		{"past tense", "Lavrov said .", 1, "VBD"},
		{"possessive", "Russia 's foreign minister arrived .", 1, "POS"},
		{"curly possessive", "Russia ’s foreign minister arrived .", 1, "POS"},
		{"curly negation", "They do n’t agree .", 2, "RB"},
		{"opening curly quote", "“ We will fight , ” he said .", 0, `"`},
		{"closing curly quote", "“ We will fight , ” he said .", 5, `"`},
		{"PTB quote", "`` We will fight , '' he said .", 0, `"`},
		{"em dash", "The talks — held in Geneva — ended .", 2, ":"},
		{"number", "Police said 1,234 people were arrested .", 2, "CD"},
		{"year", "The war began in 2022 .", 4, "CD"},
		{"hyphenated adjective", "It was a long-term deal .", 3, "JJ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := strings.Fields(tt.sentence)
			tags := make([]string, len(words))
			m.POS.Tag(words, tags)
			if tags[tt.word] != tt.want {
				t.Errorf("%q tagged %s, want %s (all: %v)", words[tt.word], tags[tt.word], tt.want, tags)
			}
		})
	}
}

func TestTagLengths(t *testing.T) {
	m := defaultModels(t)
	m.POS.Tag(nil, nil)
	words := []string{"Prices", "rose", "."}
	short := make([]string, 2)
	m.POS.Tag(words, short) // tags only what fits
	if short[0] == "" || short[1] == "" {
		t.Errorf("tags = %q", short)
	}
	long := make([]string, 5)
	m.POS.Tag(words, long)
	if long[2] != "." || long[3] != "" {
		t.Errorf("tags = %q", long)
	}
}
