package actors_test

import (
	"errors"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/actors"
)

// testFS is a small dictionary in the format of docs/actors.md.
func testFS() fstest.MapFS {
	return fstest.MapFS{
		"countries.txt": {Data: []byte(`# test countries
RUS = Russia | Russian Federation | the Russian Federation
RUS adj = Russian | Russians
RUSGOV capital = Moscow
RUSGOV = the Kremlin
SUN = Soviet Union | USSR @ ..1991-12-26
USA = United States | the United States | U.S. | US | USA
USA adj = American | Americans
USAGOV capital = Washington
USAGOV = the White House
USAMIL = the Pentagon
USALEG = Congress
SYR = Syria
SYR adj = Syrian | Syrians
SYRGOV capital = Damascus
UKR = Ukraine
UKR adj = Ukrainian
IRN = Iran | the Islamic Republic
IRNGOV capital = Tehran
AUS = Australia
AUS adj = Australian
`)},
		"organizations.txt": {Data: []byte(`IGOUNO = United Nations | UN | U.N.
IGOUNO = UN Security Council | Security Council
USABUS = Boeing | Lockheed Martin
`)},
		"groups.txt": {Data: []byte(`AFGINSTAL = Taliban | the Taliban @ 2001-12-07..2021-08-14
AFGGOVTAL = Taliban | the Taliban @ 2021-08-15..
`)},
		"roles.txt": {Data: []byte(`GOV = government | president | foreign minister | ambassador | regime | officials | spokesman
MIL = troops | army | forces
REB = separatists | rebels
CVL = civilians | residents
LEG = congress | house of representatives
`)},
		"people/test.txt": {Data: []byte(`Vladimir Putin | Vladimir Vladimirovich Putin | Putin = RUSGOV 1999-08-09.. (prime minister, president)
Sergey Lavrov | Sergei Lavrov | Lavrov = RUSGOV 2004-03-09.. (foreign minister)
Donald Trump | Donald J. Trump | Trump = USABUS ..2017-01-19 (businessman) ; USAGOV 2017-01-20..2021-01-20 (president) ; USAGOV 2025-01-20.. (president)
Rex Tillerson | Tillerson = USABUS ..2017-01-31 (ExxonMobil CEO) ; USAGOV 2017-02-01..2018-03-31 (secretary of state)
Nikki Haley | Haley = USAGOV 2017-01-27..2018-12-31 (UN ambassador)
Bashar al-Assad | Bashar Assad | Assad = SYRGOV 2000-07-17..2024-12-08 (president)
Mohammad Javad Zarif | Javad Zarif | Zarif = IRNGOV 2013-08-15..2021-08-25 (foreign minister)
`)},
	}
}

