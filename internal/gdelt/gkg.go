package gdelt

import (
	"cmp"
	"io"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"worldmedia/internal/article"
)

// GKGColumns are the names of the 27 columns of a GKG 2.1 record, in order,
// as the GKG 2.1 codebook names them. GDELT's files have no header line;
// these are for users who want one.
var GKGColumns = []string{
	"GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
	"V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS",
	"V1PERSONS", "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE",
	"V2.1ENHANCEDDATES", "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS",
	"V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO",
	"V2EXTRASXML",
}

// Column indexes of a GKG 2.1 record.
const (
	gkgRecordID = iota
	gkgDate
	gkgCollection
	gkgSourceName
	gkgDocumentID
	gkgV1Counts
	gkgCounts
	gkgV1Themes
	gkgThemes
	gkgV1Locations
	gkgLocations
	gkgV1Persons
	gkgPersons
	gkgV1Organizations
	gkgOrganizations
	gkgTone
	gkgDates
	gkgGCAM
	gkgSharingImage
	gkgRelatedImages
	gkgSocialImages
	gkgSocialVideos
	gkgQuotations
	gkgAllNames
	gkgAmounts
	gkgTranslation
	gkgExtras
	gkgNumColumns
)

// dateLayout is GDELT's timestamp layout (YYYYMMDDHHMMSS, UTC).
const dateLayout = "20060102150405"

// GKGOptions are the choices [WriteGKG] leaves to its caller. The zero
// value is ready to use.
type GKGOptions struct {
	// RecordID is the GKGRECORDID; "" means the V2.1DATE, "-" and the
	// article's ID ("20170413000000-73dd3b6cc8d40445"), or the ID alone for
	// an undated article.
	RecordID string
	// Offsets is the unit of the character offsets written (default
	// [RuneOffsets], as GDELT counts).
	Offsets OffsetUnit
	// Level gives the location type of a place; nil means [PlaceLevel].
	// cmd passes one that asks the gazetteer the place came from.
	Level func(article.Place) LocType
}

// CountType returns the GDELT count type for a worldmedia count kind:
// "DISPLACE" is "DISPLACED", "EVACUATE" is "EVACUATION", the others
// (KILL, WOUND, ARREST, KIDNAP, REFUGEES, PROTEST, SICKENED, AFFECT) are
// spelled alike. [CountKind] is its inverse.
func CountType(kind string) string {
	switch kind {
	case "DISPLACE":
		return "DISPLACED"
	case "EVACUATE":
		return "EVACUATION"
	}
	return kind
}

// CountKind returns the worldmedia count kind for a GDELT count type
// ("EVACUATION" → "EVACUATE"); other types, themes among them, are returned
// unchanged.
func CountKind(typ string) string {
	switch typ {
	case "DISPLACED":
		return "DISPLACE"
	case "EVACUATION":
		return "EVACUATE"
	}
	return typ
}

// WriteGKG writes a's analysis to w as one GKG 2.1 record: 27 tab-separated
// columns and a newline, packed as GDELT packs them (docs/gdelt.md). Columns
// worldmedia has nothing for are empty. Tabs and line breaks inside values
// become spaces, and so do the separators of the packed field a value
// lands in. The only error is w's.
func WriteGKG(w io.Writer, a *article.Article, opts GKGOptions) error {
	_, err := io.WriteString(w, gkgRow(a, opts))
	return err
}

