-- KYC documents (domain.kyc): one row per uploaded file, its bytes in kyc_document_content so that listing an
-- account's documents never reads them. status: PENDING, ACCEPTED or REFUSED (decided once). core_document_id: the
-- TX subject-document recording it (NULL until written). Every replica reads the same rows.
CREATE SEQUENCE kyc_document_seq START WITH 1;

CREATE TABLE kyc_document (
    id                BIGINT                    NOT NULL PRIMARY KEY,
    account_id        BIGINT                    NOT NULL,
    partner_id        VARCHAR(64)               NOT NULL,
    kyc_type          VARCHAR(32)               NOT NULL,
    content_type      VARCHAR(64)               NOT NULL,
    size_bytes        BIGINT                    NOT NULL,
    sha256            VARCHAR(64)               NOT NULL,
    file_name         VARCHAR(255),
    status            VARCHAR(8)                NOT NULL,
    uploaded_at       TIMESTAMP WITH TIME ZONE  NOT NULL,
    reviewed_at       TIMESTAMP WITH TIME ZONE,
    core_document_id  BIGINT
);
CREATE INDEX kyc_document_account ON kyc_document (account_id, id);

CREATE TABLE kyc_document_content (
    document_id  BIGINT  NOT NULL PRIMARY KEY REFERENCES kyc_document (id),
    content      BYTEA   NOT NULL
);
