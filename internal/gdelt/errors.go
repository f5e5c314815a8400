package gdelt

import (
	"errors"
	"fmt"
)

// Kinds of errors in reading GDELT files; a [RecordError] wraps one.
var (
	// ErrColumns means a row has a number of columns its format does not
	// have (27 for GKG 2.1; 61, 58 or 57 for events).
	ErrColumns = errors.New("wrong number of columns")
	// ErrSyntax means a value is malformed: a number that is not one, a
	// date that is no date, a packed entry with too few fields.
	ErrSyntax = errors.New("malformed value")
	// ErrEmptyZip means a zip archive holds no file ([OpenMaybeZip]).
	ErrEmptyZip = errors.New("zip archive holds no file")
)

// RecordError is a malformed row of a GDELT file. Readers yield it and go on
// with the next row.
type RecordError struct {
	// Line is the 1-based line the row starts on.
	Line int
	// Column names the column at fault ("V2ENHANCEDLOCATIONS"), "" when the
	// row as a whole is.
	Column string
	Err    error
}

func (e *RecordError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	}
	return fmt.Sprintf("line %d: %s: %v", e.Line, e.Column, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// syntaxError reports the malformed value v.
func syntaxError(what, v string) error {
	if len(v) > 60 {
		v = v[:60] + "…"
	}
	return fmt.Errorf("%w: %s %q", ErrSyntax, what, v)
}
