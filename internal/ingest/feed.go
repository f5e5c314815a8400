package ingest

import (
	"bytes"
	"fmt"
	"iter"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"worldmedia/internal/article"
)

// feedItem is one item of a feed turned into an article, and the link to the
// full story.
type feedItem struct {
	a    *article.Article // Text is the item's own text, possibly empty
	link string           // absolute URL, or ""
}

// ParseFeed reads an RSS, Atom or JSON feed and yields one article per item:
// the item's title, its link as URL, its published (or updated) date, its
// content or description stripped of HTML as Text, the feed's title as
// Source and its language. An item's ID is its GUID, else its link, else
// [article.ContentID]; its Input is its link, or "name#itemN" when it has
// none. feedURL, when not "", resolves relative links.
//
// A feed that does not parse yields one *[RecordError] wrapping [ErrBadFeed];
// an item without text yields one wrapping [ErrEmpty], and the other items
// go on. ParseFeed does not download the items' links; [Reader] does when
// [Config.Fetch] is set.
func ParseFeed(name, feedURL string, data []byte) iter.Seq2[*article.Article, error] {
	return func(yield func(*article.Article, error) bool) {
		items, err := feedItems(name, feedURL, data)
		if err != nil {
			yield(nil, err)
			return
		}
		for _, it := range items {
			if it.a.Text == "" {
				if !yield(nil, &RecordError{Input: it.a.Input, Err: fmt.Errorf("%w: item has no text", ErrEmpty)}) {
					return
				}
				continue
			}
			if !yield(it.a, nil) {
				return
			}
		}
	}
}

// feedItems parses a feed into its items.
func feedItems(name, feedURL string, data []byte) ([]feedItem, error) {
	data = decodeBOM(data)
	if err := checkText(data); err != nil {
		return nil, &RecordError{Input: name, Err: err}
	}
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, &RecordError{Input: name, Err: fmt.Errorf("%w: %w", ErrBadFeed, err)}
	}
	var base *url.URL
	if feedURL != "" {
		base, _ = url.Parse(feedURL)
	}
	source := cleanInline(stripTags(feed.Title))
	lang := languageCode(feed.Language)
	items := make([]feedItem, 0, len(feed.Items))
	for i, it := range feed.Items {
		if it == nil {
			continue
		}
		link := resolveLink(base, it.Link)
		if link == "" {
			for _, l := range it.Links {
				if link = resolveLink(base, l); link != "" {
					break
				}
			}
		}
		a := &article.Article{
			Title:    cleanInline(stripTags(it.Title)),
			Source:   source,
			URL:      link,
			Language: lang,
			Text:     itemText(it),
			Input:    link,
		}
		if a.Input == "" {
			a.Input = fmt.Sprintf("%s#item%d", name, i+1)
		}
		switch {
		case it.PublishedParsed != nil:
			a.Date = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			a.Date = *it.UpdatedParsed
		}
		a.ID = cleanInline(it.GUID)
		if a.ID == "" {
			a.ID = link
		}
		if a.ID == "" {
			a.ID = article.ContentID(a.Title, a.Text)
		}
		items = append(items, feedItem{a: a, link: link})
	}
	return items, nil
}

// itemText is the longer of an item's content and description, as plain
// text with one paragraph per block.
func itemText(it *gofeed.Item) string {
	content := strings.Join(markupParagraphs(it.Content), "\n\n")
	desc := strings.Join(markupParagraphs(it.Description), "\n\n")
	if len(content) >= len(desc) {
		return content
	}
	return desc
}

// markupParagraphs reads an HTML fragment (or plain text, which parses as
// one) into paragraphs.
func markupParagraphs(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(s), body)
	if err != nil {
		return []string{cleanInline(s)}
	}
	for _, n := range nodes {
		body.AppendChild(n)
	}
	return htmlParagraphs(body)
}

// stripTags returns the text of a one-line HTML fragment such as a title.
func stripTags(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return s
	}
	return strings.Join(markupParagraphs(s), " ")
}

// resolveLink makes link absolute against base and returns "" unless the
// result is an http(s) URL.
func resolveLink(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if s := u.String(); isHTTPURL(s) {
		return s
	}
	return ""
}

// languageCode reduces a language tag ("en-US") to its ISO 639-1 code
// ("en"); anything that is not two letters gives "".
func languageCode(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}

// mergeItem completes a page article downloaded from a feed item's link with
// the item's metadata: the item's ID and Input always, its date when it has
// one (a feed's date is explicit, a page's is often a guess, to the day),
// and its title, source, language and link where the page has none.
func mergeItem(page, item *article.Article) *article.Article {
	page.ID = item.ID
	page.Input = item.Input
	if page.Title == "" {
		page.Title = item.Title
	}
	if page.Source == "" {
		page.Source = item.Source
	}
	if !item.Date.IsZero() {
		page.Date = item.Date
	}
	if page.Language == "" {
		page.Language = item.Language
	}
	if page.URL == "" {
		page.URL = item.URL
	}
	return page
}
