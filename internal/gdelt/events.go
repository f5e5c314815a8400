package gdelt

import (
	"strings"
	"time"

	"worldmedia/internal/article"
)

// EventColumns are the names of the 61 columns of a GDELT 2.0 event record
// (the "export" files), in order, as the GDELT 2.0 event codebook names
// them. GDELT 1.0 daily files lack the three ADM2Code columns (58 columns),
// and the 1.0 historical backfiles also SOURCEURL (57).
var EventColumns = []string{
	"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
	"Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
	"Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
	"ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL",
}

// EventRow is one record of GDELT's event table. MonthYear, Year and
// FractionDate are not kept: they are written from Date.
type EventRow struct {
	// ID is GLOBALEVENTID.
	ID int64
	// Date is SQLDATE, the day of the event (UTC midnight); zero when empty.
	Date           time.Time
	Actor1, Actor2 Actor
	// IsRoot is IsRootEvent: the event is in the lead paragraph.
	IsRoot bool
	// Code, BaseCode and RootCode are the CAMEO code ("0251"), its first
	// three digits ("025") and its root ("02").
	Code, BaseCode, RootCode string
	// Quad is QuadClass: 1 verbal cooperation, 2 material cooperation,
	// 3 verbal conflict, 4 material conflict.
	Quad      int
	Goldstein float64
	// NumMentions, NumSources and NumArticles count the event's mentions,
	// the sources and the documents mentioning it.
	NumMentions, NumSources, NumArticles int
	AvgTone                              float64
	Actor1Geo, Actor2Geo, ActionGeo      Location
	// Added is DATEADDED: when GDELT added the event (to the second in
	// 2.0, to the day in 1.0); zero when empty.
	Added time.Time
	// SourceURL is the first document's URL; "" in 1.0 backfiles.
	SourceURL string
}

// Actor is an event actor in GDELT's fields.
type Actor struct {
	// Code is the full CAMEO actor code ("USAGOV", "IGOUNO").
	Code string
	// Name is the actor's name in capitals ("UNITED STATES").
	Name string
	// CountryCode is the actor's country (ISO alpha-3 or a CAMEO region
	// code: "USA", "AFR").
	CountryCode    string
	KnownGroupCode string
	EthnicCode     string
	Religion1Code  string
	Religion2Code  string
	// Type1Code to Type3Code are role or sector codes ("GOV", "MIL", "IGO").
	Type1Code, Type2Code, Type3Code string
}

// actorTypes are CAMEO's role and sector codes: GDELT's ActorNType fields.
var actorTypes = setOf("AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI INS JUD LAB LEG MED MIL MOD " +
	"NGO OPP PKO RAD REB REF REL SEP SET SPY UAF IGO NGM IMG MNC UIS")

// actorReligions are CAMEO's religion codes.
var actorReligions = setOf("CHR CTH ORT PRO MOS SHI SUN SFI ALE DRZ JEW BUD HIN SIK JAN SHN TAO")

// actorRegions are CAMEO's regional codes. A region first in a code is the
// actor's country code, as in GDELT ("AFR"); after a type ("IGOAFRAFU")
// GDELT has no field for it.
var actorRegions = setOf("AFR ASA BLK CAS CAU CFR CRB EAF EEU EIN EUR LAM MDT MEA NAF NMR PGS SAF SAM " +
	"SAS SCN SEA WAF WST")

// actorEthnic are the ethnic codes actor dictionaries write inside codes.
var actorEthnic = setOf("KUR")

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// SplitActorCode splits a CAMEO actor code into GDELT's actor fields, three
// letters at a time:
//
//   - the first part is the country code unless it is a type or religion
//     ("USAGOV" → country USA, type GOV; "IGOUNO" → type IGO);
//   - type codes fill Type1Code, Type2Code, Type3Code in order;
//   - religion codes fill Religion1Code then Religion2Code; KUR is the
//     ethnic code;
//   - a region after the first part is skipped;
//   - the first other part is the known group ("IGOUNO" → UNO,
//     "LBNREBHEZ" → HEZ); later ones are dropped.
//
// Name is left empty.
func SplitActorCode(code string) Actor {
	a := Actor{Code: code}
	types := [...]*string{&a.Type1Code, &a.Type2Code, &a.Type3Code}
	nt, nr := 0, 0
	for i := 0; i+3 <= len(code); i += 3 {
		p := code[i : i+3]
		switch {
		case actorTypes[p]:
			if nt < len(types) {
				*types[nt] = p
				nt++
			}
		case actorReligions[p] && (i > 0 || p != "SUN"): // SUN first is the Soviet Union
			switch nr {
			case 0:
				a.Religion1Code = p
			case 1:
				a.Religion2Code = p
			}
			nr++
		case i == 0:
			a.CountryCode = p
		case actorRegions[p]:
		case actorEthnic[p]:
			if a.EthnicCode == "" {
				a.EthnicCode = p
			}
		case a.KnownGroupCode == "":
			a.KnownGroupCode = p
		}
	}
	return a
}

// EventRows converts a's events into GDELT event records numbered from
// firstID, locating places with [PlaceLevel]; see [EventRowsWith].
func EventRows(a *article.Article, firstID int64) []EventRow {
	return EventRowsWith(a, firstID, nil)
}

