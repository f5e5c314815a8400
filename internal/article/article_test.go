package article_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
)

func TestMarshalContract(t *testing.T) {
	a := &article.Article{
		ID: "a1", Title: "T", Source: "World Media", URL: "",
		Date:      time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC),
		Text:      "Lavrov said no.",
		Sentences: []article.Sentence{{Span: article.Span{Start: 0, End: 15}, Tokens: []article.Token{{Span: article.Span{Start: 0, End: 6}, Tag: "NNP"}}}},
		Persons:   []article.Entity{{Name: "Sergey Lavrov", Code: "RUSGOV", Type: article.Person, Mentions: []article.Span{{Start: 0, End: 6}}}},
		Input:     "seed.txt",
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"id": "a1", "title": "T", "source": "World Media", "date": "2017-04-13", "url": "",
		"text":          "Lavrov said no.",
		"sentences":     []any{map[string]any{"span": []any{0.0, 15.0}}},
		"events":        []any{},
		"quotes":        []any{},
		"persons":       []any{map[string]any{"name": "Sergey Lavrov", "code": "RUSGOV", "mentions": []any{[]any{0.0, 6.0}}}},
		"organizations": []any{},
		"places":        []any{},
		"counts":        []any{},
		"tone":          nil,
		"themes":        []any{},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("contract encoding (-want +got):\n%s", d)
	}
}

func TestSpan(t *testing.T) {
	text := "U.S. envoy"
	tests := []struct {
		name string
		span article.Span
		want string
	}{
		{"whole", article.Span{Start: 0, End: 10}, "U.S. envoy"},
		{"word", article.Span{Start: 5, End: 10}, "envoy"},
		{"past end", article.Span{Start: 5, End: 11}, ""},
		{"reversed", article.Span{Start: 4, End: 2}, ""},
		{"negative", article.Span{Start: -1, End: 2}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.span.In(text); got != tt.want {
				t.Errorf("%v.In(%q) = %q, want %q", tt.span, text, got, tt.want)
			}
		})
	}
	var s article.Span
	if err := json.Unmarshal([]byte("[3,7]"), &s); err != nil || s != (article.Span{Start: 3, End: 7}) {
		t.Errorf("unmarshal [3,7] = %v, %v", s, err)
	}
}

func TestParseDate(t *testing.T) {
	for _, in := range []string{"2017-04-13", "2017-04-13T10:00:00Z", "2017-04-13T10:00:00+02:00"} {
		d, err := article.ParseDate(in)
		if err != nil || d.Format(article.DateLayout) != "2017-04-13" {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	for _, in := range []string{"", "13/04/2017", "2017-13-01"} {
		if _, err := article.ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q): want an error", in)
		}
	}
	first, again := article.ContentID("t", "x"), article.ContentID("t", "x")
	if first != again || first == article.ContentID("tx", "") {
		t.Error("ContentID is not stable or not separating title from text")
	}
}
