package gdelt

import "unicode/utf8"

// OffsetUnit is the unit of the character offsets written into GKG fields.
type OffsetUnit uint8

const (
	// RuneOffsets counts Unicode code points from the start of the text, as
	// GDELT's "character offsets" do. It is the default.
	RuneOffsets OffsetUnit = iota
	// ByteOffsets writes the UTF-8 byte offsets of [article.Span] unchanged.
	ByteOffsets
)

// String returns "rune" or "byte".
func (u OffsetUnit) String() string {
	switch u {
	case RuneOffsets:
		return "rune"
	case ByteOffsets:
		return "byte"
	}
	return "OffsetUnit(" + itoa(int64(u)) + ")"
}

// offsets converts byte offsets into a text to the chosen unit.
type offsets struct {
	unit OffsetUnit
	// runes[i] is the number of runes before byte i; nil when the text is
	// ASCII or the unit is bytes, where the conversion is the identity.
	runes []int32
	n     int
}

func newOffsets(text string, unit OffsetUnit) offsets {
	o := offsets{unit: unit, n: len(text)}
	if unit != RuneOffsets {
		return o
	}
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return o
	}
	o.runes = make([]int32, len(text)+1)
	var r int32
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for k := range size {
			o.runes[i+k] = r
		}
		i += size
		r++
	}
	o.runes[len(text)] = r
	return o
}

// at converts the byte offset b; in rune units it is clamped into the text.
func (o offsets) at(b int) int {
	if o.runes == nil {
		return b
	}
	return int(o.runes[max(0, min(b, o.n))])
}
