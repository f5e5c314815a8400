package geo

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// magic opens every gazetteer file (docs/gazetteer.md), version 1.
const magic = "WMGAZ\x01"

// coordScale is the fixed-point scale of stored coordinates (1e-5 degree,
// about a metre).
const coordScale = 1e5

// Builder collects the entries and names of a gazetteer and writes it in the
// binary format. The generator (gen/) uses it; the zero value is ready.
type Builder struct {
	entries   []Entry
	countries []Country
	names     map[string][]int32
}

// Add appends an entry and returns its index.
func (b *Builder) Add(e Entry) int32 {
	b.entries = append(b.entries, e)
	return int32(len(b.entries) - 1)
}

// Entries returns the entries added so far.
func (b *Builder) Entries() []Entry { return b.entries }

// Entry returns the i-th entry added, for the generator to adjust.
func (b *Builder) Entry(i int32) *Entry { return &b.entries[i] }

// AddCountry records that entry c.Entry is the country c.
func (b *Builder) AddCountry(c Country) { b.countries = append(b.countries, c) }

// AddName indexes entry i under name.
func (b *Builder) AddName(name string, i int32) { b.addKey(Normalize(name), i) }

// AddAbbrev indexes entry i (a division) under an abbreviation that names it
// only after "Place, " ("Calif.", "N.J.").
func (b *Builder) AddAbbrev(abbr string, i int32) {
	b.addKey(string(nsAbbrev)+Normalize(abbr), i)
}

// AddDemonym indexes entry i (a country) under a demonym or adjective.
func (b *Builder) AddDemonym(d string, i int32) {
	b.addKey(string(nsDemonym)+Normalize(d), i)
}

func (b *Builder) addKey(k string, i int32) {
	if k == "" || k == string(nsAbbrev) || k == string(nsDemonym) {
		return
	}
	if b.names == nil {
		b.names = map[string][]int32{}
	}
	if !slices.Contains(b.names[k], i) {
		b.names[k] = append(b.names[k], i)
	}
}

// Gazetteer returns the gazetteer built so far, as [Load] would read it back.
func (b *Builder) Gazetteer() (*Gazetteer, error) {
	var sb strings.Builder
	if _, err := b.WriteTo(&sb); err != nil {
		return nil, err
	}
	return decode(sb.String())
}

// WriteTo writes the gazetteer, uncompressed, to w (the generator gzips it).
func (b *Builder) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: bufio.NewWriterSize(w, 1<<16)}
	e := encoder{w: cw}
	e.raw(magic)

	codes, codeIdx := table(b.entries, func(x *Entry) string { return x.Code })
	admins, adminIdx := table(b.entries, func(x *Entry) string { return x.Admin1 })
	countryIdx := map[string]int{}
	for i, c := range b.countries {
		countryIdx[c.ISO2] = i
	}

	e.uvarint(uint64(len(codes)))
	for _, s := range codes {
		e.str(s)
	}
	e.uvarint(uint64(len(admins)))
	for _, s := range admins {
		e.str(s)
	}
	e.uvarint(uint64(len(b.countries)))
	for _, c := range b.countries {
		e.str(c.ISO2)
		e.str(c.ISO3)
		e.str(c.Capital)
		e.uvarint(uint64(c.Entry))
	}
	// Entries are written column by column, ids and positions as deltas
	// from the previous entry: neighbours in GeoNames order are close.
	n := len(b.entries)
	e.uvarint(uint64(n))
	cidx := make([]int, n)
	for i := range b.entries {
		x := &b.entries[i]
		ci, ok := countryIdx[x.Country]
		if !ok && x.Country != "" {
			return cw.n, fmt.Errorf("entry %d %q: country %q not in the country table", x.ID, x.Name, x.Country)
		}
		if !ok {
			ci = -1
		}
		cidx[i] = ci
	}
	var prevID, prevLat, prevLon int64
	for i := range b.entries {
		id := int64(b.entries[i].ID)
		e.varint(id - prevID)
		prevID = id
	}
	for i := range b.entries {
		v := int64(math.Round(b.entries[i].Lat * coordScale))
		e.varint(v - prevLat)
		prevLat = v
	}
	for i := range b.entries {
		v := int64(math.Round(b.entries[i].Lon * coordScale))
		e.varint(v - prevLon)
		prevLon = v
	}
	for i := range b.entries {
		e.uvarint(uint64(max(b.entries[i].Population, 0)))
	}
	for i := range b.entries {
		e.byte(b.entries[i].Class)
	}
	for i := range b.entries {
		e.uvarint(uint64(codeIdx[b.entries[i].Code]))
	}
	for i := range b.entries {
		e.uvarint(uint64(cidx[i] + 1))
	}
	for i := range b.entries {
		e.uvarint(uint64(adminIdx[b.entries[i].Admin1]))
	}
	for i := range b.entries {
		e.str(b.entries[i].Name)
	}

	keys := make([]string, 0, len(b.names))
	for k := range b.names {
		keys = append(keys, k)
	}
	// A key that begins a longer one gets the prefix flag; word prefixes
	// that are no key themselves are written with no postings.
	prefix := map[string]bool{}
	for _, k := range keys {
		for i := 0; i < len(k); i++ {
			if k[i] == ' ' {
				prefix[k[:i]] = true
			}
		}
	}
	for p := range prefix {
		if _, ok := b.names[p]; !ok {
			keys = append(keys, p)
		}
	}
	slices.Sort(keys)
	// Keys are sorted and front-coded: the length shared with the previous
	// key, then the rest.
	e.uvarint(uint64(len(keys)))
	prev := ""
	for _, k := range keys {
		posts := slices.Clone(b.names[k])
		// Countries, divisions and features first, then the bigger towns.
		slices.SortStableFunc(posts, func(p, q int32) int {
			return cmp.Or(cmp.Compare(rank(&b.entries[p]), rank(&b.entries[q])),
				cmp.Compare(b.entries[q].Population, b.entries[p].Population))
		})
		var flags byte
		if prefix[k] {
			flags |= flagPrefix
		}
		shared := 0
		for shared < len(k) && shared < len(prev) && k[shared] == prev[shared] {
			shared++
		}
		e.uvarint(uint64(shared))
		e.str(k[shared:])
		prev = k
		e.byte(flags)
		e.uvarint(uint64(len(posts)))
		for _, p := range posts {
			e.uvarint(uint64(p))
		}
	}
	if e.err == nil {
		e.err = cw.w.(*bufio.Writer).Flush()
	}
	return cw.n, e.err
}

