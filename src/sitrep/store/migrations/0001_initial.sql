-- sitrep store, schema 1. One schema for SQLite and PostgreSQL: plain types only,
-- timestamps as ISO-8601 text, records as JSON text. {autoid} is the one dialect
-- token (SQLite: INTEGER PRIMARY KEY AUTOINCREMENT; PostgreSQL: BIGSERIAL PRIMARY KEY).

-- One row per article, keyed by the content hash of its text (reading it again changes nothing).
CREATE TABLE articles (
    article_id   TEXT PRIMARY KEY,
    doc_id       TEXT NOT NULL,
    source       TEXT,
    title        TEXT,
    url          TEXT,
    outlet       TEXT,               -- the publisher, when the input named one
    published    TEXT,
    language     TEXT,
    pipeline     TEXT NOT NULL,      -- the pipeline of the article's current extraction
    document     TEXT NOT NULL,      -- the Document as JSON, without its events
    ingested_at  TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);

-- Every extraction's events, each with the pipeline that made it; `current` = 1 for the
-- article's latest extraction, 0 for events kept from an older pipeline.
CREATE TABLE events (
    event_id              TEXT NOT NULL,
    pipeline              TEXT NOT NULL,
    article_id            TEXT NOT NULL REFERENCES articles (article_id),
    current               INTEGER NOT NULL,
    position              INTEGER NOT NULL,
    type                  TEXT NOT NULL,
    acled_event_type      TEXT,
    acled_sub_event_type  TEXT,
    country               TEXT,
    lat                   DOUBLE PRECISION,
    lon                   DOUBLE PRECISION,
    event_date            TEXT,
    fatalities_best       INTEGER,
    actors                TEXT NOT NULL,  -- actor texts and names, lower case, '|'-separated, for filters
    record                TEXT NOT NULL,  -- the Event as JSON, exactly as extracted
    ingested_at           TEXT NOT NULL,
    PRIMARY KEY (event_id, pipeline)
);
CREATE INDEX events_article ON events (article_id, current);
CREATE INDEX events_country_date ON events (country, event_date);

-- Inputs that could not be stored as articles, with their reason; the batch went on.
CREATE TABLE failures (
    doc_id      TEXT PRIMARY KEY,
    source      TEXT,
    article_id  TEXT,
    code        TEXT NOT NULL,
    reason      TEXT NOT NULL,
    hint        TEXT,
    pipeline    TEXT,
    failed_at   TEXT NOT NULL
);

-- Incidents: one real-world incident, reported by one or more events.
-- `merged_into` is set when a later report joined this incident to another; its id keeps resolving.
CREATE TABLE incidents (
    incident_id      TEXT PRIMARY KEY,
    merged_into      TEXT,
    n_events         INTEGER NOT NULL,
    country          TEXT,
    acled_event_type TEXT,
    date_start       TEXT,
    date_end         TEXT,
    lat              DOUBLE PRECISION,
    lon              DOUBLE PRECISION,
    fatalities_best  INTEGER,
    actors           TEXT NOT NULL,
    record           TEXT,           -- incidents.summarise() of the current members, as JSON
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX incidents_country_date ON incidents (country, date_start);

-- Membership of current events, with the matcher's signature and its block keys.
CREATE TABLE incident_members (
    event_id     TEXT PRIMARY KEY,
    incident_id  TEXT NOT NULL REFERENCES incidents (incident_id),
    signature    TEXT NOT NULL
);
CREATE INDEX incident_members_incident ON incident_members (incident_id);

CREATE TABLE member_blocks (
    block_key  TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    PRIMARY KEY (block_key, event_id)
);
CREATE INDEX member_blocks_event ON member_blocks (event_id);

-- What happened to each incident and when: create, join, merge (from the matcher), leave (an event
-- dropped by a newer extraction of its article).
CREATE TABLE incident_history (
    seq          {autoid},
    at           TEXT NOT NULL,
    action       TEXT NOT NULL,
    incident_id  TEXT NOT NULL,
    event_id     TEXT,
    into_id      TEXT,
    article_id   TEXT
);
CREATE INDEX incident_history_incident ON incident_history (incident_id);
