-- worldmedia store, schema version 2: each article keeps its whole analysis
-- as the contract's JSON (docs/contract.md), for the API's article view with
-- every span. NULL for articles stored before version 2.
ALTER TABLE articles ADD COLUMN analysis VARCHAR;
