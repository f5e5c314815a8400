package nlp

import "strings"

// Lemma returns the dictionary form of word given its Penn Treebank tag, in
// lower case: verbs in the base form ("accused" VBD → "accuse", "went" →
// "go"), nouns in the singular ("sanctions" NNS → "sanction", "talks" →
// "talk"), other words lower-cased. Proper nouns are only lower-cased.
func Lemma(word, tag string) string {
	w := strings.ToLower(word)
	switch {
	case strings.HasPrefix(tag, "VB"):
		return verbLemma(w, tag)
	case tag == "NNS":
		return nounLemma(w)
	case w == "n't":
		return "not"
	}
	return w
}

func verbLemma(w, tag string) string {
	if l, ok := irregularVerbs[w]; ok {
		return l
	}
	switch tag {
	case "VB", "VBP":
		return w
	case "VBZ":
		return stripS(w)
	case "VBD", "VBN":
		if strings.HasSuffix(w, "ed") {
			return stripSuffix(w, 2)
		}
		if strings.HasSuffix(w, "en") && len(w) > 4 {
			return w // "broken" style forms are in the irregular table; leave others
		}
		return w
	case "VBG":
		if strings.HasSuffix(w, "ing") && len(w) > 4 {
			return stripSuffix(w, 3)
		}
	}
	// An untagged or odd form: try the common endings.
	switch {
	case strings.HasSuffix(w, "ing") && len(w) > 5:
		return stripSuffix(w, 3)
	case strings.HasSuffix(w, "ed") && len(w) > 4:
		return stripSuffix(w, 2)
	}
	return w
}

// stripSuffix removes an -ed or -ing ending (n bytes) and restores the stem:
// doubled consonants ("stopped" → "stop"), a silent e ("accused" →
// "accuse", "voting" → "vote"), y from i ("denied" → "deny").
func stripSuffix(w string, n int) string {
	stem := w[:len(w)-n]
	if n == 2 && strings.HasSuffix(stem, "i") && len(stem) > 2 {
		return stem[:len(stem)-1] + "y" // denied → deny
	}
	if len(stem) >= 3 {
		a, b := stem[len(stem)-2], stem[len(stem)-1]
		// Doubled final consonant: "stopped", "planned", "committed"; but
		// keep genuine doubles ("kissed", "called", "added", "stressed").
		if a == b && isConsonant(b) && !strings.ContainsRune("lszf", rune(b)) && b != 'd' {
			return stem[:len(stem)-1]
		}
		// British doubling of a final l after an unstressed vowel:
		// "signalled", "levelled", "travelled", "cancelled", "fuelled" — but
		// "called", "killed", "shelled", "rolled" keep theirs (one syllable),
		// and so do the stressed "recalled", "befallen", "enthralled".
		if a == 'l' && b == 'l' && len(stem) >= 5 && (stem[len(stem)-3] == 'e' || stem[len(stem)-3] == 'a') &&
			vowelGroups(stem) >= 2 && !strings.HasSuffix(stem, "stall") && !strings.HasSuffix(stem, "pell") &&
			!strings.HasSuffix(stem, "call") && !strings.HasSuffix(stem, "fall") && !strings.HasSuffix(stem, "thrall") {
			return stem[:len(stem)-1]
		}
	}
	if needsE(stem) {
		return stem + "e"
	}
	return stem
}

// needsE reports whether a stem lost a silent e before -ed/-ing
// ("accus-ed", "vot-ing", "negotiat-ed", "forc-ed"). The irregular table
// holds the common news verbs; this covers the rest by their endings.
func needsE(stem string) bool {
	n := len(stem)
	if n < 3 {
		return false
	}
	for _, suf := range eStemEndings {
		if strings.HasSuffix(stem, suf) {
			return true
		}
	}
	last, mid, first := stem[n-1], stem[n-2], stem[n-3]
	if isVowel(last) || strings.IndexByte("wxy", last) >= 0 || !isVowel(mid) || isVowel(first) {
		return false
	}
	// Consonant-vowel-consonant: short stems take an e ("vot", "rul",
	// "hop", "provok"); stems ending in an unstressed syllable do not
	// ("visit", "open", "offer", "limit", "summon").
	for _, suf := range noEEndings {
		if strings.HasSuffix(stem, suf) {
			return false
		}
	}
	return true
}

