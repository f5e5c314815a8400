package geo_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/eval"
	"worldmedia/internal/geo"
)

func TestNewRejectsBadConfig(t *testing.T) {
	cfg := geo.DefaultConfig()
	cfg.MaxWords = 0
	if _, err := geo.New(nil, cfg, nil); !errors.Is(err, geo.ErrBadConfig) {
		t.Errorf("New(MaxWords 0) error = %v, want ErrBadConfig", err)
	}
}

// TestResolve checks the place one name of a text resolves to.
func TestResolve(t *testing.T) {
	type want struct {
		Resolved  string
		GeonameID int
		Country   string
		ADM1      string
	}
	tests := []struct {
		name, text, place string
		want              want
	}{
		{"capital", "Tillerson flew to Moscow on Tuesday for talks with Lavrov.", "Moscow",
			want{"Moscow", 524901, "RU", "48"}},
		{"town in a war", "The attack in Idlib killed 89 people, Syrian activists said.", "Idlib",
			want{"Idlib", 169389, "SY", "12"}},
		{"Washington as the capital", "Washington said the Syrian base had served as a platform for the attack, and Congress agreed.",
			"Washington", want{"Washington", 4140963, "US", "DC"}},
		{"Washington the state", "Wildfires burned across Washington state on Monday, officials in Seattle and Spokane said.",
			"Washington", want{"Washington State", 0, "US", "WA"}},
		{"Georgia in the Caucasus", "Protesters gathered in Tbilisi, the capital of Georgia, against a law backed by Moscow.",
			"Georgia", want{"Georgia", 614540, "GE", ""}},
		{"Georgia the state", "Voters in Atlanta lined up for hours as Georgia counted ballots from Savannah and Macon.",
			"Georgia", want{"Georgia", 0, "US", "GA"}},
		{"town, state", "The fair opens in Columbus, Ohio, on Friday.", "Columbus",
			want{"Columbus", 4509177, "US", "OH"}},
		{"town, abbreviated state", "He was born in Paris, Texas, in 1950.", "Paris",
			want{"Paris", 4717560, "US", "TX"}},
		{"country of a long name", "Officials in the Russian Federation denied it.", "Russian Federation",
			want{"Russia", 2017370, "RU", ""}},
		{"region", "Russia annexed Crimea in 2014.", "Crimea",
			want{"Crimea", 0, "UA", "11"}},
		{"military base", "US missiles struck the Shayrat air base near Homs.", "Shayrat air base",
			want{"Shayrat air base", 0, "SY", "11"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, tt.text, "2017-04-13")
			p := placeOf(a, tt.place)
			if p == nil {
				t.Fatalf("%q: no place; places %+v", tt.place, a.Places)
			}
			got := want{p.Resolved, p.GeonameID, p.Country, p.ADM1}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("%q (-want +got):\n%s", tt.place, diff)
			}
		})
	}
}

