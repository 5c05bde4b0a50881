-- The purge of delivered webhook events reads the oldest by delivered_at alone. V65 indexed (status, delivered_at):
-- with status leading, PostgreSQL's generic plans for the per-event updates ("WHERE id = ? AND status = ?") could
-- take that index over the primary key and walk every row of a status, about 1,800 index entries per credit in the
-- benchmark (pg_stat_user_indexes, docs/performance.md "A/B"). delivered_at is set only on delivered events, so the
-- purge's range "delivered_at < ?" finds them without the status, and no other query can use this index.
DROP INDEX webhook_outbox_delivered_ix;
CREATE INDEX webhook_outbox_delivered_ix ON webhook_outbox (delivered_at);
