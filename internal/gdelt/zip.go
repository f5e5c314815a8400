package gdelt

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
)

// OpenMaybeZip opens the file at path for reading: the first member of a
// zip archive (GDELT publishes "20200222011500.export.CSV.zip" holding one
// file) or, when the file is no zip archive, the file itself. The caller
// closes the reader.
func OpenMaybeZip(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	var magic [4]byte
	n, _ := io.ReadFull(f, magic[:])
	// A zip archive starts with a local file header, or when it holds
	// nothing with the end of its central directory.
	if m := magic[:n]; !bytes.Equal(m, []byte("PK\x03\x04")) && !bytes.Equal(m, []byte("PK\x05\x06")) {
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			f.Close()
			return nil, err
		}
		return f, nil
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for _, m := range zr.File {
		if m.FileInfo().IsDir() {
			continue
		}
		rc, err := m.Open()
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %s: %w", path, m.Name, err)
		}
		return &zipMember{ReadCloser: rc, f: f}, nil
	}
	f.Close()
	return nil, fmt.Errorf("%s: %w", path, ErrEmptyZip)
}

// zipMember closes the archive file with the member.
type zipMember struct {
	io.ReadCloser
	f *os.File
}

func (z *zipMember) Close() error {
	err := z.ReadCloser.Close()
	if ferr := z.f.Close(); err == nil {
		err = ferr
	}
	return err
}