// rank orders the postings of a key: countries, divisions, other features,
// towns.
func rank(e *Entry) int {
	switch {
	case e.IsCountry():
		return 0
	case e.IsADM1():
		return 1
	case e.Class != 'P':
		return 2
	}
	return 3
}

// table returns the distinct values of a string field, "" first, and their
// indexes.
func table(es []Entry, f func(*Entry) string) ([]string, map[string]int) {
	idx := map[string]int{"": 0}
	out := []string{""}
	for i := range es {
		s := f(&es[i])
		if _, ok := idx[s]; !ok {
			idx[s] = len(out)
			out = append(out, s)
		}
	}
	return out, idx
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

type encoder struct {
	w   io.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

func (e *encoder) raw(s string) {
	if e.err == nil {
		_, e.err = io.WriteString(e.w, s)
	}
}

func (e *encoder) byte(c byte) {
	if e.err == nil {
		e.buf[0] = c
		_, e.err = e.w.Write(e.buf[:1])
	}
}

func (e *encoder) uvarint(v uint64) {
	if e.err == nil {
		_, e.err = e.w.Write(binary.AppendUvarint(e.buf[:0], v))
	}
}

func (e *encoder) varint(v int64) {
	if e.err == nil {
		_, e.err = e.w.Write(binary.AppendVarint(e.buf[:0], v))
	}
}

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.raw(s)
}

// errFormat reports a damaged or foreign gazetteer file.
var errFormat = errors.New("not a worldmedia gazetteer, or damaged")

// decoder reads the binary format from one string; the names it returns
// share that string's memory.
type decoder struct {
	s   string
	pos int
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	var v uint64
	var shift uint
	for i := 0; i < binary.MaxVarintLen64; i++ {
		if d.pos >= len(d.s) {
			d.err = errFormat
			return 0
		}
		c := d.s[d.pos]
		d.pos++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
		shift += 7
	}
	d.err = errFormat
	return 0
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (d *decoder) byte() byte {
	if d.err != nil || d.pos >= len(d.s) {
		d.err = errFormat
		return 0
	}
	c := d.s[d.pos]
	d.pos++
	return c
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.s)-d.pos) {
		d.err = errFormat
		return ""
	}
	s := d.s[d.pos : d.pos+int(n)]
	d.pos += int(n)
	return s
}

