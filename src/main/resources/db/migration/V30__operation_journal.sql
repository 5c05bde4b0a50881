-- The operation journal: every operation that writes to TX is recorded here before its first TX call.
-- matchKeys are derived from operation_id (see domain.operation.MatchKey), so they need no column of their own.
CREATE TABLE operation (
    operation_id        VARCHAR(26)               PRIMARY KEY,
    partner_id          VARCHAR(64)               NOT NULL,
    kind                VARCHAR(24)               NOT NULL,
    state               VARCHAR(12)               NOT NULL,
    idempotency_key     VARCHAR(128),
    request_fingerprint VARCHAR(64),
    account_id          BIGINT,
    card_id             BIGINT,
    amount              NUMERIC(19, 4),
    currency            VARCHAR(3),
    tx_tran_id          BIGINT,
    decline_code        VARCHAR(64),
    step                VARCHAR(24),
    data                VARCHAR(4000),
    attempts            INTEGER                   NOT NULL DEFAULT 0,
    last_attempt_at     TIMESTAMP WITH TIME ZONE,
    lease_owner         VARCHAR(64),
    lease_until         TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE  NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE  NOT NULL
);

-- The reconciler's work list: operations that are not terminal.
CREATE INDEX operation_unresolved ON operation (state, updated_at);
-- Load limits: sums per card over a period.
CREATE INDEX operation_card_time ON operation (card_id, created_at);
