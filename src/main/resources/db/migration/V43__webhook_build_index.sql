-- The build step's reads are per card (cardsToBuild groups by card, claimBuilds takes a card's oldest BUILD rows by
-- tran_id): without this index they walked webhook_outbox_due_ix over every BUILD row of every card and filtered on
-- card_id (seen on PostgreSQL: 135,000 rows removed by filter for one claim of 500 on a busy card). Plain index, as
-- H2 has no partial ones.
CREATE INDEX webhook_outbox_card_build_ix ON webhook_outbox (card_id, status, tran_id);
