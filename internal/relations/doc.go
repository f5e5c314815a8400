// Package relations is the relations barometer: it answers questions such
// as "are US–Russia relations at an all-time low?" from the coded events
// between two actors (docs/relations.md).
//
// A [Source] (the store) aggregates the events of a [Query] per period:
// their number, quad classes, Goldstein scores, tone, stories and sources.
// [Analyze] turns those [Point]s into a continuous series of [Row]s, with
// zero-event rows where a period had no events, and a [Verdict] on the
// latest period: its Goldstein mean ranked against every earlier period
// with enough events, the last time it was as low (or high), and whether
// its confidence interval lies clear of the earlier average. [Run] reads
// the points from a Source and analyses them.
//
// The package imports no database; a [Report] is plain data, encoded as
// JSON by `worldmedia relations`.
package relations