// TestLocalRules checks the rules for local news: names with no entity tag
// that the words around them, or the article's other places, make places,
// and the readings the article's other places choose. Each case names the
// place it checks with the country and first-order division it must get.
func TestLocalRules(t *testing.T) {
	tests := []struct {
		name, text, place       string
		resolved, country, adm1 string
	}{
		// A county's seat and the county, both ambiguous, resolve where
		// they lie together.
		{"county beside its seat", "Clark County deputies and Springfield police closed the road.",
			"Springfield", "Springfield", "US", "OH"},
		{"seat beside its county", "Washington County deputies and Fayetteville police closed the road.",
			"Washington County", "Washington County", "US", "AR"},
		// Three small towns close together outweigh a bigger namesake.
		{"towns close together", "Crews from Athens and Decatur worked through the night, and Hartselle firefighters joined them.",
			"Athens", "Athens", "US", "AL"},
		// A country's own name is no evidence that the story is about it.
		{"country named like a town", "The Lebanon police chief said Whitestown officers helped.",
			"Lebanon", "Lebanon", "US", "IN"},
		// Against a state of its name, a country needs the article's
		// countries on its side.
		{"state named like a country", "Troopers across Georgia searched for the man, who was arrested in Albany.",
			"Georgia", "Georgia", "US", "GA"},
		{"town in that state", "Troopers across Georgia searched for the man, who was arrested in Albany.",
			"Albany", "Albany", "US", "GA"},
		// "X in Y" is a container as "X, Y" is.
		{"in a state", "Missouri officials said the flu reached a farm in Clay County in Kansas, and Missouri farms were spared.",
			"Clay County", "Clay County", "US", "KS"},
		// Names listed before "counties" are counties.
		{"county list", "Deputies searched Franklin and Lincoln counties for the truck.",
			"Lincoln", "Lincoln County", "US", ""},
		{"county list, first", "Storms knocked down trees in Marshall and Kossuth counties overnight.",
			"Marshall", "Marshall County", "US", "IA"},
		{"a state's counties", "Most Indiana counties reported job losses in March.",
			"Indiana", "Indiana", "US", "IN"},
		// A legislator's party and state or home town.
		{"affiliation, state", "The bill passed after Sen. Jane Doe, D-Mich., spoke.",
			"Mich", "Michigan", "US", "MI"},
		{"affiliation, town", "Rep. John Roe, R-Cedar Rapids, voted no.",
			"Cedar Rapids", "Cedar Rapids", "US", "IA"},
		// A dateline.
		{"dateline", "CULLMAN — The city council approved the budget on Monday.",
			"CULLMAN", "Cullman", "US", "AL"},
		// A town's own police, mayor or sheriff.
		{"local police", "Zionsville police arrested two men on Friday.",
			"Zionsville", "Zionsville", "US", "IN"},
		{"local mayor", "Oskaloosa Mayor Ann Lee said the roads were clear.",
			"Oskaloosa", "Oskaloosa", "US", "IA"},
		// A person's home town.
		{"person, age, town", "Terry Lee, 60, Oskaloosa, was arrested Thursday.",
			"Oskaloosa", "Oskaloosa", "US", "IA"},
		{"person of town", "Police arrested Mary Jones of Oskaloosa on Friday.",
			"Oskaloosa", "Oskaloosa", "US", "IA"},
		// "X-based".
		{"based", "The Northbrook-based retailer closed two stores.",
			"Northbrook", "Northbrook", "US", "IL"},
		// "X County" is no person, whatever the entity recogniser says.
		{"county, not a person", "A Hall County deputy stopped the car near Gainesville.",
			"Hall County", "Hall County", "US", "GA"},
		// A town with no cue beside the places the article gives.
		{"neighbouring town", "Flooding closed roads near Perham on Monday. Frazee was cut off for a day.",
			"Frazee", "Frazee", "US", "MN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, tt.text, "")
			p := placeOf(a, tt.place)
			if p == nil {
				t.Fatalf("%q: no place; places %+v", tt.place, a.Places)
			}
			if p.Resolved != tt.resolved || p.Country != tt.country || tt.adm1 != "" && p.ADM1 != tt.adm1 {
				t.Errorf("%q → %s (%s.%s), want %s (%s.%s)", tt.place, p.Resolved, p.Country, p.ADM1,
					tt.resolved, tt.country, tt.adm1)
			}
		})
	}
}

// TestNotPlaces checks names that are not places where they stand.
func TestNotPlaces(t *testing.T) {
	tests := []struct{ name, text, word string }{
		{"person", "Paris Hilton arrived late.", "Paris"},
		{"organisation", "He studied at the University of Texas for two years.", "Texas"},
		{"demonym", "Syrian troops advanced.", "Syrian"},
		{"month", "The talks resume in March.", "March"},
		{"person named like a town", "Jackson said the vote would be close. Andrew Jackson was president.", "Jackson"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := analyse(t, tt.text, "")
			if p := placeOf(a, tt.word); p != nil {
				t.Errorf("%q is a place: %+v", tt.word, *p)
			}
		})
	}
}