// count reads a table length, bounded by the bytes left (every item takes
// at least one byte), so a damaged file cannot ask for huge allocations.
func (d *decoder) count() int {
	n := d.uvarint()
	if n > uint64(len(d.s)-d.pos) {
		d.err = errFormat
		return 0
	}
	return int(n)
}

func decode(s string) (*Gazetteer, error) {
	if !strings.HasPrefix(s, magic) {
		return nil, errFormat
	}
	d := &decoder{s: s, pos: len(magic)}
	codes := make([]string, d.count())
	for i := range codes {
		codes[i] = d.str()
	}
	admins := make([]string, d.count())
	for i := range admins {
		admins[i] = d.str()
	}
	g := &Gazetteer{iso2: map[string]int{}, iso3: map[string]int{}, adm1: map[string]int32{}}
	g.countries = make([]Country, d.count())
	for i := range g.countries {
		c := &g.countries[i]
		c.ISO2, c.ISO3, c.Capital = d.str(), d.str(), d.str()
		c.Entry = int32(d.uvarint())
		g.iso2[c.ISO2] = i
		g.iso3[c.ISO3] = i
	}
	n := d.count()
	g.entries = make([]Entry, n)
	var id, lat, lon int64
	for i := range g.entries {
		id += d.varint()
		g.entries[i].ID = int(id)
	}
	for i := range g.entries {
		lat += d.varint()
		g.entries[i].Lat = float64(lat) / coordScale
	}
	for i := range g.entries {
		lon += d.varint()
		g.entries[i].Lon = float64(lon) / coordScale
	}
	for i := range g.entries {
		g.entries[i].Population = int64(d.uvarint())
	}
	for i := range g.entries {
		g.entries[i].Class = d.byte()
	}
	for i := range g.entries {
		if k := d.uvarint(); k < uint64(len(codes)) {
			g.entries[i].Code = codes[k]
		} else {
			d.err = errFormat
		}
	}
	for i := range g.entries {
		if k := d.uvarint(); k > 0 && k <= uint64(len(g.countries)) {
			g.entries[i].Country = g.countries[k-1].ISO2
		} else if k != 0 {
			d.err = errFormat
		}
	}
	for i := range g.entries {
		if k := d.uvarint(); k < uint64(len(admins)) {
			g.entries[i].Admin1 = admins[k]
		} else {
			d.err = errFormat
		}
	}
	for i := range g.entries {
		e := &g.entries[i]
		e.Name = d.str()
		if d.err != nil {
			return nil, fmt.Errorf("entry %d: %w", i, d.err)
		}
		if e.IsADM1() && e.Country != "" && e.Admin1 != "" {
			g.adm1[e.Country+"."+e.Admin1] = int32(i)
		}
	}
	for _, c := range g.countries {
		if c.Entry < 0 || int(c.Entry) >= len(g.entries) {
			return nil, fmt.Errorf("country %s: %w", c.ISO2, errFormat)
		}
	}
	// Keys are rebuilt into one buffer, so the map's strings share one
	// allocation.
	nkeys := d.count()
	type keyInfo struct {
		end   int
		flags byte
		off   int
		n     int
	}
	infos := make([]keyInfo, nkeys)
	var kb []byte
	prevStart := 0
	g.posts = make([]int32, 0, len(g.entries)*3)
	for i := range infos {
		shared := d.uvarint()
		rest := d.str()
		if d.err != nil || shared > uint64(len(kb)-prevStart) {
			return nil, errFormat
		}
		start := len(kb)
		kb = append(kb, kb[prevStart:prevStart+int(shared)]...)
		kb = append(kb, rest...)
		prevStart = start
		infos[i].end = len(kb)
		infos[i].flags = d.byte()
		cnt := d.count()
		infos[i].off, infos[i].n = len(g.posts), cnt
		for range cnt {
			p := d.uvarint()
			if p >= uint64(len(g.entries)) {
				return nil, errFormat
			}
			g.posts = append(g.posts, int32(p))
		}
		if d.err != nil {
			return nil, d.err
		}
		if cnt >= 1<<24 {
			return nil, errFormat
		}
	}
	all := string(kb)
	g.keys = make(map[string]uint64, nkeys)
	start := 0
	for _, in := range infos {
		g.keys[all[start:in.end]] = uint64(in.off)<<32 | uint64(in.n)<<8 | uint64(in.flags)
		start = in.end
	}
	if d.err != nil {
		return nil, d.err
	}
	return g, nil
}
