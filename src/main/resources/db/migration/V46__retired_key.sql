-- Keys removed from the partners file. Their used validation data are kept for a grace period (another replica may
-- still trust the key until it reloads the file, or the removal may be rolled back), then forgotten; a key whose
-- used validation data were forgotten is never trusted again (every value ever signed with it would replay).
CREATE TABLE retired_key (
    key_fingerprint VARCHAR(64) NOT NULL PRIMARY KEY,
    retired_at      BIGINT      NOT NULL,
    forgotten_at    BIGINT
);
