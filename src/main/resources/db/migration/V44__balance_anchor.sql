-- The last balance of a card contract known exactly, right after transaction tran_id (0: before its first one). The
-- webhook build step counts the balance after newer transactions forward from it when the contract's transactions
-- keep landing between its reads of TX (docs/mapping.md, balance_after). One row per contract, moved only forward.
CREATE TABLE balance_anchor (
    contract_id BIGINT         NOT NULL PRIMARY KEY,
    tran_id     BIGINT         NOT NULL,
    balance     DECIMAL(19, 4) NOT NULL,
    updated_at  TIMESTAMP      NOT NULL
);
