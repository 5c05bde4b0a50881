-- The TX transaction follower: how far it has read each card's transactions in TX (GET trans by card contract,
-- IdAsc). seen = how many transactions of the contract it has read (the next page's offset); last_tran_id guards
-- against a page that would start before the cursor.
CREATE TABLE tx_follow_cursor (
    card_id       BIGINT                    PRIMARY KEY,
    last_tran_id  BIGINT                    NOT NULL,
    seen          BIGINT                    NOT NULL,
    polled_at     TIMESTAMP WITH TIME ZONE  NOT NULL
);

-- Jobs that must run on one replica at a time: a row per job, held by one owner until lease_until.
CREATE TABLE job_lease (
    job_name      VARCHAR(64)               PRIMARY KEY,
    owner         VARCHAR(64),
    lease_until   TIMESTAMP WITH TIME ZONE
);
INSERT INTO job_lease (job_name, owner, lease_until) VALUES ('tx-follower', NULL, NULL);
