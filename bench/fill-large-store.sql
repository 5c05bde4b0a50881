-- The large store of the benchmark's large-store scenario (bench/run.sh): rows generated in SQL, in the schema the
-- gateway under test uses (psql -v schema=...), under partner ids no request of the run uses, so that the rows only
-- weigh on the indexes, plans and caches of the statements the card read and the credit make; but for the spent
-- validation data, which are the run's own partner's (see there):
--   10^6 journal rows (operation), 10^6 spent validation data (validation_data_use), 10^6 idempotency answers
--   (idempotency_key), 10^5 accounts and 10^5 cards (account, card), 10^6 delivered webhook events (webhook_outbox).
-- About 30-60 s on the 2-core benchmark machine. ANALYZE at the end: the planner sees the sizes at once.
SET search_path TO :"schema";
SET synchronous_commit TO off;

INSERT INTO account (acc_id, partner_id, acc_type, currency, holder_subject_id, operation_id, created_at)
SELECT 900000000 + g, 'bench-filler-' || (g % 100), 'consumer', 'EUR', 800000000 + g,
       'FILLACC' || lpad(g::text, 19, '0'), now() - (g || ' seconds')::interval
FROM generate_series(1, 100000) g;

INSERT INTO card (card_id, partner_id, acc_id, card_contract_id, currency, is_virtual, operation_id, created_at)
SELECT 900000000 + g, 'bench-filler-' || (g % 100), 900000000 + g, 700000000 + g, 'EUR', true,
       'FILLCRD' || lpad(g::text, 19, '0'), now() - (g || ' seconds')::interval
FROM generate_series(1, 100000) g;

INSERT INTO operation (operation_id, partner_id, kind, state, account_id, card_id, amount, currency, tx_tran_id,
                       attempts, last_attempt_at, created_at, updated_at)
SELECT 'FILLOP' || lpad(g::text, 20, '0'), 'bench-filler-' || (g % 100),
       CASE WHEN g % 2 = 0 THEN 'CARD_CREDIT' ELSE 'CARD_DEBIT' END,
       CASE WHEN g % 50 = 0 THEN 'DECLINED' ELSE 'APPROVED' END,
       900000000 + (g % 100000) + 1, 900000000 + (g % 100000) + 1, 10.00, 'EUR', 600000000 + g,
       1, now() - ((1000000 - g) * 30 || ' seconds')::interval,
       now() - ((1000000 - g) * 30 || ' seconds')::interval, now() - ((1000000 - g) * 30 || ' seconds')::interval
FROM generate_series(1, 1000000) g;

-- The spent validation data are the run's own partner's, under its own key. The claim's primary key leads with the
-- partner: values of other partners would sit in key ranges the run's claims never touch, while a busy partner's
-- key accumulating 10^6 values is what a claim meets in production (random inserts into a large B-tree). The run's
-- partner and key are those of the claims its earlier phases made; the fill's md5-based hashes cannot equal one.
DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM validation_data_use) THEN
        RAISE EXCEPTION 'no claim of the run yet: the fill takes the run''s partner from its claims';
    END IF;
END $$;
INSERT INTO validation_data_use (partner_id, data_hash, key_fingerprint, time_bucket, used_at)
SELECT run.partner_id, md5(g::text) || md5('v' || g), run.key_fingerprint,
       (extract(epoch FROM now())::bigint - g * 30) / 86400, now() - (g * 30 || ' seconds')::interval
FROM generate_series(1, 1000000) g,
     (SELECT partner_id, key_fingerprint FROM validation_data_use GROUP BY partner_id, key_fingerprint
      ORDER BY count(*) DESC LIMIT 1) run;

-- answers of past keyed writes, still within their retention (the purge would drop expired ones)
INSERT INTO idempotency_key (partner_id, idem_key, fingerprint, state, claim_token, claimed_at, expires_at, status,
                             content_type, signature, body)
SELECT 'bench-filler-' || (g % 100), 'fill-' || g, md5(g::text) || md5('f' || g), 'COMPLETED',
       substr(md5('t' || g), 1, 32), now() - (g || ' milliseconds')::interval,
       now() + interval '1 day', 200, 'application/json', 'fill',
       convert_to('{"request_id":' || g || ',"type_response":"sync","body":{"transaction_id":' || g || '}}', 'UTF8')
FROM generate_series(1, 1000000) g;

-- a month of delivered webhook events (delivered-retention keeps each 30 days, then the purge drops it): the
-- outbox's unique event id and primary key list every row, so the credit's outbox INSERT meets these rows; its other
-- indexes are partial (V69) and hold the events in flight only (docs/performance.md, "The webhook outbox's delivered
-- history")
INSERT INTO webhook_outbox (event_id, partner_id, event_type, payload, created_at, status, attempts, next_attempt_at,
                            endpoint, last_attempt_at, last_status, last_request_id, delivered_at, card_id, tran_id)
SELECT 'card_last_tx:fill-' || g, 'bench-filler-' || (g % 100), 'card_last_tx',
       rpad('{"request_id":' || g || ',"type_response":"async","body":{"transaction_id":' || g || '}}', 600),
       now() - (g * 2 || ' seconds')::interval, 'DELIVERED', 1, now() - (g * 2 || ' seconds')::interval,
       'https://partner-' || (g % 100) || '.example/anytime/webhooks', now() - (g * 2 || ' seconds')::interval, 200,
       g, now() - (g * 2 || ' seconds')::interval, 900000000 + (g % 100000) + 1, 600000000 + g
FROM generate_series(1, 1000000) g;

ANALYZE account;
ANALYZE card;
ANALYZE operation;
ANALYZE validation_data_use;
ANALYZE idempotency_key;
ANALYZE webhook_outbox;

-- The fill writes about a gigabyte of WAL: without this, the checkpoints it sets off (max_wal_size) spread their
-- writes over the large-store phases that follow, and PostgreSQL's CPU and the p99 there measure the fill's
-- set-up, not the gateway's queries (seen 2026-12-07: a 97-s checkpoint through the large-store card read).
CHECKPOINT;
