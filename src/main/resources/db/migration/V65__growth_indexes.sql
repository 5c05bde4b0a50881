-- Delivered webhook events are purged after gateway.webhook.delivered-retention (DispatchSchedule.purgeDelivered):
-- the purge finds the oldest delivered rows by this index, not by a scan of the whole outbox.
CREATE INDEX webhook_outbox_delivered_ix ON webhook_outbox (status, delivered_at);
