package nlp

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"

	"worldmedia/internal/article"
)

// Annotator is the nlp pipeline stage: it segments an article's text into
// sentences and tokens, tags parts of speech, finds named-entity mentions and
// groups the mentions of people and organisations into entities.
//
// It reads Article.Text and writes Sentences, Mentions, Persons and
// Organizations. It is safe for concurrent use.
type Annotator struct {
	models *Models
	log    *slog.Logger
}

// NewAnnotator returns an annotator using models; nil models means the
// embedded defaults. A nil logger discards.
func NewAnnotator(models *Models, log *slog.Logger) (*Annotator, error) {
	if models == nil {
		m, err := DefaultModels()
		if err != nil {
			return nil, fmt.Errorf("nlp: embedded models: %w", err)
		}
		models = m
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Annotator{models: models, log: log}, nil
}

// Name returns the stage name.
func (an *Annotator) Name() string { return "nlp" }

// Process annotates a.
func (an *Annotator) Process(ctx context.Context, a *article.Article) error {
	a.Sentences = Segment(a.Text)
	words := make([][]string, len(a.Sentences))
	tags := make([][]string, len(a.Sentences))
	for i := range a.Sentences {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		toks := a.Sentences[i].Tokens
		w := make([]string, len(toks))
		for j, t := range toks {
			w[j] = a.Text[t.Span.Start:t.Span.End]
		}
		tg := make([]string, len(toks))
		an.models.POS.Tag(w, tg)
		for j := range toks {
			toks[j].Tag = tg[j]
			toks[j].Lemma = Lemma(w[j], tg[j])
		}
		words[i], tags[i] = w, tg
	}
	labels := an.models.NER.Recognize(words, tags)
	a.Mentions = mentions(a.Sentences, labels)
	a.Persons = groupEntities(a.Text, a.Mentions, article.Person)
	a.Organizations = groupEntities(a.Text, a.Mentions, article.Organization)
	return nil
}

// mentions turns IOB2 labels into mentions. An I- label that does not
// continue a mention of its type starts one, so no labelled token is lost.
func mentions(sents []article.Sentence, labels [][]string) []article.Mention {
	var out []article.Mention
	for si, s := range sents {
		if si >= len(labels) {
			break
		}
		lab := labels[si]
		open := -1
		var typ article.EntityType
		flush := func(last int) {
			if open >= 0 {
				out = append(out, article.Mention{
					Span:     article.Span{Start: s.Tokens[open].Span.Start, End: s.Tokens[last].Span.End},
					Type:     typ,
					Sentence: si,
					First:    open,
					Last:     last,
				})
				open = -1
			}
		}
		for ti := range s.Tokens {
			l := "O"
			if ti < len(lab) {
				l = lab[ti]
			}
			prefix, name, _ := strings.Cut(l, "-")
			t := article.ParseEntityType(name)
			switch {
			case t == article.NoEntity:
				flush(ti - 1)
			case prefix == "I" && open >= 0 && t == typ:
				// continues the open mention
			default:
				flush(ti - 1)
				open, typ = ti, t
			}
		}
		flush(len(s.Tokens) - 1)
	}
	return out
}

// groupEntities gathers the mentions of one type into entities, one per
// person or organisation however often and however written: a mention whose
// words all occur, in order, in a longer mention of the same type ("Trump" in
// "Donald Trump", "Assad" in "Bashar al-Assad", "Security Council" in "UN
// Security Council") is the same entity. The entity's name is its longest
// form.
func groupEntities(text string, ms []article.Mention, typ article.EntityType) []article.Entity {
	type group struct {
		name  string
		words []string
		spans []article.Span
	}
	var forms []group // distinct surface forms in order of first mention
	index := map[string]int{}
	for _, m := range ms {
		if m.Type != typ {
			continue
		}
		name := cleanName(m.Span.In(text))
		if name == "" {
			continue
		}
		i, ok := index[name]
		if !ok {
			i = len(forms)
			index[name] = i
			forms = append(forms, group{name: name, words: nameWords(name)})
		}
		forms[i].spans = append(forms[i].spans, m.Span)
	}
	// Link each form to the longest form that contains its words in order;
	// ties go to the earliest mentioned.
	parent := make([]int, len(forms))
	for i := range forms {
		parent[i] = i
		best := -1
		for j := range forms {
			if j == i || len(forms[j].words) <= len(forms[i].words) {
				continue
			}
			if !subsequence(forms[i].words, forms[j].words, typ) {
				continue
			}
			if best < 0 || len(forms[j].words) > len(forms[best].words) {
				best = j
			}
		}
		if best >= 0 {
			parent[i] = best
		}
	}
	root := func(i int) int {
		for n := 0; parent[i] != i && n < len(forms); n++ {
			i = parent[i]
		}
		return i
	}
	var out []article.Entity
	pos := map[int]int{}
	for i := range forms {
		r := root(i)
		k, ok := pos[r]
		if !ok {
			k = len(out)
			pos[r] = k
			out = append(out, article.Entity{Name: forms[r].name, Type: typ})
		}
		out[k].Mentions = append(out[k].Mentions, forms[i].spans...)
	}
	for k := range out {
		sortSpans(out[k].Mentions)
	}
	return out
}

// cleanName trims a mention's text of a leading article and possessive
// ending and collapses internal whitespace.
func cleanName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range []string{"the ", "The "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, suf := range []string{"'s", "’s"} {
		s = strings.TrimSuffix(s, suf)
	}
	return strings.TrimSpace(s)
}

// nameWords splits a name into comparable words: lower-cased, with Arabic
// article prefixes ("al-", "el-", "ad-") split off so that "Assad" matches
// "al-Assad".
func nameWords(name string) []string {
	var out []string
	for _, w := range strings.Fields(name) {
		w = strings.ToLower(strings.Trim(w, ".,"))
		for _, p := range []string{"al-", "el-", "ad-", "as-", "an-", "ar-"} {
			if rest, ok := strings.CutPrefix(w, p); ok && rest != "" {
				w = rest
				break
			}
		}
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// subsequence reports whether short names the same entity as long. For
// people, short's words must occur in long in order ("Trump" in "Donald
// Trump", "Bashar Assad" in "Bashar al-Assad"). For organisations, short must
// end long ("Security Council" in "UN Security Council"), since a name's
// head comes last: "UN" is not the same body as "UN Security Council".
func subsequence(short, long []string, typ article.EntityType) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
	if typ != article.Person {
		return slices.Equal(short, long[len(long)-len(short):])
	}
	k := 0
	for _, w := range long {
		if k < len(short) && w == short[k] {
			k++
		}
	}
	return k == len(short)
}

func sortSpans(s []article.Span) {
	slices.SortFunc(s, func(a, b article.Span) int { return a.Start - b.Start })
}
