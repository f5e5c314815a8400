// Package nlp is worldmedia's English language layer: sentence segmentation,
// tokenization with byte spans, part-of-speech tagging and named-entity
// recognition.
//
// The stage reads Article.Text and writes Article.Sentences, each with its
// Tokens and their Penn Treebank tags, Article.Mentions (named-entity
// mentions with CoNLL-2003 types), and Article.Persons and
// Article.Organizations, the mentions grouped into entities. Every position
// it writes is a half-open byte span into Article.Text. [Segment] and
// [Tokenize] follow the Penn Treebank tokenization of the CoNLL-2003 corpus
// the tagging models are trained on, and are safe on any input, including
// invalid UTF-8.
package nlp
