package store

import (
	"os"
	"path/filepath"
	"testing"
)

func TestScanFile(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       fileShape
	}{
		{"ascending", "1\ta\n2\tb\n10\tc\n", fileShape{lines: 3, ascending: true}},
		{"no final newline", "1\ta\n2\tb", fileShape{lines: 2, ascending: true}},
		{"repeat", "1\ta\n2\tb\n2\tc\n", fileShape{lines: 3}},
		{"descending", "5\ta\n4\tb\n", fileShape{lines: 2}},
		{"not an id", "1\ta\nx\tb\n3\tc\n", fileShape{lines: 3}},
		{"blank line", "1\ta\n\n3\tc\n", fileShape{lines: 3}},
		{"empty", "", fileShape{ascending: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "f")
			if err := os.WriteFile(path, []byte(tc.text), 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := scanFile(path)
			if err != nil || got != tc.want {
				t.Errorf("scanFile = %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
	if _, err := scanFile(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("scanFile of a missing file: no error")
	}
}
