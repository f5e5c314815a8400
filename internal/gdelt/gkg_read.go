package gdelt

import (
	"html"
	"io"
	"iter"
	"math"
	"strconv"
	"strings"
	"time"

	"worldmedia/internal/article"
)

// GKGRecord is one GKG 2.1 record with its packed fields parsed. Offsets
// are as written: GDELT's character offsets into the document (or what
// the writer chose: see [GKGOptions.Offsets]); V1 fields carry none (-1).
type GKGRecord struct {
	RecordID string
	// Date is V2.1DATE, the time GDELT saw the document (UTC); zero when
	// the column is empty.
	Date time.Time
	// SourceCollection is V2SOURCECOLLECTIONIDENTIFIER: 1 web, 2 citation
	// only, 3 CORE, 4 DTIC, 5 JSTOR, 6 non-textual source.
	SourceCollection int
	SourceName       string
	// DocumentID is the URL for web documents.
	DocumentID string

	// V1Counts and Counts are V1COUNTS and V2.1COUNTS.
	V1Counts []GKGCount
	Counts   []GKGCount
	// V1Themes and Themes are V1THEMES and V2ENHANCEDTHEMES.
	V1Themes []string
	Themes   []GKGName
	// V1Locations and Locations are V1LOCATIONS and V2ENHANCEDLOCATIONS.
	V1Locations []GKGLocation
	Locations   []GKGLocation
	// V1Persons and Persons are V1PERSONS (lower case) and V2ENHANCEDPERSONS.
	V1Persons []string
	Persons   []GKGName
	// V1Organizations and Organizations are V1ORGANIZATIONS and
	// V2ENHANCEDORGANIZATIONS.
	V1Organizations []string
	Organizations   []GKGName
	// Tone is V1.5TONE, nil when the column is empty.
	Tone *article.Tone
	// Dates is V2.1ENHANCEDDATES.
	Dates []GKGDate
	// GCAM is V2GCAM as written ("wc:373,nwc:489,c1.1:1,...").
	GCAM              string
	SharingImage      string
	RelatedImages     []string
	SocialImageEmbeds []string
	SocialVideoEmbeds []string
	Quotations        []GKGQuotation
	AllNames          []GKGName
	Amounts           []GKGAmount
	// TranslationInfo is V2.1TRANSLATIONINFO as written ("srclc:ell;eng:GT-ELL 1.0").
	TranslationInfo string
	// Extras is V2EXTRASXML as written; see [GKGRecord.PageTitle].
	Extras string
}

// PageTitle returns the document's title from the <PAGE_TITLE> element of
// Extras, unescaped; "" when there is none.
func (r *GKGRecord) PageTitle() string {
	_, rest, ok := strings.Cut(r.Extras, "<PAGE_TITLE>")
	if !ok {
		return ""
	}
	t, _, _ := strings.Cut(rest, "</PAGE_TITLE>")
	return html.UnescapeString(t)
}

// GKGName is a name or theme with its offset.
type GKGName struct {
	Name   string
	Offset int
}

// GKGLocation is an entry of V1LOCATIONS or V2ENHANCEDLOCATIONS.
type GKGLocation struct {
	Location
	// Offset is where the location is mentioned; -1 in V1LOCATIONS.
	Offset int
}

// GKGCount is an entry of V1COUNTS or V2.1COUNTS.
type GKGCount struct {
	// Type is the count type ("KILL", "EVACUATION") or, since GKG 2.0, a
	// theme ("CRISISLEX_T03_DEAD"); see [CountKind].
	Type   string
	Number int64
	// Object is what is counted ("people", "Syrians"), often "".
	Object string
	// Location is where, [NoLocation] when GDELT found nowhere (it never
	// has an ADM2Code).
	Location Location
	// Offset is where the count is mentioned; -1 in V1COUNTS.
	Offset int
}

// GKGDate is an entry of V2.1ENHANCEDDATES: a date the document names.
type GKGDate struct {
	// Resolution is 1 a year, 2 a month, 3 a day in an unknown year, 4 a
	// full date.
	Resolution       int
	Month, Day, Year int
	Offset           int
}

// GKGQuotation is an entry of V2.1QUOTATIONS.
type GKGQuotation struct {
	Offset, Length int
	// Verb is the verb introducing the quotation ("said"), often "".
	Verb  string
	Quote string
}

// GKGAmount is an entry of V2.1AMOUNTS: a number and what it counts.
type GKGAmount struct {
	Amount float64
	Object string
	Offset int
}

