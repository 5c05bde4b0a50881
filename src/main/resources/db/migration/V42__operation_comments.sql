-- The partner's comments on a card load or unload (acc_comment and card_comment of POST /v1.0/cards/{card_ref}/credit
-- and /debit), recorded in the INSERT that journals the operation, before any TX call, and never updated. TX keeps no
-- free text on a transaction: the gateway shows them as the description of the load's TX transaction (card_comment
-- on the card's side, acc_comment on the account statement). NULL when the partner sent none. One file for H2 and
-- PostgreSQL, as every migration: plain ALTER TABLE and CREATE INDEX read the same on both.
ALTER TABLE operation ADD COLUMN acc_comment VARCHAR(255);
ALTER TABLE operation ADD COLUMN card_comment VARCHAR(255);
-- A page of transactions finds its comments in one query: WHERE tx_tran_id IN (...).
CREATE INDEX operation_tx_tran ON operation (tx_tran_id);