// eStemEndings are stem endings whose verbs end in a silent e.
var eStemEndings = []string{
	"u",                             // argu(e), continu(e), issu(e), pursu(e)
	"dg", "rg", "ang", "eng", "ung", // pledg(e), merg(e), chang(e), challeng(e), plung(e)
	"nc", "rc", "uc", "ac", "ic", // announc(e), forc(e), produc(e), replac(e), sacrific(e)
	"iz", "yz", "is", // recogniz(e), paralyz(e), advis(e)
	"at", "ut", "ot", "it", // negotiat(e), execut(e), vot(e), unit(e) — "visit" etc. are in the table
	"rv", "lv", "bl", "pl", "tl", "gl", "dl", "kl", "zl", // serv(e), resolv(e), troubl(e), settl(e), struggl(e)
	"ps", "ns", "rs", "ys", "us", // collaps(e), licens(e), revers(e), analys(e), accus(e)
}

var noEEndings = []string{"en", "er", "on", "et", "al", "ol", "el", "or", "om", "ad", "ed", "id", "ow", "ap", "op", "ip", "ag", "ig", "og", "ug", "ab", "ob", "ub"}

// vowelGroups counts the runs of vowels in s, a rough syllable count.
func vowelGroups(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		v := isVowel(s[i]) || s[i] == 'y' && i > 0
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }

func isConsonant(b byte) bool { return b >= 'a' && b <= 'z' && !isVowel(b) }

// stripS removes a third-person or plural -s ending: "accuses" → "accuse",
// "denies" → "deny", "watches" → "watch", "meets" → "meet".
func stripS(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 2:
		return w[:len(w)-1]
	}
	return w
}

func nounLemma(w string) string {
	if l, ok := irregularNouns[w]; ok {
		return l
	}
	return stripS(w)
}

var irregularNouns = map[string]string{
	"men": "man", "women": "woman", "children": "child", "people": "people", "police": "police",
	"lives": "life", "wives": "wife", "knives": "knife", "thieves": "thief", "leaves": "leaf",
	"crises": "crisis", "analyses": "analysis", "bases": "base", "theses": "thesis", "diagnoses": "diagnosis",
	"feet": "foot", "teeth": "tooth", "mice": "mouse", "data": "data", "media": "media",
	"talks": "talk", "news": "news", "arms": "arm", "forces": "force", "troops": "troop",
	"series": "series", "species": "species", "headquarters": "headquarters", "means": "means",
	"casualties": "casualty", "allies": "ally", "militias": "militia", "hostages": "hostage",
	"sanctions": "sanction", "negotiations": "negotiation", "relations": "relation", "ties": "tie",
}

