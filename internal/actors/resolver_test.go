package actors_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/testkit"
)

// entity builds an entity of type typ named name, with a mention at each
// occurrence of the name in text (or of the given mention texts).
func entity(text string, typ article.EntityType, name string, mentions ...string) article.Entity {
	e := article.Entity{Name: name, Type: typ}
	if len(mentions) == 0 {
		mentions = []string{name}
	}
	for _, m := range mentions {
		off := 0
		for {
			i := strings.Index(text[off:], m)
			if i < 0 {
				break
			}
			e.Mentions = append(e.Mentions, article.Span{Start: off + i, End: off + i + len(m)})
			off += i + len(m)
		}
	}
	return e
}

func TestResolver(t *testing.T) {
	text := "Vladimir Putin met Trump. Putin told the UN Security Council and the Security Council " +
		"that the Pentagon and Acme Corp were wrong. Lavrov agreed."
	i := strings.Index(text, ". Putin") + 2
	putin2 := article.Span{Start: i, End: i + len("Putin")}
	a := &article.Article{
		ID:   "t1",
		Date: day,
		Text: text,
		Persons: []article.Entity{
			entity(text, article.Person, "Vladimir Putin"),
			entity(text, article.Person, "Trump"),
			{Name: "Putin", Type: article.Person, Mentions: []article.Span{putin2}},
			entity(text, article.Person, "Lavrov"),
			entity(text, article.Person, "Jane Doe", "Acme"),
		},
		Organizations: []article.Entity{
			entity(text, article.Organization, "UN Security Council"),
			entity(text, article.Organization, "Security Council", "the Security Council"),
			entity(text, article.Organization, "Pentagon"),
			entity(text, article.Organization, "Acme Corp"),
		},
	}
	r := actors.New(testDict(t), nil)
	if r.Name() != "actors" {
		t.Errorf("Name = %q", r.Name())
	}
	if err := r.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	sp := func(s string) article.Span { // the first occurrence of s
		i := strings.Index(text, s)
		return article.Span{Start: i, End: i + len(s)}
	}
	wantPersons := []article.Entity{
		{Name: "Vladimir Putin", Code: "RUSGOV", Type: article.Person, Mentions: []article.Span{sp("Vladimir Putin"), putin2}},
		{Name: "Donald Trump", Code: "USAGOV", Type: article.Person, Mentions: []article.Span{sp("Trump")}},
		{Name: "Sergey Lavrov", Code: "RUSGOV", Type: article.Person, Mentions: []article.Span{sp("Lavrov")}},
		{Name: "Jane Doe", Code: "", Type: article.Person, Mentions: []article.Span{sp("Acme")}},
	}
	if diff := cmp.Diff(wantPersons, a.Persons); diff != "" {
		t.Errorf("Persons (-want +got):\n%s", diff)
	}
	wantOrgs := []article.Entity{
		{Name: "UN Security Council", Code: "IGOUNO", Type: article.Organization, Mentions: []article.Span{sp("UN Security Council"), sp("the Security Council")}},
		{Name: "Pentagon", Code: "USAMIL", Type: article.Organization, Mentions: []article.Span{sp("Pentagon")}},
		{Name: "Acme Corp", Code: "", Type: article.Organization, Mentions: []article.Span{sp("Acme Corp")}},
	}
	if diff := cmp.Diff(wantOrgs, a.Organizations); diff != "" {
		t.Errorf("Organizations (-want +got):\n%s", diff)
	}
}

func TestResolverCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := actors.New(testDict(t), nil).Process(ctx, &article.Article{}); err == nil {
		t.Error("Process with a canceled context: no error")
	}
}

// TestResolverPersonMentions checks that a later mention of a known person
// by surname ("Mr Clarke"), which the dictionary does not list, is an actor
// of the person's code, as the recognizer groups it with the full name.
func TestResolverPersonMentions(t *testing.T) {
	a := testkit.Annotate(t, "Home Secretary Charles Clarke defended the bill on Monday. "+
		"Mr Clarke said the powers were needed.")
	a.Date = time.Date(2005, 3, 1, 0, 0, 0, 0, time.UTC)
	d, err := actors.Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := actors.New(d, nil).Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range a.Actors {
		if m.Sentence == 1 && m.Code == "GBRGOV" && strings.Contains(m.Span.In(a.Text), "Clarke") {
			found = true
		}
	}
	if !found {
		t.Errorf("no GBRGOV actor for Mr Clarke in the second sentence: %+v", a.Actors)
	}
	for i := 1; i < len(a.Actors); i++ {
		p, c := a.Actors[i-1], a.Actors[i]
		if c.Sentence < p.Sentence || c.Sentence == p.Sentence && c.First < p.First {
			t.Errorf("actors out of text order at %d: %+v", i, a.Actors)
		}
	}
}
