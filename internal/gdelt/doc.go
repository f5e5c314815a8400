// Package gdelt reads and writes GDELT's file formats: the Global Knowledge
// Graph 2.1 ([WriteGKG], [ReadGKG]) and the event table in its 2.0 layout
// ([EventRows], [WriteEvents], [ReadEvents], which also reads GDELT 1.0
// daily and backfile rows; [ReadReduced] reads 1.0's reduced files).
//
// It is no pipeline stage: it reads an analysed [article.Article] and
// writes nothing into it. docs/gdelt.md documents the layouts and every
// choice made in mapping worldmedia's analysis onto GDELT's fields:
//
//   - offsets in GKG fields are GDELT's character offsets: Unicode code
//     points from the start of the text ([RuneOffsets]), or the UTF-8 byte
//     offsets of [article.Span] on request ([ByteOffsets]);
//   - countries in locations are FIPS 10-4 codes ([FIPS], [ISO2]);
//   - a place's location type (country, US state, US city, world city,
//     world state) comes from [GKGOptions.Level], or is guessed from its
//     fields ([PlaceLevel]);
//   - count kinds take GDELT's names ([CountType]: EVACUATE is EVACUATION,
//     DISPLACE is DISPLACED);
//   - CAMEO actor codes are split into GDELT's country, known group,
//     religion and type fields three letters at a time ([SplitActorCode]).
//
// Readers yield one [*RecordError] per malformed row, with its line and
// column, and go on with the next row.
package gdelt
