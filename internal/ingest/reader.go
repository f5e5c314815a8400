package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"log/slog"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"

	"worldmedia/internal/article"
)

// Config configures a [Reader] and its [Fetcher].
type Config struct {
	// MaxBytes caps the size of one input file, HTTP response or JSON line.
	// JSON Lines files are streamed, so the cap applies to each line there,
	// not to the whole file.
	MaxBytes int64
	// Date is the publication date given to articles whose input has none
	// (--date). Zero leaves them undated.
	Date time.Time
	// Fetch makes the Reader download the link of each feed item and
	// extract the page, rather than use the item's own summary (--fetch).
	Fetch bool
	// UserAgent names the program in every HTTP request. Its first word up
	// to "/" is the name robots.txt rules are matched against.
	UserAgent string
	// Timeout bounds one HTTP request, reading the body included.
	Timeout time.Duration
	// MaxRedirects is how many redirects a request may follow.
	MaxRedirects int
	// HostInterval is the least time between the end of one request to a
	// host and the start of the next (a robots.txt Crawl-delay can make it
	// longer).
	HostInterval time.Duration
	// Extensions are the file extensions, with their dot, that a directory
	// walk reads; case is ignored. Files named on the command line are read
	// whatever their extension.
	Extensions []string
	// CachePath, when not "", is a JSON file where the ETag and
	// Last-Modified of fetched URLs are kept between runs, so that the next
	// run's requests are conditional: a URL the server reports unchanged
	// (304) yields no article. "" keeps them for the Reader's life only.
	CachePath string
}

// DefaultConfig returns the defaults: 10 MB inputs, 30 s requests, 5
// redirects, one request a second per host, no fetching of feed items.
func DefaultConfig() Config {
	return Config{
		MaxBytes:     10 << 20,
		UserAgent:    "worldmedia/0.1 (+https://github.com/worldmedia/worldmedia)",
		Timeout:      30 * time.Second,
		MaxRedirects: 5,
		HostInterval: time.Second,
		Extensions:   []string{".txt", ".text", ".html", ".htm", ".jsonl", ".json", ".xml", ".rss", ".atom"},
	}
}

