package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"

	"worldmedia/internal/article"
)

// ParseHTML extracts the main text of an HTML page with trafilatura, leaving
// out navigation, ads, related links and comments, together with the page's
// title, site name, publication date and language. pageURL is where the
// page was downloaded from ("" for a file); it becomes the article's URL and
// ID (a file's ID is [article.ContentID], its URL the canonical one the page
// declares).
//
// Text has one paragraph per block element (paragraph, heading, list item,
// quotation...), separated by "\n\n"; a first paragraph repeating the title
// is dropped. Errors are a *[RecordError] naming the input, wrapping
// [ErrEmpty], [ErrNotText] or [ErrNoMainText].
func ParseHTML(name, pageURL string, data []byte) (*article.Article, error) {
	return parseHTML(name, pageURL, "", data)
}

// parseHTML is ParseHTML with the Content-Type of an HTTP response, whose
// charset parameter decodes pages that are not UTF-8.
func parseHTML(name, pageURL, contentType string, data []byte) (*article.Article, error) {
	data, warnings, err := decodeHTML(data, contentType)
	if err != nil {
		return nil, &RecordError{Input: name, Err: err}
	}
	res, err := extractMain(data, pageURL, trafilatura.Balanced)
	if err == nil && utf8.RuneCountInString(res.ContentText) < trafilatura.DefaultConfig().MinExtractedSize {
		// Below this size trafilatura falls back on its baseline, which
		// glues the paragraphs of an <article> together, or takes every
		// text of the page (menus included) when it finds no paragraph.
		// Its precision mode skips the baseline and keeps the structure,
		// and finds nothing in a page that has no main text.
		res, err = extractMain(data, pageURL, trafilatura.FavorPrecision)
	}
	if err != nil {
		return nil, &RecordError{Input: name, Err: err}
	}
	md := res.Metadata
	a := &article.Article{
		Title:    cleanInline(md.Title),
		Source:   cleanInline(md.Sitename),
		Date:     md.Date,
		Language: md.Language,
		URL:      pageURL,
		Input:    name,
		Warnings: warnings,
	}
	if a.URL == "" && isHTTPURL(md.URL) {
		a.URL = md.URL
	}
	paras := htmlParagraphs(res.ContentNode)
	if len(paras) > 0 && a.Title != "" && sameText(paras[0], a.Title) {
		paras = paras[1:]
	}
	a.Text = strings.Join(paras, "\n\n")
	if a.Text == "" {
		return nil, &RecordError{Input: name, Err: ErrNoMainText}
	}
	if pageURL != "" {
		a.ID = pageURL
	} else {
		a.ID = article.ContentID(a.Title, a.Text)
	}
	return a, nil
}

// extractMain runs trafilatura on a UTF-8 page.
func extractMain(data []byte, pageURL string, focus trafilatura.ExtractionFocus) (*trafilatura.ExtractResult, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoMainText, err)
	}
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Focus:           focus,
		HtmlDateMode:    trafilatura.Fast,
	}
	if u, err := url.Parse(pageURL); err == nil && pageURL != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		// Its errors all say that too little text was found.
		return nil, ErrNoMainText
	}
	return res, nil
}

// htmlBlocks are the elements that start and end a paragraph of text.
var htmlBlocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Br: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true,
	atom.Hr: true, atom.Html: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true,
	atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Td: true,
	atom.Tfoot: true, atom.Th: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
}

// htmlSkipped are the elements whose content is never text.
var htmlSkipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Iframe: true, atom.Object: true, atom.Svg: true,
	atom.Math: true, atom.Select: true, atom.Textarea: true, atom.Button: true,
}

// htmlParagraphs returns the text of the blocks under n, one string per
// block, with whitespace collapsed. Trafilatura's output also uses a few
// tags of its own (head, item, lb, list, quote), read here as blocks.
func htmlParagraphs(n *html.Node) []string {
	var (
		paras []string
		cur   strings.Builder
	)
	flush := func() {
		if p := cleanInline(cur.String()); p != "" {
			paras = append(paras, p)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			if htmlSkipped[n.DataAtom] {
				return
			}
			block := htmlBlocks[n.DataAtom] || (n.DataAtom == 0 && trafilaturaBlocks[n.Data])
			if block {
				flush()
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			if block {
				flush()
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	flush()
	return paras
}

// trafilaturaBlocks are the block tags of trafilatura's own output format.
var trafilaturaBlocks = map[string]bool{"item": true, "lb": true, "list": true, "quote": true, "row": true, "cell": true, "fw": true, "graphic": false}

// cleanInline collapses runs of whitespace to one space, drops soft hyphens
// and normalises to NFC, so that text copied from a page compares equal to
// the same text typed elsewhere.
func cleanInline(s string) string {
	s = strings.ReplaceAll(s, "\u00ad", "")
	s = strings.Join(strings.Fields(s), " ")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return norm.NFC.String(s)
}

func isHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
