package tone

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"unicode"

	"worldmedia/internal/article"
)

// ErrConfig is a [Config] that [New] rejects.
var ErrConfig = errors.New("bad config")

// Config sets how negation and modifiers change the count of a sentiment
// word.
type Config struct {
	// NegationWindow is how many words after a negator ("not", "no",
	// "never", "without") it reaches, within its clause; 0 turns negation
	// off. 0 to 10.
	NegationWindow int
	// NegatedWeight is how much a negated sentiment word counts, on the
	// opposite side: "not good" is that much of a negative word. 0 to 1.
	NegatedWeight float64
	// IntensifierWeight is how much a sentiment word right after an
	// intensifier counts ("very bad"). 1 to 3.
	IntensifierWeight float64
	// DowntonerWeight is how much a sentiment word right after a downtoner
	// counts ("slightly worse"). 0 to 1.
	DowntonerWeight float64
}

// DefaultConfig returns the weights the package documents: negation
// reaches three words and flips at half weight; intensifiers count 1.5,
// downtoners 0.5.
func DefaultConfig() Config {
	return Config{NegationWindow: 3, NegatedWeight: 0.5, IntensifierWeight: 1.5, DowntonerWeight: 0.5}
}

func (c Config) validate() error {
	switch {
	case c.NegationWindow < 0 || c.NegationWindow > 10:
		return fmt.Errorf("NegationWindow %d not in 0..10", c.NegationWindow)
	case !(c.NegatedWeight >= 0 && c.NegatedWeight <= 1):
		return fmt.Errorf("NegatedWeight %g not in 0..1", c.NegatedWeight)
	case !(c.IntensifierWeight >= 1 && c.IntensifierWeight <= 3):
		return fmt.Errorf("IntensifierWeight %g not in 1..3", c.IntensifierWeight)
	case !(c.DowntonerWeight >= 0 && c.DowntonerWeight <= 1):
		return fmt.Errorf("DowntonerWeight %g not in 0..1", c.DowntonerWeight)
	}
	return nil
}

// Scorer is the tone stage. It is safe for concurrent use.
type Scorer struct {
	lex *Lexicon
	cfg Config
	log *slog.Logger
}

// New returns a scorer using lex (nil: the embedded lexicon) and cfg; a
// nil logger discards. It returns an error wrapping [ErrConfig] when cfg
// is invalid.
func New(lex *Lexicon, cfg Config, log *slog.Logger) (*Scorer, error) {
	if err := cfg.validate(); err != nil {
		return nil, fmt.Errorf("tone: %w: %w", ErrConfig, err)
	}
	if lex == nil {
		l, err := Default()
		if err != nil {
			return nil, fmt.Errorf("tone: embedded lexicon: %w", err)
		}
		lex = l
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Scorer{lex: lex, cfg: cfg, log: log}, nil
}

// Name returns the stage name.
func (s *Scorer) Name() string { return "tone" }

// Process sets the tone of every sentence of a and of a as a whole. The
// article's tone is measured over all its words, not averaged over
// sentences. An article without words gets a zero tone.
func (s *Scorer) Process(ctx context.Context, a *article.Article) error {
	tones := make([]article.Tone, len(a.Sentences)+1)
	var total tally
	ms := a.Mentions
	for i := range a.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		for len(ms) > 0 && ms[0].Sentence < i {
			ms = ms[1:]
		}
		k := 0
		for k < len(ms) && ms[k].Sentence == i {
			k++
		}
		t := s.sentence(a.Text, a.Sentences[i].Tokens, ms[:k])
		tones[i] = t.tone()
		a.Sentences[i].Tone = &tones[i]
		total.add(t)
	}
	tones[len(a.Sentences)] = total.tone()
	a.Tone = &tones[len(a.Sentences)]
	return nil
}

// tally counts the words of a text.
type tally struct {
	words    int
	pos, neg float64 // weighted counts of sentiment words
	active   int
	self     int
}

func (t *tally) add(o tally) {
	t.words += o.words
	t.pos += o.pos
	t.neg += o.neg
	t.active += o.active
	t.self += o.self
}

func (t tally) tone() article.Tone {
	if t.words == 0 {
		return article.Tone{}
	}
	pct := 100 / float64(t.words)
	p, n := t.pos*pct, t.neg*pct
	return article.Tone{
		Tone:      p - n,
		Positive:  p,
		Negative:  n,
		Polarity:  p + n,
		Activity:  float64(t.active) * pct,
		SelfGroup: float64(t.self) * pct,
		Words:     t.words,
	}
}

