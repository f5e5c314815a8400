package gdelt

import "sync"

// country is one row of the country table: an ISO 3166-1 alpha-2 code, the
// FIPS 10-4 code GDELT writes for it, and the short English name GDELT's
// location names end with.
type country struct {
	iso, fips, name string
}

// countries lists every ISO 3166-1 alpha-2 code (and Kosovo's user-assigned
// XK) with its FIPS 10-4 code, written for worldmedia from the two
// standards. Territories with no FIPS code of their own carry their
// sovereign's (Åland: Finland; Bonaire, Sint Eustatius and Saba: the
// Netherlands; the US Minor Outlying Islands: the United States): see
// [ISO2] for the way back. Palestine is the West Bank (WE) here; a place in
// the Gaza Strip gets GZ from its coordinates (fipsAt).
var countries = [...]country{
	{"AD", "AN", "Andorra"},
	{"AE", "AE", "United Arab Emirates"},
	{"AF", "AF", "Afghanistan"},
	{"AG", "AC", "Antigua and Barbuda"},
	{"AI", "AV", "Anguilla"},
	{"AL", "AL", "Albania"},
	{"AM", "AM", "Armenia"},
	{"AO", "AO", "Angola"},
	{"AQ", "AY", "Antarctica"},
	{"AR", "AR", "Argentina"},
	{"AS", "AQ", "American Samoa"},
	{"AT", "AU", "Austria"},
	{"AU", "AS", "Australia"},
	{"AW", "AA", "Aruba"},
	{"AX", "FI", "Aland Islands"},
	{"AZ", "AJ", "Azerbaijan"},
	{"BA", "BK", "Bosnia and Herzegovina"},
	{"BB", "BB", "Barbados"},
	{"BD", "BG", "Bangladesh"},
	{"BE", "BE", "Belgium"},
	{"BF", "UV", "Burkina Faso"},
	{"BG", "BU", "Bulgaria"},
	{"BH", "BA", "Bahrain"},
	{"BI", "BY", "Burundi"},
	{"BJ", "BN", "Benin"},
	{"BL", "TB", "Saint Barthelemy"},
	{"BM", "BD", "Bermuda"},
	{"BN", "BX", "Brunei"},
	{"BO", "BL", "Bolivia"},
	{"BQ", "NL", "Bonaire, Sint Eustatius and Saba"},
	{"BR", "BR", "Brazil"},
	{"BS", "BF", "Bahamas"},
	{"BT", "BT", "Bhutan"},
	{"BV", "BV", "Bouvet Island"},
	{"BW", "BC", "Botswana"},
	{"BY", "BO", "Belarus"},
	{"BZ", "BH", "Belize"},
	{"CA", "CA", "Canada"},
	{"CC", "CK", "Cocos (Keeling) Islands"},
	{"CD", "CG", "Democratic Republic of the Congo"},
	{"CF", "CT", "Central African Republic"},
	{"CG", "CF", "Republic of the Congo"},
	{"CH", "SZ", "Switzerland"},
	{"CI", "IV", "Cote d'Ivoire"},
	{"CK", "CW", "Cook Islands"},
	{"CL", "CI", "Chile"},
	{"CM", "CM", "Cameroon"},
	{"CN", "CH", "China"},
	{"CO", "CO", "Colombia"},
	{"CR", "CS", "Costa Rica"},
	{"CU", "CU", "Cuba"},
	{"CV", "CV", "Cape Verde"},
	{"CW", "UC", "Curacao"},
	{"CX", "KT", "Christmas Island"},
	{"CY", "CY", "Cyprus"},
	{"CZ", "EZ", "Czech Republic"},
	{"DE", "GM", "Germany"},
	{"DJ", "DJ", "Djibouti"},
	{"DK", "DA", "Denmark"},
	{"DM", "DO", "Dominica"},
	{"DO", "DR", "Dominican Republic"},
	{"DZ", "AG", "Algeria"},
	{"EC", "EC", "Ecuador"},
	{"EE", "EN", "Estonia"},
	{"EG", "EG", "Egypt"},
	{"EH", "WI", "Western Sahara"},
	{"ER", "ER", "Eritrea"},
	{"ES", "SP", "Spain"},
	{"ET", "ET", "Ethiopia"},
	{"FI", "FI", "Finland"},
	{"FJ", "FJ", "Fiji"},
	{"FK", "FK", "Falkland Islands"},
	{"FM", "FM", "Micronesia"},
	{"FO", "FO", "Faroe Islands"},
	{"FR", "FR", "France"},
	{"GA", "GB", "Gabon"},
	{"GB", "UK", "United Kingdom"},
	{"GD", "GJ", "Grenada"},
	{"GE", "GG", "Georgia"},
	{"GF", "FG", "French Guiana"},
	{"GG", "GK", "Guernsey"},
	{"GH", "GH", "Ghana"},
	{"GI", "GI", "Gibraltar"},
	{"GL", "GL", "Greenland"},
	{"GM", "GA", "Gambia"},
	{"GN", "GV", "Guinea"},
	{"GP", "GP", "Guadeloupe"},
	{"GQ", "EK", "Equatorial Guinea"},
	{"GR", "GR", "Greece"},
	{"GS", "SX", "South Georgia and the South Sandwich Islands"},
	{"GT", "GT", "Guatemala"},
	{"GU", "GQ", "Guam"},
	{"GW", "PU", "Guinea-Bissau"},
	{"GY", "GY", "Guyana"},
	{"HK", "HK", "Hong Kong"},
	{"HM", "HM", "Heard Island and McDonald Islands"},
	{"HN", "HO", "Honduras"},
	{"HR", "HR", "Croatia"},
	{"HT", "HA", "Haiti"},
	{"HU", "HU", "Hungary"},
	{"ID", "ID", "Indonesia"},
	{"IE", "EI", "Ireland"},
	{"IL", "IS", "Israel"},
	{"IM", "IM", "Isle of Man"},
	{"IN", "IN", "India"},
	{"IO", "IO", "British Indian Ocean Territory"},
	{"IQ", "IZ", "Iraq"},
	{"IR", "IR", "Iran"},
	{"IS", "IC", "Iceland"},
	{"IT", "IT", "Italy"},
	{"JE", "JE", "Jersey"},
	{"JM", "JM", "Jamaica"},
	{"JO", "JO", "Jordan"},
	{"JP", "JA", "Japan"},
	{"KE", "KE", "Kenya"},
	{"KG", "KG", "Kyrgyzstan"},
	{"KH", "CB", "Cambodia"},
	{"KI", "KR", "Kiribati"},
	{"KM", "CN", "Comoros"},
	{"KN", "SC", "Saint Kitts and Nevis"},
	{"KP", "KN", "North Korea"},
	{"KR", "KS", "South Korea"},
	{"KW", "KU", "Kuwait"},
	{"KY", "CJ", "Cayman Islands"},
	{"KZ", "KZ", "Kazakhstan"},
	{"LA", "LA", "Laos"},
	{"LB", "LE", "Lebanon"},
	{"LC", "ST", "Saint Lucia"},
	{"LI", "LS", "Liechtenstein"},
	{"LK", "CE", "Sri Lanka"},
	{"LR", "LI", "Liberia"},
	{"LS", "LT", "Lesotho"},
	{"LT", "LH", "Lithuania"},
	{"LU", "LU", "Luxembourg"},
	{"LV", "LG", "Latvia"},
	{"LY", "LY", "Libya"},
	{"MA", "MO", "Morocco"},
	{"MC", "MN", "Monaco"},
	{"MD", "MD", "Moldova"},
	{"ME", "MJ", "Montenegro"},
	{"MF", "RN", "Saint Martin"},
	{"MG", "MA", "Madagascar"},
	{"MH", "RM", "Marshall Islands"},
	{"MK", "MK", "Macedonia"},
	{"ML", "ML", "Mali"},
	{"MM", "BM", "Myanmar"},
	{"MN", "MG", "Mongolia"},
	{"MO", "MC", "Macau"},
	{"MP", "CQ", "Northern Mariana Islands"},
	{"MQ", "MB", "Martinique"},
	{"MR", "MR", "Mauritania"},
	{"MS", "MH", "Montserrat"},
	{"MT", "MT", "Malta"},
	{"MU", "MP", "Mauritius"},
	{"MV", "MV", "Maldives"},
	{"MW", "MI", "Malawi"},
	{"MX", "MX", "Mexico"},
	{"MY", "MY", "Malaysia"},
	{"MZ", "MZ", "Mozambique"},
	{"NA", "WA", "Namibia"},
	{"NC", "NC", "New Caledonia"},
	{"NE", "NG", "Niger"},
	{"NF", "NF", "Norfolk Island"},
	{"NG", "NI", "Nigeria"},
	{"NI", "NU", "Nicaragua"},
	{"NL", "NL", "Netherlands"},
	{"NO", "NO", "Norway"},
	{"NP", "NP", "Nepal"},
	{"NR", "NR", "Nauru"},
	{"NU", "NE", "Niue"},
	{"NZ", "NZ", "New Zealand"},
	{"OM", "MU", "Oman"},
	{"PA", "PM", "Panama"},
	{"PE", "PE", "Peru"},
	{"PF", "FP", "French Polynesia"},
	{"PG", "PP", "Papua New Guinea"},
	{"PH", "RP", "Philippines"},
	{"PK", "PK", "Pakistan"},
	{"PL", "PL", "Poland"},
	{"PM", "SB", "Saint Pierre and Miquelon"},
	{"PN", "PC", "Pitcairn Islands"},
	{"PR", "RQ", "Puerto Rico"},
	{"PS", "WE", "West Bank"},
	{"PT", "PO", "Portugal"},
	{"PW", "PS", "Palau"},
	{"PY", "PA", "Paraguay"},
	{"QA", "QA", "Qatar"},
	{"RE", "RE", "Reunion"},
	{"RO", "RO", "Romania"},
	{"RS", "RI", "Serbia"},
	{"RU", "RS", "Russia"},
	{"RW", "RW", "Rwanda"},
	{"SA", "SA", "Saudi Arabia"},
	{"SB", "BP", "Solomon Islands"},
	{"SC", "SE", "Seychelles"},
	{"SD", "SU", "Sudan"},
	{"SE", "SW", "Sweden"},
	{"SG", "SN", "Singapore"},
	{"SH", "SH", "Saint Helena"},
	{"SI", "SI", "Slovenia"},
	{"SJ", "SV", "Svalbard"},
	{"SK", "LO", "Slovakia"},
	{"SL", "SL", "Sierra Leone"},
	{"SM", "SM", "San Marino"},
	{"SN", "SG", "Senegal"},
	{"SO", "SO", "Somalia"},
	{"SR", "NS", "Suriname"},
	{"SS", "OD", "South Sudan"},
	{"ST", "TP", "Sao Tome and Principe"},
	{"SV", "ES", "El Salvador"},
	{"SX", "NN", "Sint Maarten"},
	{"SY", "SY", "Syria"},
	{"SZ", "WZ", "Swaziland"},
	{"TC", "TK", "Turks and Caicos Islands"},
	{"TD", "CD", "Chad"},
	{"TF", "FS", "French Southern and Antarctic Lands"},
	{"TG", "TO", "Togo"},
	{"TH", "TH", "Thailand"},
	{"TJ", "TI", "Tajikistan"},
	{"TK", "TL", "Tokelau"},
	{"TL", "TT", "East Timor"},
	{"TM", "TX", "Turkmenistan"},
	{"TN", "TS", "Tunisia"},
	{"TO", "TN", "Tonga"},
	{"TR", "TU", "Turkey"},
	{"TT", "TD", "Trinidad and Tobago"},
	{"TV", "TV", "Tuvalu"},
	{"TW", "TW", "Taiwan"},
	{"TZ", "TZ", "Tanzania"},
	{"UA", "UP", "Ukraine"},
	{"UG", "UG", "Uganda"},
	{"UM", "US", "United States Minor Outlying Islands"},
	{"US", "US", "United States"},
	{"UY", "UY", "Uruguay"},
	{"UZ", "UZ", "Uzbekistan"},
	{"VA", "VT", "Vatican City"},
	{"VC", "VC", "Saint Vincent and the Grenadines"},
	{"VE", "VE", "Venezuela"},
	{"VG", "VI", "British Virgin Islands"},
	{"VI", "VQ", "Virgin Islands"},
	{"VN", "VM", "Vietnam"},
	{"VU", "NH", "Vanuatu"},
	{"WF", "WF", "Wallis and Futuna"},
	{"WS", "WS", "Samoa"},
	{"XK", "KV", "Kosovo"},
	{"YE", "YM", "Yemen"},
	{"YT", "MF", "Mayotte"},
	{"ZA", "SF", "South Africa"},
	{"ZM", "ZA", "Zambia"},
	{"ZW", "ZI", "Zimbabwe"},
}

