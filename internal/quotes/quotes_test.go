package quotes_test

import (
	"errors"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"worldmedia/internal/article"
	"worldmedia/internal/quotes"
)

// got is what a test compares of a quotation: its words, the speaker's
// name and code, and the words the speaker was found in.
type got struct {
	Text, Speaker, Code, At string
}

func summarize(a *article.Article) []got {
	var out []got
	for _, q := range a.Quotes {
		out = append(out, got{q.Text, q.Speaker, q.SpeakerCode, q.SpeakerSpan.In(a.Text)})
	}
	return out
}

// TestQuoteForms checks how quotations are delimited: straight and curly
// marks, nested quotations, mixed marks, paragraphs that continue a
// quotation, partial quotations, and what is not a quotation.
func TestQuoteForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []got
	}{
		{
			name: "straight",
			text: `"The talks were useful," Angela Merkel said.`,
			want: []got{{"The talks were useful", "Angela Merkel", "DEUGOV", "Angela Merkel"}},
		},
		{
			name: "curly",
			text: "“The talks were useful,” said Angela Merkel.",
			want: []got{{"The talks were useful", "Angela Merkel", "DEUGOV", "Angela Merkel"}},
		},
		{
			name: "nested single marks",
			text: "“He told me ‘never again’ and left,” Angela Merkel said.",
			want: []got{{"He told me ‘never again’ and left", "Angela Merkel", "DEUGOV", "Angela Merkel"}},
		},
		{
			name: "nested straight marks in curly",
			text: "“They called it \"a hoax\" at first,” Angela Merkel said.",
			want: []got{{"They called it \"a hoax\" at first", "Angela Merkel", "DEUGOV", "Angela Merkel"}},
		},
		{
			name: "mixed marks",
			text: "“The talks are over,\" Angela Merkel said.",
			want: []got{{"The talks are over", "Angela Merkel", "DEUGOV", "Angela Merkel"}},
		},
		{
			name: "across paragraphs",
			text: "Vladimir Putin told reporters: “The first part of the answer is simple.\n\n“The second part is not simple at all.”",
			want: []got{
				{"The first part of the answer is simple.", "Vladimir Putin", "RUSGOV", "Vladimir Putin"},
				{"The second part is not simple at all.", "Vladimir Putin", "RUSGOV", "Vladimir Putin"},
			},
		},
		{
			name: "continuation after an attributed quote",
			text: "“Sanctions will not work,” Vladimir Putin said. “We have seen this before.\n\n“And we will see it again.”",
			want: []got{
				{"Sanctions will not work", "Vladimir Putin", "RUSGOV", "Vladimir Putin"},
				{"We have seen this before.", "Vladimir Putin", "RUSGOV", "Vladimir Putin"},
				{"And we will see it again.", "Vladimir Putin", "RUSGOV", "Vladimir Putin"},
			},
		},
		{
			name: "partial quotation in reported speech",
			text: `Rex Tillerson said on Wednesday that relations with Moscow are at "a low point" after the talks.`,
			want: []got{{"a low point", "Rex Tillerson", "USAGOV", "Rex Tillerson"}},
		},
		{
			name: "split quotation",
			text: `"We are ready," said Angela Merkel, "and we will not wait for anyone."`,
			want: []got{
				{"We are ready", "Angela Merkel", "DEUGOV", "Angela Merkel"},
				{"and we will not wait for anyone.", "Angela Merkel", "DEUGOV", "Angela Merkel"},
			},
		},
		{
			name: "unattributed scare quote is dropped",
			text: `The so-called "peace plan" collapsed within a week.`,
		},
		{
			name: "quoted title is dropped",
			text: `Angela Merkel appeared on "Meet the Press" on Sunday.`,
		},
		{
			name: "markup attribute is no quotation",
			text: `<tweet id="672138506081275904" author="@someone">Hello there</tweet>`,
		},
		{
			name: "unattributed long quotation is kept without speaker",
			text: `The crowd grew restless. "This is not what we were promised at all." The rain began.`,
			want: []got{{"This is not what we were promised at all.", "", "", ""}},
		},
	}
	p := newAnalysis(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := p.run(t.Context(), t, tt.text, seedDate)
			if d := cmp.Diff(tt.want, summarize(a)); d != "" {
				t.Errorf("%s\nquotes (-want +got):\n%s", tt.text, d)
			}
		})
	}
}

