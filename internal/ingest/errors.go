package ingest

import (
	"errors"
	"fmt"
)

// Kinds of failure. Every error the package returns for an input wraps one of
// these (or a context error), so callers can tell them apart with [errors.Is].
var (
	// ErrNotText means the input looks binary: it has NUL bytes or too many
	// control bytes near its start.
	ErrNotText = errors.New("not text")
	// ErrEmpty means the input (or a feed item, or a JSON line's text) holds
	// nothing but whitespace.
	ErrEmpty = errors.New("empty")
	// ErrTooLarge means the input, a JSON line or an HTTP response is larger
	// than [Config.MaxBytes].
	ErrTooLarge = errors.New("too large")
	// ErrNoMainText means an HTML page has no main text to extract.
	ErrNoMainText = errors.New("no main text")
	// ErrBadRecord means a JSON line is malformed, has no text or has a date
	// that does not parse.
	ErrBadRecord = errors.New("bad record")
	// ErrBadFeed means an RSS or Atom feed does not parse.
	ErrBadFeed = errors.New("bad feed")
	// ErrFetch means a URL could not be downloaded: the host is unreachable,
	// the request timed out, there were too many redirects or the server
	// answered with an error status.
	ErrFetch = errors.New("fetch failed")
	// ErrRobots means the site's robots.txt does not allow fetching the URL.
	ErrRobots = errors.New("disallowed by robots.txt")
	// ErrUnsupported means an input is of a kind the package does not read
	// (a URL scheme other than http and https, a special file).
	ErrUnsupported = errors.New("unsupported input")
)

// RecordError is the failure of one input, or of one record of it: a JSON
// line (Line > 0) or a feed item.
type RecordError struct {
	// Input names the input: a path, a URL, or "<stdin>".
	Input string
	// Line is the 1-based line of a JSON Lines record, 0 otherwise.
	Line int
	// Err is the reason; it wraps one of the package's sentinel errors.
	Err error
}

// Error returns "input:line: reason", or "input: reason" when Line is 0.
func (e *RecordError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Input, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Input, e.Err)
}

// Unwrap returns the reason.
func (e *RecordError) Unwrap() error { return e.Err }

// kindError gives a reason its own message while still matching a sentinel
// kind, so that a JSON line reads "malformed JSON: ..." rather than
// "bad record: malformed JSON: ...".
type kindError struct {
	kind error
	err  error
}

func (e *kindError) Error() string { return e.err.Error() }

func (e *kindError) Unwrap() []error { return []error{e.kind, e.err} }
