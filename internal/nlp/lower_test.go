package nlp_test

import (
	"strings"
	"testing"

	"worldmedia/internal/nlp"
)

func TestAppendLower(t *testing.T) {
	for _, w := range []string{"", "Russia", "NATO", "al-Assad", "Ünal", "ΣΟΦΙΑ", "İstanbul", "bad\xffUTF8", "already lower"} {
		if got, want := string(nlp.AppendLower([]byte("x:"), w)), "x:"+strings.ToLower(w); got != want {
			t.Errorf("AppendLower(%q) = %q, want %q", w, got, want)
		}
	}
}
