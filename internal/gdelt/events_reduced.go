package gdelt

import (
	"io"
	"iter"
)

// reducedColumns are the columns of GDELT 1.0's reduced event files.
var reducedColumns = []string{
	"Date", "Source", "Target", "CAMEOCode", "NumEvents", "NumArts", "QuadClass", "Goldstein",
	"SourceGeoType", "SourceGeoLat", "SourceGeoLong", "TargetGeoType", "TargetGeoLat", "TargetGeoLong",
	"ActionGeoType", "ActionGeoLat", "ActionGeoLong",
}

// ReadReduced returns the records of a GDELT 1.0 reduced event file (the
// historical backfile's short form: Date, Source, Target, CAMEOCode,
// NumEvents, NumArts, QuadClass, Goldstein, then type, latitude and
// longitude of the source, target and action geographies), tab-separated
// with or without its header line. A row may stop after Goldstein or any
// geography: the missing columns are empty. Each row becomes an
// [EventRow]: the actor codes split by [SplitActorCode], NumEvents in
// NumMentions and NumArts in NumArticles, the geographies with only their
// type and position. Errors are as for [ReadEvents].
func ReadReduced(r io.Reader) iter.Seq2[EventRow, error] {
	return func(yield func(EventRow, error) bool) {
		readRows(r, "Date\tSource", func(line int, f []string, err error) bool {
			if err != nil {
				return yield(EventRow{}, err)
			}
			row, rerr := parseReduced(f)
			if rerr != nil {
				rerr.Line = line
				return yield(EventRow{}, rerr)
			}
			return yield(row, nil)
		})
	}
}

func parseReduced(f []string) (EventRow, *RecordError) {
	if len(f) < 8 || len(f) > len(reducedColumns) {
		return EventRow{}, &RecordError{Err: errColumns(len(f), "8 to 17")}
	}
	var full [17]string
	copy(full[:], f)
	f = full[:]
	var p fieldParser
	r := EventRow{
		Date:        p.timestamp(f[0], "Date"),
		Actor1:      SplitActorCode(f[1]),
		Actor2:      SplitActorCode(f[2]),
		Code:        f[3],
		BaseCode:    prefix(f[3], 3),
		RootCode:    prefix(f[3], 2),
		NumMentions: p.int(f[4], "NumEvents"),
		NumArticles: p.int(f[5], "NumArts"),
		Quad:        p.int(f[6], "QuadClass"),
		Goldstein:   p.float(f[7], "Goldstein"),
	}
	if len(f[0]) != 8 {
		p.fail("Date", syntaxError("date", f[0]))
	}
	for i, l := range [3]*Location{&r.Actor1Geo, &r.Actor2Geo, &r.ActionGeo} {
		c := 8 + 3*i
		l.Type = LocType(p.int(f[c], reducedColumns[c]))
		if l.Type > WorldState {
			p.fail(reducedColumns[c], syntaxError("location type", f[c]))
		}
		l.Lat = p.float(f[c+1], reducedColumns[c+1])
		l.Lon = p.float(f[c+2], reducedColumns[c+2])
	}
	if p.err != nil {
		return EventRow{}, p.err
	}
	return r, nil
}
