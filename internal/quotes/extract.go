package quotes

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"worldmedia/internal/article"
)

// Config configures an [Extractor].
type Config struct {
	// Lexicon is a file system holding the word lists speech_verbs.txt and
	// gender.txt (formats in their heads); nil means the embedded ones.
	Lexicon fs.FS
	// MinWords is the fewest words a quotation must have to be kept when
	// no speaker is found for it: short quoted phrases without a speaker
	// are mostly scare quotes, titles and nicknames. At least 1.
	MinWords int
	// PronounSentences is how many sentences before its own a pronoun
	// speaker ("he said") looks back for the person it names; 0 keeps the
	// search in the pronoun's sentence.
	PronounSentences int
}

// DefaultConfig returns the configuration [New] is meant to be used with.
func DefaultConfig() Config {
	return Config{MinWords: 4, PronounSentences: 1}
}

// Extractor is the quotation pipeline stage. See the package comment for
// what it reads and writes. It is safe for concurrent use.
type Extractor struct {
	cfg Config
	lex *lexicon
	log *slog.Logger
}

// New returns an extractor. It fails with [ErrConfig] on a bad
// configuration and with [*LineError]s on a bad lexicon. A nil logger
// discards.
func New(cfg Config, log *slog.Logger) (*Extractor, error) {
	if cfg.MinWords < 1 {
		return nil, fmt.Errorf("quotes: %w: MinWords %d, want at least 1", ErrConfig, cfg.MinWords)
	}
	if cfg.PronounSentences < 0 {
		return nil, fmt.Errorf("quotes: %w: PronounSentences %d, want at least 0", ErrConfig, cfg.PronounSentences)
	}
	var lex *lexicon
	var err error
	if cfg.Lexicon == nil {
		lex, err = defaultLexicon()
	} else {
		lex, err = loadLexicon(cfg.Lexicon)
	}
	if err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Extractor{cfg: cfg, lex: lex, log: log}, nil
}

// Name returns the stage name.
func (x *Extractor) Name() string { return "quotes" }

// Process finds a's quotations and their speakers and writes a.Quotes,
// replacing what was there. An article without sentences (nlp has not run)
// gets its quotations without speakers.
func (x *Extractor) Process(ctx context.Context, a *article.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	d := newDoc(x, a)
	a.Quotes = d.extract()
	x.log.Debug("quotes extracted", "article", a.ID, "quotes", len(a.Quotes))
	return nil
}

// how says how a quotation's speaker was found.
type how uint8

const (
	// The zero how: no speaker found.
	_ how = iota
	// cueAfter: a speech verb right after the quotation ("…," he said).
	cueAfter
	// cueBefore: a speech verb before it in its sentence (X said: "…").
	cueBefore
	// inherited: from a neighbouring quotation or sentence.
	inherited
)

// String names the way.
func (h how) String() string {
	switch h {
	case cueAfter:
		return "after"
	case cueBefore:
		return "before"
	case inherited:
		return "inherited"
	}
	return "none"
}

// speaker is who a quotation is attributed to.
type speaker struct {
	name string
	code string
	// span is the words of the attribution; set even when they are a
	// pronoun that could not be resolved (name "").
	span article.Span
	how  how
	// person is the index of the person entity, -1 for none.
	person int
	// sent is the sentence of the attribution.
	sent int
	// rank is the class of the words it was found in (scorePerson, …).
	rank int
}

func (s speaker) found() bool { return !s.span.Empty() }

// entRef is one mention of a person or organisation entity.
type entRef struct {
	span   article.Span
	person bool
	idx    int // into Persons or Organizations
}

// doc is the per-article state of an extraction.
type doc struct {
	x     *Extractor
	a     *article.Article
	text  string
	sents []article.Sentence
	// lineStart[i] is the offset of the line (paragraph) sentence i begins in.
	lineStart []int
	ents      []entRef
	segs      []segment
	// segSent[i] and segTok are the sentence and token of each segment's
	// opening mark; endSent and endTok those of its closing mark (or last
	// token when unclosed). -1 when the article has no tokens there.
	openSent, openTok, closeSent, closeTok []int
	genders                                []gender // per person entity, computed on demand
	genderDone                             []bool
	// recent is the last quotation's speaker that is a person, from
	// sentence recentSent; recent.person is -1 before the first.
	recent     speaker
	recentSent int
}

