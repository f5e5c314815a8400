package counts

import (
	"math"
	"strings"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// number is a number phrase of a sentence: "89", "more than 1,000",
// "2.5 million", "twenty-five", "dozens of", "tens of thousands of".
type number struct {
	first, last int // tokens of the whole phrase, modifier and "of" included
	core        int // the first token of the number itself, after any modifier
	value       int64
	year        bool // a bare four-digit number that reads as a year ("2014")
	used        bool // already part of a count or an amount
}

// maxValue bounds the numbers read: larger ones are no counts of people or
// money but noise ("10^20"), and they would overflow int64 when multiplied.
const maxValue = 1e15

// units, tens and scales are the number words. Hyphenated compounds
// ("twenty-five") are split at the hyphen.
var (
	units = map[string]float64{
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
		"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
		"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
		"nineteen": 19,
	}
	tens = map[string]float64{
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
		"seventy": 70, "eighty": 80, "ninety": 90,
	}
	scales = map[string]float64{
		"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
		"lakh": 1e5, "crore": 1e7,
		// Abbreviations written apart from the digits ("5 m", "2.5 bn").
		"m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "tn": 1e12, "trn": 1e12,
	}
	// vague are plural quantities without a number. Each is read as the
	// least value its plural allows: "dozens" two dozen, "hundreds" two
	// hundred. GDELT also records vague quantities as numbers; choosing
	// the floor keeps the figure a lower bound and sums conservative.
	vague = map[string]float64{
		"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
		"millions": 2e6, "billions": 2e9, "tens": 20,
	}
	// vagueScale are the plurals that may follow "tens of" or "hundreds
	// of", multiplying it: "tens of thousands" is 20 × 1,000.
	vagueScale = map[string]float64{"thousands": 1e3, "millions": 1e6, "billions": 1e9}
	// suffixes are the scales written onto digits: "4.5bn", "20m", "300k".
	suffixes = []struct {
		s string
		v float64
	}{{"bn", 1e9}, {"mn", 1e6}, {"mln", 1e6}, {"trn", 1e12}, {"tn", 1e12}, {"m", 1e6}, {"b", 1e9}, {"k", 1e3}}
	// modifiers come before a number and qualify it; they belong to the
	// count phrase, not to its value ("more than 1,000" is 1,000).
	modifiers = [][]string{
		{"more", "than"}, {"at", "least"}, {"as", "many", "as"}, {"up", "to"},
		{"fewer", "than"}, {"less", "than"}, {"close", "to"}, {"at", "most"},
		{"in", "excess", "of"}, {"upwards", "of"}, {"an", "estimated"},
		{"just", "over"}, {"just", "under"}, {"well", "over"}, {"a", "further"},
		{"an", "additional"}, {"over"}, {"nearly"}, {"almost"}, {"about"}, {"around"},
		{"some"}, {"roughly"}, {"approximately"}, {"estimated"}, {"another"},
		{"only"}, {"just"}, {"under"}, {"below"}, {"above"}, {"exactly"}, {"fully"},
	}
)

// modifierIndex maps a modifier's first word to the modifiers it starts,
// longest first as listed.
var modifierIndex = func() map[string][][]string {
	idx := map[string][][]string{}
	for _, m := range modifiers {
		idx[m[0]] = append(idx[m[0]], m)
	}
	return idx
}()

// lower returns s in lower case, allocating only when s has upper-case
// letters.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
	}
	return s
}

// sent is the sentence being read: its tokens and their lower-case surface
// forms.
type sent struct {
	text  string
	toks  []article.Token
	words []string // lower-case surface forms
}

func (s *sent) word(i int) string {
	if i < 0 || i >= len(s.words) {
		return ""
	}
	return s.words[i]
}

func (s *sent) tag(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Tag
}

func (s *sent) lemma(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].Lemma
}

