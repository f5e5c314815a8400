package counts_test

import (
	"context"
	"fmt"

	"worldmedia/internal/article"
	"worldmedia/internal/counts"
	"worldmedia/internal/nlp"
)

func ExampleExtractor_Process() {
	ann, err := nlp.NewAnnotator(nil, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	x, err := counts.New(counts.DefaultConfig(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := &article.Article{Text: "The attack in Idlib, which left 89 people dead, cost $4.5bn."}
	for _, stage := range []interface {
		Process(context.Context, *article.Article) error
	}{ann, x} {
		if err := stage.Process(context.Background(), a); err != nil {
			fmt.Println(err)
			return
		}
	}
	for _, c := range a.Counts {
		fmt.Printf("%s %d %q in %q: %q\n", c.Kind, c.Number, c.Object, c.Place, c.Span.In(a.Text))
	}
	// Output:
	// KILL 89 "people" in "Idlib": "left 89 people dead"
	// AMOUNT 4500000000 "USD" in "Idlib": "$4.5bn"
}
