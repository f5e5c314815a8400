package counts

import (
	"strings"

	"worldmedia/internal/article"
)

// symbols are the currency signs written before an amount, with the ISO
// 4217 code each stands for. A bare "$" is taken as the US dollar, as in
// most English-language news.
var symbols = map[string]string{
	"$": "USD", "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
	"hk$": "HKD", "nz$": "NZD", "s$": "SGD", "nt$": "TWD", "r$": "BRL", "mx$": "MXN",
	"£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
	"₦": "NGN", "₪": "ILS", "₴": "UAH", "rs": "INR", "rs.": "INR",
}

// codes are ISO 4217 codes written as words ("USD 5m", "5m euros"); only
// upper-case forms count, so "try" and "all" stay words.
var codes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "JPY": true, "CNY": true, "INR": true,
	"RUB": true, "CHF": true, "AUD": true, "CAD": true, "HKD": true, "SGD": true,
	"NZD": true, "ZAR": true, "BRL": true, "MXN": true, "TRY": true, "SAR": true,
	"AED": true, "ILS": true, "KRW": true, "SEK": true, "NOK": true, "DKK": true,
	"PLN": true, "UAH": true, "NGN": true, "EGP": true, "PKR": true, "RMB": true,
}

// currencies are the currency names written after an amount, by lemma,
// with the code of the currency the name usually means.
var currencies = map[string]string{
	"dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY",
	"yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rouble": "RUB", "ruble": "RUB",
	"franc": "CHF", "peso": "MXN", "lira": "TRY", "rand": "ZAR", "naira": "NGN",
	"shekel": "ILS", "dirham": "AED", "riyal": "SAR", "rial": "IRR", "dinar": "IQD",
	"krona": "SEK", "krone": "NOK", "zloty": "PLN", "hryvnia": "UAH", "baht": "THB",
	"ringgit": "MYR", "rupiah": "IDR", "cedi": "GHS", "shilling": "KES", "kwacha": "ZMW",
}

// qualified are currency names that a country word before them changes:
// "Australian dollars", "Egyptian pounds".
var qualified = map[string]string{
	"us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD",
	"australian dollar": "AUD", "canadian dollar": "CAD", "hong kong dollar": "HKD",
	"new zealand dollar": "NZD", "singapore dollar": "SGD", "taiwan dollar": "TWD",
	"zimbabwe dollar": "ZWL", "zimbabwean dollar": "ZWL", "egyptian pound": "EGP",
	"lebanese pound": "LBP", "syrian pound": "SYP", "swiss franc": "CHF",
	"cfa franc": "XOF", "argentine peso": "ARS", "mexican peso": "MXN",
	"philippine peso": "PHP", "colombian peso": "COP", "chilean peso": "CLP",
	"pakistani rupee": "PKR", "indian rupee": "INR", "sri lankan rupee": "LKR",
	"iraqi dinar": "IQD", "kuwaiti dinar": "KWD", "jordanian dinar": "JOD",
	"iranian rial": "IRR", "saudi riyal": "SAR", "qatari riyal": "QAR",
	"swedish krona": "SEK", "norwegian krone": "NOK", "danish krone": "DKK",
	"turkish lira": "TRY", "south african rand": "ZAR", "chinese yuan": "CNY",
	"japanese yen": "JPY", "russian rouble": "RUB", "russian ruble": "RUB",
}

// amounts reads the sums of money of the sentence: a currency sign or code
// and a number ("$4.5bn", "£1,400", "USD 5m"), or a number and a currency
// name ("1.5 million euros", "500 Australian dollars"). It marks their
// numbers used, so that no sum is read as a count of people.
func (x *extractor) amounts() {
	s := &x.s
	for i := range s.toks {
		w := s.words[i]
		code := symbols[w]
		if code == "" && len(w) == 3 && codes[s.toks[i].Span.In(s.text)] {
			code = strings.ToUpper(w)
			if code == "RMB" {
				code = "CNY"
			}
		}
		if code != "" {
			if n := x.numberAt(i + 1); n != nil && n.core == n.first {
				x.add(Amount, n, article.Span{}, i, n.last)
				x.setObject(code)
			}
			continue
		}
		x.attached(i)
	}
	for k := range x.nums {
		n := &x.nums[k]
		if n.used {
			continue
		}
		j := n.last + 1
		code, last := "", 0
		if c, ok := qualified[s.word(j)+" "+s.toks2lemma(j+1)]; ok {
			code, last = c, j+1
		} else if c, ok := qualified[s.word(j)+" "+s.word(j+1)+" "+s.toks2lemma(j+2)]; ok {
			code, last = c, j+2
		} else if c, ok := currencies[s.toks2lemma(j)]; ok && (c != "GBP" || s.word(j+1) != "of") {
			code, last = c, j
		} else if len(s.word(j)) == 3 && codes[s.toks[j].Span.In(s.text)] {
			code, last = strings.ToUpper(s.words[j]), j
		}
		if code != "" {
			x.add(Amount, n, article.Span{}, n.first, last)
			x.setObject(code)
		}
	}
}

// toks2lemma returns the lemma of token i, or of its lower-case form when
// the tagger left it alone ("Euros" tagged as a proper noun).
func (s *sent) toks2lemma(i int) string {
	l := s.lemma(i)
	if strings.HasSuffix(l, "s") && len(l) > 3 {
		if _, ok := currencies[l[:len(l)-1]]; ok {
			return l[:len(l)-1]
		}
	}
	return l
}

// attached reads an amount written as one token: "$5", "£1,400", "€3bn",
// with any scale word after it ("$5 million").
func (x *extractor) attached(i int) {
	s := &x.s
	w := s.words[i]
	d := strings.IndexAny(w, "0123456789")
	if d <= 0 {
		return
	}
	code, ok := symbols[w[:d]]
	if !ok {
		return
	}
	v, scale, ok := digits(w[d:])
	if !ok {
		return
	}
	v *= scale
	last := i
	for sc, ok := scales[s.word(last+1)]; ok && v*sc <= maxValue; sc, ok = scales[s.word(last+1)] {
		v *= sc
		last++
	}
	if v < 0.5 || v > maxValue {
		return
	}
	n := number{first: i, core: i, last: last, value: int64(v + 0.5)}
	x.add(Amount, &n, article.Span{}, i, last)
	x.setObject(code)
}

// setObject sets the object of the count just added.
func (x *extractor) setObject(code string) { x.out[len(x.out)-1].object = code }
