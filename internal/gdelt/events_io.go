package gdelt

import (
	"io"
	"iter"
	"strconv"
	"time"
)

// WriteEvents writes rows to w in the GDELT 2.0 event layout: 61
// tab-separated columns a line, no header (see [EventColumns]). A
// location of type [NoLocation] is written as GDELT writes one: type 0 and
// empty fields. Tabs and line breaks inside values become spaces. The only
// error is w's.
func WriteEvents(w io.Writer, rows []EventRow) error {
	var b []byte
	for i := range rows {
		b = appendEvent(b[:0], &rows[i])
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

func appendEvent(b []byte, r *EventRow) []byte {
	tab := func(b []byte) []byte { return append(b, '\t') }
	b = strconv.AppendInt(b, r.ID, 10)
	b = tab(b)
	if !r.Date.IsZero() {
		d := r.Date
		b = d.AppendFormat(b, "20060102")
		b = tab(b)
		b = d.AppendFormat(b, "200601")
		b = tab(b)
		b = strconv.AppendInt(b, int64(d.Year()), 10)
		b = tab(b)
		b = strconv.AppendFloat(b, fractionDate(d), 'f', 4, 64)
	} else {
		b = append(b, "\t\t\t"...)
	}
	for _, a := range [2]*Actor{&r.Actor1, &r.Actor2} {
		for _, v := range [...]string{a.Code, a.Name, a.CountryCode, a.KnownGroupCode, a.EthnicCode,
			a.Religion1Code, a.Religion2Code, a.Type1Code, a.Type2Code, a.Type3Code} {
			b = tab(b)
			b = appendClean(b, v)
		}
	}
	b = tab(b)
	if r.IsRoot {
		b = append(b, '1')
	} else {
		b = append(b, '0')
	}
	for _, v := range [...]string{r.Code, r.BaseCode, r.RootCode} {
		b = tab(b)
		b = appendClean(b, v)
	}
	b = tab(b)
	b = strconv.AppendInt(b, int64(r.Quad), 10)
	b = tab(b)
	b = strconv.AppendFloat(b, r.Goldstein, 'f', -1, 64)
	for _, n := range [...]int{r.NumMentions, r.NumSources, r.NumArticles} {
		b = tab(b)
		b = strconv.AppendInt(b, int64(n), 10)
	}
	b = tab(b)
	b = strconv.AppendFloat(b, r.AvgTone, 'f', -1, 64)
	for _, l := range [3]*Location{&r.Actor1Geo, &r.Actor2Geo, &r.ActionGeo} {
		b = tab(b)
		b = strconv.AppendInt(b, int64(l.Type), 10)
		for _, v := range [...]string{l.FullName, l.CountryCode, l.ADM1Code, l.ADM2Code} {
			b = tab(b)
			b = appendClean(b, v)
		}
		b = tab(b)
		if l.Type != NoLocation {
			b = strconv.AppendFloat(b, l.Lat, 'f', -1, 64)
		}
		b = tab(b)
		if l.Type != NoLocation {
			b = strconv.AppendFloat(b, l.Lon, 'f', -1, 64)
		}
		b = tab(b)
		b = appendClean(b, l.FeatureID)
	}
	b = tab(b)
	if !r.Added.IsZero() {
		b = r.Added.UTC().AppendFormat(b, dateLayout)
	}
	b = tab(b)
	b = appendClean(b, r.SourceURL)
	return append(b, '\n')
}

// fractionDate is GDELT's FractionDate: the year plus the day of the year
// over 365 (1979-01-01 is 1979.0027).
func fractionDate(d time.Time) float64 {
	return float64(d.Year()) + float64(d.YearDay())/365
}

// appendClean appends s with tabs and line breaks replaced by spaces.
func appendClean(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\t', '\n', '\r':
			b = append(b, ' ')
		default:
			b = append(b, c)
		}
	}
	return b
}

// ReadEvents returns the records of a GDELT event file: tab-separated rows
// with no header, in the 2.0 layout (61 columns) or GDELT 1.0's (58
// columns; 57 in the backfiles, which have no SOURCEURL). A first line
// beginning "GLOBALEVENTID" is a header and is skipped; with no tab in it
// the rest is read as CSV. A malformed row yields a [*RecordError] with
// its line and column and the reading goes on; a read error is yielded
// last. MonthYear, Year and FractionDate are not checked. The sequence
// reads r as it goes and can be ranged over once.
func ReadEvents(r io.Reader) iter.Seq2[EventRow, error] {
	return func(yield func(EventRow, error) bool) {
		readRows(r, "GLOBALEVENTID", func(line int, f []string, err error) bool {
			if err != nil {
				return yield(EventRow{}, err)
			}
			row, rerr := parseEvent(f)
			if rerr != nil {
				rerr.Line = line
				return yield(EventRow{}, rerr)
			}
			return yield(row, nil)
		})
	}
}

func parseEvent(f []string) (EventRow, *RecordError) {
	geo := 8 // fields of a geography block
	switch len(f) {
	case 61:
	case 57, 58:
		geo = 7
	default:
		return EventRow{}, &RecordError{Err: errColumns(len(f), "61, 58 or 57")}
	}
	var p fieldParser
	name := func(i int) string {
		if geo == 7 {
			return EventColumns[v1Column(i)]
		}
		return EventColumns[i]
	}
	r := EventRow{
		ID:       p.int64(f[0], name(0)),
		Date:     p.timestamp(f[1], name(1)),
		Actor1:   actorFields(f[5:15]),
		Actor2:   actorFields(f[15:25]),
		IsRoot:   f[25] == "1",
		Code:     f[26],
		BaseCode: f[27],
		RootCode: f[28],
	}
	if len(f[1]) != 8 && f[1] != "" {
		p.fail(name(1), syntaxError("date", f[1]))
	}
	r.Quad = p.int(f[29], name(29))
	r.Goldstein = p.float(f[30], name(30))
	r.NumMentions = p.int(f[31], name(31))
	r.NumSources = p.int(f[32], name(32))
	r.NumArticles = p.int(f[33], name(33))
	r.AvgTone = p.float(f[34], name(34))
	i := 35
	for _, l := range [3]*Location{&r.Actor1Geo, &r.Actor2Geo, &r.ActionGeo} {
		*l = p.location(f[i:i+geo], geo == 8, name(i))
		i += geo
	}
	r.Added = p.timestamp(f[i], name(i))
	if i+1 < len(f) {
		r.SourceURL = f[i+1]
	}
	if p.err != nil {
		return EventRow{}, p.err
	}
	return r, nil
}

// v1Column maps the index of a GDELT 1.0 column to the index of the same
// column in the 2.0 layout, which adds ADM2Code after each ADM1Code.
func v1Column(i int) int {
	const geo1 = 35 // first geography column
	switch {
	case i < geo1:
		return i
	case i < geo1+3*7:
		block, k := (i-geo1)/7, (i-geo1)%7
		if k >= 4 {
			k++
		}
		return geo1 + 8*block + k
	}
	return i + 3
}

func actorFields(f []string) Actor {
	return Actor{Code: f[0], Name: f[1], CountryCode: f[2], KnownGroupCode: f[3], EthnicCode: f[4],
		Religion1Code: f[5], Religion2Code: f[6], Type1Code: f[7], Type2Code: f[8], Type3Code: f[9]}
}
