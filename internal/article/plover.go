package article

import "strings"

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
