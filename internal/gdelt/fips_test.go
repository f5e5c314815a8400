package gdelt_test

import (
	"testing"

	"worldmedia/internal/gdelt"
)

func TestFIPS(t *testing.T) {
	tests := []struct{ iso, fips string }{
		{"GB", "UK"}, {"RU", "RS"}, {"DE", "GM"}, {"CN", "CH"}, {"US", "US"}, {"SY", "SY"}, {"IQ", "IZ"},
		{"UA", "UP"}, {"IL", "IS"}, {"AU", "AS"}, {"AT", "AU"}, {"ZA", "SF"}, {"KR", "KS"}, {"KP", "KN"},
		{"SS", "OD"}, {"XK", "KV"}, {"RS", "RI"}, {"ME", "MJ"}, {"PS", "WE"}, {"CW", "UC"}, {"ZZ", ""}, {"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.iso, func(t *testing.T) {
			if got := gdelt.FIPS(tt.iso); got != tt.fips {
				t.Errorf("FIPS(%q) = %q, want %q", tt.iso, got, tt.fips)
			}
		})
	}
}

func TestISO2(t *testing.T) {
	tests := []struct{ fips, iso string }{
		{"UK", "GB"}, {"RS", "RU"}, {"GM", "DE"}, {"GZ", "PS"}, {"WE", "PS"}, {"FI", "FI"}, {"NL", "NL"},
		{"US", "US"}, {"WQ", "UM"}, {"JN", "SJ"}, {"XX", ""}, {"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.fips, func(t *testing.T) {
			if got := gdelt.ISO2(tt.fips); got != tt.iso {
				t.Errorf("ISO2(%q) = %q, want %q", tt.fips, got, tt.iso)
			}
		})
	}
}

// TestCountryTable checks the table: every ISO code once, every FIPS code
// of its own once, and ISO2 inverts FIPS.
func TestCountryTable(t *testing.T) {
	codes, shared := gdelt.ISOCodes()
	if len(codes) != 250 {
		t.Errorf("%d countries, want 249 ISO codes and XK", len(codes))
	}
	seenISO, seenFIPS := map[string]bool{}, map[string]string{}
	for i, iso := range codes {
		if seenISO[iso] {
			t.Errorf("ISO %s twice", iso)
		}
		seenISO[iso] = true
		f := gdelt.FIPS(iso)
		if len(f) != 2 {
			t.Errorf("FIPS(%s) = %q", iso, f)
		}
		if shared[i] {
			continue
		}
		if other, ok := seenFIPS[f]; ok {
			t.Errorf("FIPS %s for both %s and %s", f, other, iso)
		}
		seenFIPS[f] = iso
		if got := gdelt.ISO2(f); got != iso {
			t.Errorf("ISO2(FIPS(%s) = %s) = %s", iso, f, got)
		}
	}
	for f := range gdelt.FIPSOnly() {
		if iso, ok := seenFIPS[f]; ok {
			t.Errorf("extra FIPS %s shadows %s's", f, iso)
		}
	}
}
