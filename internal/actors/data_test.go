package actors_test

import (
	"bufio"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"worldmedia/internal/actors"
)

// TestDefault loads the embedded dictionaries, people files included.
func TestDefault(t *testing.T) {
	d, err := actors.Default()
	if err != nil {
		t.Fatalf("Default: %v", err)
	}
	d2, _ := actors.Default()
	if d != d2 {
		t.Error("Default loaded twice")
	}
	for _, f := range []string{"countries.txt", "organizations.txt", "groups.txt", "roles.txt"} {
		if d.Entries()[f] == 0 {
			t.Errorf("%s: no entries", f)
		}
	}
	t.Logf("entries: %v", d.Entries())
}

// cameoTable reads the first column of a CAMEO reference table in
// ../shared/data/cameo, or skips the test when it is missing.
func cameoTable(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open("../../../shared/data/cameo/" + name)
	if err != nil {
		t.Skipf("CAMEO tables: %v", err)
	}
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rows = append(rows, strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows[1:] // header
}

// countryCodes returns the codes of countries.txt.
func countryCodes(t *testing.T) map[string]bool {
	t.Helper()
	b, err := os.ReadFile("data/countries.txt")
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]bool{}
	for line := range strings.SplitSeq(string(b), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		left, _, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		codes[strings.Fields(left)[0]] = true
	}
	return codes
}

// historic are the codes of states that no longer exist (ISO 3166-3) that
// the CAMEO tables lack.
var historic = map[string]bool{"SUN": true, "YUG": true, "FRY": true, "SCG": true, "CSK": true, "DDR": true, "ZAR": true, "YMD": true, "ANT": true}

// cameoAliases maps the ISO codes of countryinfo.tsv to the CAMEO codes
// country.tsv uses for the same country.
var cameoAliases = map[string]string{"ROU": "ROM", "TLS": "TMP", "MNE": "MTN", "IMN": "IMY"}

func TestCountryCodesValid(t *testing.T) {
	valid := map[string]bool{}
	for _, r := range cameoTable(t, "country.tsv") {
		valid[r[0]] = true
	}
	bracket := regexp.MustCompile(`\[([A-Z]+) `)
	for _, r := range cameoTable(t, "countryinfo.tsv") {
		valid[r[0]] = true
		if len(r) > 2 && len(r[2]) == 3 && r[2] != "---" {
			valid[r[2]] = true // the ISO code
		}
		for _, m := range bracket.FindAllStringSubmatch(r[0], -1) {
			valid[m[1]] = true
		}
	}
	for _, r := range cameoTable(t, "region.tsv") {
		valid[r[0]] = true
	}
	roles := map[string]bool{}
	for _, r := range cameoTable(t, "type.tsv") {
		roles[r[0]] = true
	}
	for code := range countryCodes(t) {
		country, rest := code, ""
		for n := len(code); n >= 3; n -= 3 {
			if valid[code[:n]] || historic[code[:n]] {
				country, rest = code[:n], code[n:]
				break
			}
		}
		if !valid[country] && !historic[country] {
			t.Errorf("%s: no country code of country.tsv or countryinfo.tsv", code)
			continue
		}
		for ; rest != ""; rest = rest[3:] {
			if !roles[rest[:3]] {
				t.Errorf("%s: %s is no role of type.tsv", code, rest[:3])
			}
		}
	}
}

func TestEveryCountryListed(t *testing.T) {
	codes := countryCodes(t)
	isISO := regexp.MustCompile(`^[A-Z]{3}$`)
	isoFor := map[string]string{}
	for iso, cameo := range cameoAliases {
		isoFor[cameo] = iso
	}
	for _, r := range cameoTable(t, "country.tsv") {
		if !codes[r[0]] && !codes[isoFor[r[0]]] {
			t.Errorf("country.tsv %s (%s): no entry", r[0], r[1])
		}
	}
	for _, r := range cameoTable(t, "countryinfo.tsv") {
		code, name, iso := r[0], r[1], r[2]
		if !isISO.MatchString(iso) {
			continue // an entity without an ISO code
		}
		if m := regexp.MustCompile(`\[([A-Z]+) >`).FindStringSubmatch(code); m != nil {
			code = m[1] // the code in force now
		}
		if codes[code] || codes[iso] || codes[cameoAliases[iso]] || codes[cameoAliases[code]] {
			continue
		}
		t.Errorf("countryinfo.tsv %s (%s, ISO %s): no entry", code, name, iso)
	}
}

// TestDefaultPeopleVariants checks a few people of the embedded files:
// spellings that news uses besides the canonical one, a surname shared by
// two people (resolved by the date), and a leader of the past.
func TestDefaultPeopleVariants(t *testing.T) {
	d, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { tm, _ := time.Parse(time.DateOnly, s); return tm }
	for _, tt := range []struct {
		name, date, canonical, code string
	}{
		{"President Francois Mitterand", "1990-03-01", "François Mitterrand", "FRAGOV"},
		{"Mitterand", "1990-03-01", "François Mitterrand", "FRAGOV"},
		{"President Bush", "1991-06-01", "George H. W. Bush", "USAGOV"},
		{"Bush", "2003-03-20", "George W. Bush", "USAGOV"},
		{"President Prosper Avril", "1989-06-01", "Prosper Avril", "HTIGOV"},
		{"Chadli Klibi", "1985-01-01", "Chedli Klibi", "IGOMEAARL"},
	} {
		canon, code, ok := d.Person(tt.name, day(tt.date))
		if !ok || canon != tt.canonical || code != tt.code {
			t.Errorf("Person(%q, %s) = %q, %q, %v; want %q, %q", tt.name, tt.date, canon, code, ok, tt.canonical, tt.code)
		}
	}
}
