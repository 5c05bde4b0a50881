-- card_last_tx off the request path: on approval the gateway records only that the event of TX transaction tran_id on
-- card card_id is owed (status BUILD, no payload yet, one INSERT); the dispatcher's build step later reads TX once per
-- card, fills the payload and turns the row PENDING. The row holds the event id from the start, so whoever notices the
-- transaction first (approval or TX transaction follower) makes the one event, as before.
ALTER TABLE webhook_outbox ALTER COLUMN payload DROP NOT NULL;
ALTER TABLE webhook_outbox ADD COLUMN card_id BIGINT;
ALTER TABLE webhook_outbox ADD COLUMN tran_id BIGINT;
-- Only a row still to be built may lack its payload: the dispatcher never sees a BUILD row (it takes PENDING ones).
ALTER TABLE webhook_outbox ADD CONSTRAINT webhook_outbox_payload_ck
    CHECK (status = 'BUILD' OR payload IS NOT NULL);
ALTER TABLE webhook_outbox ADD CONSTRAINT webhook_outbox_build_ck
    CHECK (status <> 'BUILD' OR (card_id IS NOT NULL AND tran_id IS NOT NULL));
