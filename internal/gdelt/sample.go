package gdelt

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// ErrSampleConfig means a [SampleConfig] describes no sample file: no
// rows, no day in its period, no codes or a malformed code. [WriteSample]
// wraps it with the field at fault.
var ErrSampleConfig = errors.New("invalid sample config")

// SampleCode is one CAMEO event code the generator may draw, with its
// Goldstein value and quad class.
type SampleCode struct {
	// Code is the CAMEO code: two to four digits, the first two its root
	// ("01" to "20").
	Code string
	// Goldstein is the code's Goldstein scale value, -10 to 10.
	Goldstein float64
	// Quad is the code's quad class, 1 to 4 (see [EventRow.Quad]).
	Quad int
}

// SampleConfig describes a synthetic event file.
type SampleConfig struct {
	// Rows is the number of records to write (> 0).
	Rows int
	// Seed selects the file: the same configuration and seed give the
	// same bytes.
	Seed uint64
	// Start and End bound the events' days: every day is a UTC midnight
	// in [Start, End), and there must be one.
	Start, End time.Time
	// FirstID is the GLOBALEVENTID of the first record; 0 means 1.
	FirstID int64
	// Codes are the codes to draw from (required), each once.
	Codes []SampleCode
}

// Shares of the sample's records.
const (
	// samplePairShare is the share of records between the United States
	// and Russia, the pair whose relations follow [sampleTension]: about
	// 11 a week with 100,000 records over ten years.
	samplePairShare = 0.06
	// sampleOneActor is the share of the other records with no Actor2.
	sampleOneActor = 0.05
	// sampleRootShare is the share of root events (IsRootEvent 1).
	sampleRootShare = 0.4
	// sampleChunk is the number of records built before each write.
	sampleChunk = 4096
)

// sampleCountry is one country the sample's actors come from.
type sampleCountry struct {
	iso3, iso2 string
	// weight is how often the country is an actor, roughly its share of
	// GDELT's events in percent.
	weight float64
	// lat and lon are its capital's, in degrees.
	lat, lon float64
}

// sampleCountries are countries often in the news, with ISO 3166-1
// alpha-3 and alpha-2 codes and the position of their capital (Jerusalem
// for Israel, Ramallah for Palestine).
var sampleCountries = [...]sampleCountry{
	{"USA", "US", 12, 38.90, -77.04},
	{"RUS", "RU", 6, 55.76, 37.62},
	{"CHN", "CN", 5, 39.90, 116.40},
	{"GBR", "GB", 5, 51.51, -0.13},
	{"FRA", "FR", 3, 48.86, 2.35},
	{"DEU", "DE", 3, 52.52, 13.40},
	{"UKR", "UA", 3, 50.45, 30.52},
	{"ISR", "IL", 4, 31.78, 35.22},
	{"PSE", "PS", 2, 31.90, 35.20},
	{"IRN", "IR", 3.5, 35.69, 51.39},
	{"SYR", "SY", 3, 33.51, 36.29},
	{"IRQ", "IQ", 2.5, 33.31, 44.37},
	{"TUR", "TR", 2.5, 39.93, 32.85},
	{"IND", "IN", 3.5, 28.61, 77.21},
	{"PAK", "PK", 2.5, 33.69, 73.05},
	{"AFG", "AF", 2, 34.53, 69.17},
	{"PRK", "KP", 1.5, 39.04, 125.76},
	{"KOR", "KR", 1.5, 37.57, 126.98},
	{"JPN", "JP", 2, 35.68, 139.69},
	{"SAU", "SA", 2, 24.71, 46.68},
	{"EGY", "EG", 1.5, 30.04, 31.24},
	{"NGA", "NG", 1.5, 9.08, 7.40},
	{"ZAF", "ZA", 1.5, -25.75, 28.19},
	{"BRA", "BR", 1.5, -15.79, -47.88},
	{"MEX", "MX", 1.5, 19.43, -99.13},
	{"CAN", "CA", 2, 45.42, -75.70},
	{"AUS", "AU", 2, -35.28, 149.13},
	{"ITA", "IT", 1.2, 41.90, 12.50},
	{"ESP", "ES", 1, 40.42, -3.70},
	{"POL", "PL", 0.8, 52.23, 21.01},
	{"LBN", "LB", 1, 33.89, 35.50},
	{"YEM", "YE", 1, 15.37, 44.19},
	{"LBY", "LY", 1, 32.89, 13.19},
	{"QAT", "QA", 0.8, 25.29, 51.53},
	{"ARE", "AE", 0.8, 24.45, 54.38},
	{"VEN", "VE", 1, 10.49, -66.88},
	{"KEN", "KE", 1, -1.29, 36.82},
	{"ETH", "ET", 0.8, 9.03, 38.74},
	{"IDN", "ID", 1, -6.21, 106.85},
	{"PHL", "PH", 1.2, 14.60, 120.98},
	{"TWN", "TW", 0.8, 25.03, 121.57},
	{"BLR", "BY", 0.6, 53.90, 27.57},
	{"SOM", "SO", 0.8, 2.05, 45.32},
}

