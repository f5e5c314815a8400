package counts_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/counts"
	"worldmedia/internal/testkit"
)

// got is a count as the tests compare it: its span as text.
type got struct {
	Kind   string
	Number int64
	Object string
	Place  string
	Text   string
}

func summarize(a *article.Article) []got {
	var out []got
	for _, c := range a.Counts {
		out = append(out, got{c.Kind, c.Number, c.Object, c.Place, c.Span.In(a.Text)})
	}
	return out
}

func TestExtract(t *testing.T) {
	x, err := counts.New(counts.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		text   string
		places []string // geocoded places; none means no geo stage
		want   []got
	}{
		{
			name:   "left dead, place from geo",
			text:   "Russia blocked a motion following the attack in Idlib, which left 89 people dead and triggered strikes by the United States.",
			places: []string{"Idlib", "United States"},
			want:   []got{{"KILL", 89, "people", "Idlib", "left 89 people dead"}},
		},
		{
			name: "passive with auxiliaries",
			text: "At least 21 people have been killed in floods in Kerala.",
			want: []got{{"KILL", 21, "people", "Kerala", "At least 21 people have been killed"}},
		},
		{
			name: "active verb counts its object, not its subject",
			text: "Three rockets killed five soldiers and two civilians on Monday.",
			want: []got{
				{"KILL", 5, "soldiers", "", "killed five soldiers"},
				{"KILL", 2, "civilians", "", "two civilians"},
			},
		},
		{
			name: "bare number dead",
			text: "Officials said 12 dead and 30 injured after the blast.",
			want: []got{
				{"KILL", 12, "", "", "12 dead"},
				{"WOUND", 30, "", "", "30 injured"},
			},
		},
		{
			name: "death toll",
			text: "The death toll rose to 89 on Tuesday.",
			want: []got{{"KILL", 89, "", "", "death toll rose to 89"}},
		},
		{
			name: "death toll from to",
			text: "The toll climbed from 80 to 95 people overnight.",
			want: []got{{"KILL", 95, "people", "", "toll climbed from 80 to 95 people"}},
		},
		{
			name: "died with spelled number",
			text: "Twenty-five soldiers died in the ambush.",
			want: []got{{"KILL", 25, "soldiers", "", "Twenty-five soldiers died"}},
		},
		{
			name: "lost their lives",
			text: "Two hundred and fifty people lost their lives.",
			want: []got{{"KILL", 250, "people", "", "Two hundred and fifty people lost their lives"}},
		},
		{
			name: "claimed lives",
			text: "The fire claimed 12 lives.",
			want: []got{{"KILL", 12, "", "", "claimed 12 lives"}},
		},
		{
			name: "claimed seats is no count",
			text: "The party claimed 12 seats.",
		},
		{
			name: "deaths noun",
			text: "There were 140,000 confirmed deaths.",
			want: []got{{"KILL", 140000, "", "", "140,000 confirmed deaths"}},
		},
		{
			name: "shot dead and others wounded",
			text: "Nine civilians were shot dead and 14 others wounded.",
			want: []got{
				{"KILL", 9, "civilians", "", "Nine civilians were shot dead"},
				{"WOUND", 14, "others", "", "14 others wounded"},
			},
		},
		{
			name:   "arrested object",
			text:   "Police arrested more than 1,000 protesters in Paris.",
			places: []string{"Paris"},
			want:   []got{{"ARREST", 1000, "protesters", "Paris", "arrested more than 1,000 protesters"}},
		},
		{
			name: "were detained",
			text: "Police said 17 were detained.",
			want: []got{{"ARREST", 17, "", "", "17 were detained"}},
		},
		{
			name: "protesters arrested is an arrest",
			text: "40 protesters were arrested.",
			want: []got{{"ARREST", 40, "protesters", "", "40 protesters were arrested"}},
		},
		{
			name: "took hostage",
			text: "Gunmen took 30 people hostage and kidnapped 276 schoolgirls.",
			want: []got{
				{"KIDNAP", 30, "people", "", "took 30 people hostage"},
				{"KIDNAP", 276, "schoolgirls", "", "kidnapped 276 schoolgirls"},
			},
		},
		{
			name: "fled and refugees",
			text: "More than 2.5 million Syrians fled, and 3,000 refugees arrived.",
			want: []got{
				{"DISPLACE", 2500000, "Syrians", "", "More than 2.5 million Syrians fled"},
				{"REFUGEES", 3000, "refugees", "", "3,000 refugees"},
			},
		},
		{
			name: "displaced, active and bare",
			text: "The fighting has displaced 300,000 people, and 5,000 displaced remain in camps.",
			want: []got{
				{"DISPLACE", 300000, "people", "", "displaced 300,000 people"},
				{"DISPLACE", 5000, "", "", "5,000 displaced"},
			},
		},
		{
			name: "homeless",
			text: "The earthquake left 200 families homeless.",
			want: []got{{"DISPLACE", 200, "families", "", "left 200 families homeless"}},
		},
		{
			name: "evacuated",
			text: "Some 5,000 residents were evacuated.",
			want: []got{{"EVACUATE", 5000, "residents", "", "Some 5,000 residents were evacuated"}},
		},
		{
			name: "thousands protested",
			text: "Thousands protested in Cairo.",
			want: []got{{"PROTEST", 2000, "", "Cairo", "Thousands protested"}},
		},
		{
			name: "tens of thousands",
			text: "Tens of thousands of people took to the streets.",
			want: []got{{"PROTEST", 20000, "people", "", "Tens of thousands of people took to the streets"}},
		},
		{
			name: "dozens",
			text: "Dozens were wounded.",
			want: []got{{"WOUND", 24, "", "", "Dozens were wounded"}},
		},
		{
			name: "fell ill",
			text: "About 300 pupils fell ill after lunch.",
			want: []got{{"SICKENED", 300, "pupils", "", "About 300 pupils fell ill"}},
		},
		{
			name: "affected",
			text: "The floods affected 2 million people.",
			want: []got{{"AFFECT", 2000000, "people", "", "affected 2 million people"}},
		},
		{
			name: "money amounts",
			text: "The firm paid $4.5bn, £1,400 and 1.5 million euros.",
			want: []got{
				{"AMOUNT", 4500000000, "USD", "", "$4.5bn"},
				{"AMOUNT", 1400, "GBP", "", "£1,400"},
				{"AMOUNT", 1500000, "EUR", "", "1.5 million euros"},
			},
		},
		{
			name: "qualified currency",
			text: "It cost 500 Australian dollars.",
			want: []got{{"AMOUNT", 500, "AUD", "", "500 Australian dollars"}},
		},
		{
			name: "money is no count of people",
			text: "$5m were lost.",
			want: []got{{"AMOUNT", 5000000, "USD", "", "$5m"}},
		},
		{
			name: "no one",
			text: "No one was killed.",
		},
		{
			name: "negated",
			text: "The five hostages were not hurt.",
			want: []got{{"KIDNAP", 5, "hostages", "", "five hostages"}},
		},
		{
			name: "percent is no count",
			text: "About 30 percent of voters were affected.",
		},
		{
			name: "year is no count",
			text: "In 2014 killed was a word of the year.",
		},
		{
			name: "year before a noun",
			text: "The 2014 elections were affected by fraud.",
		},
		{
			name: "time is no object",
			text: "He was arrested 3 days ago.",
		},
		{
			name: "things are not people",
			text: "Seventy search warrants were executed and 16 messages were infected.",
		},
		{
			name: "number inside a name",
			text: "Members of Fathers 4 Justice were arrested.",
		},
		{
			name:   "place nearest with preposition",
			text:   "The US said 5 people were killed in Kabul.",
			places: []string{"US", "Kabul"},
			want:   []got{{"KILL", 5, "people", "Kabul", "5 people were killed"}},
		},
		{
			name: "no sentences",
			text: "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := testkit.Annotate(t, tt.text)
			for _, p := range tt.places {
				a.Places = append(a.Places, place(tt.text, p))
			}
			if err := x.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, summarize(a)); diff != "" {
				t.Errorf("counts of %q (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestNumbers(t *testing.T) {
	x, err := counts.New(counts.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		phrase string
		want   int64
	}{
		{"89", 89},
		{"1,000", 1000},
		{"more than 1,000", 1000},
		{"2.5 million", 2500000},
		{"2m", 2000000},
		{"three", 3},
		{"twenty-five", 25},
		{"twenty five", 25},
		{"two hundred and fifty", 250},
		{"three thousand", 3000},
		{"two million three hundred thousand", 2300000},
		{"a dozen", 12},
		{"two dozen", 24},
		{"dozens of", 24},
		{"scores of", 40},
		{"hundreds of", 200},
		{"thousands of", 2000},
		{"tens of thousands of", 20000},
		{"hundreds of thousands of", 200000},
		{"millions of", 2000000},
		{"several hundred", 300},
		{"a few thousand", 3000},
		{"a million", 1000000},
		{"half a million", 500000},
		{"a quarter of a million", 250000},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			text := "Police said " + tt.phrase + " people were arrested."
			a := testkit.Annotate(t, text)
			if err := x.Process(t.Context(), a); err != nil {
				t.Fatal(err)
			}
			if len(a.Counts) != 1 || a.Counts[0].Number != tt.want {
				t.Errorf("%q: got %+v, want one ARREST of %d", text, a.Counts, tt.want)
			}
		})
	}
}

func TestNew(t *testing.T) {
	for _, tt := range []struct {
		name string
		cfg  counts.Config
		ok   bool
	}{
		{"default", counts.DefaultConfig(), true},
		{"zero gap", counts.Config{}, false},
		{"huge gap", counts.Config{MaxGap: 100}, false},
		{"bad kind", counts.Config{MaxGap: 6, Kinds: []counts.Kind{99}}, false},
		{"some kinds", counts.Config{MaxGap: 6, Kinds: []counts.Kind{counts.Kill}}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := counts.New(tt.cfg, nil)
			if (err == nil) != tt.ok {
				t.Fatalf("New(%+v) = %v, want ok %v", tt.cfg, err, tt.ok)
			}
			if err != nil && !errors.Is(err, counts.ErrConfig) {
				t.Errorf("error %v does not wrap ErrConfig", err)
			}
		})
	}
}

func TestKinds(t *testing.T) {
	x, err := counts.New(counts.Config{MaxGap: 6, Kinds: []counts.Kind{counts.Wound}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	a := testkit.Annotate(t, "The blast killed 5 people and left 12 injured, costing $3m.")
	if err := x.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	want := []got{{"WOUND", 12, "", "", "left 12 injured"}}
	if diff := cmp.Diff(want, summarize(a)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, k := range counts.Kinds() {
		if p, ok := counts.ParseKind(k.String()); !ok || p != k {
			t.Errorf("ParseKind(%q) = %v, %v", k.String(), p, ok)
		}
	}
}