func testDict(t testing.TB) *actors.Dictionary {
	t.Helper()
	d, err := actors.Load(testFS())
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var day = time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string // the errors, in order
		is    []error
	}{
		{
			name:  "syntax",
			files: fstest.MapFS{"countries.txt": {Data: []byte("RUS Russia\n")}},
			want:  []string{`countries.txt:1: syntax error: missing " = "`},
			is:    []error{actors.ErrSyntax},
		},
		{
			name:  "bad code",
			files: fstest.MapFS{"countries.txt": {Data: []byte("# comment\n\nrus = Russia\n")}},
			want:  []string{`countries.txt:3: bad code "rus"`},
			is:    []error{actors.ErrBadCode},
		},
		{
			name:  "role code too long",
			files: fstest.MapFS{"roles.txt": {Data: []byte("GOVMIL = troops\n")}},
			want:  []string{`roles.txt:1: bad code "GOVMIL"`},
			is:    []error{actors.ErrBadCode},
		},
		{
			name: "bad date",
			files: fstest.MapFS{"people/europe.txt": {Data: []byte(
				"\n\n\n\n\n\n\n\n\n\n\nAngela Merkel | Merkel = DEUGOV 2017-13-01..2021-12-08\n")}},
			want: []string{`people/europe.txt:12: bad date "2017-13-01"`},
			is:   []error{actors.ErrBadDate},
		},
		{
			name:  "empty phrase",
			files: fstest.MapFS{"countries.txt": {Data: []byte("RUS = Russia | | Russian Federation\n")}},
			want:  []string{`countries.txt:1: empty phrase`},
			is:    []error{actors.ErrEmptyPhrase},
		},
		{
			name:  "bad range",
			files: fstest.MapFS{"countries.txt": {Data: []byte("SUN = Soviet Union @ 1991..1922\n")}},
			want:  []string{`countries.txt:1: bad range "1991..1922": ends before it starts`},
			is:    []error{actors.ErrBadRange},
		},
		{
			name:  "unknown kind",
			files: fstest.MapFS{"countries.txt": {Data: []byte("RUS noun = Russia\n")}},
			want:  []string{`countries.txt:1: unknown kind "noun"`},
			is:    []error{actors.ErrUnknownKind},
		},
		{
			name: "person twice",
			files: fstest.MapFS{
				"people/a.txt": {Data: []byte("Vladimir Putin | Putin = RUSGOV 2000..\n")},
				"people/b.txt": {Data: []byte("# again\nVladimir Putin = RUSGOV\n")},
			},
			want: []string{`people/b.txt:2: duplicate: person "Vladimir Putin" also at people/a.txt:1`},
			is:   []error{actors.ErrDuplicate},
		},
		{
			name:  "conflicting codes",
			files: fstest.MapFS{"countries.txt": {Data: []byte("COD = Congo\nCOG = Congo | Congo-Brazzaville\n")}},
			want:  []string{`countries.txt:2: duplicate: "Congo" is COD at countries.txt:1`},
			is:    []error{actors.ErrDuplicate},
		},
		{
			name: "every error of a file",
			files: fstest.MapFS{"groups.txt": {Data: []byte(
				"PSEREBHMS = Hamas\nX = Y\nAFGTAL = Taliban @ 2001-1\nAFGTAL = @ 2001\n")}},
			want: []string{
				`groups.txt:2: bad code "X"`,
				`groups.txt:3: bad date "2001-1"`,
				`groups.txt:4: empty phrase`,
			},
			is: []error{actors.ErrBadCode, actors.ErrBadDate, actors.ErrEmptyPhrase},
		},
		{
			name:  "unclosed title",
			files: fstest.MapFS{"people/x.txt": {Data: []byte("A B = USAGOV 2001.. (president\n")}},
			want:  []string{`people/x.txt:1: syntax error: unclosed "(" in role "USAGOV 2001.. (president"`},
			is:    []error{actors.ErrSyntax},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := actors.Load(tt.files)
			if err == nil {
				t.Fatalf("Load: no error, dictionary %v", d.Entries())
			}
			if d != nil {
				t.Errorf("Load returned a dictionary with an error")
			}
			var errs []error
			if j, ok := err.(interface{ Unwrap() []error }); ok {
				errs = j.Unwrap()
			} else {
				errs = []error{err}
			}
			var got []string
			for i, e := range errs {
				got = append(got, e.Error())
				var le *actors.LineError
				if !errors.As(e, &le) {
					t.Errorf("error %d (%v) is no *LineError", i, e)
				}
				if i < len(tt.is) && !errors.Is(e, tt.is[i]) {
					t.Errorf("error %d (%v) is not %v", i, e, tt.is[i])
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestLoadGood(t *testing.T) {
	d := testDict(t)
	want := map[string]int{"countries.txt": 20, "organizations.txt": 3, "groups.txt": 2, "roles.txt": 5, "people/test.txt": 7}
	if diff := cmp.Diff(want, d.Entries()); diff != "" {
		t.Errorf("Entries (-want +got):\n%s", diff)
	}
}

func TestPerson(t *testing.T) {
	d := testDict(t)
	tests := []struct {
		name, canonical, code string
		date                  time.Time
		ok                    bool
	}{
		{"Putin", "Vladimir Putin", "RUSGOV", day, true},
		{"Vladimir Putin", "Vladimir Putin", "RUSGOV", day, true},
		{"Putin's", "Vladimir Putin", "RUSGOV", day, true},
		{"President Putin", "Vladimir Putin", "RUSGOV", day, true},
		{"Mr. Putin", "Vladimir Putin", "RUSGOV", day, true},
		{"Putin", "Vladimir Putin", "", time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"Trump", "Donald Trump", "USAGOV", day, true},
		{"Trump", "Donald Trump", "USABUS", time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC), true},
		{"Trump", "Donald Trump", "", time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC), true},
		{"Trump", "Donald Trump", "USAGOV", time.Time{}, true}, // latest role
		{"Tillerson", "Rex Tillerson", "USABUS", time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC), true},
		{"Tillerson", "Rex Tillerson", "USAGOV", day, true},
		{"Sergei V. Lavrov", "Sergey Lavrov", "RUSGOV", day, true},
		{"Sergei Lavrov", "Sergey Lavrov", "RUSGOV", day, true},
		{"Serge Lavrov", "Sergey Lavrov", "RUSGOV", day, true},
		{"Ivanka Trump", "", "", day, false},
		{"Angela Merkel", "", "", day, false},
		{"", "", "", day, false},
	}
	for _, tt := range tests {
		t.Run(tt.name+"@"+tt.date.Format("2006"), func(t *testing.T) {
			canon, code, ok := d.Person(tt.name, tt.date)
			if canon != tt.canonical || code != tt.code || ok != tt.ok {
				t.Errorf("Person(%q) = %q, %q, %v; want %q, %q, %v", tt.name, canon, code, ok, tt.canonical, tt.code, tt.ok)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	d := testDict(t)
	type result struct {
		Kind       actors.Kind
		Code, Name string
		OK         bool
	}
	tests := []struct {
		phrase string
		date   time.Time
		want   result
	}{
		{"UN Security Council", day, result{actors.Organization, "IGOUNO", "UN Security Council", true}},
		{"Security Council", day, result{actors.Organization, "IGOUNO", "UN Security Council", true}},
		{"United Nations", day, result{actors.Organization, "IGOUNO", "United Nations", true}},
		{"Pentagon", day, result{actors.Country, "USAMIL", "Pentagon", true}},
		{"The Kremlin", day, result{actors.Country, "RUSGOV", "Kremlin", true}},
		{"Russian Federation", day, result{actors.Country, "RUS", "Russia", true}},
		{"Russia's", day, result{actors.Country, "RUS", "Russia", true}},
		{"Moscow", day, result{actors.Capital, "RUSGOV", "Moscow", true}},
		{"Russians", day, result{actors.CountryAdj, "RUS", "Russia", true}},
		{"the Islamic Republic", day, result{actors.Country, "IRN", "Iran", true}},
		{"USSR", time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC), result{actors.Country, "SUN", "Soviet Union", true}},
		{"USSR", day, result{actors.Country, "", "Soviet Union", true}},
		{"Taliban", time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), result{actors.Group, "AFGINSTAL", "Taliban", true}},
		{"the Taliban", time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), result{actors.Group, "AFGGOVTAL", "Taliban", true}},
		{"Syrian government", day, result{actors.CountryAdj, "SYRGOV", "Syria", true}},
		{"the president of Syria", day, result{actors.Country, "SYRGOV", "Syria", true}},
		{"troops", day, result{actors.Role, "MIL", "troops", true}},
		{"Acme Corporation", day, result{}},
		{"Syria and Iran", day, result{}},
		{"", day, result{}},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			m, ok := d.Lookup(tt.phrase, tt.date)
			got := result{m.Kind, m.Code, m.Name, ok}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Lookup(%q) (-want +got):\n%s", tt.phrase, diff)
			}
		})
	}
}

func TestKindString(t *testing.T) {
	var got []string
	for k := actors.Country; k <= actors.Person+1; k++ {
		got = append(got, k.String())
	}
	want := []string{"country", "adj", "capital", "organization", "group", "role", "person", "Kind(7)"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("String (-want +got):\n%s", diff)
	}
}
