package quotes

import (
	"errors"
	"fmt"
)

// The kinds of error the package reports; test for them with [errors.Is].
var (
	// ErrSyntax is a word-list line that does not have the shape its file
	// requires; it comes wrapped in a [*LineError].
	ErrSyntax = errors.New("syntax error")
	// ErrConfig is a [Config] field out of its range.
	ErrConfig = errors.New("invalid configuration")
)

// LineError is an error found on one line of a word list.
type LineError struct {
	// File is the file's name within the lexicon file system
	// ("speech_verbs.txt").
	File string
	// Line is the 1-based line number.
	Line int
	// Err is the reason, wrapping [ErrSyntax].
	Err error
}

// Error returns "file:line: reason".
func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the reason.
func (e *LineError) Unwrap() error { return e.Err }
