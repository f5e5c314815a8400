package themes_test

import (
	"context"
	"fmt"

	"worldmedia/internal/article"
	"worldmedia/internal/nlp"
	"worldmedia/internal/themes"
)

func ExampleTagger_Process() {
	ann, err := nlp.NewAnnotator(nil, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	tax, err := themes.Parse("themes.txt", []byte(`
SANCTIONS = sanction | embargo ; events: 163
WMD_CHEMICAL = chemical weapon | nerve agent ; events: 2041
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	g, err := themes.New(tax, themes.DefaultConfig(), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := &article.Article{Text: "The EU imposed sanctions after chemical weapons were used."}
	for _, stage := range []interface {
		Process(context.Context, *article.Article) error
	}{ann, g} {
		if err := stage.Process(context.Background(), a); err != nil {
			fmt.Println(err)
			return
		}
	}
	for _, th := range a.Themes {
		for _, m := range th.Mentions {
			fmt.Printf("%s: %q\n", th.Name, m.In(a.Text))
		}
	}
	// Output:
	// SANCTIONS: "sanctions"
	// WMD_CHEMICAL: "chemical weapons"
}
