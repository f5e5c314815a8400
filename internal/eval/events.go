package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"worldmedia/internal/article"
)

// Analyzer runs the analysis pipeline over one article in place.
type Analyzer func(ctx context.Context, a *article.Article) error

// GoldEvent is one expected event of a gold record.
type GoldEvent struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Code   string `json:"code"`
}

// GoldRecord is one sentence or passage of an event gold set
// (../shared/data/events/*.jsonl).
type GoldRecord struct {
	ID     string      `json:"id"`
	Source string      `json:"source"`
	Date   string      `json:"date"`
	Text   string      `json:"text"`
	Events []GoldEvent `json:"events"`
	Note   string      `json:"note"`
}

// Labels is the label scheme of a gold set.
type Labels string

// The label schemes the scorer understands.
const (
	LabelsCAMEO  Labels = "cameo"  // CAMEO codes
	LabelsPLOVER Labels = "plover" // PLOVER 0.5 categories, compared through the CAMEO root
)

// EventSet describes how to score one gold file.
type EventSet struct {
	Name   string
	Labels Labels
	// Exhaustive sets list every event of a sentence, so extra predicted
	// events count against precision; the others score recall only.
	Exhaustive bool
}

// KnownEventSets are the English gold sets that real-world coding can be
// scored on. The PETRARCH unit-test sets use toy dictionaries with fictional
// actors, and the Spanish and Arabic sets are not English: they are not
// listed.
var KnownEventSets = map[string]EventSet{
	"cameo_manual_examples": {Name: "cameo_manual_examples", Labels: LabelsCAMEO},
	"petrarch2_gsr":         {Name: "petrarch2_gsr", Labels: LabelsCAMEO, Exhaustive: true},
	"plover_gsr":            {Name: "plover_gsr", Labels: LabelsPLOVER},
}

// SetForFile returns the scoring rules for a gold file by its name.
func SetForFile(path string) (EventSet, bool) {
	base := strings.TrimSuffix(filepath.Base(path), ".jsonl")
	base = strings.TrimSuffix(strings.TrimSuffix(base, ".dev"), ".test")
	s, ok := KnownEventSets[base]
	return s, ok
}

// EventScore is the result of scoring an event gold set.
type EventScore struct {
	Set         string `json:"set"`
	Labels      Labels `json:"labels"`
	Exhaustive  bool   `json:"exhaustive"`
	Records     int    `json:"records"`
	GoldEvents  int    `json:"gold_events"`
	Predicted   int    `json:"predicted_events"`
	EmptyGold   int    `json:"records_without_events"`
	EmptyWithEv int    `json:"records_without_events_coded"`

	// Recall at three strictnesses: the root (CAMEO two-digit root, or
	// PLOVER category) found in the sentence; the same plus both actors'
	// countries; the exact code (CAMEO sets only).
	RootHits   int `json:"root_hits"`
	DyadHits   int `json:"root_and_actor_country_hits"`
	ActorHits  int `json:"root_and_exact_actor_hits"`
	CodeHits   int `json:"exact_code_hits"`
	PredRootOK int `json:"predicted_with_root_in_gold"`

	RootRecall    float64 `json:"root_recall"`
	DyadRecall    float64 `json:"dyad_recall"`
	ActorRecall   float64 `json:"exact_actor_recall"`
	CodeRecall    float64 `json:"code_recall"`
	RootPrecision float64 `json:"root_precision"`
	RootF1        float64 `json:"root_f1"`

	// Confusion counts, for each gold root (or PLOVER category), what was
	// coded in its sentence: the same label when found, else the first
	// label coded, else "none".
	Confusion map[string]map[string]int `json:"confusion"`
	// Worst are the sentences with the most missed gold events (and, in
	// exhaustive sets, the most extra events), worst first.
	Worst []Worst `json:"worst,omitempty"`

	// Misses are some gold events that were not found, for reading.
	Misses []Miss `json:"misses,omitempty"`
}

// Worst is one badly coded sentence.
type Worst struct {
	ID     string   `json:"id"`
	Text   string   `json:"text"`
	Missed int      `json:"missed"`
	Extra  int      `json:"extra"`
	Gold   []string `json:"gold"`
	Coded  []string `json:"coded"`
}

// worstKept is how many of the worst sentences a score keeps.
const worstKept = 25

