package events

import "strings"

// futureCode returns the code of an act announced for the future ("X will
// provide aid", "X will attack"): CAMEO codes the announcement, not the
// act, as an expression of intent (03) for cooperation and as a threat (13)
// for conflict. Codes for which CAMEO has no announcement form, and verbal
// acts (01-02, 09-14), are returned as they are.
func futureCode(code string) string {
	switch {
	case strings.HasPrefix(code, "04"):
		return "036" // intent to meet or negotiate
	case strings.HasPrefix(code, "05"):
		return "032" // intent to engage in diplomatic cooperation
	case strings.HasPrefix(code, "061"):
		return "0311" // cooperate economically
	case strings.HasPrefix(code, "062"):
		return "0312" // cooperate militarily
	case strings.HasPrefix(code, "063"):
		return "0313" // judicial cooperation
	case strings.HasPrefix(code, "064"):
		return "0314" // intelligence
	case strings.HasPrefix(code, "06"):
		return "031"
	case strings.HasPrefix(code, "071"):
		return "0331" // economic aid
	case strings.HasPrefix(code, "072"):
		return "0332" // military aid
	case strings.HasPrefix(code, "073"):
		return "0333" // humanitarian aid
	case strings.HasPrefix(code, "074"):
		return "0334" // military protection or peacekeeping
	case strings.HasPrefix(code, "07"):
		return "033"
	case strings.HasPrefix(code, "081"):
		return "034" // political reform
	case strings.HasPrefix(code, "082"):
		return "0352" // ease popular dissent
	case strings.HasPrefix(code, "083"):
		return "0343" // accede to demands for rights
	case strings.HasPrefix(code, "084"):
		return "0353" // release persons or property
	case strings.HasPrefix(code, "085"):
		return "0354" // ease economic sanctions
	case strings.HasPrefix(code, "086"):
		return "0355" // allow international involvement
	case strings.HasPrefix(code, "087"):
		return "0356" // de-escalate military engagement
	case strings.HasPrefix(code, "08"):
		return "035"
	case strings.HasPrefix(code, "16"):
		return "131" // threaten non-force
	case strings.HasPrefix(code, "17"):
		return "137" // threaten with repression
	case strings.HasPrefix(code, "181"), strings.HasPrefix(code, "183"):
		return "1383" // unconventional violence
	case strings.HasPrefix(code, "191"):
		return "1381" // blockade
	case strings.HasPrefix(code, "192"):
		return "1382" // occupation
	case strings.HasPrefix(code, "18"), strings.HasPrefix(code, "19"):
		return "1384" // conventional attack
	case strings.HasPrefix(code, "20"):
		return "1385" // attack with WMD
	}
	return code
}

// isFutureModal reports whether a modal announces the future.
func isFutureModal(m string) bool {
	switch m {
	case "will", "shall", "'ll", "wo":
		return true
	}
	return false
}