func newDoc(x *Extractor, a *article.Article) *doc {
	d := &doc{x: x, a: a, text: a.Text, sents: a.Sentences, recent: speaker{person: -1}}
	d.segs = findSegments(a.Text, nil)
	d.lineStart = make([]int, len(d.sents))
	line, pos := 0, 0 // the start of the line at offset pos
	for i, s := range d.sents {
		if st := min(max(s.Span.Start, 0), len(a.Text)); st > pos {
			if k := strings.LastIndexByte(a.Text[pos:st], '\n'); k >= 0 {
				line = pos + k + 1
			}
			pos = st
		}
		d.lineStart[i] = line
	}
	for i, e := range a.Persons {
		for _, sp := range e.Mentions {
			d.ents = append(d.ents, entRef{span: sp, person: true, idx: i})
		}
	}
	for i, e := range a.Organizations {
		for _, sp := range e.Mentions {
			d.ents = append(d.ents, entRef{span: sp, idx: i})
		}
	}
	slices.SortFunc(d.ents, func(p, q entRef) int { return p.span.Start - q.span.Start })
	d.genders = make([]gender, len(a.Persons))
	d.genderDone = make([]bool, len(a.Persons))
	n := len(d.segs)
	d.openSent, d.openTok = make([]int, n), make([]int, n)
	d.closeSent, d.closeTok = make([]int, n), make([]int, n)
	for i, s := range d.segs {
		d.openSent[i], d.openTok[i] = d.tokenAt(s.open)
		at := s.close
		if at < 0 {
			at = s.inner.End - 1
		}
		d.closeSent[i], d.closeTok[i] = d.tokenAt(at)
	}
	return d
}

// tokenAt returns the sentence and token covering byte offset off, or the
// first token after it; -1, -1 when there is none.
func (d *doc) tokenAt(off int) (int, int) {
	si := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].Span.End > off })
	if si == len(d.sents) {
		return -1, -1
	}
	toks := d.sents[si].Tokens
	ti := sort.Search(len(toks), func(i int) bool { return toks[i].Span.End > off })
	if ti == len(toks) {
		return -1, -1
	}
	return si, ti
}

// extract attributes every segment and returns the quotations to keep.
func (d *doc) extract() []article.Quote {
	n := len(d.segs)
	if n == 0 {
		return nil
	}
	sp := make([]speaker, n)
	for i := range d.segs {
		sp[i] = d.attribute(i)
		if sp[i].person >= 0 {
			d.recent, d.recentSent = sp[i], sp[i].sent
		}
	}
	d.inherit(sp)
	out := make([]article.Quote, 0, n)
	for i, s := range d.segs {
		text := s.inner.In(d.text)
		if !sp[i].found() && countWords(text) < d.x.cfg.MinWords || !hasLetter(text) || isTitle(text) {
			continue
		}
		out = append(out, article.Quote{
			Text:        text,
			Span:        s.inner,
			Speaker:     sp[i].name,
			SpeakerCode: sp[i].code,
			SpeakerSpan: sp[i].span,
		})
	}
	return out
}

// tok returns the text of token k of sentence s.
func (d *doc) tok(s, k int) string { return d.sents[s].Tokens[k].Span.In(d.text) }

// inSegment returns the index of the segment whose outer span holds
// offset off, or -1.
func (d *doc) inSegment(off int) int {
	i := sort.Search(len(d.segs), func(i int) bool { return d.segs[i].outer.End > off })
	if i < len(d.segs) && d.segs[i].outer.Start <= off {
		return i
	}
	return -1
}

// titleWords is the most words a quoted title or name ("Meet the Press",
// "Make America Great Again") has.
const titleWords = 6

// isTitle reports whether quoted text reads as the title of a work or a
// slogan rather than speech: two to titleWords words, each capitalized but
// for short function words, without a question or exclamation mark.
func isTitle(text string) bool {
	if strings.ContainsAny(text, "?!") {
		return false
	}
	words := strings.Fields(strings.TrimRight(text, "."))
	if len(words) < 2 || len(words) > titleWords {
		return false
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r):
			caps++
		case minorWord(w):
		default:
			return false
		}
	}
	return caps >= 2
}

// minorWord reports whether w may stay lower-case in a title.
func minorWord(w string) bool {
	switch w {
	case "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "as", "vs.":
		return true
	}
	return false
}

// hasLetter reports whether s holds a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if isLetter(r) {
			return true
		}
	}
	return false
}
