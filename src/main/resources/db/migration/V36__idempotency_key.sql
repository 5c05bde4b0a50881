-- Integrator idempotency: one row per (partner, Idempotency-Key). The primary key is the claim: the first INSERT
-- wins (SQLState 23505 for the others), before the handler runs. A completed row keeps the exact answer bytes
-- (status, Content-Type, X-Gateway-Signature, body) to replay them. Times are epoch milliseconds.
-- body is BYTEA (H2 reads it as BINARY VARYING): the replay must be byte for byte, so no text column.
CREATE TABLE idempotency_key (
    partner_id   VARCHAR(64)  NOT NULL,
    idem_key     VARCHAR(128) NOT NULL,
    fingerprint  VARCHAR(64)  NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    claim_token  VARCHAR(36)  NOT NULL,
    claimed_at   BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL,
    status       INTEGER,
    content_type VARCHAR(200),
    signature    VARCHAR(200),
    body         BYTEA,
    PRIMARY KEY (partner_id, idem_key)
);
CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);