// Miss is a gold event the coder did not find, with what it coded instead.
type Miss struct {
	ID    string   `json:"id"`
	Text  string   `json:"text"`
	Gold  string   `json:"gold"`
	Coded []string `json:"coded"`
}

// ScoreEvents scores analyze on the gold file at path.
func ScoreEvents(ctx context.Context, path string, set EventSet, analyze Analyzer) (*EventScore, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := &EventScore{Set: set.Name, Labels: set.Labels, Exhaustive: set.Exhaustive}
	r := bufio.NewReader(f)
	for line := 1; ; line++ {
		b, err := r.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			var rec GoldRecord
			if jerr := json.Unmarshal(b, &rec); jerr != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, jerr)
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if err := sc.add(ctx, rec, analyze); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, line, err)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	sc.finish()
	return sc, nil
}

func (sc *EventScore) add(ctx context.Context, rec GoldRecord, analyze Analyzer) error {
	a := &article.Article{ID: rec.ID, Text: rec.Text, Input: rec.ID}
	if rec.Date != "" {
		if d, err := article.ParseDate(rec.Date); err == nil {
			a.Date = d
		}
	}
	if err := analyze(ctx, a); err != nil {
		return err
	}
	sc.Records++
	sc.GoldEvents += len(rec.Events)
	sc.Predicted += len(a.Events)
	if len(rec.Events) == 0 {
		sc.EmptyGold++
		if len(a.Events) > 0 {
			sc.EmptyWithEv++
		}
	}
	label := func(code string) string { return sc.label(code) }
	if sc.Confusion == nil {
		sc.Confusion = map[string]map[string]int{}
	}
	missed, extra := 0, 0
	for _, g := range rec.Events {
		gl := label(g.Code)
		got := "none"
		for _, p := range a.Events {
			if l := label(p.Code); l == gl {
				got = l
				break
			} else if got == "none" && l != "" {
				got = l
			}
		}
		if sc.Confusion[gl] == nil {
			sc.Confusion[gl] = map[string]int{}
		}
		sc.Confusion[gl][got]++
		if got != gl {
			missed++
		}
	}
	for _, g := range rec.Events {
		gl := label(g.Code)
		root, dyad, exact, code := false, false, false, false
		for _, p := range a.Events {
			if label(p.Code) != gl || gl == "" {
				continue
			}
			root = true
			if sameCountry(p.Source, g.Source) && sameCountry(p.Target, g.Target) {
				dyad = true
			}
			if p.Source == g.Source && p.Target == g.Target {
				exact = true
			}
			if sc.Labels == LabelsCAMEO && p.Code == g.Code {
				code = true
			}
		}
		sc.RootHits += b2i(root)
		sc.DyadHits += b2i(dyad)
		sc.ActorHits += b2i(exact)
		sc.CodeHits += b2i(code)
		if !root && len(sc.Misses) < 500 {
			var coded []string
			for _, p := range a.Events {
				coded = append(coded, fmt.Sprintf("%s %s %s", orDash(p.Source), p.Code, orDash(p.Target)))
			}
			sc.Misses = append(sc.Misses, Miss{ID: rec.ID, Text: rec.Text,
				Gold: fmt.Sprintf("%s %s %s", orDash(g.Source), g.Code, orDash(g.Target)), Coded: coded})
		}
	}
	for _, p := range a.Events {
		pl := label(p.Code)
		ok := false
		for _, g := range rec.Events {
			if label(g.Code) == pl {
				ok = true
				break
			}
		}
		if ok {
			sc.PredRootOK++
		} else if sc.Exhaustive {
			extra++
		}
	}
	if missed+extra > 0 {
		w := Worst{ID: rec.ID, Text: rec.Text, Missed: missed, Extra: extra}
		for _, g := range rec.Events {
			w.Gold = append(w.Gold, fmt.Sprintf("%s %s %s", orDash(g.Source), g.Code, orDash(g.Target)))
		}
		for _, p := range a.Events {
			w.Coded = append(w.Coded, fmt.Sprintf("%s %s %s", orDash(p.Source), p.Code, orDash(p.Target)))
		}
		sc.Worst = append(sc.Worst, w)
		slices.SortStableFunc(sc.Worst, func(a, b Worst) int { return (b.Missed + b.Extra) - (a.Missed + a.Extra) })
		if len(sc.Worst) > worstKept {
			sc.Worst = sc.Worst[:worstKept]
		}
	}
	return nil
}