// sampleRoles are the role codes appended to an actor's country, with
// their weights; "" is a bare country.
var sampleRoles = [...]struct {
	code   string
	weight float64
}{
	{"", 40}, {"GOV", 27}, {"MIL", 8}, {"COP", 4}, {"OPP", 4}, {"REB", 3}, {"BUS", 5}, {"MED", 4}, {"CVL", 5},
}

// sampleRootWeights are the shares in percent of the CAMEO roots 01 to 20
// among GDELT's events, roughly.
var sampleRootWeights = [21]float64{
	1: 12, 2: 5, 3: 6, 4: 22, 5: 8, 6: 3, 7: 3, 8: 2, 9: 2, 10: 2,
	11: 7, 12: 2, 13: 3, 14: 2, 15: 1, 16: 2, 17: 7, 18: 4, 19: 6, 20: 0.5,
}

// WriteSample writes cfg.Rows synthetic event records to w in the GDELT 2.0
// layout ([WriteEvents]), buffering its writes. The data are made up, for
// demonstrations and benchmarks, and must never be passed off as GDELT's.
// The same cfg gives the same bytes. An invalid cfg gives an error
// wrapping [ErrSampleConfig]; otherwise the only error is w's. Memory does
// not grow with cfg.Rows (only by 8 bytes a day of the period).
//
// Records come in date order, numbered from cfg.FirstID; each day gets
// about the same number of records (±5%), a quarter fewer on weekends. In
// each record:
//
//   - the actors are two different countries of about forty often in the
//     news (the United States in about a quarter of the records, Russia
//     in one in six, China in one in ten), but 5% of the records have no
//     Actor2; 60% of the actors have a role (GOV, MIL, COP, OPP, REB, BUS,
//     MED or CVL; GOV the most common) appended to the code ("USAGOV");
//     the name is the country's in capitals ("UNITED STATES");
//   - the event code is drawn from cfg.Codes by root with about GDELT's
//     frequencies (04 22%, 01 12%, 05 8%, 11 and 17 7%, 20 half a
//     percent), then uniformly among the codes of the root; a two-digit
//     root heading ("01") is drawn only when cfg.Codes has no longer code
//     of its root, as GDELT writes three- and four-digit codes; the quad
//     class and Goldstein value are the code's;
//   - NumMentions is 1 to 10 (1 in half the records), NumSources 1 to 3,
//     NumArticles between the two; AvgTone follows the Goldstein value
//     (about -6 at -10, +1 at +7) with noise, within [-10, 5]; 40% are
//     root events;
//   - the action geography is Actor1's country, or Actor2's in 40% of the
//     records that have one, as a country location at its capital; the
//     actor geographies are empty;
//   - DATEADDED is the day plus 1 to 12 hours in 15-minute steps, and
//     SOURCEURL is https://news.example.org/YYYY/MM/DD/ID.
//
// About 6% of the records are between the United States and Russia, in
// either direction, and the share of conflict codes (quads 3 and 4) among
// them follows a tension curve: 28% at the start, rising slowly to 45% at
// the end, with episodes on top:
//
//   - +15 points for 3 weeks from 30% of the period and +12 points for 2
//     weeks from 48%: spats;
//   - +30 points for 4 weeks from 70%, to about 66%: a sharp crisis;
//   - a climb over the last 6 weeks, slow then steep, to 95% on the last
//     day: the all-time low, each week worse than the one before, in
//     which conflict also turns material (quad 4 rises from its usual
//     share of the conflict codes, 56% with GDELT's frequencies, to 90%).
//
// The pair gets more coverage in episodes (twice its usual share in the
// crisis, up to 4 times at the end), and each week's share moves by up
// to 3 points at random (less in the final climb). The pair's records,
// their conflict codes and the material ones among those are spread
// evenly over time rather than drawn independently, so that a week's
// share is off the curve by at most one record. With 100,000 records over
// ten years a week has about 11 of the pair's (40 in the last), enough for
// a barometer that wants 10 events a period, and the last week has the
// highest conflict share on record and nearly always the lowest mean
// Goldstein value (about -6, against about 0 usually and -4 in the
// crisis). A period that ends inside a week leaves a short last week of
// few records, which may not beat the week before: end it on a Monday for
// weekly questions. For periods shorter than two years the episodes
// shrink (a week of the curve is a hundredth of the period). The other
// records have no trend.
func WriteSample(w io.Writer, cfg SampleConfig) error {
	s, err := newSampler(cfg)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	rows := make([]EventRow, min(cfg.Rows, sampleChunk))
	urls := make([]byte, 0, len(rows)*48)
	ends := make([]int, len(rows))
	n := 0
	flush := func() error {
		// One string holds the chunk's URLs: one allocation a chunk.
		all := string(urls)
		from := 0
		for i := range n {
			rows[i].SourceURL = all[from:ends[i]]
			from = ends[i]
		}
		err := WriteEvents(bw, rows[:n])
		n, urls = 0, urls[:0]
		return err
	}
	written := 0
	for day := range s.days {
		if day%7 == 0 {
			s.jitter = 0.03 * (2*s.rng.Float64() - 1)
		}
		k := s.rowsOn(day, cfg.Rows)
		if k == 0 {
			continue
		}
		date := s.first.AddDate(0, 0, day)
		conflict, attention, final := sampleTension(day, s.days)
		p := pairDay{
			share: min(1, samplePairShare*attention/s.meanAttention),
			// The jitter fades in the final climb, which must stay steep.
			conflict: min(1, max(0, conflict+(1-final)*s.jitter)),
			material: s.material + max(0, 0.9-s.material)*final,
		}
		for range k {
			r := &rows[n]
			s.row(r, date, p)
			r.ID = s.firstID + int64(written)
			urls = append(urls, "https://news.example.org/"...)
			urls = date.AppendFormat(urls, "2006/01/02/")
			urls = strconv.AppendInt(urls, r.ID, 10)
			ends[n] = len(urls)
			n++
			written++
			if n == len(rows) {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	return bw.Flush()
}

// sampleTension returns, for day t of a period of days, the share of
// conflict codes among the records between the United States and Russia
// and the pair's attention: 1 normally, more in episodes. final is how far
// the day is into the final climb, 0 to 1. See [WriteSample] for the curve.
func sampleTension(t, days int) (conflict, attention, final float64) {
	x := (float64(t) + 0.5) / float64(days)
	conflict = 0.28 + 0.17*x*x
	attention = 1
	// week is a week of the curve in days: 7, or a hundredth of a short
	// period.
	week := min(7, float64(days)/100)
	for _, e := range [...]struct{ at, weeks, height, attention float64 }{
		{0.30, 3, 0.15, 0.5},
		{0.48, 2, 0.12, 0.5},
		{0.70, 4, 0.30, 1},
	} {
		b := trapezoid(float64(t), e.at*float64(days), e.weeks*week, 3*week/7)
		conflict += b * e.height
		attention += b * e.attention
	}
	// The final climb: over the last 6 weeks, quadratic so that the last
	// week is well below the one before, to 95% on the last day.
	if climb := float64(days) - 6*week; float64(t) >= climb {
		b := (float64(t) - climb + 1) / (6 * week)
		b *= b
		conflict += b * (0.95 - 0.45)
		attention += b * 3
		final = b
	}
	return min(conflict, 1), attention, final
}

// trapezoid is 1 in the span of length days from start, 0 outside, and
// linear over ramp days at both ends.
func trapezoid(t, start, length, ramp float64) float64 {
	t += 0.5 // the middle of day t
	end := start + length
	if t <= start || t >= end {
		return 0
	}
	ramp = max(ramp, 0.5)
	return min(1, (t-start)/ramp, (end-t)/ramp)
}

// sampler draws the records of a sample file.
type sampler struct {
	rng     *rand.Rand
	first   time.Time // the first day
	days    int
	firstID int64

	dayWeight          []float64 // each day's share of the rows, unnormalised
	totalWeight, cumul float64
	rowsSoFar          int
	meanAttention      float64

	countries  aliasTable
	roles      aliasTable
	actors     [][]Actor // by country, then role
	places     []Location
	usa, rus   int
	codes      []sampleDraw
	all        aliasTable
	conflicts  aliasTable // codes of quads 3 and 4, or all when none
	cooperates aliasTable // codes of quads 1 and 2, or all when none
	verbal     aliasTable // codes of quad 3, or conflicts when quad 3 or 4 has none
	materials  aliasTable // codes of quad 4, or conflicts when quad 3 or 4 has none
	material   float64    // the usual share of quad 4 among conflict codes

	// Error diffusion of the pair's records, of their conflict codes and
	// of material conflict among those.
	pairAcc, conflictAcc, materialAcc float64
	jitter                            float64 // this week's move of the pair's conflict share
}

// sampleDraw is a code with its base and root, sliced once.
type sampleDraw struct {
	SampleCode
	base, root string
}

func newSampler(cfg SampleConfig) (*sampler, error) {
	if cfg.Rows <= 0 {
		return nil, fmt.Errorf("%w: Rows is %d, want > 0", ErrSampleConfig, cfg.Rows)
	}
	if cfg.FirstID < 0 {
		return nil, fmt.Errorf("%w: FirstID is %d, want >= 0", ErrSampleConfig, cfg.FirstID)
	}
	first, end := ceilDay(cfg.Start), ceilDay(cfg.End)
	if !first.Before(end) {
		return nil, fmt.Errorf("%w: no day from Start %s to End %s", ErrSampleConfig,
			cfg.Start.Format(time.RFC3339), cfg.End.Format(time.RFC3339))
	}
	if first.Year() < 1 || end.AddDate(0, 0, -1).Year() > 9999 {
		return nil, fmt.Errorf("%w: Start and End must lie in the years 1 to 9999", ErrSampleConfig)
	}
	s := &sampler{
		rng:     rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		first:   first,
		days:    int((end.Unix() - first.Unix()) / 86400),
		firstID: cfg.FirstID,
	}
	if s.firstID == 0 {
		s.firstID = 1
	}
	if err := s.setCodes(cfg.Codes); err != nil {
		return nil, err
	}
	s.setActors()

	// Day weights: fewer records on weekends, and up to about 10% noise.
	s.dayWeight = make([]float64, s.days)
	var attention float64
	for d := range s.dayWeight {
		w := math.Exp(0.05 * s.rng.NormFloat64())
		switch first.AddDate(0, 0, d).Weekday() {
		case time.Saturday:
			w *= 0.75
		case time.Sunday:
			w *= 0.7
		}
		s.dayWeight[d] = w
		s.totalWeight += w
		_, a, _ := sampleTension(d, s.days)
		attention += w * a
	}
	s.meanAttention = attention / s.totalWeight
	s.conflictAcc, s.materialAcc = 0.5, 0.5
	return s, nil
}

// ceilDay returns the first UTC midnight at or after t.
func ceilDay(t time.Time) time.Time {
	t = t.UTC()
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if d.Before(t) {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// rowsOn returns the number of the rows the day gets: the rounded
// cumulative share of the days so far, less the rows already given.
func (s *sampler) rowsOn(day, rows int) int {
	s.cumul += s.dayWeight[day]
	upto := int(math.Round(float64(rows) * s.cumul / s.totalWeight))
	if day == s.days-1 {
		upto = rows
	}
	upto = min(upto, rows)
	k := upto - s.rowsSoFar
	s.rowsSoFar = upto
	return max(k, 0)
}

// setCodes checks codes and builds the tables they are drawn from.
func (s *sampler) setCodes(codes []SampleCode) error {
	if len(codes) == 0 {
		return fmt.Errorf("%w: no codes", ErrSampleConfig)
	}
	seen := make(map[string]bool, len(codes))
	longer := [21]bool{} // the root has a code of three or four digits
	for _, c := range codes {
		root, ok := codeRoot(c.Code)
		switch {
		case !ok:
			return fmt.Errorf("%w: code %q: want 2 to 4 digits, root 01 to 20", ErrSampleConfig, c.Code)
		case c.Quad < 1 || c.Quad > 4:
			return fmt.Errorf("%w: code %s: quad class %d, want 1 to 4", ErrSampleConfig, c.Code, c.Quad)
		case !(c.Goldstein >= -10 && c.Goldstein <= 10):
			return fmt.Errorf("%w: code %s: Goldstein value %v, want -10 to 10", ErrSampleConfig, c.Code, c.Goldstein)
		case seen[c.Code]:
			return fmt.Errorf("%w: code %s given twice", ErrSampleConfig, c.Code)
		}
		seen[c.Code] = true
		if len(c.Code) > 2 {
			longer[root] = true
		}
	}
	var perRoot [21]int
	for _, c := range codes {
		root, _ := codeRoot(c.Code)
		if len(c.Code) == 2 && longer[root] {
			continue
		}
		perRoot[root]++
		s.codes = append(s.codes, sampleDraw{SampleCode: c, base: prefix(c.Code, 3), root: c.Code[:2]})
	}
	// Weights by quad class (index 0: all codes).
	var weights [5][]float64
	var total [5]float64
	for q := range weights {
		weights[q] = make([]float64, len(s.codes))
	}
	for i, c := range s.codes {
		root, _ := codeRoot(c.Code)
		w := sampleRootWeights[root] / float64(perRoot[root])
		weights[0][i], weights[c.Quad][i] = w, w
		total[0] += w
		total[c.Quad] += w
	}
	s.all = newAliasTable(weights[0])
	s.conflicts, s.cooperates = s.all, s.all
	if total[3]+total[4] > 0 && total[1]+total[2] > 0 {
		conflict, coop := weights[3], weights[1]
		for i := range s.codes {
			conflict[i] += weights[4][i]
			coop[i] += weights[2][i]
		}
		s.conflicts, s.cooperates = newAliasTable(conflict), newAliasTable(coop)
	}
	s.verbal, s.materials = s.conflicts, s.conflicts
	s.material = 0
	if total[3] > 0 && total[4] > 0 {
		s.verbal, s.materials = newAliasTable(weights[3]), newAliasTable(weights[4])
		s.material = total[4] / (total[3] + total[4])
	}
	return nil
}

// codeRoot returns the root of a CAMEO code of 2 to 4 digits, 1 to 20.
func codeRoot(code string) (int, bool) {
	if len(code) < 2 || len(code) > 4 {
		return 0, false
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return 0, false
		}
	}
	root := int(code[0]-'0')*10 + int(code[1]-'0')
	return root, root >= 1 && root <= 20
}

// setActors builds every actor and action place the sample writes.
func (s *sampler) setActors() {
	cw := make([]float64, len(sampleCountries))
	rw := make([]float64, len(sampleRoles))
	for i, r := range sampleRoles {
		rw[i] = r.weight
	}
	s.actors = make([][]Actor, len(sampleCountries))
	s.places = make([]Location, len(sampleCountries))
	for i, c := range sampleCountries {
		cw[i] = c.weight
		switch c.iso3 {
		case "USA":
			s.usa = i
		case "RUS":
			s.rus = i
		}
		name := countryName(c.iso2)
		s.actors[i] = make([]Actor, len(sampleRoles))
		for j, r := range sampleRoles {
			s.actors[i][j] = Actor{Code: c.iso3 + r.code, Name: strings.ToUpper(name), CountryCode: c.iso3, Type1Code: r.code}
		}
		fips := FIPS(c.iso2)
		s.places[i] = Location{Type: Country, FullName: name, CountryCode: fips, ADM1Code: fips,
			Lat: c.lat, Lon: c.lon, FeatureID: fips}
	}
	s.countries = newAliasTable(cw)
	s.roles = newAliasTable(rw)
}

// pairDay is what the tension curve makes of a day's records between the
// United States and Russia.
type pairDay struct {
	share    float64 // the pair's share of the day's records
	conflict float64 // the share of conflict codes among them
	material float64 // the share of quad 4 among those
}

// row fills r, but for its ID and URL, with a record of day date.
func (s *sampler) row(r *EventRow, date time.Time, p pairDay) {
	rng := s.rng
	c1, c2 := 0, -1
	var code *sampleDraw
	s.pairAcc += p.share
	if s.pairAcc >= 1 {
		s.pairAcc--
		c1, c2 = s.usa, s.rus
		if rng.IntN(2) == 0 {
			c1, c2 = c2, c1
		}
		s.conflictAcc += p.conflict
		if s.conflictAcc >= 1 {
			s.conflictAcc--
			s.materialAcc += p.material
			if s.materialAcc >= 1 {
				s.materialAcc--
				code = &s.codes[s.materials.draw(rng)]
			} else {
				code = &s.codes[s.verbal.draw(rng)]
			}
		} else {
			code = &s.codes[s.cooperates.draw(rng)]
		}
	} else {
		c1 = s.countries.draw(rng)
		if rng.Float64() >= sampleOneActor {
			for {
				c2 = s.countries.draw(rng)
				if c2 != c1 && !(c1 == s.usa && c2 == s.rus || c1 == s.rus && c2 == s.usa) {
					break
				}
			}
		}
		code = &s.codes[s.all.draw(rng)]
	}

	r.Date = date
	r.Actor1 = s.actors[c1][s.roles.draw(rng)]
	r.Actor2 = Actor{}
	r.ActionGeo = s.places[c1]
	if c2 >= 0 {
		r.Actor2 = s.actors[c2][s.roles.draw(rng)]
		if rng.Float64() < 0.4 {
			r.ActionGeo = s.places[c2]
		}
	}
	r.IsRoot = rng.Float64() < sampleRootShare
	r.Code, r.BaseCode, r.RootCode = code.Code, code.base, code.root
	r.Quad, r.Goldstein = code.Quad, code.Goldstein

	u := rng.Float64()
	m := 1 + int(9*u*u*u)
	src := 1
	switch v := rng.Float64(); {
	case m > 2 && v < 0.1:
		src = 3
	case m > 1 && v < 0.3:
		src = 2
	}
	r.NumMentions, r.NumSources, r.NumArticles = m, src, src+rng.IntN(m-src+1)
	tone := -2 + 0.4*code.Goldstein + 1.5*rng.NormFloat64()
	r.AvgTone = math.Round(min(5, max(-10, tone))*1e4) / 1e4
	r.Added = date.Add(time.Duration(4+rng.IntN(44)) * 15 * time.Minute)
}

// aliasTable draws an index with probability proportional to its weight
// in constant time (Walker's alias method, Vose's construction).
type aliasTable struct {
	index []int32 // the indices of the positive weights
	prob  []float64
	alias []int32 // into index
}

// newAliasTable returns the table of weights, of which some must be
// positive. An index of weight 0 is never drawn.
func newAliasTable(weights []float64) aliasTable {
	var t aliasTable
	var sum float64
	for i, w := range weights {
		if w > 0 {
			t.index = append(t.index, int32(i))
			sum += w
		}
	}
	n := len(t.index)
	t.prob, t.alias = make([]float64, n), make([]int32, n)
	scaled := make([]float64, n)
	var small, large []int32
	for k, i := range t.index {
		scaled[k] = weights[i] * float64(n) / sum
		if scaled[k] < 1 {
			small = append(small, int32(k))
		} else {
			large = append(large, int32(k))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		l, g := small[len(small)-1], large[len(large)-1]
		small = small[:len(small)-1]
		t.prob[l], t.alias[l] = scaled[l], g
		scaled[g] -= 1 - scaled[l]
		if scaled[g] < 1 {
			large = large[:len(large)-1]
			small = append(small, g)
		}
	}
	// What is left is 1 but for rounding.
	for _, k := range append(large, small...) {
		t.prob[k], t.alias[k] = 1, k
	}
	return t
}

func (t *aliasTable) draw(rng *rand.Rand) int {
	k := rng.IntN(len(t.prob))
	if rng.Float64() >= t.prob[k] {
		k = int(t.alias[k])
	}
	return int(t.index[k])
}