// gkgRow returns the record WriteGKG writes, newline included.
func gkgRow(a *article.Article, opts GKGOptions) string {
	var c [gkgNumColumns]string
	g := gkgWriter{a: a, off: newOffsets(a.Text, opts.Offsets), level: opts.Level}
	if g.level == nil {
		g.level = PlaceLevel
	}
	if !a.Date.IsZero() {
		c[gkgDate] = a.Date.UTC().Format(dateLayout)
	}
	c[gkgRecordID] = opts.RecordID
	if c[gkgRecordID] == "" {
		c[gkgRecordID] = a.ID
		if c[gkgDate] != "" {
			c[gkgRecordID] = c[gkgDate] + "-" + a.ID
		}
	}
	c[gkgCollection] = "1"
	c[gkgSourceName] = sourceName(a)
	c[gkgDocumentID] = orElse(a.URL, a.ID)
	c[gkgV1Counts], c[gkgCounts] = g.counts()
	c[gkgV1Themes], c[gkgThemes] = g.themes()
	c[gkgV1Locations], c[gkgLocations] = g.locations()
	c[gkgV1Persons], c[gkgPersons] = g.entities(a.Persons)
	c[gkgV1Organizations], c[gkgOrganizations] = g.entities(a.Organizations)
	if t := a.Tone; t != nil {
		c[gkgTone] = strings.Join([]string{ftoa(t.Tone), ftoa(t.Positive), ftoa(t.Negative), ftoa(t.Polarity),
			ftoa(t.Activity), ftoa(t.SelfGroup), itoa(int64(t.Words))}, ",")
		if t.Words > 0 {
			c[gkgGCAM] = "wc:" + itoa(int64(t.Words))
		}
	}
	c[gkgQuotations] = g.quotations()
	c[gkgAllNames] = g.allNames()
	c[gkgAmounts] = g.amounts()
	if a.Title != "" {
		c[gkgExtras] = "<PAGE_TITLE>" + xmlText(a.Title) + "</PAGE_TITLE>"
	}
	var b strings.Builder
	for i, v := range c {
		if i > 0 {
			b.WriteByte('\t')
		}
		b.WriteString(clean(v, ""))
	}
	b.WriteByte('\n')
	return b.String()
}

