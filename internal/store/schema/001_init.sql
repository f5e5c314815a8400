-- worldmedia store, schema version 1. docs/store.md describes every table.

-- articles: one row per stored version of an article.
CREATE TABLE articles (
    id           VARCHAR NOT NULL,  -- article id (input id or content hash)
    key          VARCHAR NOT NULL,  -- identity for re-ingestion: the URL, else the id
    url          VARCHAR NOT NULL,
    source       VARCHAR NOT NULL,  -- outlet ("BBC News")
    title        VARCHAR NOT NULL,
    published    TIMESTAMP,         -- NULL when unknown
    language     VARCHAR NOT NULL,
    body         VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,  -- SHA-256 of title and text
    input        VARCHAR NOT NULL,  -- where it was read from
    duplicate_of VARCHAR,           -- id of the first-seen original, NULL when original
    story        VARCHAR,
    tone         DOUBLE,
    positive     DOUBLE,
    negative     DOUBLE,
    polarity     DOUBLE,
    activity     DOUBLE,
    self_group   DOUBLE,
    words        INTEGER,
    sentences    INTEGER NOT NULL,
    n_events     INTEGER NOT NULL,
    ingested     TIMESTAMP NOT NULL,
    seq          BIGINT NOT NULL    -- ingestion order
);

-- events: worldmedia's coded events and imported GDELT events, in GDELT 2.0
-- columns plus worldmedia's evidence.
CREATE TABLE events (
    event_id           BIGINT NOT NULL,   -- GLOBALEVENTID; unique per origin
    origin             VARCHAR NOT NULL,  -- 'worldmedia' or 'gdelt'
    article_id         VARCHAR,           -- NULL for GDELT rows
    day                DATE,              -- SQLDATE
    actor1_code        VARCHAR NOT NULL,
    actor1_name        VARCHAR NOT NULL,
    actor1_country     VARCHAR NOT NULL,
    actor1_group       VARCHAR NOT NULL,
    actor1_ethnic      VARCHAR NOT NULL,
    actor1_religion1   VARCHAR NOT NULL,
    actor1_religion2   VARCHAR NOT NULL,
    actor1_type1       VARCHAR NOT NULL,
    actor1_type2       VARCHAR NOT NULL,
    actor1_type3       VARCHAR NOT NULL,
    actor2_code        VARCHAR NOT NULL,
    actor2_name        VARCHAR NOT NULL,
    actor2_country     VARCHAR NOT NULL,
    actor2_group       VARCHAR NOT NULL,
    actor2_ethnic      VARCHAR NOT NULL,
    actor2_religion1   VARCHAR NOT NULL,
    actor2_religion2   VARCHAR NOT NULL,
    actor2_type1       VARCHAR NOT NULL,
    actor2_type2       VARCHAR NOT NULL,
    actor2_type3       VARCHAR NOT NULL,
    is_root            BOOLEAN NOT NULL,
    event_code         VARCHAR NOT NULL,
    event_base_code    VARCHAR NOT NULL,
    event_root_code    VARCHAR NOT NULL,
    quad_class         TINYINT NOT NULL,
    goldstein          DOUBLE NOT NULL,
    num_mentions       INTEGER NOT NULL,
    num_sources        INTEGER NOT NULL,
    num_articles       INTEGER NOT NULL,
    avg_tone           DOUBLE NOT NULL,
    actor1_geo_type    TINYINT NOT NULL,
    actor1_geo_name    VARCHAR NOT NULL,
    actor1_geo_country VARCHAR NOT NULL,
    actor1_geo_adm1    VARCHAR NOT NULL,
    actor1_geo_adm2    VARCHAR NOT NULL,
    actor1_geo_lat     DOUBLE,
    actor1_geo_lon     DOUBLE,
    actor1_geo_feature VARCHAR NOT NULL,
    actor2_geo_type    TINYINT NOT NULL,
    actor2_geo_name    VARCHAR NOT NULL,
    actor2_geo_country VARCHAR NOT NULL,
    actor2_geo_adm1    VARCHAR NOT NULL,
    actor2_geo_adm2    VARCHAR NOT NULL,
    actor2_geo_lat     DOUBLE,
    actor2_geo_lon     DOUBLE,
    actor2_geo_feature VARCHAR NOT NULL,
    action_geo_type    TINYINT NOT NULL,
    action_geo_name    VARCHAR NOT NULL,
    action_geo_country VARCHAR NOT NULL,
    action_geo_adm1    VARCHAR NOT NULL,
    action_geo_adm2    VARCHAR NOT NULL,
    action_geo_lat     DOUBLE,
    action_geo_lon     DOUBLE,
    action_geo_feature VARCHAR NOT NULL,
    date_added         TIMESTAMP,
    source_url         VARCHAR NOT NULL,
    -- worldmedia's own fields (NULL or defaults for GDELT rows)
    outlet             VARCHAR NOT NULL,  -- source name, or the URL's host for GDELT rows
    story              VARCHAR,           -- story id; NULL for GDELT rows
    duplicate          BOOLEAN NOT NULL,  -- from a duplicate article: counted in no figure
    plover             VARCHAR NOT NULL,
    sentence           INTEGER,
    reported           BOOLEAN NOT NULL,
    source_start       INTEGER,
    source_end         INTEGER,
    verb_start         INTEGER,
    verb_end           INTEGER,
    target_start       INTEGER,
    target_end         INTEGER,
    evidence           VARCHAR NOT NULL   -- the sentence's text
);

