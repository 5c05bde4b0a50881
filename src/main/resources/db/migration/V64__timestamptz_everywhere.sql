-- The last times stored without a time zone become TIMESTAMP WITH TIME ZONE, so that the whole schema stores time
-- one way. TIMESTAMP columns held UTC: EXTRACT(EPOCH ...) reads them as such on H2 and PostgreSQL alike, whatever the
-- session time zone. Epoch-millisecond columns convert as in V57; a card_cvc_attempt row that is not locked has no
-- locked_until (it was 0). As in V57 each column is replaced by a converted copy (H2 has no ALTER COLUMN ... USING);
-- the indexes on a replaced column are dropped first and built again.

DROP INDEX webhook_outbox_due_ix;
DROP INDEX idempotency_key_expiry_idx;

ALTER TABLE gateway_instance ADD COLUMN started_at_tz TIMESTAMP WITH TIME ZONE;
ALTER TABLE gateway_instance ADD COLUMN last_seen_at_tz TIMESTAMP WITH TIME ZONE;
UPDATE gateway_instance SET
    started_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM started_at) * INTERVAL '1' SECOND,
    last_seen_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM last_seen_at) * INTERVAL '1' SECOND;
ALTER TABLE gateway_instance DROP COLUMN started_at;
ALTER TABLE gateway_instance RENAME COLUMN started_at_tz TO started_at;
ALTER TABLE gateway_instance ALTER COLUMN started_at SET NOT NULL;
ALTER TABLE gateway_instance DROP COLUMN last_seen_at;
ALTER TABLE gateway_instance RENAME COLUMN last_seen_at_tz TO last_seen_at;
ALTER TABLE gateway_instance ALTER COLUMN last_seen_at SET NOT NULL;

ALTER TABLE webhook_outbox ADD COLUMN created_at_tz TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_outbox ADD COLUMN next_attempt_at_tz TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_outbox ADD COLUMN lease_until_tz TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_outbox ADD COLUMN last_attempt_at_tz TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_outbox ADD COLUMN delivered_at_tz TIMESTAMP WITH TIME ZONE;
UPDATE webhook_outbox SET
    created_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM created_at) * INTERVAL '1' SECOND,
    next_attempt_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM next_attempt_at) * INTERVAL '1' SECOND,
    lease_until_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM lease_until) * INTERVAL '1' SECOND,
    last_attempt_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM last_attempt_at) * INTERVAL '1' SECOND,
    delivered_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM delivered_at) * INTERVAL '1' SECOND;
ALTER TABLE webhook_outbox DROP COLUMN created_at;
ALTER TABLE webhook_outbox RENAME COLUMN created_at_tz TO created_at;
ALTER TABLE webhook_outbox ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE webhook_outbox DROP COLUMN next_attempt_at;
ALTER TABLE webhook_outbox RENAME COLUMN next_attempt_at_tz TO next_attempt_at;
ALTER TABLE webhook_outbox ALTER COLUMN next_attempt_at SET NOT NULL;
ALTER TABLE webhook_outbox DROP COLUMN lease_until;
ALTER TABLE webhook_outbox RENAME COLUMN lease_until_tz TO lease_until;
ALTER TABLE webhook_outbox DROP COLUMN last_attempt_at;
ALTER TABLE webhook_outbox RENAME COLUMN last_attempt_at_tz TO last_attempt_at;
ALTER TABLE webhook_outbox DROP COLUMN delivered_at;
ALTER TABLE webhook_outbox RENAME COLUMN delivered_at_tz TO delivered_at;

ALTER TABLE webhook_endpoint ADD COLUMN paused_until_tz TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_endpoint ADD COLUMN probe_lease_until_tz TIMESTAMP WITH TIME ZONE;
ALTER TABLE webhook_endpoint ADD COLUMN updated_at_tz TIMESTAMP WITH TIME ZONE;
UPDATE webhook_endpoint SET
    paused_until_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM paused_until) * INTERVAL '1' SECOND,
    probe_lease_until_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM probe_lease_until) * INTERVAL '1' SECOND,
    updated_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM updated_at) * INTERVAL '1' SECOND;
ALTER TABLE webhook_endpoint DROP COLUMN paused_until;
ALTER TABLE webhook_endpoint RENAME COLUMN paused_until_tz TO paused_until;
ALTER TABLE webhook_endpoint DROP COLUMN probe_lease_until;
ALTER TABLE webhook_endpoint RENAME COLUMN probe_lease_until_tz TO probe_lease_until;
ALTER TABLE webhook_endpoint DROP COLUMN updated_at;
ALTER TABLE webhook_endpoint RENAME COLUMN updated_at_tz TO updated_at;
ALTER TABLE webhook_endpoint ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE webhook_sandbox_inbox ADD COLUMN received_at_tz TIMESTAMP WITH TIME ZONE;
UPDATE webhook_sandbox_inbox SET
    received_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM received_at) * INTERVAL '1' SECOND;
ALTER TABLE webhook_sandbox_inbox DROP COLUMN received_at;
ALTER TABLE webhook_sandbox_inbox RENAME COLUMN received_at_tz TO received_at;
ALTER TABLE webhook_sandbox_inbox ALTER COLUMN received_at SET NOT NULL;

ALTER TABLE balance_anchor ADD COLUMN updated_at_tz TIMESTAMP WITH TIME ZONE;
UPDATE balance_anchor SET
    updated_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + EXTRACT(EPOCH FROM updated_at) * INTERVAL '1' SECOND;
ALTER TABLE balance_anchor DROP COLUMN updated_at;
ALTER TABLE balance_anchor RENAME COLUMN updated_at_tz TO updated_at;
ALTER TABLE balance_anchor ALTER COLUMN updated_at SET NOT NULL;

ALTER TABLE idempotency_key ADD COLUMN claimed_at_tz TIMESTAMP WITH TIME ZONE;
ALTER TABLE idempotency_key ADD COLUMN expires_at_tz TIMESTAMP WITH TIME ZONE;
UPDATE idempotency_key SET
    claimed_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + claimed_at * INTERVAL '0.001' SECOND,
    expires_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + expires_at * INTERVAL '0.001' SECOND;
ALTER TABLE idempotency_key DROP COLUMN claimed_at;
ALTER TABLE idempotency_key RENAME COLUMN claimed_at_tz TO claimed_at;
ALTER TABLE idempotency_key ALTER COLUMN claimed_at SET NOT NULL;
ALTER TABLE idempotency_key DROP COLUMN expires_at;
ALTER TABLE idempotency_key RENAME COLUMN expires_at_tz TO expires_at;
ALTER TABLE idempotency_key ALTER COLUMN expires_at SET NOT NULL;

ALTER TABLE card_cvc_attempt ADD COLUMN locked_until_tz TIMESTAMP WITH TIME ZONE;
UPDATE card_cvc_attempt SET
    locked_until_tz = CASE WHEN locked_until = 0 THEN NULL ELSE TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + locked_until * INTERVAL '0.001' SECOND END;
ALTER TABLE card_cvc_attempt DROP COLUMN locked_until;
ALTER TABLE card_cvc_attempt RENAME COLUMN locked_until_tz TO locked_until;

CREATE INDEX webhook_outbox_due_ix ON webhook_outbox (status, next_attempt_at, id);
CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);
