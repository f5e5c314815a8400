package actors_test

import (
	"context"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
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
