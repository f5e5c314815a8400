package gdelt_test

import (
	"archive/zip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"worldmedia/internal/gdelt"
)

func TestOpenMaybeZip(t *testing.T) {
	dir := t.TempDir()
	const content = "1\t20170413\n"
	plain := filepath.Join(dir, "events.csv")
	if err := os.WriteFile(plain, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	short := filepath.Join(dir, "short")
	if err := os.WriteFile(short, []byte("PK"), 0o644); err != nil {
		t.Fatal(err)
	}
	writeZip := func(name string, members ...string) string {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		zw := zip.NewWriter(f)
		for _, m := range members {
			w, err := zw.Create(m)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, content+m)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		return path
	}
	tests := []struct {
		name, path, want string
		err              error
	}{
		{"plain", plain, content, nil},
		{"zip", writeZip("a.export.CSV.zip", "a.export.CSV", "second"), content + "a.export.CSV", nil},
		{"zip without files", writeZip("empty.zip"), "", gdelt.ErrEmptyZip},
		{"short file", short, "PK", nil},
		{"missing", filepath.Join(dir, "missing"), "", os.ErrNotExist},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc, err := gdelt.OpenMaybeZip(tt.path)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			if err := rc.Close(); err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Errorf("read %q, want %q", b, tt.want)
			}
		})
	}
}
