package counts

import "strings"

// class says how a trigger word relates to the number it counts.
type class uint8

const (
	// verb is a transitive verb whose patient is counted: before it when
	// passive or bare ("89 people (were) killed"), after it when active
	// ("killed 89 people").
	verb class = iota
	// intrans is a verb whose subject is counted: "89 people died",
	// "thousands protested", "2.5 million fled".
	intrans
	// state is an adjective of the people counted: "89 dead", "3 injured",
	// "2 million displaced Syrians", and the result of "left N ...".
	state
	// event is a noun naming what happened: "89 deaths", "5 arrests".
	event
	// group is a noun naming the people counted: "3,000 refugees", "40
	// protesters"; it is the count's object.
	group
	// result is a verb whose object is left in a state named after it:
	// "left 89 people dead", "took 30 people hostage".
	result
	// toll is a noun followed by the number it stands at: "the death toll
	// rose to 89".
	toll
)

// trigger is a word or phrase that says what happened to the people a
// number counts.
type trigger struct {
	// words are the lemmas of the phrase; "*" matches any one token.
	words []string
	kind  Kind
	class class
	// guard, for an intransitive verb that can also take an object, skips
	// the reading when an object follows ("5 countries demonstrated new
	// missiles" is no protest).
	guard bool
	// head, when set, is the lemma the counted object must have: "claimed
	// 12 lives" is a count of the dead, "claimed 12 seats" is not.
	head string
}

// triggers lists the count triggers. Lemmas come from nlp: verbs in the
// base form, plural nouns in the singular, adjectives as written.
var triggers = []trigger{
	// KILL
	{words: w("kill"), kind: Kill},
	{words: w("murder"), kind: Kill},
	{words: w("massacre"), kind: Kill},
	{words: w("slaughter"), kind: Kill},
	{words: w("slay"), kind: Kill},
	{words: w("behead"), kind: Kill},
	{words: w("assassinate"), kind: Kill},
	{words: w("shoot dead"), kind: Kill},
	{words: w("gun down"), kind: Kill},
	{words: w("claim"), kind: Kill, head: "life"},
	{words: w("cost"), kind: Kill, head: "life"},
	{words: w("take"), kind: Kill, head: "life"},
	{words: w("die"), kind: Kill, class: intrans},
	{words: w("perish"), kind: Kill, class: intrans},
	{words: w("drown"), kind: Kill, class: intrans},
	{words: w("lose * life"), kind: Kill, class: intrans},
	{words: w("lose life"), kind: Kill, class: intrans},
	{words: w("dead"), kind: Kill, class: state},
	{words: w("death"), kind: Kill, class: event},
	{words: w("fatality"), kind: Kill, class: event},
	{words: w("toll"), kind: Kill, class: toll},
	// WOUND
	{words: w("wound"), kind: Wound},
	{words: w("injure"), kind: Wound},
	{words: w("hurt"), kind: Wound},
	{words: w("maim"), kind: Wound},
	{words: w("injured"), kind: Wound, class: state},
	{words: w("wounded"), kind: Wound, class: state},
	{words: w("injury"), kind: Wound, class: event},
	// ARREST
	{words: w("arrest"), kind: Arrest},
	{words: w("detain"), kind: Arrest},
	{words: w("apprehend"), kind: Arrest},
	{words: w("jail"), kind: Arrest},
	{words: w("imprison"), kind: Arrest},
	{words: w("round up"), kind: Arrest},
	{words: w("take into custody"), kind: Arrest},
	{words: w("arrest"), kind: Arrest, class: event},
	{words: w("detainee"), kind: Arrest, class: group},
	// KIDNAP
	{words: w("kidnap"), kind: Kidnap},
	{words: w("abduct"), kind: Kidnap},
	{words: w("take hostage"), kind: Kidnap},
	{words: w("hostage"), kind: Kidnap, class: group},
	{words: w("abduction"), kind: Kidnap, class: event},
	{words: w("kidnapping"), kind: Kidnap, class: event},
	// DISPLACE
	{words: w("displace"), kind: Displace},
	{words: w("uproot"), kind: Displace},
	{words: w("flee"), kind: Displace, class: intrans},
	{words: w("displaced"), kind: Displace, class: state},
	{words: w("homeless"), kind: Displace, class: state},
	// REFUGEES
	{words: w("refugee"), kind: Refugees, class: group},
	{words: w("asylum seeker"), kind: Refugees, class: group},
	{words: w("asylum-seeker"), kind: Refugees, class: group},
	// EVACUATE
	{words: w("evacuate"), kind: Evacuate},
	{words: w("evacuee"), kind: Evacuate, class: group},
	// PROTEST
	{words: w("protest"), kind: Protest, class: intrans},
	{words: w("demonstrate"), kind: Protest, class: intrans, guard: true},
	{words: w("march"), kind: Protest, class: intrans, guard: true},
	{words: w("rally"), kind: Protest, class: intrans, guard: true},
	{words: w("take to the street"), kind: Protest, class: intrans},
	{words: w("go on strike"), kind: Protest, class: intrans},
	{words: w("protester"), kind: Protest, class: group},
	{words: w("protestor"), kind: Protest, class: group},
	{words: w("demonstrator"), kind: Protest, class: group},
	{words: w("marcher"), kind: Protest, class: group},
	// SICKENED
	{words: w("sicken"), kind: Sickened},
	{words: w("infect"), kind: Sickened},
	{words: w("poison"), kind: Sickened},
	{words: w("hospitalize"), kind: Sickened},
	{words: w("hospitalise"), kind: Sickened},
	{words: w("fall ill"), kind: Sickened, class: intrans},
	{words: w("fall sick"), kind: Sickened, class: intrans},
	{words: w("become ill"), kind: Sickened, class: intrans},
	{words: w("infection"), kind: Sickened, class: event},
	// AFFECT
	{words: w("affect"), kind: Affect},
	// results: the state word after the object says the kind
	{words: w("leave"), class: result},
	{words: w("take"), class: result},
	{words: w("render"), class: result},
}

