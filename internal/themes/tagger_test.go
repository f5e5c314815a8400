package themes_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/testkit"
	"worldmedia/internal/themes"
)

// small is a taxonomy for the tests.
const small = `
# a comment
ARMEDCONFLICT = war | civil war | air strike ; events: 19
WMD_CHEMICAL = chemical weapon | gas attack
    ; events: 2041
SANCTIONS = sanction | asset freeze
TERROR = terror* | car bomb
GENDER = women's right
DIPLOMACY = ; events: 04
`

func smallTagger(t *testing.T, cfg themes.Config) *themes.Tagger {
	t.Helper()
	tax, err := themes.Parse("small.txt", []byte(small))
	if err != nil {
		t.Fatal(err)
	}
	g, err := themes.New(tax, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// texts gives each theme its mentions as text.
func texts(a *article.Article) map[string][]string {
	out := map[string][]string{}
	for _, th := range a.Themes {
		for _, m := range th.Mentions {
			out[th.Name] = append(out[th.Name], m.In(a.Text))
		}
	}
	return out
}

func TestTag(t *testing.T) {
	g := smallTagger(t, themes.DefaultConfig())
	tests := []struct {
		name   string
		text   string
		events []article.Event
		want   map[string][]string
	}{
		{
			name: "lemmas and case",
			text: "Sanctions were imposed. The EU SANCTIONED them.",
			want: map[string][]string{"SANCTIONS": {"Sanctions", "SANCTIONED"}},
		},
		{
			name: "phrase over plural",
			text: "Chemical weapons were used.",
			want: map[string][]string{"WMD_CHEMICAL": {"Chemical weapons"}},
		},
		{
			name: "a phrase inside a longer one counts once",
			text: "The civil war went on.",
			want: map[string][]string{"ARMEDCONFLICT": {"civil war"}},
		},
		{
			name: "prefix words",
			text: "Terrorists and terrorism; a car bomb.",
			want: map[string][]string{"TERROR": {"Terrorists", "terrorism", "car bomb"}},
		},
		{
			name: "possessive",
			text: "She spoke for women's rights.",
			want: map[string][]string{"GENDER": {"women's rights"}},
		},
		{
			name: "phrases need their words in a row",
			text: "An air base was hit by a strike.",
			want: map[string][]string{},
		},
		{
			name: "events by code prefix",
			text: "Syria gassed the town. The US bombed the base. Russia met Iran.",
			events: []article.Event{
				{Code: "2041", VerbSpan: article.Span{Start: 6, End: 12}},
				{Code: "195", VerbSpan: article.Span{Start: 30, End: 36}},
				{Code: "042", VerbSpan: article.Span{Start: 54, End: 57}},
				{Code: "190", Negated: true, VerbSpan: article.Span{Start: 54, End: 57}},
				{Code: "190", VerbSpan: article.Span{Start: 5, End: 900}}, // out of bounds: ignored
			},
			want: map[string][]string{
				"WMD_CHEMICAL":  {"gassed"},
				"ARMEDCONFLICT": {"bombed"},
				"DIPLOMACY":     {"met"},
			},
		},
		{
			name:   "keyword and event on one span",
			text:   "The war began.",
			events: []article.Event{{Code: "190", VerbSpan: article.Span{Start: 4, End: 7}}},
			want:   map[string][]string{"ARMEDCONFLICT": {"war"}},
		},
		{
			name: "empty",
			text: "",
			want: map[string][]string{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := testkit.Annotate(t, tt.text)
			a.Events = tt.events
			if err := g.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, texts(a)); diff != "" {
				t.Errorf("themes of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestOrder checks that themes come in the order of their first mention
// and mentions in text order.
func TestOrder(t *testing.T) {
	g := smallTagger(t, themes.DefaultConfig())
	a := testkit.Annotate(t, "Sanctions followed the war. More sanctions came, and war again.")
	if err := g.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, th := range a.Themes {
		for i := 1; i < len(th.Mentions); i++ {
			if th.Mentions[i].Start < th.Mentions[i-1].Start {
				t.Errorf("%s: mentions out of order: %v", th.Name, th.Mentions)
			}
		}
		got = append(got, th.Name)
	}
	if diff := cmp.Diff([]string{"SANCTIONS", "ARMEDCONFLICT"}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestConfig(t *testing.T) {
	text := "Sanctions and a war; more sanctions."
	events := []article.Event{{Code: "042", VerbSpan: article.Span{Start: 0, End: 9}}}
	for _, tt := range []struct {
		name string
		cfg  themes.Config
		want []string
	}{
		{"default, ties by name", themes.DefaultConfig(), []string{"DIPLOMACY", "SANCTIONS", "ARMEDCONFLICT"}},
		{"two mentions", themes.Config{MinMentions: 2, Events: true}, []string{"SANCTIONS"}},
		{"no events", themes.Config{MinMentions: 1}, []string{"SANCTIONS", "ARMEDCONFLICT"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			g := smallTagger(t, tt.cfg)
			a := testkit.Annotate(t, text)
			a.Events = events
			if err := g.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, th := range a.Themes {
				got = append(got, th.Name)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, err := themes.New(nil, themes.Config{}, nil); !errors.Is(err, themes.ErrConfig) {
		t.Errorf("New with MinMentions 0 = %v, want ErrConfig", err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		want error
		line int
	}{
		{"no equals", "WAR war\n", themes.ErrSyntax, 1},
		{"lower-case name", "war = war\n", themes.ErrBadName, 1},
		{"bad code", "WAR = war ; events: 1x9\n", themes.ErrBadCode, 1},
		{"long code", "WAR = war ; events: 19123\n", themes.ErrBadCode, 1},
		{"not events", "WAR = war ; codes: 19\n", themes.ErrSyntax, 1},
		{"empty phrase", "WAR = war || battle\n", themes.ErrEmptyPhrase, 1},
		{"short prefix", "WAR = wa*\n", themes.ErrEmptyPhrase, 1},
		{"bad word", "WAR = w@r\n", themes.ErrSyntax, 1},
		{"theme twice", "WAR = war\nPEACE = peace\nWAR = battle\n", themes.ErrDuplicate, 3},
		{"phrase twice", "WAR = war | battle\n    | War\n", themes.ErrDuplicate, 2},
		{"code twice", "WAR = war ; events: 19\n    ; events: 19\n", themes.ErrDuplicate, 2},
		{"orphan continuation", "  | war\n", themes.ErrSyntax, 1},
		{"bad continuation", "WAR = war\n  battle\n", themes.ErrSyntax, 2},
		{"no rules", "# x\nWAR = \n", themes.ErrNoRules, 2},
		{"no themes", "# nothing\n", themes.ErrEmpty, 1},
		{"invalid UTF-8", "WAR = w\xffr\n", themes.ErrSyntax, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := themes.Parse("x.txt", []byte(tt.data))
			if !errors.Is(err, tt.want) {
				t.Fatalf("Parse = %v, want %v", err, tt.want)
			}
			var le *themes.LineError
			if !errors.As(err, &le) || le.File != "x.txt" || le.Line != tt.line {
				t.Errorf("Parse = %v, want a *LineError on x.txt line %d", err, tt.line)
			}
		})
	}
}

// TestDefault checks the embedded taxonomy: it loads, has about fifty
// themes, and has the names other parts of the program and the docs use.
func TestDefault(t *testing.T) {
	tax, err := themes.Default()
	if err != nil {
		t.Fatal(err)
	}
	names := tax.Names()
	if len(names) < 45 || len(names) > 70 {
		t.Errorf("%d themes, want about fifty", len(names))
	}
	for _, want := range []string{"ARMEDCONFLICT", "TERROR", "PROTEST", "ELECTION", "SANCTIONS",
		"WMD_CHEMICAL", "WMD_NUCLEAR", "REFUGEES", "CORRUPTION", "NATURAL_DISASTER", "EPIDEMIC",
		"HUMAN_RIGHTS", "DIPLOMACY", "TRADE", "ECONOMY", "CYBER", "MIGRATION", "CRIME", "COUP",
		"CEASEFIRE", "PEACE_TALKS", "MILITARY_EXERCISE", "ARMS_TRADE", "ENERGY", "CLIMATE",
		"FOOD_SECURITY", "HEALTH", "RELIGION", "MEDIA_FREEDOM", "JUDICIARY"} {
		found := false
		for _, n := range names {
			found = found || n == want
		}
		if !found {
			t.Errorf("theme %s missing", want)
		}
	}
}
