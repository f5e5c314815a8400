package actors

import (
	"errors"
	"fmt"
)

// The kinds of error the loader reports. Each is wrapped in a [*LineError]
// naming the file and line; test for them with [errors.Is].
var (
	// ErrSyntax is a line that does not have the shape its file requires
	// (no " = ", a misplaced "@", an unclosed title, invalid UTF-8).
	ErrSyntax = errors.New("syntax error")
	// ErrBadCode is a CAMEO code that is not upper-case letters in groups of
	// three (one to five groups; exactly one in roles.txt).
	ErrBadCode = errors.New("bad code")
	// ErrBadDate is a date that is not YYYY, YYYY-MM or YYYY-MM-DD, or not a
	// day of the calendar.
	ErrBadDate = errors.New("bad date")
	// ErrEmptyPhrase is an empty phrase or name between separators.
	ErrEmptyPhrase = errors.New("empty phrase")
	// ErrBadRange is a date range whose end is before its start.
	ErrBadRange = errors.New("bad range")
	// ErrUnknownKind is a kind other than "adj" or "capital".
	ErrUnknownKind = errors.New("unknown kind")
	// ErrDuplicate is a person listed twice under one canonical name, or a
	// phrase given two different codes of the same kind over overlapping
	// dates; the message names the other line.
	ErrDuplicate = errors.New("duplicate")
)

// LineError is an error found on one line of a dictionary file.
type LineError struct {
	// File is the file's path within the loaded file system
	// ("people/europe.txt").
	File string
	// Line is the 1-based line number.
	Line int
	// Err is the reason, wrapping one of the package's Err sentinels.
	Err error
}

// Error returns "file:line: reason".
func (e *LineError) Error() string {
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the reason.
func (e *LineError) Unwrap() error { return e.Err }