// TestSeedPlaces checks the places EXPECTED.md requires of the seed
// article.
func TestSeedPlaces(t *testing.T) {
	a := analyse(t, seedBody(t), "2017-04-13")
	tests := []struct{ name, country string }{
		{"Moscow", "RU"}, {"Syria", "SY"}, {"Idlib", "SY"}, {"Shayrat air base", "SY"},
		{"Washington", "US"}, {"Crimea", "UA"}, {"Ukraine", "UA"}, {"Russia", "RU"},
		{"United States", "US"}, {"Iran", "IR"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := placeOf(a, tt.name)
			if p == nil {
				t.Fatalf("no place for %q", tt.name)
			}
			if p.Country != tt.country || p.Lat == 0 && p.Lon == 0 {
				t.Errorf("%q → %+v, want country %s with a position", tt.name, *p, tt.country)
			}
		})
	}
	if p := placeOf(a, "Shayrat air base"); p != nil && p.ADM1 != "11" {
		t.Errorf("Shayrat air base in ADM1 %q, want 11 (Homs governorate)", p.ADM1)
	}
	seen := map[int]bool{}
	for _, p := range a.Places {
		if p.GeonameID != 0 && seen[p.GeonameID] {
			t.Errorf("place %d (%s) listed twice", p.GeonameID, p.Resolved)
		}
		seen[p.GeonameID] = true
	}
}

// TestGeoFloors scores the geoparsing dev sets and asserts floors a little
// under what the resolver reaches (README "Measured figures").
func TestGeoFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("scores the dev sets")
	}
	// Each set with its annotation conventions, as "worldmedia eval geo"
	// scores it: demonyms (all but geovirus) and names inside organisation
	// names (all four) count as toponyms.
	floors := []struct {
		set                string
		acc161             float64
		demonyms, embedded bool
	}{
		{"lgl", 0.80, true, true},
		{"trnews", 0.83, true, true},
		{"geovirus", 0.77, false, true},
		{"geowebnews", 0.80, true, true},
	}
	for _, f := range floors {
		t.Run(f.set, func(t *testing.T) {
			path := shared + "/geo/" + f.set + ".dev.jsonl"
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s not present (../shared is beside the checkout in CI): %v", path, err)
			}
			cfg := geo.DefaultConfig()
			cfg.Demonyms, cfg.Embedded = f.demonyms, f.embedded
			sc, err := eval.ScoreGeo(t.Context(), path, analyzer(t, cfg), 0)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: acc@161 %.3f, recall %.3f, precision %.3f, mean %.0f km, median %.1f km",
				f.set, sc.Acc161, sc.Recall, sc.Precision, sc.MeanKm, sc.MedianKm)
			if sc.Acc161 < f.acc161 {
				t.Errorf("%s: acc@161 %.3f, floor %.2f", f.set, sc.Acc161, f.acc161)
			}
		})
	}
}

// FuzzResolve runs the stage over arbitrary text: no panic, every mention
// inside the text on rune boundaries, one place per entry.
func FuzzResolve(f *testing.F) {
	for _, s := range []string{
		"Russia annexed Crimea. Washington, D.C. and Paris, Texas.",
		"al-Raqqa, Syria; in the city of Idlib, northern Syria",
		"COLUMBUS, Ohio (AP) — Dublin, Ohio-based US-Russia",
		"", "  ,  , , New", "Georgia, Georgia, Georgia",
		"The Syrian and Russian, Syrians in \xff\xfe Aleppo",
		"Sen. Jane Doe, D-N.Y., and Rep. Roe, R-Elbow Lake, (I-", "CULLMAN — Marshall and Kossuth counties, Denver-based",
		"Lee, 60, Ames, of Pella, Ames police and Story County in Iowa, , counties",
	} {
		f.Add(s)
	}
	run := analyzer(f, geo.Config{Demonyms: true, Embedded: true, MinPopulation: 1000, MaxWords: 6, MaxCandidates: 64})
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 1<<14 {
			return
		}
		a := &article.Article{ID: "fuzz", Text: text}
		if err := run(context.Background(), a); err != nil {
			t.Fatal(err)
		}
		ids := map[string]bool{}
		for _, p := range a.Places {
			k := p.Resolved + "|" + p.Country
			if ids[k] && p.GeonameID != 0 {
				t.Errorf("place %s listed twice", k)
			}
			ids[k] = true
			if len(p.Mentions) == 0 {
				t.Errorf("place %s without mentions", k)
			}
			for _, m := range p.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
					t.Fatalf("mention %v outside the text (%d bytes)", m, len(text))
				}
				if utf8.ValidString(text) && (!utf8.RuneStart(text[m.Start]) || m.End < len(text) && !utf8.RuneStart(text[m.End])) {
					t.Errorf("mention %v not on rune boundaries", m)
				}
			}
			if !strings.Contains(text, p.Name) {
				t.Errorf("place name %q not in the text", p.Name)
			}
		}
	})
}
