// Package themes tags news articles with topics from a documented
// taxonomy, like the themes of GDELT's Global Knowledge Graph: ARMEDCONFLICT,
// TERROR, PROTEST, ELECTION, SANCTIONS, WMD_CHEMICAL and about fifty more
// (docs/themes.md).
//
// # The stage
//
// [Tagger] is the pipeline stage. It reads Article.Text, Sentences (tokens
// with lemmas, from nlp) and Events (from events, when it ran before), and
// writes only Themes. Each [article.Theme] has the theme's Name and the
// spans of its evidence in text order; themes come in the order of their
// first mention (ties by name).
//
// Evidence is of two kinds:
//
//   - keyword phrases, matched over consecutive tokens by lemma or by
//     written form in any case: "sanction" matches "Sanctions" and
//     "sanctioned", "chemical weapon" matches "chemical weapons", the prefix
//     word "terror*" matches "terrorists". The span is the matched words;
//   - event codes: an event whose CAMEO code begins with one of a theme's
//     codes ("19" takes 190–196, "2041" only itself) evidences the theme
//     with its VerbSpan. Negated events are no evidence.
//
// A span inside another span of the same theme ("war" in "civil war", a
// keyword inside the event's verb span) is dropped, so each theme's
// mentions do not overlap by containment. [Config] sets how many mentions
// a theme needs and whether events count.
//
// # The taxonomy
//
// [Taxonomy] is read from a line-oriented file, documented in
// docs/themes.md, with one theme a line:
//
//	SANCTIONS = sanction | embargo | asset freeze ; events: 163, 1312, 085
//
// The embedded taxonomy ([Default], data/themes.txt) was written for this
// project. [Parse] reports every bad line as a [*LineError] wrapping one of
// the package's Err sentinels.
package themes
