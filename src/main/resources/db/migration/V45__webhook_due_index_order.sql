-- The dispatcher takes due events "ORDER BY next_attempt_at, id LIMIT batch": with id in the index the order is the
-- index's own, so the scan stops after one batch whatever the planner believes about the table. Without it, while
-- PostgreSQL's statistics said "7 rows" of a backlog of 10,000 (a table that grew fast), each pass fetched and sorted
-- every due row for 50 of them (10-40 ms a batch, seen in the benchmark on 2026-11-30).
DROP INDEX webhook_outbox_due_ix;
CREATE INDEX webhook_outbox_due_ix ON webhook_outbox (status, next_attempt_at, id);
