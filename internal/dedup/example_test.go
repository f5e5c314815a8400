package dedup_test

import (
	"context"
	"fmt"

	"worldmedia/internal/article"
	"worldmedia/internal/dedup"
)

// The detector names the first article of which a later one is a copy. In
// the pipeline, nlp and actors run first, so "Russia" and "Russian
// Federation" read alike; here the actor mentions are written by hand.
func Example() {
	d, err := dedup.New(dedup.DefaultConfig(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	first := "Russia vetoed the draft resolution on Wednesday, the fourth veto of the year."
	copied := "Russian Federation vetoed the draft resolution on Wednesday, the fourth veto of the year. Subscribe to our newsletter."
	articles := []*article.Article{
		{ID: "a1", Text: first, Actors: []article.ActorMention{{Span: article.Span{Start: 0, End: 6}, Code: "RUS"}}},
		{ID: "a2", Text: copied, Actors: []article.ActorMention{{Span: article.Span{Start: 0, End: 18}, Code: "RUS"}}},
		{ID: "a3", Text: "Heavy rain closed the coast road for a second day."},
	}
	for _, a := range articles {
		if err := d.Process(context.Background(), a); err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: duplicate of %q, story %s\n", a.ID, a.DuplicateOf, a.Story)
	}
	// Output:
	// a1: duplicate of "", story a1
	// a2: duplicate of "a1", story a1
	// a3: duplicate of "", story a3
}
