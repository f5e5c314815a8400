package gdelt

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// readRows calls yield with the fields of each row of r and the line the
// row starts on, until yield returns false or r ends; a read error is
// yielded once, last. Rows are tab-separated with no header, as GDELT
// publishes them. A first line that begins with header (a column name, any
// case) is a header line: skipped, and when it has no tab the rest is read
// as CSV with quoting (the form samples converted by spreadsheet tools
// take). Blank lines are skipped. fields is reused between calls.
func readRows(r io.Reader, header string, yield func(line int, fields []string, err error) bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	var fields []string
	for line := 1; ; line++ {
		s, err := readLine(br, &buf)
		if err != nil && s == "" {
			if err != io.EOF {
				yield(line, nil, err)
			}
			return
		}
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
			if len(s) >= len(header) && strings.EqualFold(s[:len(header)], header) {
				if !strings.Contains(s, "\t") {
					readCSV(br, yield)
					return
				}
				continue
			}
		}
		if s != "" {
			fields = splitTabs(fields[:0], s)
			if !yield(line, fields, nil) {
				return
			}
		}
		if err != nil {
			if err != io.EOF {
				yield(line, nil, err)
			}
			return
		}
	}
}

// readLine returns the next line without its line break. The error is
// io.EOF with the last, unterminated line.
func readLine(br *bufio.Reader, buf *[]byte) (string, error) {
	b, err := br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		*buf = append((*buf)[:0], b...)
		for err == bufio.ErrBufferFull {
			b, err = br.ReadSlice('\n')
			*buf = append(*buf, b...)
		}
		b = *buf
	}
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	return string(b), err
}

func splitTabs(dst []string, s string) []string {
	for {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			return append(dst, s)
		}
		dst = append(dst, s[:i])
		s = s[i+1:]
	}
}

// readCSV reads the rows after a CSV header line.
func readCSV(r io.Reader, yield func(line int, fields []string, err error) bool) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				// A quoting error spoils the row, not the file.
				if !yield(pe.StartLine+1, nil, &RecordError{Line: pe.StartLine + 1, Err: fmt.Errorf("%w: %w", ErrSyntax, pe.Err)}) {
					return
				}
				continue
			}
			yield(0, nil, err)
			return
		}
		line, _ := cr.FieldPos(0)
		if !yield(line+1, rec, nil) {
			return
		}
	}
}
