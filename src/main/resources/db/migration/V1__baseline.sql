-- Baseline: the store's own bookkeeping. Each feature adds its tables in its own migration.
CREATE TABLE gateway_instance (
    instance_id  VARCHAR(64)  PRIMARY KEY,
    started_at   TIMESTAMP    NOT NULL,
    last_seen_at TIMESTAMP    NOT NULL
);
