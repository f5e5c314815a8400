package counts

import "fmt"

// Kind is what a count counts. Its String is the GDELT count type written
// to [article.Count.Kind].
type Kind uint8

const (
	// Kill is people killed or dead: "89 people killed", "the death toll
	// rose to 89", "left 89 dead", "89 deaths".
	Kill Kind = iota + 1
	// Wound is people wounded or injured: "14 others wounded", "3 injured".
	Wound
	// Arrest is people arrested or detained: "police detained 12 men".
	Arrest
	// Kidnap is people kidnapped, abducted or taken hostage.
	Kidnap
	// Displace is people displaced, fleeing or made homeless.
	Displace
	// Refugees is refugees and asylum seekers: "3,000 refugees".
	Refugees
	// Evacuate is people evacuated: "5,000 residents were evacuated".
	Evacuate
	// Protest is people protesting: "thousands protested", "40 protesters".
	Protest
	// Sickened is people taken ill, infected or poisoned.
	Sickened
	// Affect is people affected: "the floods affected 2 million people".
	Affect
	// Amount is a sum of money: "$4.5bn", "£1,400", "1.5 million euros";
	// its object is the ISO 4217 code of the currency.
	Amount
	numKinds = Amount
)

var kindNames = [...]string{
	Kill: "KILL", Wound: "WOUND", Arrest: "ARREST", Kidnap: "KIDNAP",
	Displace: "DISPLACE", Refugees: "REFUGEES", Evacuate: "EVACUATE",
	Protest: "PROTEST", Sickened: "SICKENED", Affect: "AFFECT", Amount: "AMOUNT",
}

// String returns the GDELT-style name of the kind ("KILL", "AMOUNT").
func (k Kind) String() string {
	if k >= 1 && k <= numKinds {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// ParseKind returns the kind named s ("KILL"), and false when s names none.
func ParseKind(s string) (Kind, bool) {
	for k := Kill; k <= numKinds; k++ {
		if kindNames[k] == s {
			return k, true
		}
	}
	return 0, false
}

// Kinds returns every kind, in order.
func Kinds() []Kind {
	out := make([]Kind, 0, numKinds)
	for k := Kill; k <= numKinds; k++ {
		out = append(out, k)
	}
	return out
}
