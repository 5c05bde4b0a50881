-- Which partner owns which account and card, and where they live in TX. Written once, as the last step of the
-- saga that created the object, so an object is never visible to its partner half-made.
CREATE TABLE account (
    acc_id             BIGINT                    PRIMARY KEY,  -- TX id of the account contract
    partner_id         VARCHAR(64)               NOT NULL,
    acc_type           VARCHAR(16)               NOT NULL,     -- consumer | business
    currency           VARCHAR(3)                NOT NULL,
    holder_subject_id  BIGINT                    NOT NULL,     -- TX Person: the cardholder
    company_subject_id BIGINT,                                 -- TX Corporation, business accounts only
    operation_id       VARCHAR(26)               NOT NULL UNIQUE,
    created_at         TIMESTAMP WITH TIME ZONE  NOT NULL
);
CREATE INDEX account_partner ON account (partner_id, acc_id);

CREATE TABLE card (
    card_id            BIGINT                    PRIMARY KEY,  -- TX card id; card_ref = 'ANY' + 10 digits of it
    partner_id         VARCHAR(64)               NOT NULL,
    acc_id             BIGINT                    REFERENCES account (acc_id),
    card_contract_id   BIGINT                    NOT NULL,     -- TX contract holding the card balance
    currency           VARCHAR(3)                NOT NULL,
    is_virtual         BOOLEAN                   NOT NULL,
    operation_id       VARCHAR(26)               NOT NULL UNIQUE,
    created_at         TIMESTAMP WITH TIME ZONE  NOT NULL
);
CREATE INDEX card_partner_account ON card (partner_id, acc_id, card_id);
