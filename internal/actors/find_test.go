package actors_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/actors"
)

// found is a match or actor reduced to what a reader checks.
type found struct {
	Text string
	Kind string
	Code string
}

func findAll(d *actors.Dictionary, s string, date time.Time) []found {
	var out []found
	for _, m := range d.Find(s, tokenize(s), date) {
		out = append(out, found{m.Span.In(s), m.Kind.String(), m.Code})
	}
	return out
}

func combineAll(d *actors.Dictionary, s string, date time.Time) []found {
	toks := tokenize(s)
	var out []found
	for _, a := range d.Combine(d.Find(s, toks, date), toks, s) {
		out = append(out, found{a.Span.In(s), a.Name, a.Code})
	}
	return out
}

func TestFind(t *testing.T) {
	d := testDict(t)
	tests := []struct {
		name string
		text string
		date time.Time
		want []found
	}{
		{"names and seats", "The Kremlin and the White House disagree, the Pentagon said.", day, []found{
			{"The Kremlin", "country", "RUSGOV"}, {"the White House", "country", "USAGOV"}, {"the Pentagon", "country", "USAMIL"}}},
		{"longest", "Russian Federation troops", day, []found{
			{"Russian Federation", "country", "RUS"}, {"troops", "role", "MIL"}}},
		{"capital", "Moscow said on Monday", day, []found{{"Moscow", "capital", "RUSGOV"}}},
		{"a company's product is no actor", "a Boeing 777 and an F-35 made by Lockheed Martin", day, []found{
			{"Lockheed Martin", "organization", "USABUS"}}},
		{"a company before a year is", "Boeing 2016 results", day, []found{{"Boeing", "organization", "USABUS"}}},
		{"abbreviations", "U.S. and US and USA and the United States", day, []found{
			{"U.S.", "country", "USA"}, {"US", "country", "USA"}, {"USA", "country", "USA"}, {"the United States", "country", "USA"}}},
		{"case", "us troops and Troops and TROOPS", day, []found{
			{"troops", "role", "MIL"}, {"Troops", "role", "MIL"}, {"TROOPS", "role", "MIL"}}},
		{"possessive", "Iran's Mohammad Javad Zarif", day, []found{
			{"Iran", "country", "IRN"}, {"Mohammad Javad Zarif", "person", "IRNGOV"}}},
		{"possessive in one token", "Iran’s foreign minister", day, []found{
			{"Iran", "country", "IRN"}, {"foreign minister", "role", "GOV"}}},
		{"hyphenated", "US-Russia relations", day, []found{
			{"US", "country", "USA"}, {"Russia", "country", "RUS"}}},
		{"pro- is an attitude", "pro-Russian separatists", day, []found{{"separatists", "role", "REB"}}},
		{"-based is a place", "a London-based group of European-based exiles", day, nil},
		{"date range", "the Soviet Union and the USSR", time.Date(1985, 1, 1, 0, 0, 0, 0, time.UTC), []found{
			{"Soviet Union", "country", "SUN"}, {"USSR", "country", "SUN"}}},
		{"known without a code", "the Soviet Union", day, []found{{"Soviet Union", "country", ""}}},
		{"person by date", "Trump met Tillerson", time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC), []found{
			{"Trump", "person", "USABUS"}, {"Tillerson", "person", "USABUS"}}},
		{"UN", "the UN Security Council and the United Nations and the Security Council", day, []found{
			{"UN Security Council", "organization", "IGOUNO"}, {"United Nations", "organization", "IGOUNO"}, {"Security Council", "organization", "IGOUNO"}}},
		{"seat as role after a country", "the Australian House of Representatives and the House of Representatives", day, []found{
			{"Australian", "adj", "AUS"}, {"House of Representatives", "role", "LEG"}, {"House of Representatives", "role", "LEG"}}},
		{"nothing", "It rained all day.", day, nil},
		{"empty", "", day, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, findAll(d, tt.text, tt.date)); diff != "" {
				t.Errorf("Find(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestCombine(t *testing.T) {
	d := testDict(t)
	tests := []struct {
		name string
		text string
		want []found
	}{
		{"adj + role", "Syrian troops shelled the town.", []found{{"Syrian troops", "Syria", "SYRMIL"}}},
		{"adj + role government", "the Syrian government said", []found{{"Syrian government", "Syria", "SYRGOV"}}},
		{"possessive + role", "Russia's foreign minister", []found{{"Russia's foreign minister", "Russia", "RUSGOV"}}},
		{"capital + role", "Moscow residents", []found{{"Moscow residents", "Russia", "RUSCVL"}}},
		{"seat keeps its code", "Kremlin spokesman", []found{{"Kremlin spokesman", "Kremlin", "RUSGOV"}}},
		{"org keeps its code", "UN troops", []found{{"UN troops", "United Nations", "IGOUNO"}}},
		{"person wins", "Russian foreign minister Sergey Lavrov said", []found{{"Russian foreign minister Sergey Lavrov", "Sergey Lavrov", "RUSGOV"}}},
		{"title and person", "U.S. President Donald Trump", []found{{"U.S. President Donald Trump", "Donald Trump", "USAGOV"}}},
		{"possessive person", "Iran's Mohammad Javad Zarif", []found{{"Iran's Mohammad Javad Zarif", "Mohammad Javad Zarif", "IRNGOV"}}},
		{"person lends country", "Assad's government", []found{{"Assad's government", "Syria", "SYRGOV"}}},
		{"role of country", "the president of Syria", []found{{"president of Syria", "Syria", "SYRGOV"}}},
		{"role of actor", "the regime of Syrian President Bashar al-Assad", []found{{"regime of Syrian President Bashar al-Assad", "Syria", "SYRGOV"}}},
		{"role in country", "pro-Russian separatists in eastern Ukraine", []found{{"separatists in eastern Ukraine", "Ukraine", "UKRREB"}}},
		{"role in the country", "rebels in the north of Syria", []found{{"rebels", "rebels", "REB"}, {"Syria", "Syria", "SYR"}}},
		{"role to org person", "U.S. Ambassador to the United Nations Nikki Haley told the Security Council", []found{
			{"U.S. Ambassador to the United Nations Nikki Haley", "Nikki Haley", "USAGOV"}, {"Security Council", "UN Security Council", "IGOUNO"}}},
		{"bare role", "civilians fled", []found{{"civilians", "civilians", "CVL"}}},
		{"demonym alone", "The Russians operate drones", []found{{"Russians", "Russia", "RUS"}}},
		{"hyphen does not combine", "Russia-backed rebels", []found{{"Russia", "Russia", "RUS"}, {"rebels", "rebels", "REB"}}},
		{"comma separates", "Syria, troops", []found{{"Syria", "Syria", "SYR"}, {"troops", "troops", "MIL"}}},
		{"person alone", "Putin", []found{{"Putin", "Vladimir Putin", "RUSGOV"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, combineAll(d, tt.text, day)); diff != "" {
				t.Errorf("Combine(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// TestDefaultSeed checks the embedded dictionary on the phrases of the seed
// article (../shared/seed/EXPECTED.md).
func TestDefaultSeed(t *testing.T) {
	d, err := actors.Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	tests := []struct {
		text string
		want []found
	}{
		{"Russian Federation", []found{{"Russian Federation", "Russia", "RUS"}}},
		{"Russia", []found{{"Russia", "Russia", "RUS"}}},
		{"Moscow said", []found{{"Moscow", "Moscow", "RUSGOV"}}},
		{"the Kremlin", []found{{"the Kremlin", "Kremlin", "RUSGOV"}}},
		{"U.S. and US and USA", []found{{"U.S.", "United States", "USA"}, {"US", "United States", "USA"}, {"USA", "United States", "USA"}}},
		{"The United States", []found{{"The United States", "United States", "USA"}}},
		{"Washington said", []found{{"Washington", "Washington", "USAGOV"}}},
		{"the White House", []found{{"the White House", "White House", "USAGOV"}}},
		{"the Pentagon", []found{{"the Pentagon", "Pentagon", "USAMIL"}}},
		{"the Syrian government", []found{{"Syrian government", "Syria", "SYRGOV"}}},
		{"the UN Security Council", []found{{"the UN Security Council", "UN Security Council", "IGOUNO"}}},
		{"Security Council", []found{{"Security Council", "UN Security Council", "IGOUNO"}}},
		{"the United Nations", []found{{"the United Nations", "United Nations", "IGOUNO"}}},
		{"Syrian troops", []found{{"Syrian troops", "Syria", "SYRMIL"}}},
		{"support for pro-Russian separatists in eastern Ukraine", []found{{"separatists in eastern Ukraine", "Ukraine", "UKRREB"}}},
		{"Iran's", []found{{"Iran", "Iran", "IRN"}}},
		{"Putin", []found{{"Putin", "Vladimir Putin", "RUSGOV"}}},
		{"Russian foreign minister Sergey Lavrov", []found{{"Russian foreign minister Sergey Lavrov", "Sergey Lavrov", "RUSGOV"}}},
		{"U.S. Secretary of State Rex Tillerson", []found{{"U.S. Secretary of State Rex Tillerson", "Rex Tillerson", "USAGOV"}}},
		{"North Korea and the DPRK and Pyongyang", []found{{"North Korea", "North Korea", "PRK"}, {"DPRK", "North Korea", "PRK"}, {"Pyongyang", "Pyongyang", "PRKGOV"}}},
		{"Burma, Ivory Coast and Côte d'Ivoire", []found{{"Burma", "Myanmar", "MMR"}, {"Ivory Coast", "Ivory Coast", "CIV"}, {"Côte d'Ivoire", "Ivory Coast", "CIV"}}},
		{"the Islamic Republic", []found{{"the Islamic Republic", "Iran", "IRN"}}},
		{"Downing Street and the Elysee and Zhongnanhai", []found{{"Downing Street", "Downing Street", "GBRGOV"}, {"the Elysee", "Elysee", "FRAGOV"}, {"Zhongnanhai", "Zhongnanhai", "CHNGOV"}}},
		{"Capitol Hill and the Bundestag and the Knesset and the Duma", []found{{"Capitol Hill", "Congress", "USALEG"}, {"the Bundestag", "Bundestag", "DEULEG"}, {"the Knesset", "Knesset", "ISRLEG"}, {"the Duma", "Duma", "RUSLEG"}}},
		{"Hezbollah and Hamas and the Taliban", []found{{"Hezbollah", "Hezbollah", "LBNREBHEZ"}, {"Hamas", "Hamas", "PSEREBHMS"}, {"the Taliban", "Taliban", "AFGINSTAL"}}},
		{"NATO and the EU", []found{{"NATO", "North Atlantic Treaty Organization", "IGOWSTNAT"}, {"the EU", "European Union", "IGOEUREEC"}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, combineAll(d, tt.text, day)); diff != "" {
				t.Errorf("Combine(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

// seedText returns the seed article, or skips the test when ../shared is
// missing.
func seedText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../../../shared/seed/us-russia-all-time-low.txt")
	if err != nil {
		tb.Skipf("seed article: %v", err)
	}
	return string(b)
}

func TestSeedArticle(t *testing.T) {
	d, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := seedText(t)
	codes := map[string]string{}
	for para := range strings.SplitSeq(text, "\n") {
		for _, a := range combineAll(d, para, day) {
			codes[a.Text] = a.Code
		}
	}
	want := map[string]string{
		"Russian Federation":                     "RUS",
		"Moscow":                                 "RUSGOV",
		"the Kremlin":                            "RUSGOV",
		"Putin":                                  "RUSGOV",
		"Lavrov":                                 "RUSGOV",
		"the White House":                        "USAGOV",
		"the Pentagon":                           "USAMIL",
		"Washington":                             "USAGOV",
		"Syrian government":                      "SYRGOV",
		"the UN Security Council":                "IGOUNO",
		"Security Council":                       "IGOUNO",
		"separatists in eastern Ukraine":         "UKRREB",
		"U.S. Secretary of State Rex Tillerson":  "USAGOV",
		"Russian foreign minister Sergey Lavrov": "RUSGOV",
		"U.S. President Donald Trump":            "USAGOV",
	}
	for text, code := range want {
		if codes[text] != code {
			t.Errorf("%q: code %q, want %q", text, codes[text], code)
		}
	}
}
