package main

import (
	"bufio"

	"worldmedia/internal/article"
	"worldmedia/internal/gdelt"
	"worldmedia/internal/geo"
)

// writeGKGRow prints a's analysis as one GKG 2.1 record (--format gkg):
// tab-separated, no header, as GDELT publishes them (docs/gdelt.md).
func writeGKGRow(w *bufio.Writer, a *article.Article) error {
	return gdelt.WriteGKG(w, a, gdelt.GKGOptions{Level: placeLevel})
}

// writeEventRows prints a's events as GDELT 2.0 event records (--format
// events), numbering them from *next and advancing it past the last.
func writeEventRows(w *bufio.Writer, a *article.Article, next *int64) error {
	rows := gdelt.EventRowsWith(a, *next, placeLevel)
	*next += int64(len(rows))
	return gdelt.WriteEvents(w, rows)
}

// placeLevel gives GDELT's location type of a place from the gazetteer
// entry the geo stage resolved it to (the gazetteer is loaded by then):
// a country record is a country; a division or region filed under a
// first-order division (Crimea) a state, one without (the Gaza Strip) a
// country; towns, counties, seas and sites are cities. A place not found
// there gets gdelt.PlaceLevel's guess from its fields.
func placeLevel(p article.Place) gdelt.LocType {
	g, err := geo.Default()
	if err != nil || p.Resolved == "" {
		return gdelt.PlaceLevel(p)
	}
	for _, e := range g.Lookup(p.Resolved) {
		if e.ID != p.GeonameID || e.Name != p.Resolved || e.Country != p.Country || e.Admin1 != p.ADM1 {
			continue
		}
		us := e.Country == "US"
		switch {
		case e.IsCountry(), e.Class == 'A' && e.Code != "ADM2" && e.Admin1 == "" && e.Country != "":
			return gdelt.Country
		case e.Class == 'A' && e.Code != "ADM2" && us:
			return gdelt.USState
		case e.Class == 'A' && e.Code != "ADM2" && e.Country != "":
			return gdelt.WorldState
		case us:
			return gdelt.USCity
		}
		return gdelt.WorldCity
	}
	return gdelt.PlaceLevel(p)
}