// sharedFIPS are the ISO codes whose FIPS code in [countries] is their
// sovereign's; [ISO2] never returns them.
var sharedFIPS = map[string]bool{"AX": true, "BQ": true, "UM": true}

// fipsOnly maps FIPS 10-4 codes that are not in [countries] to the ISO code
// of the territory they are part of: Gaza, Jan Mayen, the US Minor Outlying
// Islands one by one, the French Scattered Islands, Australia's Coral Sea
// and Ashmore islands, Clipperton, and the codes FIPS used for Serbia and
// Montenegro in 2006–2008.
var fipsOnly = map[string]string{
	"GZ": "PS", "JN": "SJ",
	"BQ": "UM", "DQ": "UM", "FQ": "UM", "HQ": "UM", "JQ": "UM", "KQ": "UM", "LQ": "UM", "MQ": "UM", "WQ": "UM",
	"BS": "TF", "EU": "TF", "GO": "TF", "JU": "TF", "TE": "TF",
	"AT": "AU", "CR": "AU", "IP": "FR",
	"RB": "RS", "MW": "ME",
}

type countryIndex struct {
	byISO  map[string]int // ISO → index into countries
	byFIPS map[string]string
}

var countryTables = sync.OnceValue(func() countryIndex {
	x := countryIndex{byISO: make(map[string]int, len(countries)), byFIPS: make(map[string]string, len(countries)+len(fipsOnly))}
	for i, c := range countries {
		x.byISO[c.iso] = i
		if !sharedFIPS[c.iso] {
			x.byFIPS[c.fips] = c.iso
		}
	}
	for f, iso := range fipsOnly {
		x.byFIPS[f] = iso
	}
	return x
})