// results map the word after "left N people" to the kind it counts.
var results = map[string]Kind{
	"dead": Kill, "injured": Wound, "wounded": Wound, "hurt": Wound,
	"homeless": Displace, "displaced": Displace, "hostage": Kidnap, "captive": Kidnap,
	"stranded": Affect, "ill": Sickened, "sick": Sickened,
}

func w(s string) []string { return strings.Fields(s) }

// triggerIndex maps a trigger's first word to the triggers it starts.
type triggerIndex map[string][]int

func indexTriggers(kinds *[numKinds + 1]bool) triggerIndex {
	idx := triggerIndex{}
	for i, t := range triggers {
		if t.class != result && !kinds[t.kind] {
			continue
		}
		idx[t.words[0]] = append(idx[t.words[0]], i)
	}
	return idx
}

// match returns the index of the last token of trigger t when it occurs at
// token i.
func (s *sent) match(t *trigger, i int) (last int, ok bool) {
	if i+len(t.words) > len(s.toks) {
		return 0, false
	}
	for k, tw := range t.words {
		if tw == "*" {
			continue
		}
		if s.toks[i+k].Lemma != tw && s.words[i+k] != tw {
			return 0, false
		}
	}
	tag := s.toks[i].Tag
	switch t.class {
	case verb, intrans, result:
		// Verbs, and participles the tagger took for adjectives.
		if !strings.HasPrefix(tag, "VB") && tag != "JJ" {
			return 0, false
		}
	case event, group, toll:
		if !strings.HasPrefix(tag, "NN") {
			return 0, false
		}
	}
	return i + len(t.words) - 1, true
}

// stateWord reports whether token i is a state trigger ("dead",
// "injured"), which ends the object before it.
func (s *sent) stateWord(i int) bool {
	w := s.word(i)
	if _, ok := results[w]; ok {
		return true
	}
	return w == "displaced" || w == "homeless"
}
