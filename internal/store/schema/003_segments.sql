-- worldmedia store, schema version 3: imported GDELT files may be kept as
-- Parquet segments beside the database file (docs/store.md, "GDELT
-- segments"). The rows of the events table move to event_rows; events
-- becomes a view over event_rows and the segments, re-created whenever the
-- segments change.
ALTER TABLE events RENAME TO event_rows;
-- story_key and source_key are 64-bit hashes of an event's story (its
-- story, or a GDELT record's SOURCEURL) and source (its outlet, or the host
-- of a GDELT record's URL), for counting them distinct.
CREATE VIEW events AS SELECT *, hash(coalesce(story, source_url)) AS story_key,
    CASE WHEN origin = 'gdelt' THEN hash(split_part(source_url, '/', 3)) ELSE hash(outlet) END AS source_key
    FROM event_rows;
-- segment: the Parquet file holding the import's rows, relative to the
-- segment directory; NULL when they are in event_rows.
ALTER TABLE imports ADD COLUMN segment VARCHAR;
