-- Schema version 2: the people responsible for each finding, as the run's report named them.
-- A run recorded before this migration keeps responsible_recorded = 0: nobody is known for its findings, which is not
-- the same as nobody being responsible.
ALTER TABLE runs ADD COLUMN responsible_recorded INTEGER NOT NULL DEFAULT 0;

-- One row per person per finding, in the report's order: those who act on the finding (is_primary = 1) first, then
-- those told of it. A finding without rows in a run with responsible_recorded = 1 has nobody in the network.
CREATE TABLE finding_responsible (
    run_id BIGINT NOT NULL REFERENCES runs (id),
    finding_ordinal INTEGER NOT NULL,
    position INTEGER NOT NULL,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    is_primary INTEGER NOT NULL,
    PRIMARY KEY (run_id, finding_ordinal, position)
);
-- No index by person: digests read one run's rows by the primary key, and such an index added a tenth to a run's size.