// FIPS returns the FIPS 10-4 country code GDELT writes for the ISO 3166-1
// alpha-2 code iso ("GB" → "UK", "RU" → "RS"), or "" when iso is unknown.
// Palestine ("PS") gives the West Bank's "WE"; a located place in Gaza is
// written "GZ".
func FIPS(iso string) string {
	if i, ok := countryTables().byISO[iso]; ok {
		return countries[i].fips
	}
	return ""
}

// ISO2 returns the ISO 3166-1 alpha-2 code for the FIPS 10-4 country code
// fips ("UK" → "GB", "GZ" → "PS"), or "" when fips is unknown. A FIPS code
// shared by a territory and its sovereign gives the sovereign ("FI" → "FI").
func ISO2(fips string) string { return countryTables().byFIPS[fips] }

// countryName returns the short English name of the country iso, or "".
func countryName(iso string) string {
	if i, ok := countryTables().byISO[iso]; ok {
		return countries[i].name
	}
	return ""
}

// fipsAt is [FIPS] for a place at lat, lon: a Palestinian place in the
// Gaza Strip is GZ.
func fipsAt(iso string, lat, lon float64) string {
	if iso == "PS" && lat > 31.2 && lat < 31.65 && lon > 34.15 && lon < 34.6 {
		return "GZ"
	}
	return FIPS(iso)
}

// usStates maps the postal codes GeoNames uses as US admin1 codes to the
// state names GDELT writes in US location names.
var usStates = map[string]string{
	"AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
	"CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
	"FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
	"IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
	"ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
	"MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
	"NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
	"NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
	"PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
	"TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
	"WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}