// seq reports whether the words from i on are ws.
func (s *sent) seq(i int, ws []string) bool {
	if i < 0 || i+len(ws) > len(s.words) {
		return false
	}
	for k, w := range ws {
		if s.words[i+k] != w {
			return false
		}
	}
	return true
}

// numbers finds the number phrases of the sentence, in order, leaving out
// percentages ("40 percent") and numbers that are part of a wider token
// ("10-year-old", "3-1").
func (s *sent) numbers(out []number) []number {
	for i := 0; i < len(s.toks); {
		n, ok := s.number(i)
		if !ok {
			i++
			continue
		}
		next := s.word(n.last + 1)
		if next == "%" || next == "percent" || next == "pc" || next == "percentage" ||
			next == "per" && s.word(n.last+2) == "cent" {
			i = n.last + 1
			continue
		}
		if n.core == n.last && isProper(s.tag(n.first-1)) && isProper(s.tag(n.last+1)) && symbols[s.word(n.first-1)] == "" {
			i = n.last + 1 // part of a name: "Fathers 4 Justice"
			continue
		}
		out = append(out, n)
		i = n.last + 1
	}
	return out
}

func isProper(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// number reads the number phrase starting at token i.
func (s *sent) number(i int) (number, bool) {
	n := number{first: i, core: i}
	for _, m := range modifierIndex[s.word(i)] {
		if s.seq(i, m) {
			n.core = i + len(m)
			break
		}
	}
	v, last, year, ok := s.core(n.core)
	if !ok && n.core != i {
		// The "modifier" was a word of its own ("about", "over").
		n.core = i
		v, last, year, ok = s.core(i)
	}
	if !ok || v <= 0 || v > maxValue {
		return number{}, false
	}
	n.last, n.year = last, year
	n.value = int64(math.Round(v))
	if n.value <= 0 {
		return number{}, false
	}
	return n, true
}

// core reads the number itself at token i: digits, number words, or a
// vague plural, with any scale words after it ("million") and the "of" of
// a vague quantity ("thousands of").
func (s *sent) core(i int) (v float64, last int, year, ok bool) {
	w := s.word(i)
	if w == "" {
		return 0, 0, false, false
	}
	switch {
	case w[0] >= '0' && w[0] <= '9':
		d, scale, ok := digits(w)
		if !ok {
			return 0, 0, false, false
		}
		v, last = d*scale, i
		year = scale == 1 && len(w) == 4 && d >= 1800 && d <= 2100
		for sc, ok := scales[s.word(last+1)]; ok && v*sc <= maxValue; sc, ok = scales[s.word(last+1)] {
			v *= sc
			last++
			year = false
		}
		return v, last, year, true
	case vague[w] > 0:
		if w == "scores" && s.word(i+1) != "of" {
			return 0, 0, false, false // test scores, not a quantity
		}
		v, last = vague[w], i
		if w == "tens" || w == "hundreds" {
			sc, ok := vagueScale[s.word(i+2)]
			switch {
			case s.word(i+1) == "of" && ok:
				v, last = v*sc, i+2
			case w == "tens":
				return 0, 0, false, false // "tens" alone is no quantity
			}
		}
		if s.word(last+1) == "of" {
			last++
		}
		return v, last, false, true
	case w == "several" || w == "a" && s.word(i+1) == "few":
		j := i + 1
		if w == "a" {
			j++
		}
		if s.word(j) == "dozen" {
			return 36, j, false, true
		}
		if sc, ok := scales[s.word(j)]; ok && sc >= 100 && len(s.word(j)) > 3 {
			return 3 * sc, j, false, true
		}
		return 0, 0, false, false
	}
	return s.spelled(i)
}

// spelled reads a number written in words: "twenty-five", "twenty five",
// "two hundred and fifty", "three million", "two dozen", "a dozen", "half
// a million".
func (s *sent) spelled(i int) (v float64, last int, year, ok bool) {
	w := s.word(i)
	if w != "a" && w != "an" && w != "half" {
		if _, ok := wordValue(w); !ok {
			return 0, 0, false, false
		}
	} else {
		k, mult := i+1, 1.0
		if w == "half" {
			if s.word(k) != "a" {
				return 0, 0, false, false
			}
			k, mult = k+1, 0.5
		}
		if s.word(k) == "dozen" {
			return 12 * mult, k, false, true
		}
		if w != "half" && s.word(k) == "quarter" && s.word(k+1) == "of" && s.word(k+2) == "a" {
			k, mult = k+3, 0.25 // "a quarter of a million"
		}
		if sc, ok := scales[s.word(k)]; ok && len(s.word(k)) > 3 { // "a million", not "a m"
			return sc * mult, k, false, true
		}
		return 0, 0, false, false
	}
	const (
		none = iota
		unit
		ten
		hundred
		scale
	)
	var total, cur float64
	prev := none
	last = -1
loop:
	for j := i; j < len(s.words); j++ {
		w := s.words[j]
		if x, ok := wordValue(w); ok {
			switch {
			case prev == unit, prev == ten && x >= 10:
				break loop // "five six" is two numbers
			}
			cur += x
			last, prev = j, unit
			if _, isTen := tens[w]; isTen {
				prev = ten
			}
			continue
		}
		switch sc, isSc := scales[w]; {
		case w == "and" && prev == hundred:
			if _, ok := wordValue(s.word(j + 1)); !ok {
				break loop
			}
		case w == "hundred" && (prev == unit || prev == ten) && cur < 100:
			cur *= 100
			last, prev = j, hundred
		case w == "dozen" && (prev == unit || prev == ten):
			cur *= 12
			last, prev = j, scale
		case isSc && len(w) > 3 && prev != none && prev != scale:
			total += cur * sc
			cur = 0
			last, prev = j, scale
		default:
			break loop
		}
	}
	if last < 0 {
		return 0, 0, false, false
	}
	return total + cur, last, false, true
}

// wordValue returns the value of a unit, ten or hyphenated compound
// ("twenty-five").
func wordValue(w string) (float64, bool) {
	if len(w) < 3 || w[0] < 'e' || w[0] > 't' {
		return 0, false // every unit and ten starts with a letter from e to t
	}
	if v, ok := units[w]; ok {
		return v, true
	}
	if v, ok := tens[w]; ok {
		return v, true
	}
	if t, u, ok := strings.Cut(w, "-"); ok {
		tv, ok1 := tens[t]
		uv, ok2 := units[u]
		if ok1 && ok2 && uv < 10 {
			return tv + uv, true
		}
	}
	return 0, false
}

// digits parses a number written in digits: "89", "1,000", "2.5",
// "4.5bn", "20m". Thousands separators must group by three. It returns the
// number and the scale of any suffix.
func digits(w string) (v, scale float64, ok bool) {
	scale = 1
	for _, suf := range suffixes {
		if rest, found := strings.CutSuffix(w, suf.s); found && rest != "" && rest[len(rest)-1] >= '0' && rest[len(rest)-1] <= '9' {
			w, scale = rest, suf.v
			break
		}
	}
	intPart, frac, hasFrac := strings.Cut(w, ".")
	if intPart == "" || hasFrac && frac == "" {
		return 0, 0, false
	}
	group := -1 // digits since the last comma; -1 before any comma
	for i := 0; i < len(intPart); i++ {
		c := intPart[i]
		switch {
		case c >= '0' && c <= '9':
			v = v*10 + float64(c-'0')
			if group >= 0 {
				group++
			}
		case c == ',' && i > 0 && (group < 0 && i <= 3 || group == 3):
			group = 0
		default:
			return 0, 0, false
		}
		if v > maxValue {
			return 0, 0, false
		}
	}
	if group >= 0 && group != 3 {
		return 0, 0, false
	}
	f := 0.1
	for i := 0; i < len(frac); i++ {
		c := frac[i]
		if c < '0' || c > '9' {
			return 0, 0, false
		}
		v += float64(c-'0') * f
		f /= 10
	}
	return v, scale, true
}
