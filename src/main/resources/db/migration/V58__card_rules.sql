-- Card rules kept in the store.
-- Wrong CVCs offered for a card's PIN (GET /v1.0/cards/{card_ref}/pin), counted in the store so that every replica
-- sees them: after gateway.card-pin.max-wrong-cvcs the PIN route is locked for that card until locked_until
-- (epoch milliseconds, 0 = not locked).
CREATE TABLE card_cvc_attempt (
    card_id       BIGINT   PRIMARY KEY,
    failures      INTEGER  NOT NULL,
    locked_until  BIGINT   NOT NULL
);

-- The cap on an account's cards counts its card orders under way (JdbcCardOwnership.countWithOrdersUnderWay).
CREATE INDEX operation_account_kind ON operation (account_id, kind);
