package gdelt

import (
	"strconv"
	"strings"

	"worldmedia/internal/article"
)

// LocType is GDELT's geographic resolution of a location.
type LocType uint8

const (
	// NoLocation marks the absence of a location (written 0 in events).
	NoLocation LocType = iota
	// Country is a whole country or territory (GDELT COUNTRY).
	Country
	// USState is a US state or the District of Columbia (GDELT USSTATE).
	USState
	// USCity is a US town, county or landmark (GDELT USCITY).
	USCity
	// WorldCity is a town or landmark outside the US (GDELT WORLDCITY).
	WorldCity
	// WorldState is a first-order division outside the US (GDELT WORLDSTATE).
	WorldState
)

var locTypeNames = [...]string{"NONE", "COUNTRY", "USSTATE", "USCITY", "WORLDCITY", "WORLDSTATE"}

// String returns GDELT's name of t ("COUNTRY", "WORLDCITY"), "NONE" for
// [NoLocation].
func (t LocType) String() string {
	if int(t) < len(locTypeNames) {
		return locTypeNames[t]
	}
	return "LocType(" + itoa(int64(t)) + ")"
}

// PlaceLevel guesses the GDELT location type of p from its fields alone,
// for when no gazetteer is at hand (see [GKGOptions.Level]):
//
//   - no country (a sea, a continent): [WorldCity], GDELT's type for
//     landmarks;
//   - no first-order division: [Country];
//   - a division but no GeoNames id, and a name not ending in County,
//     Parish or Borough: [USState] or [WorldState] (worldmedia's gazetteer
//     writes divisions without GeoNames ids);
//   - otherwise a town: [USCity] or [WorldCity].
//
// The guess is wrong for the few towns GeoNames gives no division and for
// hand-written sites (an air base becomes a division).
func PlaceLevel(p article.Place) LocType {
	us := p.Country == "US"
	switch {
	case p.Country == "":
		return WorldCity
	case p.ADM1 == "":
		return Country
	case p.GeonameID == 0 && !countyLike(placeName(p)):
		if us {
			return USState
		}
		return WorldState
	case us:
		return USCity
	}
	return WorldCity
}

func countyLike(name string) bool {
	for _, s := range [...]string{" County", " Parish", " Borough"} {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// placeName is the gazetteer's name of p, else its name in the text.
func placeName(p article.Place) string {
	if p.Resolved != "" {
		return p.Resolved
	}
	return p.Name
}

// Location is a place in GDELT's terms: the fields of a GKG location, of
// a count's place and of an event's actor or action geography.
type Location struct {
	// Type is the resolution; [NoLocation] when there is none.
	Type LocType
	// FullName is the place, its division and its country ("Damascus,
	// Dimashq, Syria"; worldmedia writes "Damascus, Syria" outside the US).
	FullName string
	// CountryCode is the FIPS 10-4 country code ("SY", "UK"); see [ISO2].
	CountryCode string
	// ADM1Code is the country code followed by the division's code
	// ("USCA", "SY13"), or the country code alone.
	ADM1Code string
	// ADM2Code is the second-order division (GKG V2 and events 2.0 only).
	ADM2Code string
	// Lat and Lon are the position in decimal degrees.
	Lat, Lon float64
	// FeatureID identifies the place in GDELT's gazetteer (GNS or GNIS ids,
	// a country or state code); worldmedia writes GeoNames ids.
	FeatureID string
}

// ISO2 returns the ISO 3166-1 alpha-2 code of l's country, "" when unknown.
func (l Location) ISO2() string { return ISO2(l.CountryCode) }

// gdeltLocation converts p, whose type is t.
func gdeltLocation(p article.Place, t LocType) Location {
	fips := fipsAt(p.Country, p.Lat, p.Lon)
	if fips == "" {
		fips = p.Country
	}
	l := Location{Type: t, CountryCode: fips, Lat: p.Lat, Lon: p.Lon}
	name := placeName(p)
	cname := countryName(p.Country)
	if fips == "GZ" {
		cname = "Gaza Strip"
	}
	switch t {
	case Country:
		l.FullName = orElse(cname, name)
		l.ADM1Code = fips
		l.FeatureID = fips
	case USState:
		l.FullName = joinName(orElse(usStates[p.ADM1], name), cname)
		l.ADM1Code = fips + p.ADM1
		l.FeatureID = p.ADM1
	case WorldState:
		l.FullName = joinName(name, cname)
		l.ADM1Code = fips + p.ADM1
		l.FeatureID = l.ADM1Code
	default:
		if p.Country == "US" {
			l.FullName = joinName(name, usStates[p.ADM1], cname)
		} else {
			l.FullName = joinName(name, cname)
		}
		if p.ADM1 != "" {
			l.ADM1Code = fips + p.ADM1
		} else {
			l.ADM1Code = fips
		}
		if p.GeonameID != 0 {
			l.FeatureID = strconv.Itoa(p.GeonameID)
		}
	}
	if p.Country == "" {
		l.ADM1Code = ""
	}
	return l
}

// joinName joins the non-empty parts of a location name with ", ",
// dropping a part equal to the one before ("Singapore, Singapore").
func joinName(parts ...string) string {
	var b strings.Builder
	prev := ""
	for _, p := range parts {
		if p == "" || p == prev {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(p)
		prev = p
	}
	return b.String()
}

func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// ftoa formats a number in the shortest form that reads back exactly.
func ftoa(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
