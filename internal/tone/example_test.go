package tone_test

import (
	"context"
	"fmt"

	"worldmedia/internal/article"
	"worldmedia/internal/nlp"
	"worldmedia/internal/tone"
)

func ExampleScorer_Process() {
	ann, err := nlp.NewAnnotator(nil, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := tone.New(nil, tone.DefaultConfig(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := &article.Article{Text: "The deadly attack killed 89 people. The talks were not a success."}
	for _, stage := range []interface {
		Process(context.Context, *article.Article) error
	}{ann, s} {
		if err := stage.Process(context.Background(), a); err != nil {
			fmt.Println(err)
			return
		}
	}
	for _, sent := range a.Sentences {
		fmt.Printf("%.1f %q\n", sent.Tone.Tone, sent.Span.In(a.Text))
	}
	fmt.Printf("article: tone %.1f, polarity %.1f, %d words\n", a.Tone.Tone, a.Tone.Polarity, a.Tone.Words)
	// Output:
	// -50.0 "The deadly attack killed 89 people."
	// -8.3 "The talks were not a success."
	// article: tone -29.2, polarity 29.2, 12 words
}
