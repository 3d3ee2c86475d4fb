-- Schema version 1: runs, their findings, and each group's figures per run.
-- {identity} and {timestamp} are written per database: SQLite keeps moments as ISO 8601 text, PostgreSQL as timestamptz.
CREATE TABLE runs (
    id {identity},
    recorded_at {timestamp} NOT NULL,
    as_of {timestamp} NOT NULL,
    source TEXT NOT NULL,
    rule_set_hash TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    suggestions INTEGER NOT NULL,
    silent INTEGER NOT NULL,
    suppressed INTEGER NOT NULL,
    group_count INTEGER NOT NULL
);
CREATE INDEX runs_by_source ON runs (source, id);

-- One row per finding, in report order; suppressed findings included.
CREATE TABLE findings (
    run_id BIGINT NOT NULL REFERENCES runs (id),
    ordinal INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    severity TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    target_name TEXT,
    group_id TEXT,
    message TEXT NOT NULL,
    suppressed INTEGER NOT NULL,
    justification TEXT,
    PRIMARY KEY (run_id, ordinal)
);
-- First seen, open for how many reviews: a finding's runs by its fingerprint.
CREATE INDEX findings_by_fingerprint ON findings (fingerprint, run_id);

CREATE TABLE group_figures (
    run_id BIGINT NOT NULL REFERENCES runs (id),
    ordinal INTEGER NOT NULL,
    group_id TEXT NOT NULL,
    name TEXT,
    members INTEGER NOT NULL,
    active_admins INTEGER NOT NULL,
    posts INTEGER NOT NULL,
    comments INTEGER NOT NULL,
    last_activity_at {timestamp},
    PRIMARY KEY (run_id, ordinal)
);

-- Posts and comments per calendar month (UTC), the last twelve months up to the run's asOf; months without activity left out.
CREATE TABLE group_months (
    run_id BIGINT NOT NULL REFERENCES runs (id),
    group_ordinal INTEGER NOT NULL,
    year INTEGER NOT NULL,
    month INTEGER NOT NULL,
    posts INTEGER NOT NULL,
    comments INTEGER NOT NULL,
    PRIMARY KEY (run_id, group_ordinal, year, month)
);
