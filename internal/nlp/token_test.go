package nlp_test

import (
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/nlp"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"blank", " \n\t\u00a0", nil},
		{"sentence", "Russia blocked the motion.", []string{"Russia", "blocked", "the", "motion", "."}},
		{"commas and colons", "Moscow, Kiev; and: Minsk!", []string{"Moscow", ",", "Kiev", ";", "and", ":", "Minsk", "!"}},
		{"question and exclamation", "Really?! Yes.", []string{"Really", "?", "!", "Yes", "."}},
		{"brackets", "(AP) [1] {x}", []string{"(", "AP", ")", "[", "1", "]", "{", "x", "}"}},

		// Abbreviations keep their period, even at the end of a sentence.
		{"country abbreviations", "U.S. U.N. U.K. E.U.", []string{"U.S.", "U.N.", "U.K.", "E.U."}},
		{"titles", "Mr. Gen. Sen. Dr. Mrs. Lt. Col. Prof. St. Gov. Rep.",
			[]string{"Mr.", "Gen.", "Sen.", "Dr.", "Mrs.", "Lt.", "Col.", "Prof.", "St.", "Gov.", "Rep."}},
		{"months and companies", "Jan. Feb. Sept. Inc. Corp. Ltd. Co.",
			[]string{"Jan.", "Feb.", "Sept.", "Inc.", "Corp.", "Ltd.", "Co."}},
		{"latin", "vs. etc. e.g. i.e. a.m. p.m. Ph.D.",
			[]string{"vs.", "etc.", "e.g.", "i.e.", "a.m.", "p.m.", "Ph.D."}},
		{"number abbreviation before a number", "No. 10 Downing Street", []string{"No.", "10", "Downing", "Street"}},
		{"no at the end of a sentence", "Russia said no. Then", []string{"Russia", "said", "no", ".", "Then"}},
		{"initials", "George W. Bush and J. K. Rowling", []string{"George", "W.", "Bush", "and", "J.", "K.", "Rowling"}},
		{"U.S. ending a sentence", "relations with the U.S.", []string{"relations", "with", "the", "U.S."}},
		{"U.S. before a quote", `the U.S. "We`, []string{"the", "U.S.", `"`, "We"}},
		{"abbreviation before a comma", "Apple Inc., Google", []string{"Apple", "Inc.", ",", "Google"}},
		{"US state", "Springfield, Ill. (AP)", []string{"Springfield", ",", "Ill.", "(", "AP", ")"}},
		{"ordinary word before a period", "attack. Moscow.", []string{"attack", ".", "Moscow", "."}},
		{"number before a period", "in 2017.", []string{"in", "2017", "."}},
		{"sentences run together", "the attack.The response", []string{"the", "attack", ".", "The", "response"}},
		{"stray period before a word", `".With its veto`, []string{`"`, ".", "With", "its", "veto"}},

		// Numbers.
		{"decimal", "3.5 percent", []string{"3.5", "percent"}},
		{"thousands", "1,400 people, 2,000,000", []string{"1,400", "people", ",", "2,000,000"}},
		{"currency", "$4.5bn £1,400 €20 US$5 HK$", []string{"$", "4.5bn", "£", "1,400", "€", "20", "US$", "5", "HK$"}},
		{"percent", "10% and 3.5%", []string{"10", "%", "and", "3.5", "%"}},
		{"leading decimal point", "rose .5 points", []string{"rose", ".5", "points"}},
		{"time", "at 10:30 GMT, 9.15am", []string{"at", "10:30", "GMT", ",", "9.15am"}},
		{"dates", "1996-08-30 12/04/2017 2016/17", []string{"1996-08-30", "12/04/2017", "2016/17"}},
		{"score", "won 6-4", []string{"won", "6-4"}},

		// Clitics.
		{"possessive", "Russia's support", []string{"Russia", "'s", "support"}},
		{"plural possessive", "the leaders' meeting", []string{"the", "leaders", "'", "meeting"}},
		{"negation", "don't can't won't isn't DON'T", []string{"do", "n't", "ca", "n't", "wo", "n't", "is", "n't", "DO", "N'T"}},
		{"pronoun clitics", "we'll I'm they're we've he'd", []string{"we", "'ll", "I", "'m", "they", "'re", "we", "'ve", "he", "'d"}},
		{"curly apostrophe", "Russia’s don’t we’ll", []string{"Russia", "’s", "do", "n’t", "we", "’ll"}},
		{"possessive after abbreviation", "the U.S.'s allies", []string{"the", "U.S.", "'s", "allies"}},
		{"apostrophe inside names", "O'Brien, Côte d'Ivoire, rock'n'roll", []string{"O'Brien", ",", "Côte", "d'Ivoire", ",", "rock'n'roll"}},
		{"decades", "the '90s and ’80s", []string{"the", "'90s", "and", "’80s"}},

		// Hyphens and dashes.
		{"hyphenated", "al-Assad pro-Russian 15-member all-time", []string{"al-Assad", "pro-Russian", "15-member", "all-time"}},
		{"hyphen after abbreviation", "U.S.-led coalition", []string{"U.S.-led", "coalition"}},
		{"em dash", "Moscow—and Kiev — too", []string{"Moscow", "—", "and", "Kiev", "—", "too"}},
		{"en dash", "2015–2016 – then", []string{"2015", "–", "2016", "–", "then"}},
		{"double hyphen", "Moscow--and -- Kiev", []string{"Moscow", "--", "and", "--", "Kiev"}},
		{"spaced hyphen", "Federation - you", []string{"Federation", "-", "you"}},

		// Quotes and ellipses.
		{"straight double quotes", `"No", Trump said.`, []string{`"`, "No", `"`, ",", "Trump", "said", "."}},
		{"curly double quotes", "“No,” he said.", []string{"“", "No", ",", "”", "he", "said", "."}},
		{"single quotes", "at 'all-time low'", []string{"at", "'", "all-time", "low", "'"}},
		{"curly single quotes", "‘all-time low’.", []string{"‘", "all-time", "low", "’", "."}},
		{"quote after period", `said "no."`, []string{"said", `"`, "no", ".", `"`}},
		{"latex quotes", "``Yes,'' he said", []string{"``", "Yes", ",", "''", "he", "said"}},
		{"ellipsis", "wait...what... and… so", []string{"wait", "...", "what", "...", "and", "…", "so"}},

		// Web.
		{"url", "See https://www.bbc.co.uk/news/world-123.", []string{"See", "https://www.bbc.co.uk/news/world-123", "."}},
		{"url with query", "(http://example.com/a?b=1&c=%20)", []string{"(", "http://example.com/a?b=1&c=%20", ")"}},
		{"url with parentheses", "www.example.org/wiki/A_(b)", []string{"www.example.org/wiki/A_(b)"}},
		{"bare domain", "bbc.co.uk.", []string{"bbc.co.uk", "."}},
		{"email", "Write to derivatives@reuters.com.", []string{"Write", "to", "derivatives@reuters.com", "."}},
		{"hashtag and handle", "#MeToo @realDonaldTrump: hi", []string{"#MeToo", "@realDonaldTrump", ":", "hi"}},
		{"ampersand", "AT&T and Q&A & more", []string{"AT&T", "and", "Q&A", "&", "more"}},

		// White space and encoding.
		{"unicode spaces", "a\u00a0b\u2009c\u200bd\u3000e", []string{"a", "b", "c", "d", "e"}},
		{"accents", "Élysée São Paulo Zürich", []string{"Élysée", "São", "Paulo", "Zürich"}},
		{"cyrillic", "Сергей Лавров.", []string{"Сергей", "Лавров", "."}},
		{"invalid utf-8", "ab\xffcd \xe2\x80 x", []string{"ab\xffcd", "\xe2\x80", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := nlp.Tokenize(tt.text)
			checkTokens(t, tt.text, article.Span{Start: 0, End: len(tt.text)}, toks)
			if diff := cmp.Diff(tt.want, tokenTexts(tt.text, toks)); diff != "" {
				t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestTokenizeSpans(t *testing.T) {
	text := "  Lavrov's \"offer\" — U.S. "
	want := []article.Token{
		{Span: article.Span{Start: 2, End: 8}},
		{Span: article.Span{Start: 8, End: 10}},
		{Span: article.Span{Start: 11, End: 12}},
		{Span: article.Span{Start: 12, End: 17}},
		{Span: article.Span{Start: 17, End: 18}},
		{Span: article.Span{Start: 19, End: 22}},
		{Span: article.Span{Start: 23, End: 27}},
	}
	if diff := cmp.Diff(want, nlp.Tokenize(text)); diff != "" {
		t.Errorf("Tokenize(%q) mismatch (-want +got):\n%s", text, diff)
	}
}

func tokenTexts(text string, toks []article.Token) []string {
	var out []string
	for _, tk := range toks {
		out = append(out, tk.Span.In(text))
	}
	return out
}

// checkTokens checks that toks lie within span of text, in order, without
// overlap, non-empty, free of white space and on rune boundaries.
func checkTokens(t *testing.T, text string, span article.Span, toks []article.Token) {
	t.Helper()
	bounds := runeBoundaries(text)
	prev := span.Start
	for i, tk := range toks {
		s := tk.Span
		if s.Start < prev || s.End <= s.Start || s.End > span.End {
			t.Fatalf("token %d span %v out of order or bounds (previous end %d, limit %v)", i, s, prev, span)
		}
		if !bounds[s.Start] || !bounds[s.End] {
			t.Fatalf("token %d span %v %q not on rune boundaries", i, s, text[s.Start:s.End])
		}
		for _, r := range text[s.Start:s.End] {
			if unicode.IsSpace(r) {
				t.Fatalf("token %d %q holds white space", i, text[s.Start:s.End])
			}
		}
		if tk.Tag != "" {
			t.Fatalf("token %d has tag %q", i, tk.Tag)
		}
		prev = s.End
	}
}

// runeBoundaries marks the offsets at which text's runes start, decoding as
// range does (an invalid byte is one rune), and its end.
func runeBoundaries(text string) []bool {
	b := make([]bool, len(text)+1)
	for i := range text {
		b[i] = true
	}
	b[len(text)] = true
	return b
}
