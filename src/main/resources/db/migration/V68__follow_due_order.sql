-- The transaction follower's pick (JdbcFollowerStore.DUE) took the least recently polled cards from a sort of every
-- card, its last poll being in another table (tx_follow_cursor): 0.14 s of PostgreSQL per pass at 10^5 cards, every
-- 10 s, and growing with the cards ever ordered. The card now carries what the pick orders and filters by, so that
-- the pick is the first rows of card_follow_due_ix:
-- followed_at: the last poll of the card (the epoch until its first one: never polled comes first);
-- replaced: a newer card of the same contract exists (a renewed card), whose turn it is to be followed.
ALTER TABLE card ADD COLUMN followed_at TIMESTAMP WITH TIME ZONE NOT NULL
    DEFAULT TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00';
ALTER TABLE card ADD COLUMN replaced BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE card SET followed_at = (SELECT f.polled_at FROM tx_follow_cursor f WHERE f.card_id = card.card_id)
    WHERE EXISTS (SELECT 1 FROM tx_follow_cursor f WHERE f.card_id = card.card_id);
UPDATE card SET replaced = TRUE
    WHERE EXISTS (SELECT 1 FROM card n WHERE n.card_contract_id = card.card_contract_id AND n.card_id > card.card_id);
CREATE INDEX card_follow_due_ix ON card (replaced, followed_at, card_id);