// ReadGKG returns the records of a GKG 2.1 file: tab-separated rows with no
// header as GDELT publishes them, or the CSV form with a header line some
// samples take (recognised by a first line beginning "GKGRECORDID"). A
// malformed row yields a [*RecordError] with its line and column, and the
// reading goes on; a read error is yielded last. The sequence reads r as it
// goes and can be ranged over once.
func ReadGKG(r io.Reader) iter.Seq2[GKGRecord, error] {
	return func(yield func(GKGRecord, error) bool) {
		readRows(r, "GKGRECORDID", func(line int, f []string, err error) bool {
			if err != nil {
				return yield(GKGRecord{}, err)
			}
			rec, rerr := parseGKG(f)
			if rerr != nil {
				rerr.Line = line
				return yield(GKGRecord{}, rerr)
			}
			return yield(rec, nil)
		})
	}
}

// fieldParser parses the columns of one row, keeping the first error.
type fieldParser struct {
	err *RecordError
}

func (p *fieldParser) fail(column string, err error) {
	if p.err == nil {
		p.err = &RecordError{Column: column, Err: err}
	}
}

func parseGKG(f []string) (GKGRecord, *RecordError) {
	if len(f) != gkgNumColumns {
		return GKGRecord{}, &RecordError{Err: errColumns(len(f), "27")}
	}
	var p fieldParser
	col := func(i int) (string, string) { return f[i], GKGColumns[i] }
	r := GKGRecord{
		RecordID:        f[gkgRecordID],
		SourceName:      f[gkgSourceName],
		DocumentID:      f[gkgDocumentID],
		GCAM:            f[gkgGCAM],
		SharingImage:    f[gkgSharingImage],
		TranslationInfo: f[gkgTranslation],
		Extras:          f[gkgExtras],
	}
	r.Date = p.timestamp(col(gkgDate))
	r.SourceCollection = p.int(col(gkgCollection))
	r.V1Counts = p.counts(col(gkgV1Counts))
	r.Counts = p.counts(col(gkgCounts))
	r.V1Themes = list(f[gkgV1Themes], ";")
	r.Themes = p.names(col(gkgThemes))
	r.V1Locations = p.locations(col(gkgV1Locations))
	r.Locations = p.locations(col(gkgLocations))
	r.V1Persons = list(f[gkgV1Persons], ";")
	r.Persons = p.names(col(gkgPersons))
	r.V1Organizations = list(f[gkgV1Organizations], ";")
	r.Organizations = p.names(col(gkgOrganizations))
	r.Tone = p.tone(col(gkgTone))
	r.Dates = p.dates(col(gkgDates))
	r.RelatedImages = list(f[gkgRelatedImages], ";")
	r.SocialImageEmbeds = list(f[gkgSocialImages], ";")
	r.SocialVideoEmbeds = list(f[gkgSocialVideos], ";")
	r.Quotations = p.quotations(col(gkgQuotations))
	r.AllNames = p.names(col(gkgAllNames))
	r.Amounts = p.amounts(col(gkgAmounts))
	if p.err != nil {
		return GKGRecord{}, p.err
	}
	return r, nil
}

func errColumns(n int, want string) error {
	return &columnsError{n, want}
}

type columnsError struct {
	n    int
	want string
}

func (e *columnsError) Error() string {
	return ErrColumns.Error() + ": " + strconv.Itoa(e.n) + ", want " + e.want
}

func (e *columnsError) Unwrap() error { return ErrColumns }

// list splits a sep-separated list, dropping empty entries (GDELT ends
// some lists with the separator).
func list(s, sep string) []string {
	var out []string
	for e := range strings.SplitSeq(s, sep) {
		if e != "" {
			out = append(out, e)
		}
	}
	return out
}

func (p *fieldParser) timestamp(s, column string) time.Time {
	if s == "" {
		return time.Time{}
	}
	layout := dateLayout
	if len(s) == 8 {
		layout = "20060102"
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		p.fail(column, syntaxError("date", s))
	}
	return t
}

// int parses an integer; "" is 0.
func (p *fieldParser) int(s, column string) int {
	return int(p.int64(s, column))
}

func (p *fieldParser) int64(s, column string) int64 {
	if s == "" {
		return 0
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		// Counts are sometimes written as decimals; keep the whole part.
		fv, ferr := strconv.ParseFloat(s, 64)
		if ferr != nil || math.IsNaN(fv) || math.Abs(fv) > 1<<62 {
			p.fail(column, syntaxError("number", s))
			return 0
		}
		v = int64(fv)
	}
	return v
}

// float parses a decimal number; "" is 0.
func (p *fieldParser) float(s, column string) float64 {
	if s == "" {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		p.fail(column, syntaxError("number", s))
		return 0
	}
	return v
}

// offset parses an entry's offset; "" is -1.
func (p *fieldParser) offset(s, column string) int {
	if s == "" {
		return -1
	}
	return p.int(s, column)
}

// names parses "Name,offset" entries, split at their last comma.
func (p *fieldParser) names(s, column string) []GKGName {
	var out []GKGName
	for e := range strings.SplitSeq(s, ";") {
		if e == "" {
			continue
		}
		i := strings.LastIndexByte(e, ',')
		if i < 0 {
			p.fail(column, syntaxError("entry", e))
			return nil
		}
		out = append(out, GKGName{Name: e[:i], Offset: p.offset(e[i+1:], column)})
	}
	return out
}