func (c *Config) validate() error {
	var errs []error
	if c.MaxBytes <= 0 {
		errs = append(errs, fmt.Errorf("config MaxBytes %d: must be positive", c.MaxBytes))
	}
	if strings.TrimSpace(c.UserAgent) == "" || strings.ContainsAny(c.UserAgent, "\r\n") {
		errs = append(errs, fmt.Errorf("config UserAgent %q: must be one non-empty line", c.UserAgent))
	}
	if c.Timeout <= 0 {
		errs = append(errs, fmt.Errorf("config Timeout %v: must be positive", c.Timeout))
	}
	if c.MaxRedirects < 0 {
		errs = append(errs, fmt.Errorf("config MaxRedirects %d: must not be negative", c.MaxRedirects))
	}
	if c.HostInterval < 0 {
		errs = append(errs, fmt.Errorf("config HostInterval %v: must not be negative", c.HostInterval))
	}
	for _, e := range c.Extensions {
		if len(e) < 2 || e[0] != '.' || strings.ContainsAny(e, `/\`) {
			errs = append(errs, fmt.Errorf("config Extensions %q: want a dot and a name, like .txt", e))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("ingest: config: %w", err)
	}
	return nil
}

// Reader turns inputs — files, directories, standard input, URLs — into
// articles.
type Reader struct {
	cfg     Config
	exts    map[string]bool
	fetcher *Fetcher
	log     *slog.Logger
}

// New returns a Reader configured by cfg, or an error when cfg is invalid. A
// nil log discards logging.
func New(cfg Config, log *slog.Logger) (*Reader, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	f, err := NewFetcher(cfg, log)
	if err != nil {
		return nil, err
	}
	r := &Reader{cfg: cfg, exts: make(map[string]bool), fetcher: f, log: log}
	for _, e := range cfg.Extensions {
		r.exts[strings.ToLower(e)] = true
	}
	return r, nil
}

// stdinName is the Input of articles read from standard input.
const stdinName = "<stdin>"

// Articles yields the articles of every input in order. An input is "-" for
// stdin, an http(s) URL, a file, or a directory, walked recursively for
// files with one of [Config.Extensions] (in lexical order, hidden files and
// directories skipped). Each input's format is found from its Content-Type,
// extension and first bytes: plain text, HTML, JSON Lines, or an RSS, Atom
// or JSON feed.
//
// An input or record that cannot be read yields (nil, err) with err a
// *[RecordError] naming it, and the iteration goes on with the next. When
// ctx is cancelled, Articles yields ctx's error and stops.
//
// Articles without a date get [Config.Date]; their Language, when the input
// does not give it, is guessed from the text when the guess is reliable.
func (r *Reader) Articles(ctx context.Context, inputs []string, stdin io.Reader) iter.Seq2[*article.Article, error] {
	return func(yield func(*article.Article, error) bool) {
		defer func() {
			if err := r.fetcher.SaveCache(); err != nil {
				r.log.Warn("fetch cache not saved", "err", err)
			}
		}()
		emit := r.emitter(ctx, yield)
		for _, in := range inputs {
			if !r.input(ctx, in, stdin, emit) {
				return
			}
		}
	}
}

// emitter returns the emitFunc that finishes each article and passes it,
// or an error, to yield; it stops once ctx is done.
func (r *Reader) emitter(ctx context.Context, yield func(*article.Article, error) bool) emitFunc {
	return func(a *article.Article, err error) bool {
		if ctx.Err() != nil {
			yield(nil, ctx.Err())
			return false
		}
		if err != nil {
			return yield(nil, err)
		}
		r.finish(a)
		return yield(a, nil)
	}
}

// emitFunc passes one result on; it returns false when the iteration must
// stop.
type emitFunc func(*article.Article, error) bool

// finish fills in what the input did not give.
func (r *Reader) finish(a *article.Article) {
	if a.Date.IsZero() {
		a.Date = r.cfg.Date
	}
	if a.Language == "" {
		a.Language = detectLanguage(a.Text)
	}
	if a.ID == "" {
		a.ID = article.ContentID(a.Title, a.Text)
	}
}

// langSample is how much text language detection looks at.
const langSample = 2048

// detectLanguage returns the ISO 639-1 code of text's language, or "" when
// the guess is not reliable.
func detectLanguage(text string) string {
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if looksEnglish(text) {
		return "en"
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

// englishFunctionWords are the most frequent English words; running text in
// any other language has few of them.
var englishFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "a": true, "is": true, "that": true,
	"for": true, "it": true, "was": true, "on": true, "with": true, "he": true, "as": true, "by": true,
	"at": true, "from": true, "his": true, "be": true, "have": true, "has": true, "are": true, "were": true,
	"this": true, "which": true, "said": true, "they": true, "not": true, "but": true, "an": true, "its": true,
}

// looksEnglish is a fast path before the trigram detector, which costs far
// more than the rest of reading: text of at least 30 words of which a
// fifth or more are English function words is English.
func looksEnglish(text string) bool {
	words, hits := 0, 0
	var buf [8]byte
	for i := 0; i < len(text); {
		for i < len(text) && !isASCIILetter(text[i]) {
			i++
		}
		start := i
		for i < len(text) && isASCIILetter(text[i]) {
			i++
		}
		if i == start {
			break
		}
		words++
		if n := i - start; n <= len(buf) {
			for k := 0; k < n; k++ {
				buf[k] = text[start+k] | 0x20 // ASCII lower case
			}
			if englishFunctionWords[string(buf[:n])] {
				hits++
			}
		}
	}
	return words >= 30 && hits*5 >= words
}

func isASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }

// input reads one input, whatever its kind.
func (r *Reader) input(ctx context.Context, in string, stdin io.Reader, emit emitFunc) bool {
	if ctx.Err() != nil {
		return emit(nil, ctx.Err())
	}
	switch {
	case in == "-":
		if stdin == nil {
			return emit(nil, &RecordError{Input: stdinName, Err: fmt.Errorf("%w: no standard input", ErrUnsupported)})
		}
		return r.stream(ctx, stdinName, -1, bufio.NewReaderSize(stdin, 64<<10), emit)
	case strings.HasPrefix(in, "http://") || strings.HasPrefix(in, "https://"):
		return r.url(ctx, in, emit)
	case strings.Contains(in, "://"):
		return emit(nil, &RecordError{Input: in, Err: fmt.Errorf("%w: not an http(s) URL", ErrUnsupported)})
	}
	fi, err := os.Stat(in)
	if err != nil {
		return emit(nil, &RecordError{Input: in, Err: pathError(err)})
	}
	if fi.IsDir() {
		return r.dir(ctx, in, emit)
	}
	return r.file(ctx, in, fi, emit)
}

// pathError drops the path an *fs.PathError repeats.
func pathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// file reads one file.
func (r *Reader) file(ctx context.Context, path string, fi fs.FileInfo, emit emitFunc) bool {
	if !fi.Mode().IsRegular() {
		return emit(nil, &RecordError{Input: path, Err: fmt.Errorf("%w: not a regular file", ErrUnsupported)})
	}
	f, err := os.Open(path)
	if err != nil {
		return emit(nil, &RecordError{Input: path, Err: pathError(err)})
	}
	defer f.Close()
	return r.stream(ctx, path, fi.Size(), bufio.NewReaderSize(f, 64<<10), emit)
}

// stream reads a file or standard input of the given size (-1 when
// unknown). JSON Lines are read line by line; other formats whole, up to
// MaxBytes.
func (r *Reader) stream(ctx context.Context, name string, size int64, br *bufio.Reader, emit emitFunc) bool {
	k := kindFromExt(name)
	if k == kindUnknown {
		head, err := br.Peek(sniffLen)
		if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
			return emit(nil, &RecordError{Input: name, Err: pathError(err)})
		}
		k = kindFromContent(head)
	}
	r.log.Debug("reading input", "input", name, "format", k.String())
	if k == kindJSONL {
		for a, err := range ParseJSONL(name, br, r.cfg.MaxBytes) {
			if !emit(a, err) {
				return false
			}
		}
		return true
	}
	if size > r.cfg.MaxBytes {
		return emit(nil, &RecordError{Input: name, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, size, r.cfg.MaxBytes)})
	}
	data, err := readCapped(br, -1, r.cfg.MaxBytes)
	if err != nil {
		return emit(nil, &RecordError{Input: name, Err: pathError(err)})
	}
	return r.document(ctx, name, "", "", k, data, emit)
}

// document parses a whole input of kind k. pageURL is where it was
// downloaded from, "" for files.
func (r *Reader) document(ctx context.Context, name, pageURL, contentType string, k kind, data []byte, emit emitFunc) bool {
	switch k {
	case kindJSONL:
		for a, err := range ParseJSONL(name, bytes.NewReader(data), r.cfg.MaxBytes) {
			if !emit(a, err) {
				return false
			}
		}
		return true
	case kindFeed:
		return r.feed(ctx, name, pageURL, data, emit)
	case kindHTML:
		a, err := parseHTML(name, pageURL, contentType, data)
		if a != nil && pageURL != "" {
			a.ID = name
		}
		return emit(a, err)
	}
	a, err := ParseText(name, data)
	if a != nil && pageURL != "" {
		a.ID, a.URL = name, pageURL
	}
	return emit(a, err)
}

// url downloads one URL and reads what it holds. A 304 answer to a
// conditional request yields nothing.
func (r *Reader) url(ctx context.Context, u string, emit emitFunc) bool {
	resp, err := r.fetcher.Get(ctx, u)
	if err != nil {
		return emit(nil, &RecordError{Input: u, Err: err})
	}
	if resp.NotModified {
		r.log.Debug("not modified", "input", u)
		return true
	}
	k := kindOf(resp.ContentType, resp.URL, resp.Body[:min(len(resp.Body), sniffLen)])
	r.log.Debug("reading input", "input", u, "format", k.String())
	return r.document(ctx, u, resp.URL, resp.ContentType, k, resp.Body, emit)
}

// feed reads the items of a feed; with Fetch, each item's link is downloaded
// and its page extracted, the item's metadata filling the page's gaps.
func (r *Reader) feed(ctx context.Context, name, feedURL string, data []byte, emit emitFunc) bool {
	if !r.cfg.Fetch {
		for a, err := range ParseFeed(name, feedURL, data) {
			if !emit(a, err) {
				return false
			}
		}
		return true
	}
	items, err := feedItems(name, feedURL, data)
	if err != nil {
		return emit(nil, err)
	}
	for _, it := range items {
		if it.link == "" {
			if it.a.Text == "" {
				if !emit(nil, &RecordError{Input: it.a.Input, Err: fmt.Errorf("%w: item has no text and no link", ErrEmpty)}) {
					return false
				}
				continue
			}
			if !emit(it.a, nil) {
				return false
			}
			continue
		}
		if !r.item(ctx, it, emit) {
			return false
		}
	}
	return true
}

// item downloads and extracts a feed item's page.
func (r *Reader) item(ctx context.Context, it feedItem, emit emitFunc) bool {
	if ctx.Err() != nil {
		return emit(nil, ctx.Err())
	}
	resp, err := r.fetcher.Get(ctx, it.link)
	if err != nil {
		return emit(nil, &RecordError{Input: it.link, Err: err})
	}
	if resp.NotModified {
		r.log.Debug("not modified", "input", it.link)
		return true
	}
	var page *article.Article
	if kindOf(resp.ContentType, resp.URL, resp.Body[:min(len(resp.Body), sniffLen)]) == kindText {
		page, err = ParseText(it.link, resp.Body)
		if page != nil {
			page.URL = resp.URL
		}
	} else {
		page, err = parseHTML(it.link, resp.URL, resp.ContentType, resp.Body)
	}
	if err != nil {
		return emit(nil, err)
	}
	return emit(mergeItem(page, it.a), nil)
}

// Document yields the articles of one document already in memory (an
// upload to the HTTP API): name names it in errors, contentType is its
// media type ("text/plain", "text/html", "application/x-ndjson", …; ""
// to tell by the content). The size cap and every check apply as to a file.
func (r *Reader) Document(ctx context.Context, name, contentType string, data []byte) iter.Seq2[*article.Article, error] {
	return func(yield func(*article.Article, error) bool) {
		emit := r.emitter(ctx, yield)
		if int64(len(data)) > r.cfg.MaxBytes {
			emit(nil, &RecordError{Input: name, Err: fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), r.cfg.MaxBytes)})
			return
		}
		head := data[:min(len(data), sniffLen)]
		r.document(ctx, name, "", contentType, kindOf(contentType, name, head), data, emit)
	}
}