// Total sums scores of several sets into one, named "overall". Precision
// counts only the exhaustive sets.
func Total(scores []*EventScore) *EventScore {
	t := &EventScore{Set: "overall", Confusion: map[string]map[string]int{}}
	predEx, okEx := 0, 0
	for _, s := range scores {
		t.Records += s.Records
		t.GoldEvents += s.GoldEvents
		t.Predicted += s.Predicted
		t.EmptyGold += s.EmptyGold
		t.EmptyWithEv += s.EmptyWithEv
		t.RootHits += s.RootHits
		t.DyadHits += s.DyadHits
		t.ActorHits += s.ActorHits
		t.CodeHits += s.CodeHits
		if s.Exhaustive {
			predEx += s.Predicted
			okEx += s.PredRootOK
			t.Exhaustive = true
		}
		for g, row := range s.Confusion {
			if t.Confusion[g] == nil {
				t.Confusion[g] = map[string]int{}
			}
			for p, n := range row {
				t.Confusion[g][p] += n
			}
		}
	}
	t.finish()
	if predEx > 0 {
		t.PredRootOK, t.RootPrecision = okEx, float64(okEx)/float64(predEx)
		if p, r := t.RootPrecision, t.RootRecall; p+r > 0 {
			t.RootF1 = 2 * p * r / (p + r)
		}
	}
	return t
}

func (sc *EventScore) finish() {
	div := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	sc.RootRecall = div(sc.RootHits, sc.GoldEvents)
	sc.DyadRecall = div(sc.DyadHits, sc.GoldEvents)
	sc.ActorRecall = div(sc.ActorHits, sc.GoldEvents)
	sc.CodeRecall = div(sc.CodeHits, sc.GoldEvents)
	sc.RootPrecision = div(sc.PredRootOK, sc.Predicted)
	if p, r := sc.RootPrecision, sc.RootRecall; p+r > 0 {
		sc.RootF1 = 2 * p * r / (p + r)
	}
}

// label maps a code to what is compared: the CAMEO root, or for PLOVER sets
// the PLOVER category of a CAMEO code (PLOVER labels map to themselves).
func (sc *EventScore) label(code string) string {
	if sc.Labels == LabelsPLOVER {
		if code != "" && (code[0] < '0' || code[0] > '9') {
			return code
		}
		return article.PLOVERCategory(code)
	}
	if len(code) < 2 || code[0] < '0' || code[0] > '9' {
		return ""
	}
	return code[:2]
}

// sameCountry compares the countries of two actor codes (see
// countryOf); two codes without a country agree.
func sameCountry(a, b string) bool { return countryOf(a) == countryOf(b) }

// goldAliases maps the odd country codes some gold sets use to the ISO
// codes worldmedia writes.
var goldAliases = map[string]string{
	"JAP": "JPN", // Japan (PLOVER GSR)
	"ITL": "ITA", // Italy
	"VTN": "VNM", // Vietnam
	"ROM": "ROU", // Romania (CAMEO manual)
	"TMP": "TLS", // East Timor (CAMEO manual)
	"MTN": "MNE", // Montenegro (CAMEO manual)
}

// countryOf returns the country part of an actor code: its first three
// letters, aliased, or "" when it names none ("---REB", a bare role such as
// "REB" or "CVL"). International actors keep "IGO"/"NGO" as their country.
func countryOf(code string) string {
	if len(code) < 3 || strings.HasPrefix(code, "---") {
		return ""
	}
	c := code[:3]
	if a, ok := goldAliases[c]; ok {
		return a
	}
	if bareRoles[c] {
		return ""
	}
	return c
}

// bareRoles are CAMEO role codes, which stand first in an actor code that
// has no country.
var bareRoles = map[string]bool{
	"GOV": true, "MIL": true, "REB": true, "OPP": true, "COP": true, "CVL": true, "JUD": true, "LEG": true,
	"BUS": true, "MED": true, "REF": true, "EDU": true, "HLH": true, "LAB": true, "ELI": true, "SPY": true,
	"CRM": true, "REL": true, "AGR": true, "ENV": true, "HRI": true, "INS": true, "PTY": true, "UAF": true,
	"SEP": true, "PKO": true, "DEV": true, "MOD": true, "RAD": true, "***": true,
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
