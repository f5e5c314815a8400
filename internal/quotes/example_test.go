package quotes_test

import (
	"context"
	"fmt"
	"time"

	"worldmedia/internal/actors"
	"worldmedia/internal/article"
	"worldmedia/internal/nlp"
	"worldmedia/internal/quotes"
)

// The extractor runs after nlp and actors, which find the sentences and the
// people it names speakers by.
func ExampleExtractor() {
	ann, _ := nlp.NewAnnotator(nil, nil)
	dict, _ := actors.Default()
	qx, err := quotes.New(quotes.DefaultConfig(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := &article.Article{
		Date: time.Date(2017, 4, 13, 0, 0, 0, 0, time.UTC),
		Text: `U.S. Secretary of State Rex Tillerson said relations are at "a low point". ` +
			`"We may be at an all-time low," said Trump. "We'll see what happens."`,
	}
	ctx := context.Background()
	for _, stage := range []interface {
		Process(context.Context, *article.Article) error
	}{ann, actors.New(dict, nil), qx} {
		if err := stage.Process(ctx, a); err != nil {
			fmt.Println(err)
			return
		}
	}
	for _, q := range a.Quotes {
		fmt.Printf("%q: %s (%s), at %q\n", q.Text, q.Speaker, q.SpeakerCode, q.SpeakerSpan.In(a.Text))
	}
	// Output:
	// "a low point": Rex Tillerson (USAGOV), at "Rex Tillerson"
	// "We may be at an all-time low": Donald Trump (USAGOV), at "Trump"
	// "We'll see what happens.": Donald Trump (USAGOV), at "Trump"
}