// location parses the location fields of a V1 location or count (7) or a
// V2 location (8, with ADM2).
func (p *fieldParser) location(f []string, v2 bool, column string) Location {
	l := Location{Type: LocType(p.int(f[0], column)), FullName: f[1], CountryCode: f[2], ADM1Code: f[3]}
	if v2 {
		l.ADM2Code = f[4]
		f = f[1:]
	}
	l.Lat = p.float(f[4], column)
	l.Lon = p.float(f[5], column)
	l.FeatureID = f[6]
	if l.Type > WorldState {
		p.fail(column, syntaxError("location type", itoa(int64(l.Type))))
	}
	return l
}

// locations parses V1LOCATIONS (7 fields an entry) or V2ENHANCEDLOCATIONS
// (9), telling them apart by the field count.
func (p *fieldParser) locations(s, column string) []GKGLocation {
	var out []GKGLocation
	for e := range strings.SplitSeq(s, ";") {
		if e == "" {
			continue
		}
		f := strings.Split(e, "#")
		switch len(f) {
		case 7:
			out = append(out, GKGLocation{Location: p.location(f, false, column), Offset: -1})
		case 9:
			out = append(out, GKGLocation{Location: p.location(f, true, column), Offset: p.offset(f[8], column)})
		default:
			p.fail(column, syntaxError("location", e))
			return nil
		}
	}
	return out
}

// counts parses V1COUNTS (10 fields an entry) or V2.1COUNTS (11).
func (p *fieldParser) counts(s, column string) []GKGCount {
	var out []GKGCount
	for e := range strings.SplitSeq(s, ";") {
		if e == "" {
			continue
		}
		f := strings.Split(e, "#")
		if len(f) != 10 && len(f) != 11 {
			p.fail(column, syntaxError("count", e))
			return nil
		}
		c := GKGCount{Type: f[0], Number: p.int64(f[1], column), Object: f[2], Location: p.location(f[3:10], false, column), Offset: -1}
		if len(f) == 11 {
			c.Offset = p.offset(f[10], column)
		}
		out = append(out, c)
	}
	return out
}

// tone parses the six (GKG 1.0) or seven comma-separated V1.5TONE values.
func (p *fieldParser) tone(s, column string) *article.Tone {
	if s == "" {
		return nil
	}
	f := strings.Split(s, ",")
	if len(f) != 6 && len(f) != 7 {
		p.fail(column, syntaxError("tone", s))
		return nil
	}
	t := &article.Tone{
		Tone: p.float(f[0], column), Positive: p.float(f[1], column), Negative: p.float(f[2], column),
		Polarity: p.float(f[3], column), Activity: p.float(f[4], column), SelfGroup: p.float(f[5], column),
	}
	if len(f) == 7 {
		t.Words = p.int(f[6], column)
	}
	return t
}

// dates parses V2.1ENHANCEDDATES: "resolution#month#day#year#offset".
func (p *fieldParser) dates(s, column string) []GKGDate {
	var out []GKGDate
	for e := range strings.SplitSeq(s, ";") {
		if e == "" {
			continue
		}
		f := strings.Split(e, "#")
		if len(f) != 5 {
			p.fail(column, syntaxError("date", e))
			return nil
		}
		out = append(out, GKGDate{Resolution: p.int(f[0], column), Month: p.int(f[1], column), Day: p.int(f[2], column),
			Year: p.int(f[3], column), Offset: p.offset(f[4], column)})
	}
	return out
}

// quotations parses V2.1QUOTATIONS: "offset|length|verb|quote" joined by '#'.
func (p *fieldParser) quotations(s, column string) []GKGQuotation {
	var out []GKGQuotation
	for e := range strings.SplitSeq(s, "#") {
		if e == "" {
			continue
		}
		f := strings.SplitN(e, "|", 4)
		if len(f) != 4 {
			p.fail(column, syntaxError("quotation", e))
			return nil
		}
		out = append(out, GKGQuotation{Offset: p.offset(f[0], column), Length: p.int(f[1], column), Verb: f[2], Quote: f[3]})
	}
	return out
}

// amounts parses V2.1AMOUNTS: "amount,object,offset;", the object between
// the first and the last comma.
func (p *fieldParser) amounts(s, column string) []GKGAmount {
	var out []GKGAmount
	for e := range strings.SplitSeq(s, ";") {
		if e == "" {
			continue
		}
		i, j := strings.IndexByte(e, ','), strings.LastIndexByte(e, ',')
		if i < 0 || i == j {
			p.fail(column, syntaxError("amount", e))
			return nil
		}
		out = append(out, GKGAmount{Amount: p.float(e[:i], column), Object: e[i+1 : j], Offset: p.offset(e[j+1:], column)})
	}
	return out
}
