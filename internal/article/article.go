// Package article is worldmedia's shared data model: an Article, the text it
// carries and everything the pipeline stages find in it (sentences, tokens,
// entity mentions, events, quotes, places, counts, tone).
//
// Every position is a [Span] of half-open UTF-8 byte offsets into
// [Article.Text]. The package imports no stage; stages import it and write
// only their own fields. Its JSON encoding is the analysis contract
// (docs/contract.md, ../shared/CONTRACT.md): field names here are stable.
package article

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"time"
)

// DateLayout is the layout of calendar dates in the contract (YYYY-MM-DD).
const DateLayout = "2006-01-02"

// Span is a half-open range [Start, End) of byte offsets into a text.
// It encodes in JSON as a two-element array.
type Span struct {
	Start int
	End   int
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// In returns the part of text the span covers, or "" when the span does not
// lie within text.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return s.Start <= o.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// MarshalJSON encodes the span as [start, end].
func (s Span) MarshalJSON() ([]byte, error) {
	return fmt.Appendf(nil, "[%d,%d]", s.Start, s.End), nil
}

// UnmarshalJSON decodes a [start, end] array.
func (s *Span) UnmarshalJSON(b []byte) error {
	var v [2]int
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("span: %w", err)
	}
	s.Start, s.End = v[0], v[1]
	return nil
}

// Article is one news story and the analysis of its body text.
type Article struct {
	// ID is the input's id, or a stable hash of the text when none was given
	// (see [ContentID]).
	ID string `json:"id"`
	// Title is the headline, never part of Text.
	Title string `json:"title"`
	// Source is the site or outlet name ("World Media", "BBC News").
	Source string `json:"source"`
	// Date is the publication date; zero when unknown.
	Date time.Time `json:"-"`
	// URL is where the story was published, when known.
	URL string `json:"url"`
	// Language is an ISO 639-1 code ("en"), empty when unknown.
	Language string `json:"language,omitempty"`
	// Text is the body that is analysed: site name and title removed.
	Text string `json:"text"`

	// DuplicateOf is the id of the first-seen article this one is a copy
	// or spun copy of (dedup), "" when it is original.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Story is the id of the story (articles about the same events) the
	// article belongs to (dedup).
	Story string `json:"story,omitempty"`

	// Input names where the article came from (a path, a URL, "path:line"),
	// for error messages and logs.
	Input string `json:"-"`
	// Warnings are problems met in reading the input that did not stop its
	// analysis (invalid UTF-8 repaired, a field ignored).
	Warnings []string `json:"warnings,omitempty"`

	// Sentences are the body's sentences in text order (nlp).
	Sentences []Sentence `json:"sentences"`
	// Mentions are the named-entity mentions in text order (nlp).
	Mentions []Mention `json:"-"`

	// Actors are the mentions of political actors (countries, governments,
	// organisations, groups, people, role words), in text order (actors).
	Actors []ActorMention `json:"-"`

	Events        []Event  `json:"events"`
	Quotes        []Quote  `json:"quotes"`
	Persons       []Entity `json:"persons"`
	Organizations []Entity `json:"organizations"`
	Places        []Place  `json:"places"`
	Counts        []Count  `json:"counts"`
	Tone          *Tone    `json:"tone"`
	Themes        []Theme  `json:"themes"`
}

// Sentence is one sentence of the body with its tokens.
type Sentence struct {
	Span   Span    `json:"span"`
	Tokens []Token `json:"-"`
	// Tone is the sentence's tone (tone stage), nil until measured.
	Tone *Tone `json:"tone,omitempty"`
}

// Token is one word or punctuation mark with its part-of-speech tag.
type Token struct {
	Span Span
	// Tag is the Penn Treebank part-of-speech tag ("NNP", "VBD").
	Tag string
	// Lemma is the lower-case dictionary form: verbs in the base form,
	// nouns in the singular ("accused" → "accuse", "sanctions" → "sanction").
	Lemma string
}

// EntityType is the kind of a named entity.
type EntityType uint8

const (
	// NoEntity marks the absence of a type.
	NoEntity EntityType = iota
	// Person is a human being, real or fictional.
	Person
	// Organization is a company, institution, government body, party or group.
	Organization
	// Location is a geographic or political place: country, city, region, sea.
	Location
	// Misc is any other name: nationalities, events, works, products.
	Misc
)

// String returns the CoNLL-2003 label of t: PER, ORG, LOC, MISC, or "O".
func (t EntityType) String() string {
	switch t {
	case Person:
		return "PER"
	case Organization:
		return "ORG"
	case Location:
		return "LOC"
	case Misc:
		return "MISC"
	}
	return "O"
}

// ParseEntityType returns the type with the given CoNLL-2003 label
// (PER, ORG, LOC, MISC); any other label gives [NoEntity].
func ParseEntityType(s string) EntityType {
	switch s {
	case "PER", "PERSON":
		return Person
	case "ORG", "ORGANIZATION":
		return Organization
	case "LOC", "LOCATION":
		return Location
	case "MISC":
		return Misc
	}
	return NoEntity
}

// MarshalText encodes the type as its label.
func (t EntityType) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// Mention is one occurrence of a named entity in the text.
type Mention struct {
	Span Span
	Type EntityType
	// Sentence is the index of the sentence holding the mention.
	Sentence int
	// First and Last are the indexes of the mention's first and last token
	// within that sentence's Tokens (inclusive).
	First, Last int
}