// sourceName is GDELT's V2SOURCECOMMONNAME: the URL's host without
// "www.", else the article's source.
func sourceName(a *article.Article) string {
	if u, err := url.Parse(a.URL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return a.Source
}

type gkgWriter struct {
	a     *article.Article
	off   offsets
	level func(article.Place) LocType
}

// placeLocation returns p's GDELT location.
func (g *gkgWriter) placeLocation(p article.Place) Location {
	return gdeltLocation(p, g.level(p))
}

// findPlace returns the place named name (as written or as resolved).
func findPlace(places []article.Place, name string) (article.Place, bool) {
	for _, p := range places {
		if p.Name == name {
			return p, true
		}
	}
	for _, p := range places {
		if p.Resolved == name {
			return p, true
		}
	}
	return article.Place{}, false
}

// packLocation appends l's fields with '#' between them: V1 locations and
// counts (7 fields) or V2 locations (8 fields, with ADM2).
func packLocation(b []string, l Location, v2 bool) []string {
	typ, lat, lon := "", "", ""
	if l.Type != NoLocation {
		typ, lat, lon = itoa(int64(l.Type)), ftoa(l.Lat), ftoa(l.Lon)
	}
	b = append(b, typ, clean(l.FullName, "#;"), clean(l.CountryCode, "#;"), clean(l.ADM1Code, "#;"))
	if v2 {
		b = append(b, clean(l.ADM2Code, "#;"))
	}
	return append(b, lat, lon, clean(l.FeatureID, "#;"))
}

// counts returns V1COUNTS and V2.1COUNTS: every count but amounts of money,
// each with its place's location when the place is among the article's.
func (g *gkgWriter) counts() (v1, v2 string) {
	var b1, b2 strings.Builder
	var f []string
	for _, c := range g.a.Counts {
		if c.Kind == "AMOUNT" {
			continue
		}
		var l Location
		if p, ok := findPlace(g.a.Places, c.Place); ok && c.Place != "" {
			l = g.placeLocation(p)
		}
		f = append(f[:0], clean(CountType(c.Kind), "#;"), itoa(c.Number), clean(c.Object, "#;"))
		f = packLocation(f, l, false)
		e := strings.Join(f, "#")
		b1.WriteString(e)
		b1.WriteByte(';')
		b2.WriteString(e)
		b2.WriteByte('#')
		b2.WriteString(itoa(int64(g.off.at(c.Span.Start))))
		b2.WriteByte(';')
	}
	return b1.String(), b2.String()
}

// themes returns V1THEMES ("A;B;") and V2ENHANCEDTHEMES ("A,12;B,40;").
func (g *gkgWriter) themes() (v1, v2 string) {
	var b1, b2 strings.Builder
	for _, t := range g.a.Themes {
		name := clean(t.Name, ",;")
		b1.WriteString(name)
		b1.WriteByte(';')
		for _, m := range t.Mentions {
			b2.WriteString(name)
			b2.WriteByte(',')
			b2.WriteString(itoa(int64(g.off.at(m.Start))))
			b2.WriteByte(';')
		}
	}
	return b1.String(), b2.String()
}

// locations returns V1LOCATIONS (each place once) and V2ENHANCEDLOCATIONS
// (each mention), ';'-separated with no trailing separator.
func (g *gkgWriter) locations() (v1, v2 string) {
	var l1, l2 []string
	seen := map[string]bool{}
	var f []string
	for _, p := range g.a.Places {
		l := g.placeLocation(p)
		e1 := strings.Join(packLocation(f[:0], l, false), "#")
		if !seen[e1] {
			seen[e1] = true
			l1 = append(l1, e1)
		}
		e2 := strings.Join(packLocation(f[:0], l, true), "#")
		for _, m := range p.Mentions {
			l2 = append(l2, e2+"#"+itoa(int64(g.off.at(m.Start))))
		}
	}
	return strings.Join(l1, ";"), strings.Join(l2, ";")
}

// entities returns V1PERSONS or V1ORGANIZATIONS (lower-case names, each
// once) and the V2 field ("Name,offset" for every mention).
func (g *gkgWriter) entities(es []article.Entity) (v1, v2 string) {
	var l1, l2 []string
	seen := map[string]bool{}
	for _, e := range es {
		name := clean(e.Name, ",;")
		if low := strings.ToLower(name); !seen[low] {
			seen[low] = true
			l1 = append(l1, low)
		}
		for _, m := range e.Mentions {
			l2 = append(l2, name+","+itoa(int64(g.off.at(m.Start))))
		}
	}
	return strings.Join(l1, ";"), strings.Join(l2, ";")
}

// quotations returns V2.1QUOTATIONS: "offset|length|verb|quote" joined by
// '#'. worldmedia records no verb.
func (g *gkgWriter) quotations() string {
	var l []string
	for _, q := range g.a.Quotes {
		start, end := g.off.at(q.Span.Start), g.off.at(q.Span.End)
		l = append(l, itoa(int64(start))+"|"+itoa(int64(end-start))+"||"+clean(q.Text, "#|"))
	}
	return strings.Join(l, "#")
}

// allNames returns V2.1ALLNAMES: every person, organisation and place
// mention, and the entity recogniser's other names, in text order.
func (g *gkgWriter) allNames() string {
	type name struct {
		s   string
		off int
	}
	var ns []name
	for _, es := range [][]article.Entity{g.a.Persons, g.a.Organizations} {
		for _, e := range es {
			for _, m := range e.Mentions {
				ns = append(ns, name{e.Name, m.Start})
			}
		}
	}
	for _, p := range g.a.Places {
		for _, m := range p.Mentions {
			ns = append(ns, name{placeName(p), m.Start})
		}
	}
	for _, m := range g.a.Mentions {
		if m.Type == article.Misc {
			ns = append(ns, name{m.Span.In(g.a.Text), m.Span.Start})
		}
	}
	slices.SortStableFunc(ns, func(x, y name) int { return cmp.Compare(x.off, y.off) })
	var l []string
	seen := map[name]bool{}
	for _, n := range ns {
		if n.s == "" || seen[n] {
			continue
		}
		seen[n] = true
		l = append(l, clean(n.s, ",;")+","+itoa(int64(g.off.at(n.off))))
	}
	return strings.Join(l, ";")
}

// amounts returns V2.1AMOUNTS: "number,object,offset;" for every count,
// people and money alike (GDELT lists every precise number with its
// object), in text order.
func (g *gkgWriter) amounts() string {
	cs := slices.Clone(g.a.Counts)
	slices.SortStableFunc(cs, func(x, y article.Count) int { return cmp.Compare(x.Span.Start, y.Span.Start) })
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(itoa(c.Number))
		b.WriteByte(',')
		b.WriteString(clean(c.Object, ",;"))
		b.WriteByte(',')
		b.WriteString(itoa(int64(g.off.at(c.Span.Start))))
		b.WriteByte(';')
	}
	return b.String()
}

// clean replaces tabs, line breaks and the bytes of seps in s by spaces.
func clean(s, seps string) string {
	bad := func(r rune) bool { return r == '\t' || r == '\n' || r == '\r' || strings.ContainsRune(seps, r) }
	if strings.IndexFunc(s, bad) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if bad(r) {
			return ' '
		}
		return r
	}, s)
}

// xmlText escapes s for V2EXTRASXML as GDELT does: markup characters as
// entities and every non-ASCII character as a hexadecimal reference.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r < ' ':
			b.WriteByte(' ')
		case r < 0x80:
			b.WriteRune(r)
		default:
			b.WriteString("&#x")
			b.WriteString(strings.ToUpper(strconv.FormatInt(int64(r), 16)))
			b.WriteByte(';')
		}
	}
	return b.String()
}
