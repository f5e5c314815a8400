package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
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

	// Misses are some gold events that were not found, for reading.
	Misses []Miss `json:"misses,omitempty"`
}

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
		if err != nil {
			break
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
		for _, g := range rec.Events {
			if label(g.Code) == pl {
				sc.PredRootOK++
				break
			}
		}
	}
	return nil
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
		return PLOVERCategory(code)
	}
	if len(code) < 2 || code[0] < '0' || code[0] > '9' {
		return ""
	}
	return code[:2]
}

// PLOVERCategory returns the PLOVER 0.5 event category of a CAMEO code, or
// "" for the verbal statements of root 01, which PLOVER does not code.
func PLOVERCategory(code string) string {
	if len(code) < 2 {
		return ""
	}
	switch {
	case strings.HasPrefix(code, "057"):
		return "AGREE" // sign a formal agreement
	case strings.HasPrefix(code, "087"):
		return "RETREAT" // de-escalate military engagement
	}
	switch code[:2] {
	case "02", "10":
		return "DEMAND"
	case "03":
		return "AGREE"
	case "04":
		return "CONSULT"
	case "05":
		return "SUPPORT"
	case "06":
		return "COOPERATE"
	case "07":
		return "AID"
	case "08":
		return "CONCEDE"
	case "09":
		return "INVESTIGATE"
	case "11":
		return "DISAPPROVE"
	case "12":
		return "REJECT"
	case "13":
		return "THREATEN"
	case "14":
		return "PROTEST"
	case "15":
		return "MOBILIZE"
	case "16":
		return "SANCTION"
	case "17":
		return "COERCE"
	case "18", "20":
		return "ASSAULT"
	case "19":
		return "FIGHT"
	}
	return ""
}

// sameCountry compares the country (first three letters) of two actor
// codes; two empty codes agree.
func sameCountry(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	ca, cb := a, b
	if len(ca) > 3 {
		ca = ca[:3]
	}
	if len(cb) > 3 {
		cb = cb[:3]
	}
	return ca == cb
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
