-- The one-time links of POST /v1.0/cards/{card_ref}/details-display (JdbcCardDetailsLinks). Only the SHA-256 of the
-- link's token is kept (hex): the token itself is in the link the partner got, nowhere else. A link opens once
-- (used_at set by one conditional UPDATE), from client_ip only, until expires_at. Nothing secret of the card is
-- kept here: the page reads PAN, expiry and CVV from TX when it is opened.
CREATE TABLE card_details_link (
    token_hash  VARCHAR(64)               PRIMARY KEY,
    partner_id  VARCHAR(64)               NOT NULL,
    card_id     BIGINT                    NOT NULL,
    client_ip   VARCHAR(45)               NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE  NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE  NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);

-- the purge of links long expired
CREATE INDEX card_details_link_expires ON card_details_link (expires_at);
