-- IBANs issued to accounts (domain.iban). The account number inside an IBAN comes from iban_number_seq, so two
-- replicas never issue the same one; main_of (= account_id for the main IBAN, NULL for a virtual one) lets the
-- store refuse a second main IBAN for an account. on_core: TX's account contract carries it as an attribute.
CREATE SEQUENCE iban_number_seq START WITH 1;

CREATE TABLE account_iban (
    iban        VARCHAR(34)               NOT NULL PRIMARY KEY,
    account_id  BIGINT                    NOT NULL,
    partner_id  VARCHAR(64)               NOT NULL,
    kind        VARCHAR(1)                NOT NULL,
    main_of     BIGINT                    UNIQUE,
    country     VARCHAR(2)                NOT NULL,
    bic         VARCHAR(11)               NOT NULL,
    on_core     BOOLEAN                   NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMP WITH TIME ZONE  NOT NULL
);
CREATE INDEX account_iban_account ON account_iban (account_id, created_at);

-- Money that went through an account's IBAN, by the TX transaction that moved it (one row per operation).
CREATE TABLE iban_movement (
    operation_id      VARCHAR(26)               NOT NULL PRIMARY KEY,
    account_id        BIGINT                    NOT NULL,
    tx_tran_id        BIGINT                    NOT NULL UNIQUE,
    iban              VARCHAR(34)               NOT NULL,
    virtual_iban      VARCHAR(34),
    bic               VARCHAR(11)               NOT NULL,
    direction         VARCHAR(6)                NOT NULL,
    counterparty_name VARCHAR(140)              NOT NULL,
    remittance        VARCHAR(140)              NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE  NOT NULL
);
CREATE INDEX iban_movement_account ON iban_movement (account_id, tx_tran_id);
