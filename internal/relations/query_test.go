package relations_test

import (
	"errors"
	"testing"

	"worldmedia/internal/relations"
)

func TestQueryValidate(t *testing.T) {
	ok := relations.Query{A: "USA", B: "RUS", By: relations.Week}
	with := func(f func(*relations.Query)) relations.Query { q := ok; f(&q); return q }
	tests := []struct {
		name string
		q    relations.Query
		want error // nil when valid
	}{
		{"countries", ok, nil},
		{"full codes", with(func(q *relations.Query) { q.A, q.B = "USAGOV", "IGOUNO" }), nil},
		{"country and full code", with(func(q *relations.Query) { q.B = "RUSMIL" }), nil},
		{"15 characters", with(func(q *relations.Query) { q.A = "IGOUNOABCDEF123" }), nil},
		{"directed with bounds", with(func(q *relations.Query) {
			q.Directed, q.Since, q.Until = true, at("2017-01-01"), at("2017-12-31")
		}), nil},
		{"one day", with(func(q *relations.Query) { q.Since, q.Until = at("2017-04-13T20:00:00Z"), at("2017-04-13T01:00:00Z") }), nil},
		{"only since", with(func(q *relations.Query) { q.Since = at("2017-01-01") }), nil},
		{"lower case", with(func(q *relations.Query) { q.A = "usa" }), relations.ErrActor},
		{"too short", with(func(q *relations.Query) { q.B = "RU" }), relations.ErrActor},
		{"too long", with(func(q *relations.Query) { q.A = "IGOUNOABCDEF1234" }), relations.ErrActor},
		{"empty", with(func(q *relations.Query) { q.B = "" }), relations.ErrActor},
		{"punctuation", with(func(q *relations.Query) { q.A = "USA-GOV" }), relations.ErrActor},
		{"same actor", with(func(q *relations.Query) { q.B = "USA" }), relations.ErrActor},
		{"no period", with(func(q *relations.Query) { q.By = 0 }), relations.ErrPeriod},
		{"unknown period", with(func(q *relations.Query) { q.By = 7 }), relations.ErrPeriod},
		{"since after until", with(func(q *relations.Query) { q.Since, q.Until = at("2017-02-01"), at("2017-01-31") }), relations.ErrRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.q.Validate()
			if tt.want == nil {
				if err != nil {
					t.Errorf("Validate() = %v, want nil", err)
				}
				return
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("Validate() = %v, want %v", err, tt.want)
			}
		})
	}
}