// ActorMention is a span of text that names a political actor, with the
// CAMEO code in force on the article's date.
type ActorMention struct {
	Span Span
	// Sentence is the index of the sentence holding the mention; First and
	// Last its first and last token there (inclusive).
	Sentence    int
	First, Last int
	// Code is the CAMEO actor code ("RUSGOV", "IGOUNO", "SYRMIL"); "" when
	// the words are known but name no actor on that date.
	Code string
	// Name is the canonical name of the actor ("Vladimir Putin", "Russia").
	Name string
	// Kind says what the words are: "country" (or a capital for its
	// government), "adj" (a demonym: "Russian", "Syrians"), "person",
	// "organization", "group", "role" (a role word alone: "troops").
	Kind string
}

// Entity is a person or organisation named in the article, with every
// mention of it, however written.
type Entity struct {
	// Name is the fullest form used for it (or its canonical name when the
	// entity is a known actor).
	Name string `json:"name"`
	// Code is the CAMEO actor code, "" when it is no known actor.
	Code string `json:"code"`
	// Type is the entity's kind.
	Type EntityType `json:"-"`
	// Mentions are the spans of all its mentions, in text order.
	Mentions []Span `json:"mentions"`
}

// EventLocation is where an event took place.
type EventLocation struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// Event is one coded CAMEO event.
type Event struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Code      string  `json:"code"`
	Root      string  `json:"root"`
	Goldstein float64 `json:"goldstein"`
	Quad      int     `json:"quad"`
	// Plover is the event's PLOVER category ("ASSAULT", "CONSULT"), "" for
	// the statements PLOVER does not code.
	Plover     string         `json:"plover"`
	Date       string         `json:"date"`
	Sentence   int            `json:"sentence"`
	Negated    bool           `json:"negated"`
	Reported   bool           `json:"reported"`
	SourceSpan Span           `json:"source_span"`
	VerbSpan   Span           `json:"verb_span"`
	TargetSpan Span           `json:"target_span"`
	Location   *EventLocation `json:"location"`
}

// Quote is a quotation with its speaker.
type Quote struct {
	Text        string `json:"text"`
	Span        Span   `json:"span"`
	Speaker     string `json:"speaker"`
	SpeakerCode string `json:"speaker_code"`
	SpeakerSpan Span   `json:"speaker_span"`
}

// Place is a geocoded place named in the article.
type Place struct {
	// Name is the place as first written in the text ("Idlib").
	Name string `json:"name"`
	// Resolved is the gazetteer's name for it ("Idlib", "Washington, D.C.").
	Resolved  string  `json:"resolved,omitempty"`
	GeonameID int     `json:"geonameid"`
	Country   string  `json:"country"`
	ADM1      string  `json:"adm1"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Mentions  []Span  `json:"mentions"`
}

// Count is a number of people or things affected ("89 people killed").
type Count struct {
	Kind   string `json:"kind"`
	Number int64  `json:"number"`
	Object string `json:"object"`
	Place  string `json:"place"`
	Span   Span   `json:"span"`
}

// Tone is the tone of an article or sentence as GDELT's V2Tone measures
// it: percentages of the words.
type Tone struct {
	// Tone is Positive minus Negative.
	Tone     float64 `json:"tone"`
	Positive float64 `json:"positive"`
	Negative float64 `json:"negative"`
	// Polarity is Positive plus Negative: how emotional the text is.
	Polarity float64 `json:"polarity"`
	// Activity is the share of active words (verbs of action).
	Activity float64 `json:"activity,omitempty"`
	// SelfGroup is the share of self and group references (I, we, our).
	SelfGroup float64 `json:"self_group,omitempty"`
	// Words is the number of words measured.
	Words int `json:"words,omitempty"`
}

// Theme is a topic of the article from a documented taxonomy, with the
// text that evidences it.
type Theme struct {
	Name     string `json:"name"`
	Mentions []Span `json:"mentions"`
}

// DateString returns the publication date as YYYY-MM-DD, or "" when unknown.
func (a *Article) DateString() string {
	if a.Date.IsZero() {
		return ""
	}
	return a.Date.Format(DateLayout)
}

// MarshalJSON encodes the article in the contract's output format: the date
// as YYYY-MM-DD and empty lists as [] rather than null.
func (a *Article) MarshalJSON() ([]byte, error) {
	type plain Article
	c := plain(*a)
	c.Sentences = orEmpty(c.Sentences)
	c.Events = orEmpty(c.Events)
	c.Quotes = orEmpty(c.Quotes)
	c.Persons = orEmpty(c.Persons)
	c.Organizations = orEmpty(c.Organizations)
	c.Places = orEmpty(c.Places)
	c.Counts = orEmpty(c.Counts)
	c.Themes = orEmpty(c.Themes)
	for i := range c.Persons {
		c.Persons[i].Mentions = orEmpty(c.Persons[i].Mentions)
	}
	for i := range c.Organizations {
		c.Organizations[i].Mentions = orEmpty(c.Organizations[i].Mentions)
	}
	return json.Marshal(struct {
		*plain
		Date string `json:"date"`
	}{&c, a.DateString()})
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ContentID returns a stable id for an article that has none: the first 16
// hex digits of the SHA-256 of its title and text.
func ContentID(title, text string) string {
	h := sha256.New()
	h.Write([]byte(title))
	h.Write([]byte{0})
	h.Write([]byte(text))
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// ParseDate parses a publication date given as YYYY-MM-DD or RFC 3339.
func ParseDate(s string) (time.Time, error) {
	if t, err := time.Parse(DateLayout, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD or RFC 3339", s)
	}
	return t, nil
}