// EventRowsWith converts a's events into GDELT event records numbered from
// firstID, in the order of their first mention. level gives a place's
// location type; nil means [PlaceLevel].
//
// As GDELT does: negated events are left out; events with the same actors,
// code, date and place are one record whose NumMentions counts them;
// NumSources and NumArticles are 1; AvgTone is the article's tone; an
// event in the lead paragraph is a root event; actor names are in
// capitals. The action geography is the event's place, with the fields of
// the article's place of that name; actor geographies are left empty.
// DATEADDED is the publication time and SOURCEURL the URL (else the ID).
func EventRowsWith(a *article.Article, firstID int64, level func(article.Place) LocType) []EventRow {
	rows, _ := EventRowsIndexed(a, firstID, level)
	return rows
}

// EventRowsIndexed is [EventRowsWith] that also gives, for each record, the
// index in a.Events of the event's first mention, for writers that keep
// worldmedia's evidence beside GDELT's columns.
func EventRowsIndexed(a *article.Article, firstID int64, level func(article.Place) LocType) ([]EventRow, []int) {
	if level == nil {
		level = PlaceLevel
	}
	type key struct {
		src, tgt, code, date, place string
	}
	var rows []EventRow
	var first []int
	seen := map[key]int{}
	lead := leadEnd(a.Text)
	for ei, ev := range a.Events {
		if ev.Negated {
			continue
		}
		k := key{ev.Source, ev.Target, ev.Code, ev.Date, ""}
		if ev.Location != nil {
			k.place = ev.Location.Name + "\x00" + ev.Location.Country
		}
		if i, ok := seen[k]; ok {
			rows[i].NumMentions++
			continue
		}
		seen[k] = len(rows)
		r := EventRow{
			ID:          firstID + int64(len(rows)),
			Date:        eventDate(ev.Date, a.Date),
			Actor1:      eventActor(a, ev.Source, ev.SourceSpan),
			Actor2:      eventActor(a, ev.Target, ev.TargetSpan),
			Code:        ev.Code,
			BaseCode:    prefix(ev.Code, 3),
			RootCode:    orElse(ev.Root, prefix(ev.Code, 2)),
			Quad:        ev.Quad,
			Goldstein:   ev.Goldstein,
			NumMentions: 1, NumSources: 1, NumArticles: 1,
			Added:     a.Date.UTC(),
			SourceURL: orElse(a.URL, a.ID),
		}
		if a.Date.IsZero() {
			r.Added = time.Time{}
		}
		if a.Tone != nil {
			r.AvgTone = a.Tone.Tone
		}
		if ev.Sentence >= 0 && ev.Sentence < len(a.Sentences) {
			r.IsRoot = a.Sentences[ev.Sentence].Span.Start < lead
		} else {
			r.IsRoot = ev.Sentence == 0
		}
		if ev.Location != nil {
			r.ActionGeo = eventLocation(a, *ev.Location, level)
		}
		rows = append(rows, r)
		first = append(first, ei)
	}
	return rows, first
}

// leadEnd returns the byte offset where the text's first paragraph ends:
// the first line break after its first non-blank character.
func leadEnd(text string) int {
	start := len(text) - len(strings.TrimLeft(text, " \t\r\n"))
	if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
		return start + i
	}
	return len(text)
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// eventDate is the event's date, else the publication day.
func eventDate(d string, pub time.Time) time.Time {
	if t, err := time.Parse(article.DateLayout, d); err == nil {
		return t
	}
	if pub.IsZero() {
		return time.Time{}
	}
	y, m, day := pub.Date()
	return time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
}

// eventActor splits code and names the actor: the canonical name of an
// actor mention inside span with the same code (the last: the head of "U.S.
// Secretary of State Rex Tillerson"), else of any actor mention there, else
// the words at span; in capitals, as GDELT writes names.
func eventActor(a *article.Article, code string, span article.Span) Actor {
	if code == "" {
		return Actor{}
	}
	act := SplitActorCode(code)
	same, other := "", ""
	for _, m := range a.Actors {
		if m.Name == "" || !span.Contains(m.Span) {
			continue
		}
		if m.Code == code {
			same = m.Name
		} else if other == "" {
			other = m.Name
		}
	}
	name := orElse(same, orElse(other, span.In(a.Text)))
	act.Name = strings.ToUpper(strings.Join(strings.Fields(name), " "))
	return act
}

// eventLocation converts an event's place, taking the fields of the
// article's place of that name and country when there is one.
func eventLocation(a *article.Article, l article.EventLocation, level func(article.Place) LocType) Location {
	for _, p := range a.Places {
		if (p.Name == l.Name || p.Resolved == l.Name) && p.Country == l.Country {
			return gdeltLocation(p, level(p))
		}
	}
	p := article.Place{Name: l.Name, Country: l.Country, Lat: l.Lat, Lon: l.Lon}
	t := Country
	switch {
	case l.Country == "":
		t = WorldCity
	case !strings.EqualFold(l.Name, countryName(l.Country)):
		// A town the article's places do not list: no division is known.
		t = WorldCity
		if l.Country == "US" {
			t = USCity
		}
	}
	return gdeltLocation(p, t)
}
