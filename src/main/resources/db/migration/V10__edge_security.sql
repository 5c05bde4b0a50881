-- Edge security: OAuth2 tokens, password-grant lockout, used validation data, rate-limit windows, request ids.
-- Times are epoch milliseconds (BIGINT) so that H2 and PostgreSQL agree without time-zone conversions.

-- One row per partner: issuing a token overwrites it, so the previous token is obsolete on every replica.
CREATE TABLE oauth_token (
    partner_id   VARCHAR(64)  PRIMARY KEY,
    token_hash   VARCHAR(64)  NOT NULL,
    refresh_hash VARCHAR(64)  NOT NULL,
    issued_at    BIGINT       NOT NULL,
    expires_at   BIGINT       NOT NULL
);
CREATE UNIQUE INDEX oauth_token_hash_idx ON oauth_token (token_hash);

CREATE TABLE auth_lockout (
    partner_id   VARCHAR(64)  PRIMARY KEY,
    failures     INTEGER      NOT NULL,
    locked_until BIGINT       NOT NULL
);

-- Each X-Validation-Data once per partner; rows are dropped with the key that verified them.
CREATE TABLE validation_data_use (
    partner_id      VARCHAR(64) NOT NULL,
    data_hash       VARCHAR(64) NOT NULL,
    key_fingerprint VARCHAR(64) NOT NULL,
    time_bucket     BIGINT      NOT NULL,
    used_at         BIGINT      NOT NULL,
    PRIMARY KEY (partner_id, data_hash)
);
CREATE INDEX validation_data_use_key_idx ON validation_data_use (key_fingerprint, time_bucket);

CREATE TABLE rate_limit_window (
    counter_key  VARCHAR(200) NOT NULL,
    window_start BIGINT       NOT NULL,
    hits         BIGINT       NOT NULL,
    PRIMARY KEY (counter_key, window_start)
);
CREATE INDEX rate_limit_window_start_idx ON rate_limit_window (window_start);

-- Envelope request_id: replicas take blocks of 100 numbers.
CREATE SEQUENCE anytime_request_id_seq START WITH 100000 INCREMENT BY 100;