// TestSpeakers checks the attribution patterns: speech verbs before and
// after the quotation, "according to", appositions, organisations and
// governments, and pronouns with their gender guard.
func TestSpeakers(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []got
	}{
		{
			name: "verb then name",
			text: `"We want peace," said Russian foreign minister Sergey Lavrov.`,
			want: []got{{"We want peace", "Sergey Lavrov", "RUSGOV", "Sergey Lavrov"}},
		},
		{
			name: "name then verb",
			text: `"No," Donald Trump told reporters on Monday.`,
			want: []got{{"No", "Donald Trump", "USAGOV", "Donald Trump"}},
		},
		{
			name: "colon",
			text: `Sergey Lavrov told the conference: "Unbiased experts have to be sent there."`,
			want: []got{{"Unbiased experts have to be sent there.", "Sergey Lavrov", "RUSGOV", "Sergey Lavrov"}},
		},
		{
			name: "according to",
			text: `"The strike was a mistake," according to Sergey Lavrov.`,
			want: []got{{"The strike was a mistake", "Sergey Lavrov", "RUSGOV", "Sergey Lavrov"}},
		},
		{
			name: "apposition after the name",
			text: `"We will appeal the ruling," Brian Fallon, a spokesman for the campaign, said.`,
			want: []got{{"We will appeal the ruling", "Brian Fallon", "", "Brian Fallon"}},
		},
		{
			name: "question split from its attribution",
			text: `"Do you really think so?" she asked.`,
			want: []got{{"Do you really think so?", "", "", "she"}},
		},
		{
			name: "organisation",
			text: `"The operation is over," the Pentagon said in a statement.`,
			want: []got{{"The operation is over", "Pentagon", "USAMIL", "the Pentagon"}},
		},
		{
			name: "government by its seat",
			text: `"These claims are baseless," the Kremlin said.`,
			want: []got{{"These claims are baseless", "Kremlin", "RUSGOV", "the Kremlin"}},
		},
		{
			name: "government by its words",
			text: `"The talks failed," the Russian foreign ministry said in a statement.`,
			want: []got{{"The talks failed", "Russian foreign ministry", "RUSGOV", "Russian foreign ministry"}},
		},
		{
			name: "officials of a country",
			text: `"The talks failed," U.S. officials said.`,
			want: []got{{"The talks failed", "U.S. officials", "USAGOV", "U.S. officials"}},
		},
		{
			name: "description",
			text: `"The talks will go on," a senior official said.`,
			want: []got{{"The talks will go on", "a senior official", "", "a senior official"}},
		},
		{
			name: "pronoun resolved to the person before",
			text: `Vladimir Putin arrived in Berlin on Monday. "We are ready to talk," he said.`,
			want: []got{{"We are ready to talk", "Vladimir Putin", "RUSGOV", "he"}},
		},
		{
			name: "she skips a male person",
			text: `Angela Merkel met Emmanuel Macron in Paris. "It was a good day for Europe," she said.`,
			want: []got{{"It was a good day for Europe", "Angela Merkel", "DEUGOV", "she"}},
		},
		{
			name: "he is not given to a woman",
			text: `Nikki Haley spoke first. The diplomats listened in silence. "We cannot go on like this," he said.`,
			want: []got{{"We cannot go on like this", "", "", "he"}},
		},
		{
			name: "participle takes the main clause's subject",
			text: `Angela Merkel rejected the plan, saying it was "a step backwards for everyone."`,
			want: []got{{"a step backwards for everyone.", "Angela Merkel", "DEUGOV", "Angela Merkel"}},
		},
		{
			name: "quotation-only sentence continues the speaker",
			text: `"We may be at an all-time low," said Donald Trump. "We'll see what happens."`,
			want: []got{
				{"We may be at an all-time low", "Donald Trump", "USAGOV", "Donald Trump"},
				{"We'll see what happens.", "Donald Trump", "USAGOV", "Donald Trump"},
			},
		},
		{
			name: "quotation after a narrative sentence has no speaker",
			text: "Donald Trump said little on Monday.\n\nThe rain kept falling on the city. \"We consider it of utmost importance to act.\"",
			want: []got{{"We consider it of utmost importance to act.", "", "", ""}},
		},
	}
	p := newAnalysis(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := p.run(t.Context(), t, tt.text, seedDate)
			if d := cmp.Diff(tt.want, summarize(a)); d != "" {
				t.Errorf("%s\nquotes (-want +got):\n%s", tt.text, d)
			}
		})
	}
}

