package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"worldmedia/internal/ingest"
)

func TestLanguage(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"english", "The United States and Russia agreed on Wednesday to call for an international investigation of the chemical weapons attack in Syria, which left dozens of people dead and was condemned by the United Nations.", "en"},
		{"spanish", "Los manifestantes se reunieron el lunes frente al palacio de gobierno para exigir la renuncia del presidente, a quien acusan de corrupción, mientras la policía vigilaba la plaza y los comercios cerraban sus puertas.", "es"},
		{"portuguese", "O presidente disse nesta segunda-feira que o governo vai apresentar uma nova proposta de reforma da previdência ao congresso, apesar das críticas da oposição e dos sindicatos que ameaçam uma greve geral.", "pt"},
		{"french", "Le gouvernement a annoncé mardi une série de mesures pour soutenir les agriculteurs touchés par la sécheresse, tandis que les syndicats réclament une aide plus importante et des prix garantis pour leurs récoltes.", "fr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "x.txt")
			if err := os.WriteFile(path, []byte(strings.Repeat(tt.text+"\n\n", 2)), 0o644); err != nil {
				t.Fatal(err)
			}
			r, err := ingest.New(ingest.DefaultConfig(), nil)
			if err != nil {
				t.Fatal(err)
			}
			for a, err := range r.Articles(t.Context(), []string{path}, nil) {
				if err != nil {
					t.Fatal(err)
				}
				if a.Language != tt.want {
					t.Errorf("language %q, want %q", a.Language, tt.want)
				}
			}
		})
	}
}
