package nlp_test

import (
	"testing"

	"worldmedia/internal/nlp"
)

func TestLemma(t *testing.T) {
	tests := []struct{ word, tag, want string }{
		{"accused", "VBD", "accuse"}, {"accuses", "VBZ", "accuse"}, {"accusing", "VBG", "accuse"},
		{"went", "VBD", "go"}, {"said", "VBD", "say"}, {"was", "VBD", "be"}, {"'s", "VBZ", "be"},
		{"denied", "VBD", "deny"}, {"denies", "VBZ", "deny"}, {"stopped", "VBD", "stop"},
		{"planned", "VBN", "plan"}, {"called", "VBD", "call"}, {"kissed", "VBD", "kiss"},
		{"voted", "VBD", "vote"}, {"voting", "VBG", "vote"}, {"ruled", "VBD", "rule"},
		{"visited", "VBD", "visit"}, {"opened", "VBD", "open"}, {"offered", "VBD", "offer"},
		{"negotiated", "VBN", "negotiate"}, {"escalating", "VBG", "escalate"}, {"forced", "VBN", "force"},
		{"pledged", "VBD", "pledge"}, {"argued", "VBD", "argue"}, {"resolved", "VBN", "resolve"},
		{"settled", "VBD", "settle"}, {"invited", "VBD", "invite"}, {"united", "VBN", "unite"},
		{"boycotted", "VBD", "boycott"}, {"watches", "VBZ", "watch"}, {"meets", "VBZ", "meet"},
		{"launched", "VBD", "launch"}, {"blamed", "VBD", "blame"}, {"vetoed", "VBD", "veto"},
		{"criticised", "VBD", "criticise"}, {"bombed", "VBD", "bomb"}, {"struck", "VBD", "strike"},
		{"doubled", "VBD", "double"}, {"shelling", "VBG", "shell"}, {"rallied", "VBD", "rally"},
		{"sanctions", "NNS", "sanction"}, {"talks", "NNS", "talk"}, {"crises", "NNS", "crisis"},
		{"allies", "NNS", "ally"}, {"strikes", "NNS", "strike"}, {"forces", "NNS", "force"},
		{"signalled", "VBD", "signal"}, {"levelled", "VBD", "level"}, {"travelled", "VBD", "travel"},
		{"modelled", "VBN", "model"}, {"shelled", "VBD", "shell"}, {"killed", "VBD", "kill"},
		{"installed", "VBD", "install"}, {"rolled", "VBD", "roll"}, {"dispelled", "VBD", "dispel"},
		{"women", "NNS", "woman"}, {"Russia", "NNP", "russia"}, {"n't", "RB", "not"},
		{"preparing", "VBG", "prepare"}, {"declared", "VBD", "declare"}, {"compared", "VBN", "compare"},
		{"sharing", "VBG", "share"}, {"barred", "VBD", "bar"}, {"appeared", "VBD", "appear"},
		{"recalled", "VBD", "recall"}, {"recalling", "VBG", "recall"}, {"overrode", "VBD", "override"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			if got := nlp.Lemma(tt.word, tt.tag); got != tt.want {
				t.Errorf("Lemma(%q, %s) = %q, want %q", tt.word, tt.tag, got, tt.want)
			}
		})
	}
}