// TestWithoutAnnotation runs the stage on an article nlp has not seen: the
// quotations are found, with no speakers.
func TestWithoutAnnotation(t *testing.T) {
	qx, err := quotes.New(quotes.DefaultConfig(), nil)
	if err != nil {
		t.Fatal(err)
	}
	a := &article.Article{Text: `"We will not give up on this at all," she said.`}
	if err := qx.Process(t.Context(), a); err != nil {
		t.Fatal(err)
	}
	want := []got{{"We will not give up on this at all", "", "", ""}}
	if d := cmp.Diff(want, summarize(a)); d != "" {
		t.Errorf("quotes (-want +got):\n%s", d)
	}
}

func TestNewErrors(t *testing.T) {
	good := fstest.MapFS{
		"speech_verbs.txt": {Data: []byte("say: said\n")},
		"gender.txt":       {Data: []byte("m john\n")},
	}
	tests := []struct {
		name     string
		cfg      func(c *quotes.Config)
		wantErr  bool
		is       error // what the error wraps, when it matters
		wantLine int   // line of the first *LineError, 0 for none
	}{
		{name: "custom lexicon", cfg: func(c *quotes.Config) { c.Lexicon = good }},
		{name: "MinWords 0", cfg: func(c *quotes.Config) { c.MinWords = 0 }, wantErr: true, is: quotes.ErrConfig},
		{name: "negative PronounSentences", cfg: func(c *quotes.Config) { c.PronounSentences = -1 }, wantErr: true, is: quotes.ErrConfig},
		{
			name: "bad gender",
			cfg: func(c *quotes.Config) {
				c.Lexicon = fstest.MapFS{
					"speech_verbs.txt": {Data: []byte("say\n")},
					"gender.txt":       {Data: []byte("# names\nm john\nx pat\n")},
				}
			},
			wantErr: true, is: quotes.ErrSyntax, wantLine: 3,
		},
		{
			name: "bad verb flag",
			cfg: func(c *quotes.Config) {
				c.Lexicon = fstest.MapFS{
					"speech_verbs.txt": {Data: []byte("say | before\n")},
					"gender.txt":       {Data: []byte("m john\n")},
				}
			},
			wantErr: true, is: quotes.ErrSyntax, wantLine: 1,
		},
		{
			name: "missing file",
			cfg: func(c *quotes.Config) {
				c.Lexicon = fstest.MapFS{"gender.txt": {Data: []byte("m john\n")}}
			},
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := quotes.DefaultConfig()
			tt.cfg(&cfg)
			_, err := quotes.New(cfg, nil)
			switch {
			case !tt.wantErr:
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				return
			case err == nil:
				t.Fatalf("New succeeded, want an error")
			case tt.is != nil && !errors.Is(err, tt.is):
				t.Fatalf("New: %v, want %v", err, tt.is)
			}
			if tt.wantLine > 0 {
				var le *quotes.LineError
				if !errors.As(err, &le) || le.Line != tt.wantLine {
					t.Errorf("New: %v, want a *LineError on line %d", err, tt.wantLine)
				}
			}
		})
	}
}
