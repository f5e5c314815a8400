package ingest

import (
	"bytes"
	"fmt"
	"mime"
	"path"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// kind is the format of an input.
type kind uint8

const (
	// kindUnknown means the format is not known yet: sniff the content.
	kindUnknown kind = iota
	// kindText is plain text.
	kindText
	// kindHTML is an HTML page.
	kindHTML
	// kindJSONL is JSON Lines, one article a line.
	kindJSONL
	// kindFeed is an RSS, Atom or JSON feed.
	kindFeed
)

func (k kind) String() string {
	switch k {
	case kindText:
		return "text"
	case kindHTML:
		return "html"
	case kindJSONL:
		return "jsonl"
	case kindFeed:
		return "feed"
	}
	return "unknown"
}

// sniffLen is how much of an input's start the format and binary checks
// look at.
const sniffLen = 8192

// warnInvalidUTF8 is the warning added to an article whose input was not
// valid UTF-8.
const warnInvalidUTF8 = "invalid UTF-8 replaced with U+FFFD"

// kindOf decides the format of an input from its media type (when it came
// over HTTP), the extension of its name and finally its first bytes.
func kindOf(contentType, name string, head []byte) kind {
	if k := kindFromMediaType(contentType); k != kindUnknown {
		return k
	}
	if k := kindFromExt(name); k != kindUnknown {
		return k
	}
	return kindFromContent(head)
}

// kindFromMediaType maps the media types that say what a document is. Generic
// ones (text/plain, application/xml, application/json) are left to sniffing,
// as servers use them for everything.
func kindFromMediaType(contentType string) kind {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return kindUnknown
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return kindHTML
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
		return kindFeed
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return kindJSONL
	}
	return kindUnknown
}

// kindFromExt maps file extensions that say what a file is; .json and .xml
// can hold either JSON Lines or feeds, and are sniffed.
func kindFromExt(name string) kind {
	if i := strings.IndexAny(name, "?#"); i >= 0 && strings.Contains(name, "://") {
		name = name[:i]
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text":
		return kindText
	case ".html", ".htm", ".xhtml":
		return kindHTML
	case ".jsonl", ".ndjson":
		return kindJSONL
	case ".rss", ".atom":
		return kindFeed
	}
	return kindUnknown
}

// kindFromContent looks at the first element of a markup document or the
// first byte of a JSON one; anything else is plain text.
func kindFromContent(head []byte) kind {
	head = bytes.TrimPrefix(head, utf8BOM)
	head = bytes.TrimLeft(head, " \t\r\n\f")
	if len(head) == 0 {
		return kindText
	}
	switch head[0] {
	case '{':
		if bytes.Contains(head[:min(len(head), 1024)], []byte("jsonfeed.org/version")) {
			return kindFeed
		}
		return kindJSONL
	case '<':
		return markupKind(head)
	}
	return kindText
}

// markupKind skips the XML declaration, comments and processing
// instructions and decides by the root element: rss, feed and rdf:RDF are
// feeds, anything else is HTML.
func markupKind(head []byte) kind {
	s := strings.ToLower(string(head[:min(len(head), 4096)]))
	for {
		s = strings.TrimLeft(s, " \t\r\n\f")
		switch {
		case strings.HasPrefix(s, "<?"):
			s = skipPast(s, "?>")
		case strings.HasPrefix(s, "<!--"):
			s = skipPast(s, "-->")
		case strings.HasPrefix(s, "<!doctype"):
			if strings.HasPrefix(strings.TrimLeft(s[len("<!doctype"):], " \t\r\n"), "html") {
				return kindHTML
			}
			s = skipPast(s, ">")
		case strings.HasPrefix(s, "<rss"), strings.HasPrefix(s, "<feed"), strings.HasPrefix(s, "<rdf:rdf"):
			return kindFeed
		case strings.HasPrefix(s, "<"):
			return kindHTML
		default:
			// Ran out of the sniffed prefix inside a comment or declaration,
			// or the markup was only a prefix of a text.
			if s == "" {
				return kindHTML
			}
			return kindText
		}
	}
}

func skipPast(s, end string) string {
	if i := strings.Index(s, end); i >= 0 {
		return s[i+len(end):]
	}
	return ""
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeBOM removes a UTF-8 byte order mark and decodes UTF-16 text that
// starts with one, so that the binary check does not mistake UTF-16 for
// binary data.
func decodeBOM(data []byte) []byte {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		return data[len(utf8BOM):]
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(data[2:], true)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(data[2:], false)
	}
	return data
}

func decodeUTF16(data []byte, bigEndian bool) []byte {
	u := make([]uint16, 0, len(data)/2)
	for i := 0; i+1 < len(data); i += 2 {
		if bigEndian {
			u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
		} else {
			u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
		}
	}
	var b bytes.Buffer
	b.Grow(len(u))
	for _, r := range utf16.Decode(u) {
		b.WriteRune(r)
	}
	return b.Bytes()
}

// checkText returns [ErrEmpty] when data holds only whitespace and
// [ErrNotText] when its start looks binary: a NUL byte, or more than one
// byte in twenty a control character other than tab, newline, carriage
// return, vertical tab, form feed and escape.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	return checkBinary(data)
}

// checkBinary is the binary half of [checkText].
func checkBinary(data []byte) error {
	head := data[:min(len(data), sniffLen)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrNotText, i)
	}
	ctrl := 0
	for _, b := range head {
		if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1b) || b == 0x7f {
			ctrl++
		}
	}
	if ctrl*20 > len(head) {
		return fmt.Errorf("%w: %d control bytes in the first %d", ErrNotText, ctrl, len(head))
	}
	return nil
}

// decodeText turns the bytes of a text input into a valid UTF-8 string. It
// returns the warnings to attach to the article.
func decodeText(data []byte) (string, []string, error) {
	data = decodeBOM(data)
	if err := checkText(data); err != nil {
		return "", nil, err
	}
	if utf8.Valid(data) {
		return string(data), nil, nil
	}
	return strings.ToValidUTF8(string(data), "\uFFFD"), []string{warnInvalidUTF8}, nil
}

// metaCharset finds a charset declared in an HTML page's meta tags.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// decodeHTML turns the bytes of an HTML page into valid UTF-8. Pages that are
// valid UTF-8 are taken as such; others are decoded with the charset the
// Content-Type or a meta tag declares, and failing that repaired with U+FFFD
// and a warning.
func decodeHTML(data []byte, contentType string) ([]byte, []string, error) {
	data = decodeBOM(data)
	if err := checkText(data); err != nil {
		return nil, nil, err
	}
	if utf8.Valid(data) {
		return data, nil, nil
	}
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	if label == "" {
		if m := metaCharset.FindSubmatch(data[:min(len(data), 2048)]); m != nil {
			label = string(m[1])
		}
	}
	if enc, name := charset.Lookup(label); enc != nil && name != "utf-8" {
		if out, err := enc.NewDecoder().Bytes(data); err == nil && utf8.Valid(out) {
			return out, nil, nil
		}
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD")), []string{warnInvalidUTF8}, nil
}