// sentence measures one sentence's tokens; ms are the entity mentions in
// it, whose words are names and carry no sentiment ("Hope Smith", "Security
// Council").
func (s *Scorer) sentence(text string, toks []article.Token, ms []article.Mention) tally {
	var t tally
	negLeft := 0 // words a negator still reaches
	mult := 1.0  // the weight a modifier gives the next word
	first := true
	var buf [64]byte
	for j, tok := range toks {
		if tok.Span.Start < 0 || tok.Span.End > len(text) || tok.Span.Start >= tok.Span.End {
			continue
		}
		w := text[tok.Span.Start:tok.Span.End]
		if !isWord(w) || tok.Tag == "POS" {
			if strings.ContainsAny(w, ",;:.!?()\"“”—") {
				negLeft, mult = 0, 1 // a clause ends
			}
			continue
		}
		t.words++
		for len(ms) > 0 && ms[0].Last < j {
			ms = ms[1:]
		}
		// A name is no sentiment word, nor is a proper noun inside the
		// sentence; a capitalised first word may be either, as the tagger
		// marks "Bad" and "War" there as proper nouns.
		name := len(ms) > 0 && ms[0].First <= j ||
			!first && (tok.Tag == "NNP" || tok.Tag == "NNPS")
		first = false
		r := s.lex.role(tok.Lemma)
		if r == 0 && tok.Lemma != w {
			r = s.lex.role(w) // a form the lemmatizer missed
		}
		if r&(positive|negative) == 0 {
			r |= s.derived(tok, buf[:0]) & (positive | negative)
		}
		if r&self != 0 && (tok.Tag == "PRP" || tok.Tag == "PRP$") && w != "US" {
			t.self++
		}
		if strings.HasPrefix(tok.Tag, "VB") && r&inactive == 0 {
			t.active++
		}
		switch {
		case r&negator != 0:
			negLeft = s.cfg.NegationWindow
			continue
		case r&intensifier != 0:
			mult = s.cfg.IntensifierWeight
			continue
		case r&downtoner != 0:
			mult = s.cfg.DowntonerWeight
			continue
		case r&(positive|negative) != 0 && !name:
			weight := mult
			pos := r&positive != 0
			if negLeft > 0 {
				pos = !pos
				weight *= s.cfg.NegatedWeight
			}
			if pos {
				t.pos += weight
			} else {
				t.neg += weight
			}
		case tok.Lemma == "but":
			negLeft = 0
		}
		mult = 1
		if negLeft > 0 {
			negLeft--
		}
	}
	return t
}

// derived looks up the base of an inflected adjective, adverb or
// participle that the lexicon lists in another form: "brutally" →
// "brutal", "angrily" → "angry", "angrier" → "angry", "safer" → "safe",
// "bigger" → "big", "injured" → "injure". The tagger often takes such rare
// forms for nouns ("deadliest", "happier"), so the tag is not consulted;
// nouns and verbs are already lemmatised by nlp.
func (s *Scorer) derived(tok article.Token, buf []byte) role {
	l := tok.Lemma
	if len(l) < 5 || len(l) > cap(buf)-2 {
		return 0
	}
	try := func(stem, add string) role {
		b := append(append(buf[:0], stem...), add...)
		return s.lex.words[string(b)] // indexing by converted bytes does not allocate
	}
	switch {
	case strings.HasSuffix(l, "ily"):
		return try(l[:len(l)-3], "y")
	case strings.HasSuffix(l, "ically"):
		return try(l[:len(l)-4], "")
	case strings.HasSuffix(l, "ly"):
		if r := try(l[:len(l)-2], ""); r != 0 {
			return r
		}
		return try(l[:len(l)-2], "e") // "terribly" → "terrible"
	}
	for _, suf := range []string{"iest", "ier", "est", "er", "ed", "ing"} {
		stem, ok := strings.CutSuffix(l, suf)
		if !ok || len(stem) < 3 {
			continue
		}
		if suf[0] == 'i' {
			return try(stem, "y")
		}
		if r := try(stem, ""); r != 0 {
			return r
		}
		if r := try(stem, "e"); r != 0 {
			return r
		}
		if n := len(stem); stem[n-1] == stem[n-2] {
			return try(stem[:n-1], "")
		}
		return 0
	}
	return 0
}

// isWord reports whether w has a letter or digit.
func isWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
