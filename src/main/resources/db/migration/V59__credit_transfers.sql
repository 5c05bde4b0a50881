-- Outbound SEPA credit transfers (domain.transfer). A row exists once TX has debited the account (tran/account2fi,
-- debit_tran_id); operation_id is the journaled CREDIT_TRANSFER operation that did it, so a resumed operation
-- never records a second transfer. status: IN_PROGRESS -> TO_EXECUTE -> EXECUTED | CANCELLED, each change a
-- conditional update. refund_tran_id: the tran/fi2account that gave a cancelled transfer's money back.
-- notified: the credit_transfer_processed webhook of the terminal status is in the outbox.
CREATE SEQUENCE credit_transfer_seq START WITH 50000;

CREATE TABLE credit_transfer (
    id                  BIGINT                    NOT NULL PRIMARY KEY,
    operation_id        VARCHAR(26)               NOT NULL UNIQUE,
    partner_id          VARCHAR(64)               NOT NULL,
    account_id          BIGINT                    NOT NULL,
    account_type        VARCHAR(16)               NOT NULL,
    sender_name         VARCHAR(140)              NOT NULL,
    sender_iban         VARCHAR(34)               NOT NULL,
    sender_bic          VARCHAR(11)               NOT NULL,
    beneficiary_name    VARCHAR(70)               NOT NULL,
    beneficiary_iban    VARCHAR(34)               NOT NULL,
    beneficiary_bic     VARCHAR(11)               NOT NULL,
    reason              VARCHAR(140)              NOT NULL,
    source_reason       VARCHAR(140)              NOT NULL,
    amount              NUMERIC(19, 4)            NOT NULL,
    currency            VARCHAR(3)                NOT NULL,
    status              VARCHAR(12)               NOT NULL,
    debit_tran_id       BIGINT                    NOT NULL,
    refund_tran_id      BIGINT,
    execution_reference VARCHAR(35),
    created_at          TIMESTAMP WITH TIME ZONE  NOT NULL,
    submitted_at        TIMESTAMP WITH TIME ZONE,
    executed_at         TIMESTAMP WITH TIME ZONE,
    notified            BOOLEAN                   NOT NULL DEFAULT FALSE
);
CREATE INDEX credit_transfer_account ON credit_transfer (account_id, id);
CREATE INDEX credit_transfer_status ON credit_transfer (status, id);
