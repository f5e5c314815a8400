package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// jsonRecord is one line of JSON Lines input (see CONTRACT.md). Keys not
// listed here are ignored.
type jsonRecord struct {
	// ID may be a string or a number.
	ID       json.RawMessage `json:"id"`
	URL      string          `json:"url"`
	Source   string          `json:"source"`
	Date     string          `json:"date"`
	Title    string          `json:"title"`
	Text     *string         `json:"text"`
	Language string          `json:"language"`
}

// ParseJSONL reads JSON Lines, one article a line:
//
//	{"id": "a1", "url": "", "source": "World Media", "date": "2017-04-13", "title": "...", "text": "..."}
//
// Only text is required; date is YYYY-MM-DD or RFC 3339; other keys are
// ignored; blank lines are skipped. An article's Input is "name:LINE" and its
// ID the record's id, or [article.ContentID] of its title and text.
//
// Each bad line yields a *[RecordError] with its line number, wrapping
// [ErrBadRecord] (malformed JSON, no text, a bad date) or [ErrTooLarge] (a
// line longer than maxLine bytes; maxLine <= 0 means no limit), and reading
// goes on with the next line. A read error, binary data or an input without
// any record ends the sequence with one error. Lines are read whole however
// long they are, up to maxLine.
func ParseJSONL(name string, r io.Reader, maxLine int64) iter.Seq2[*article.Article, error] {
	return func(yield func(*article.Article, error) bool) {
		br, ok := r.(*bufio.Reader)
		if !ok {
			br = bufio.NewReaderSize(r, 64<<10)
		}
		head, _ := br.Peek(sniffLen)
		if err := checkBinary(head); err != nil {
			yield(nil, &RecordError{Input: name, Err: err})
			return
		}
		records := 0
		var buf []byte
		for lineNo := 1; ; lineNo++ {
			line, tooLong, err := readLine(br, buf[:0], maxLine)
			buf = line
			if lineNo == 1 {
				line = bytes.TrimPrefix(line, utf8BOM)
			}
			switch {
			case tooLong:
				records++
				e := fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, maxLine)
				if !yield(nil, &RecordError{Input: name, Line: lineNo, Err: e}) {
					return
				}
			case len(bytes.TrimSpace(line)) > 0:
				records++
				a, recErr := parseRecord(line)
				if recErr != nil {
					if !yield(nil, &RecordError{Input: name, Line: lineNo, Err: recErr}) {
						return
					}
					break
				}
				a.Input = fmt.Sprintf("%s:%d", name, lineNo)
				if !yield(a, nil) {
					return
				}
			}
			if err == io.EOF {
				break
			}
			if err != nil {
				yield(nil, &RecordError{Input: name, Line: lineNo, Err: err})
				return
			}
		}
		if records == 0 {
			yield(nil, &RecordError{Input: name, Err: ErrEmpty})
		}
	}
}

// readLine appends the next line of br, without its line ending, to buf. When
// the line is longer than max bytes (max > 0) it is skipped to its end and
// tooLong is set, so an overlong line never takes more memory than max.
func readLine(br *bufio.Reader, buf []byte, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			n := len(buf) + len(bytes.TrimRight(chunk, "\r\n"))
			if max > 0 && int64(n) > max {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), tooLong, err
	}
}

// parseRecord decodes one JSON line into an article.
func parseRecord(line []byte) (*article.Article, error) {
	var rec jsonRecord
	if err := json.Unmarshal(line, &rec); err != nil {
		return nil, &kindError{ErrBadRecord, fmt.Errorf("malformed JSON: %w", err)}
	}
	if rec.Text == nil {
		return nil, &kindError{ErrBadRecord, errors.New("missing text")}
	}
	text := strings.TrimSpace(strings.ReplaceAll(*rec.Text, "\r\n", "\n"))
	if text == "" {
		return nil, &kindError{ErrBadRecord, errors.New("empty text")}
	}
	id, err := recordID(rec.ID)
	if err != nil {
		return nil, &kindError{ErrBadRecord, err}
	}
	a := &article.Article{
		ID:       id,
		URL:      strings.TrimSpace(rec.URL),
		Source:   strings.TrimSpace(rec.Source),
		Title:    strings.TrimSpace(rec.Title),
		Language: strings.TrimSpace(rec.Language),
		Text:     text,
	}
	if d := strings.TrimSpace(rec.Date); d != "" {
		t, err := article.ParseDate(d)
		if err != nil {
			return nil, &kindError{ErrBadRecord, err}
		}
		a.Date = t
	}
	if a.ID == "" {
		a.ID = article.ContentID(a.Title, a.Text)
	}
	if !utf8.Valid(line) {
		// encoding/json has already replaced the bad bytes with U+FFFD.
		a.Warnings = append(a.Warnings, warnInvalidUTF8)
	}
	return a, nil
}

// recordID reads an id given as a string or a number; null and absence give "".
func recordID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("malformed JSON: id: %w", err)
		}
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", fmt.Errorf("id: want a string or a number, got %s", raw)
	}
	return n.String(), nil
}
