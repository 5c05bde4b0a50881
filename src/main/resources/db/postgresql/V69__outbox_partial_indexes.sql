-- PostgreSQL only (H2 has no partial indexes; its schema keeps the plain indexes of db/migration). A delivered event
-- stays in webhook_outbox for the retention period (30 days), so the table holds a month of history, and four of its
-- indexes listed every row whatever its state: each INSERT and state change wrote into indexes the size of the
-- month. Each is now partial, over the rows of the one state its statements select on, so the indexes the approval,
-- the builder and the dispatcher write stay as small as the events in flight. The statements that select by state
-- carry it as a literal (JdbcWebhookOutbox): a bound "status = ?" cannot prove a partial index's predicate in a
-- generic plan.
-- Measured with pgbench on a table holding 10^6 delivered events: 1.64-1.84 -> 0.92-1.14 ms of PostgreSQL CPU per
-- event's life (docs/performance.md, "The webhook outbox's delivered history").
--
-- Plain CREATE INDEX, in the migration's transaction: it blocks writes to webhook_outbox while the five indexes are
-- built (one pass over the table each; docs/operations.md, "Build and deploy", has the time at 10^6 rows).
-- CONCURRENTLY would not block them, but it cannot run in a transaction and, at start-up, waits on a replica that is
-- waiting for Flyway's lock: a deadlock when several replicas start at once.

-- the dispatcher's due events (findDue), oldest due first
CREATE INDEX webhook_outbox_pending_due_ix ON webhook_outbox (next_attempt_at, id) WHERE status = 'PENDING';
-- an endpoint's pending events, pulled forward when an operator resumes it
CREATE INDEX webhook_outbox_pending_endpoint_ix ON webhook_outbox (endpoint) WHERE status = 'PENDING';
-- the builder's cards and a card's builds by transaction
CREATE INDEX webhook_outbox_build_ix ON webhook_outbox (card_id, tran_id) WHERE status = 'BUILD';
-- the failed events' listing, newest attempt first (it read every row of the table by status before)
CREATE INDEX webhook_outbox_failed_ix ON webhook_outbox (last_attempt_at, id) WHERE status = 'FAILED';
-- the purge, oldest delivery first: "delivered_at < ?" implies the predicate
CREATE INDEX webhook_outbox_delivered_at_ix ON webhook_outbox (delivered_at) WHERE delivered_at IS NOT NULL;

DROP INDEX webhook_outbox_due_ix;
DROP INDEX webhook_outbox_endpoint_ix;
DROP INDEX webhook_outbox_card_build_ix;
DROP INDEX webhook_outbox_delivered_ix;