// irregularVerbs maps inflected forms of English irregular verbs to their
// base form.
var irregularVerbs = map[string]string{
	"is": "be", "are": "be", "was": "be", "were": "be", "been": "be", "being": "be", "am": "be", "'s": "be", "'re": "be", "'m": "be",
	"has": "have", "had": "have", "having": "have", "'ve": "have", "'d": "would",
	"does": "do", "did": "do", "done": "do", "doing": "do",
	"ca": "can", "wo": "will", "'ll": "will",
	"arose": "arise", "arisen": "arise", "awoke": "awake", "bore": "bear", "borne": "bear", "beat": "beat", "beaten": "beat",
	"became": "become", "began": "begin", "begun": "begin", "bent": "bend", "bet": "bet", "bid": "bid", "bound": "bind",
	"bit": "bite", "bitten": "bite", "bled": "bleed", "blew": "blow", "blown": "blow", "broke": "break", "broken": "break",
	"bred": "breed", "brought": "bring", "broadcast": "broadcast", "built": "build", "burnt": "burn", "burst": "burst",
	"bought": "buy", "cast": "cast", "caught": "catch", "chose": "choose", "chosen": "choose", "clung": "cling",
	"came": "come", "cost": "cost", "crept": "creep", "cut": "cut", "dealt": "deal", "dug": "dig", "drew": "draw",
	"drawn": "draw", "dreamt": "dream", "drank": "drink", "drunk": "drink", "drove": "drive", "driven": "drive",
	"ate": "eat", "eaten": "eat", "fell": "fall", "fallen": "fall", "fed": "feed", "felt": "feel", "fought": "fight",
	"found": "find", "fled": "flee", "flung": "fling", "flew": "fly", "flown": "fly", "forbade": "forbid",
	"forbidden": "forbid", "forecast": "forecast", "foresaw": "foresee", "foreseen": "foresee", "foretold": "foretell",
	"forgot": "forget", "forgotten": "forget", "forgave": "forgive", "forgiven": "forgive", "froze": "freeze",
	"frozen": "freeze", "got": "get", "gotten": "get", "gave": "give", "given": "give", "went": "go", "gone": "go",
	"ground": "grind", "grew": "grow", "grown": "grow", "hung": "hang", "heard": "hear", "hid": "hide",
	"hidden": "hide", "hit": "hit", "held": "hold", "hurt": "hurt", "kept": "keep", "knelt": "kneel", "knew": "know",
	"known": "know", "laid": "lay", "led": "lead", "leapt": "leap", "learnt": "learn", "left": "leave", "lent": "lend",
	"let": "let", "lay": "lie", "lain": "lie", "lit": "light", "lost": "lose", "made": "make", "meant": "mean",
	"met": "meet", "mistook": "mistake", "mistaken": "mistake", "misled": "mislead", "overcame": "overcome",
	"overran": "overrun", "overrode": "override", "overridden": "override", "overseen": "oversee", "oversaw": "oversee", "overthrew": "overthrow",
	"overthrown": "overthrow", "overtook": "overtake", "overtaken": "overtake", "paid": "pay", "put": "put",
	"quit": "quit", "read": "read", "rid": "rid", "rode": "ride", "ridden": "ride", "rang": "ring", "rung": "ring",
	"rose": "rise", "risen": "rise", "ran": "run", "said": "say", "saw": "see", "seen": "see", "sought": "seek",
	"sold": "sell", "sent": "send", "set": "set", "shook": "shake", "shaken": "shake", "shed": "shed", "shone": "shine",
	"shot": "shoot", "showed": "show", "shown": "show", "shrank": "shrink", "shrunk": "shrink", "shut": "shut",
	"sang": "sing", "sung": "sing", "sank": "sink", "sunk": "sink", "sat": "sit", "slept": "sleep", "slid": "slide",
	"slew": "slay", "slain": "slay", "spoke": "speak", "spoken": "speak", "sped": "speed", "spent": "spend",
	"spun": "spin", "split": "split", "spread": "spread", "sprang": "spring", "sprung": "spring", "stood": "stand",
	"stole": "steal", "stolen": "steal", "stuck": "stick", "stung": "sting", "struck": "strike", "stricken": "strike",
	"strove": "strive", "striven": "strive", "swore": "swear", "sworn": "swear", "swept": "sweep", "swam": "swim",
	"swum": "swim", "swung": "swing", "took": "take", "taken": "take", "taught": "teach", "tore": "tear",
	"torn": "tear", "told": "tell", "thought": "think", "threw": "throw", "thrown": "throw", "thrust": "thrust",
	"undertook": "undertake", "undertaken": "undertake", "understood": "understand", "underwent": "undergo",
	"undergone": "undergo", "upheld": "uphold", "upset": "upset", "woke": "wake", "woken": "wake", "wore": "wear",
	"worn": "wear", "wove": "weave", "woven": "weave", "wept": "weep", "won": "win", "withdrew": "withdraw",
	"withdrawn": "withdraw", "withheld": "withhold", "withstood": "withstand", "wrote": "write", "written": "write",
	"wound": "wind", "rebuilt": "rebuild", "reiterated": "reiterate", "retook": "retake", "retaken": "retake",
	"outlawed": "outlaw", "shelled": "shell", "killed": "kill", "kills": "kill", "killing": "kill",
	"visited": "visit", "visiting": "visit", "limited": "limit", "offered": "offer", "opened": "open",
	"targeted": "target", "targeting": "target", "budgeted": "budget", "benefited": "benefit", "edited": "edit",
	"exited": "exit", "credited": "credit", "prohibited": "prohibit", "inhibited": "inhibit", "exhibited": "exhibit",
	"developed": "develop", "focused": "focus", "focusing": "focus", "entered": "enter", "ordered": "order",
	"gathered": "gather", "considered": "consider", "delivered": "deliver", "threatened": "threaten",
	"threatening": "threaten", "happened": "happen", "listened": "listen", "widened": "widen", "weakened": "weaken",
	"strengthened": "strengthen", "worsened": "worsen", "awakened": "awaken", "hardened": "harden",
	"deepened": "deepen", "frightened": "frighten", "reckoned": "reckon", "summoned": "summon",
	"abandoned": "abandon", "questioned": "question", "mentioned": "mention", "conditioned": "condition",
	"pardoned": "pardon", "sanctioned": "sanction", "sanctioning": "sanction", "cautioned": "caution",
	"petitioned": "petition", "positioned": "position", "stationed": "station", "pressured": "pressure",
	"pressuring": "pressure", "welcomed": "welcome", "welcoming": "welcome", "answered": "answer",
	"suffered": "suffer", "offering": "offer", "entering": "enter", "ordering": "order", "bombed": "bomb",
	"bombing": "bomb", "attacked": "attack", "attacking": "attack", "blocked": "block", "blocking": "block",
	"warned": "warn", "warning": "warn", "called": "call", "calling": "call", "rejected": "reject",
	"signed": "sign", "signing": "sign", "condemned": "condemn", "condemning": "condemn", "expelled": "expel",
	"expelling": "expel", "controlled": "control", "controlling": "control", "patrolled": "patrol",
	"committed": "commit", "committing": "commit", "submitted": "submit", "admitted": "admit", "admitting": "admit",
	"permitted": "permit", "omitted": "omit", "transmitted": "transmit", "referred": "refer", "preferred": "prefer",
	"deferred": "defer", "transferred": "transfer", "conferred": "confer", "occurred": "occur", "deterred": "deter",
	"compelled": "compel", "propelled": "propel", "repelled": "repel", "dispelled": "dispel", "labelled": "label",
	"travelled": "travel", "cancelled": "cancel", "canceled": "cancel", "fuelled": "fuel", "fueled": "fuel",
	"ceded": "cede", "conceded": "concede", "preceded": "precede", "succeeded": "succeed", "exceeded": "exceed",
	"proceeded": "proceed", "needed": "need", "agreed": "agree", "agreeing": "agree", "freed": "free",
	"guaranteed": "guarantee", "decreed": "decree", "seeing": "see", "fleeing": "flee",
	"dying": "die", "died": "die", "lying": "lie", "lied": "lie", "tied": "tie", "tying": "tie",
	"eyed": "eye", "vowed": "vow", "vowing": "vow", "allowed": "allow", "allowing": "allow", "followed": "follow",
	"borrowed": "borrow", "showing": "show", "owed": "owe", "bowed": "bow", "snowed": "snow",
	"stayed": "stay", "played": "play", "prayed": "pray", "delayed": "delay", "obeyed": "obey", "surveyed": "survey",
	"conveyed": "convey", "portrayed": "portray", "betrayed": "betray", "destroyed": "destroy", "deployed": "deploy",
	"deploying": "deploy", "employed": "employ", "enjoyed": "enjoy", "annoyed": "annoy", "toyed": "toy",
	"buried": "bury", "carried": "carry", "married": "marry", "worried": "worry", "hurried": "hurry",
	"levied": "levy", "rallied": "rally", "rallying": "rally", "allied": "ally", "relied": "rely", "replied": "reply",
	"supplied": "supply", "applied": "apply", "implied": "imply", "complied": "comply", "denied": "deny",
	"denying": "deny", "defied": "defy", "defying": "defy", "identified": "identify", "justified": "justify",
	"intensified": "intensify", "notified": "notify", "ratified": "ratify", "testified": "testify",
	"verified": "verify", "modified": "modify", "classified": "classify", "clarified": "clarify",
	"pled": "plead", "proven": "prove", "shaved": "shave", "used": "use", "using": "use",
	"caused": "cause", "causing": "cause", "closed": "close", "closing": "close", "opposed": "oppose",
	"opposing": "oppose", "proposed": "propose", "proposing": "propose", "imposed": "impose", "imposing": "impose",
	"accused": "accuse", "accusing": "accuse", "refused": "refuse", "refusing": "refuse", "released": "release",
	"releasing": "release", "increased": "increase", "decreased": "decrease", "raised": "raise", "raising": "raise",
	"praised": "praise", "praising": "praise", "promised": "promise", "promising": "promise", "pledged": "pledge",
	"pledging": "pledge", "urged": "urge", "urging": "urge", "charged": "charge", "charging": "charge",
	"merged": "merge", "emerged": "emerge", "waged": "wage", "waging": "wage", "engaged": "engage",
	"arranged": "arrange", "changed": "change", "exchanged": "exchange", "challenged": "challenge",
	"declared": "declare", "declaring": "declare", "prepared": "prepare", "compared": "compare", "shared": "share",
	"sharing": "share", "scared": "scare", "ignored": "ignore", "restored": "restore", "restoring": "restore",
	"explored": "explore", "deplored": "deplore", "implored": "implore", "hoped": "hope", "hoping": "hope",
	"escaped": "escape", "shaped": "shape", "raped": "rape", "scoped": "scope", "voted": "vote", "voting": "vote",
	"noted": "note", "noting": "note", "quoted": "quote", "promoted": "promote", "invaded": "invade",
	"invading": "invade", "persuaded": "persuade", "evaded": "evade", "traded": "trade", "trading": "trade",
	"decided": "decide", "deciding": "decide", "provided": "provide", "providing": "provide", "divided": "divide",
	"resided": "reside", "presided": "preside", "sided": "side", "guided": "guide", "included": "include",
	"concluded": "conclude", "excluded": "exclude", "ruled": "rule", "ruling": "rule", "scheduled": "schedule",
	"fired": "fire", "firing": "fire", "hired": "hire", "retired": "retire", "required": "require",
	"inquired": "inquire", "acquired": "acquire", "aspired": "aspire", "inspired": "inspire", "expired": "expire",
	"conspired": "conspire", "admired": "admire", "desired": "desire", "secured": "secure", "securing": "secure",
	"ensured": "ensure", "insured": "insure", "assured": "assure", "endured": "endure", "lured": "lure",
	"captured": "capture", "capturing": "capture", "tortured": "torture", "torturing": "torture",
	"ventured": "venture", "cured": "cure", "measured": "measure", "injured": "injure", "argued": "argue",
	"arguing": "argue", "continued": "continue", "continuing": "continue", "pursued": "pursue", "issued": "issue",
	"issuing": "issue", "rescued": "rescue", "valued": "value", "queued": "queue", "sued": "sue", "suing": "sue",
	"struggled": "struggle", "settled": "settle", "handled": "handle", "tackled": "tackle", "troubled": "trouble",
	"doubled": "double", "tripled": "triple", "resembled": "resemble", "assembled": "assemble", "scrambled": "scramble",
	"enabled": "enable", "disabled": "disable", "forced": "force", "forcing": "force", "announced": "announce",
	"announcing": "announce", "produced": "produce", "reduced": "reduce", "reducing": "reduce",
	"introduced": "introduce", "pronounced": "pronounce", "denounced": "denounce", "denouncing": "denounce",
	"renounced": "renounce", "replaced": "replace", "placed": "place", "faced": "face", "facing": "face",
	"traced": "trace", "embraced": "embrace", "enforced": "enforce", "reinforced": "reinforce",
	"divorced": "divorce", "sourced": "source", "evidenced": "evidence", "influenced": "influence",
	"sentenced": "sentence", "sentencing": "sentence", "commenced": "commence", "experienced": "experience",
	"convinced": "convince", "recognized": "recognize", "recognised": "recognise", "criticized": "criticize",
	"criticised": "criticise", "criticizing": "criticize", "criticising": "criticise", "seized": "seize",
	"seizing": "seize", "organized": "organize", "organised": "organise", "authorized": "authorize",
	"authorised": "authorise", "mobilized": "mobilize", "mobilised": "mobilise", "emphasized": "emphasize",
	"emphasised": "emphasise", "apologized": "apologize", "apologised": "apologise", "stabilized": "stabilize",
	"normalized": "normalize", "legalized": "legalize", "finalized": "finalize", "realized": "realize",
	"negotiated": "negotiate", "negotiating": "negotiate", "escalated": "escalate", "retaliated": "retaliate",
	"violated": "violate", "violating": "violate", "created": "create", "stated": "state", "stating": "state",
	"dictated": "dictate", "indicated": "indicate", "located": "locate", "allocated": "allocate",
	"advocated": "advocate", "communicated": "communicate", "demonstrated": "demonstrate",
	"demonstrating": "demonstrate", "celebrated": "celebrate", "evacuated": "evacuate", "evacuating": "evacuate",
	"initiated": "initiate", "mediated": "mediate", "mediating": "mediate", "repatriated": "repatriate",
	"investigated": "investigate", "investigating": "investigate", "instigated": "instigate",
	"mitigated": "mitigate", "eliminated": "eliminate", "nominated": "nominate", "dominated": "dominate",
	"terminated": "terminate", "coordinated": "coordinate", "designated": "designate", "debated": "debate",
	"updated": "update", "hated": "hate", "related": "relate", "isolated": "isolate", "isolating": "isolate",
	"assassinated": "assassinate", "detonated": "detonate", "operated": "operate", "cooperated": "cooperate",
	"cooperating": "cooperate", "generated": "generate", "tolerated": "tolerate", "accelerated": "accelerate",
	"reiterating": "reiterate", "separated": "separate", "liberated": "liberate", "deliberated": "deliberate",
	"executed": "execute", "executing": "execute", "contributed": "contribute", "distributed": "distribute",
	"attributed": "attribute", "prosecuted": "prosecute", "persecuted": "persecute", "disputed": "dispute",
	"served": "serve", "serving": "serve", "reserved": "reserve", "observed": "observe", "deserved": "deserve",
	"preserved": "preserve", "resolved": "resolve", "involved": "involve", "involving": "involve",
	"solved": "solve", "evolved": "evolve", "dissolved": "dissolve", "revolved": "revolve",
	"collapsed": "collapse", "licensed": "license", "reversed": "reverse", "endorsed": "endorse",
	"endorsing": "endorse", "dispersed": "disperse", "nursed": "nurse", "rehearsed": "rehearse",
	"cursed": "curse", "immersed": "immerse", "responded": "respond", "ended": "end", "defended": "defend",
	"defending": "defend", "intended": "intend", "extended": "extend", "attended": "attend", "suspended": "suspend",
	"recommended": "recommend", "demanded": "demand", "demanding": "demand", "landed": "land",
	"expanded": "expand", "funded": "fund", "founded": "found", "sounded": "sound", "wounded": "wound", "boycotted": "boycott", "boycotting": "boycott", "profited": "profit", "audited": "audit",
	"surrounded": "surround", "added": "add", "loaded": "load", "headed": "head",
	"pleaded": "plead", "exploded": "explode", "eroded": "erode", "raided": "raid", "raiding": "raid",
	"aided": "aid", "avoided": "avoid", "shielded": "shield", "yielded": "yield",
	"fielded": "field", "wielded": "wield", "rewarded": "reward", "regarded": "regard", "guarded": "guard",
	"recorded": "record", "awarded": "award", "forwarded": "forward", "boarded": "board",
	"praying": "pray", "saying": "say", "paying": "pay", "laying": "lay", "staying": "stay", "playing": "play",
}
