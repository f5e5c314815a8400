package geo

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strings"
	"sync"
)

// embedded holds the generated gazetteer (data/gazetteer.bin.gz) and the
// hand-written tables it was generated from. The whole directory is
// embedded so the package compiles before the first generation.
//
//go:embed data
var embedded embed.FS

// DefaultFile is the path of the gazetteer within the embedded files.
const DefaultFile = "data/gazetteer.bin.gz"

// Entry is one place of the gazetteer.
type Entry struct {
	// ID is the GeoNames id; 0 for an entry written for worldmedia (a
	// division, region, sea or base) whose GeoNames id is not recorded.
	ID int
	// Name is the place's name in GeoNames, or its canonical English name.
	Name string
	// Lat and Lon are the position in decimal degrees (WGS 84): the town
	// centre, or an approximate centre of a country, division or region.
	Lat, Lon float64
	// Population is GeoNames' figure for a town; for a country or
	// division the sum over its towns in the gazetteer; 0 for features.
	Population int64
	// Class is the GeoNames feature class: 'A' country or division, 'P'
	// populated place, 'H' water, 'L' region or area, 'S' site or building,
	// 'T' island, peninsula or mountains.
	Class byte
	// Code is the GeoNames feature code ("PPLC" capital, "PCLI" country,
	// "ADM1" first-order division, "SEA", "MILB" military base).
	Code string
	// Country is the ISO 3166-1 alpha-2 code, "" for features beyond one
	// country (seas, continents).
	Country string
	// Admin1 is the GeoNames first-order division code within the country
	// ("NY", "12"), "" when unknown.
	Admin1 string
}

// IsCountry reports whether e is a country or territory record.
func (e *Entry) IsCountry() bool { return e.Class == 'A' && strings.HasPrefix(e.Code, "PCL") }

// IsADM1 reports whether e is a first-order division.
func (e *Entry) IsADM1() bool { return e.Class == 'A' && e.Code == "ADM1" }

// Country is a country or territory of the gazetteer.
type Country struct {
	ISO2, ISO3 string
	// Capital is the capital's name, "" for none.
	Capital string
	// Entry is the index of the country's record in the gazetteer.
	Entry int32
}

// key flags.
const (
	// flagPrefix marks a key that begins a longer key ("new" of "new york").
	flagPrefix = 1 << iota
)

// Gazetteer is a read-only table of places with an index from normalised
// names to them. It is safe for concurrent use.
type Gazetteer struct {
	entries   []Entry
	posts     []int32
	keys      map[string]uint64 // key → offset<<32 | count<<8 | flags
	countries []Country
	iso2      map[string]int
	iso3      map[string]int
	adm1      map[string]int32 // "US.NY" → entry of the division
}

var defaultGazetteer = sync.OnceValues(func() (*Gazetteer, error) {
	return Load(embedded, DefaultFile)
})

// Embedded returns the files embedded in the package: the gazetteer
// ([DefaultFile]) and the tables it was generated from.
func Embedded() fs.FS { return embedded }

// Default returns the embedded gazetteer, decoded once per process.
func Default() (*Gazetteer, error) { return defaultGazetteer() }

// MustDefault is [Default] for embedded data that is known to be good; it
// panics if the embedded gazetteer is damaged.
func MustDefault() *Gazetteer {
	g, err := Default()
	if err != nil {
		panic(err)
	}
	return g
}

// Load reads a gzip-compressed gazetteer file (docs/gazetteer.md) from fsys.
func Load(fsys fs.FS, name string) (*Gazetteer, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gazetteer %s: %w", name, err)
	}
	var buf bytes.Buffer
	if st, err := f.Stat(); err == nil && st.Size() > 0 {
		buf.Grow(int(st.Size()) * 3)
	}
	if _, err := io.Copy(&buf, zr); err != nil {
		return nil, fmt.Errorf("gazetteer %s: %w", name, err)
	}
	g, err := decode(buf.String())
	if err != nil {
		return nil, fmt.Errorf("gazetteer %s: %w", name, err)
	}
	return g, nil
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entry returns the i-th entry.
func (g *Gazetteer) Entry(i int) *Entry { return &g.entries[i] }

// Keys returns the number of distinct names the index holds.
func (g *Gazetteer) Keys() int { return len(g.keys) }

// Lookup returns the entries a name may refer to, in gazetteer order
// (countries, divisions and features first, then towns); nil when the name
// is unknown. Demonyms and abbreviations are not names: see [Gazetteer.Demonym].
func (g *Gazetteer) Lookup(name string) []Entry {
	var buf [64]byte
	posts, _, _ := g.lookup(AppendKey(buf[:0], name))
	out := make([]Entry, len(posts))
	for i, p := range posts {
		out[i] = g.entries[p]
	}
	return out
}

// Demonym returns the country whose demonym or adjective name is
// ("Russian", "Syrians").
func (g *Gazetteer) Demonym(name string) (Country, bool) {
	buf := append(make([]byte, 0, 64), nsDemonym)
	posts, _, _ := g.lookup(AppendKey(buf, name))
	for _, p := range posts {
		if c, ok := g.CountryByISO2(g.entries[p].Country); ok {
			return c, true
		}
	}
	return Country{}, false
}

// CountryByISO2 returns the country with an ISO 3166-1 alpha-2 code.
func (g *Gazetteer) CountryByISO2(code string) (Country, bool) {
	i, ok := g.iso2[code]
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// CountryByISO3 returns the country with an ISO 3166-1 alpha-3 code.
func (g *Gazetteer) CountryByISO3(code string) (Country, bool) {
	i, ok := g.iso3[code]
	if !ok {
		return Country{}, false
	}
	return g.countries[i], true
}

// lookup returns the postings and flags of a key; ok is false when the key
// is unknown. A key that only begins longer keys has no postings. It does
// not allocate.
func (g *Gazetteer) lookup(key []byte) (posts []int32, flags uint8, ok bool) {
	v, ok := g.keys[string(key)]
	if !ok {
		return nil, 0, false
	}
	off, n := uint32(v>>32), uint32(v>>8)&0xFFFFFF
	return g.posts[off : off+n : off+n], uint8(v), true
}

// distanceKm returns the great-circle distance between two points.
func distanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// DistanceKm returns the great-circle distance in kilometres between two
// points given in decimal degrees.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 { return distanceKm(lat1, lon1, lat2, lon2) }