CREATE TABLE persons (
    article_id VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    code       VARCHAR NOT NULL,
    mentions   INTEGER NOT NULL,
    first_start INTEGER NOT NULL,
    first_end   INTEGER NOT NULL
);

CREATE TABLE organizations (
    article_id VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    code       VARCHAR NOT NULL,
    mentions   INTEGER NOT NULL,
    first_start INTEGER NOT NULL,
    first_end   INTEGER NOT NULL
);

CREATE TABLE places (
    article_id VARCHAR NOT NULL,
    name       VARCHAR NOT NULL,
    resolved   VARCHAR NOT NULL,
    geonameid  INTEGER NOT NULL,
    country    VARCHAR NOT NULL,  -- ISO 3166-1 alpha-2
    adm1       VARCHAR NOT NULL,
    lat        DOUBLE,
    lon        DOUBLE,
    mentions   INTEGER NOT NULL
);

CREATE TABLE quotes (
    article_id    VARCHAR NOT NULL,
    quote         VARCHAR NOT NULL,
    span_start    INTEGER NOT NULL,
    span_end      INTEGER NOT NULL,
    speaker       VARCHAR NOT NULL,
    speaker_code  VARCHAR NOT NULL,
    speaker_start INTEGER,
    speaker_end   INTEGER
);

CREATE TABLE counts (
    article_id VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    number     BIGINT NOT NULL,
    object     VARCHAR NOT NULL,
    place      VARCHAR NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL
);

CREATE TABLE themes (
    article_id VARCHAR NOT NULL,
    theme      VARCHAR NOT NULL,
    mentions   INTEGER NOT NULL
);

-- signatures: the spun-copy detector's memory, restored at start.
CREATE TABLE signatures (
    article_id      VARCHAR NOT NULL,
    seq             BIGINT NOT NULL,
    day             DATE,
    duplicate_of    VARCHAR,
    story           VARCHAR NOT NULL,
    signature       BLOB NOT NULL,
    story_signature BLOB NOT NULL
);

-- imports: GDELT files loaded with `worldmedia import gdelt`.
CREATE TABLE imports (
    file     VARCHAR NOT NULL,
    sha256   VARCHAR NOT NULL,
    rows     BIGINT NOT NULL,
    added    BIGINT NOT NULL,
    bad      BIGINT NOT NULL,
    imported TIMESTAMP NOT NULL
);

-- stories: one row per story, from the articles in it; duplicates are
-- listed but counted apart.
CREATE VIEW stories AS
SELECT story                                        AS id,
       arg_min(id, seq)                             AS first_article,
       arg_min(title, seq)                          AS title,
       min(published)                               AS first_published,
       max(published)                               AS last_published,
       count(*) FILTER (WHERE duplicate_of IS NULL) AS articles,
       count(*) FILTER (WHERE duplicate_of IS NOT NULL) AS duplicates,
       count(DISTINCT source)                       AS sources,
       sum(n_events) FILTER (WHERE duplicate_of IS NULL) AS events
FROM articles
WHERE story IS NOT NULL
GROUP BY story;
