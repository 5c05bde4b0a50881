-- The edge-security tables store their times as TIMESTAMP WITH TIME ZONE, like the rest of the schema, instead of
-- epoch milliseconds. Each column is replaced by a converted copy (H2 has no ALTER COLUMN ... USING); an
-- auth_lockout row that is not locked has no locked_until (it was 0). rate_limit_window is rebuilt, since its
-- window start is part of its primary key. The time_bucket of validation_data_use stays a day number.

ALTER TABLE oauth_token ADD COLUMN issued_at_tz TIMESTAMP WITH TIME ZONE;
ALTER TABLE oauth_token ADD COLUMN expires_at_tz TIMESTAMP WITH TIME ZONE;
UPDATE oauth_token SET
    issued_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + issued_at * INTERVAL '0.001' SECOND,
    expires_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + expires_at * INTERVAL '0.001' SECOND;
ALTER TABLE oauth_token DROP COLUMN issued_at;
ALTER TABLE oauth_token DROP COLUMN expires_at;
ALTER TABLE oauth_token RENAME COLUMN issued_at_tz TO issued_at;
ALTER TABLE oauth_token RENAME COLUMN expires_at_tz TO expires_at;
ALTER TABLE oauth_token ALTER COLUMN issued_at SET NOT NULL;
ALTER TABLE oauth_token ALTER COLUMN expires_at SET NOT NULL;

ALTER TABLE auth_lockout ADD COLUMN locked_until_tz TIMESTAMP WITH TIME ZONE;
UPDATE auth_lockout SET locked_until_tz = CASE WHEN locked_until = 0 THEN NULL
    ELSE TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + locked_until * INTERVAL '0.001' SECOND END;
ALTER TABLE auth_lockout DROP COLUMN locked_until;
ALTER TABLE auth_lockout RENAME COLUMN locked_until_tz TO locked_until;

ALTER TABLE validation_data_use ADD COLUMN used_at_tz TIMESTAMP WITH TIME ZONE;
UPDATE validation_data_use SET
    used_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + used_at * INTERVAL '0.001' SECOND;
ALTER TABLE validation_data_use DROP COLUMN used_at;
ALTER TABLE validation_data_use RENAME COLUMN used_at_tz TO used_at;
ALTER TABLE validation_data_use ALTER COLUMN used_at SET NOT NULL;

ALTER TABLE retired_key ADD COLUMN retired_at_tz TIMESTAMP WITH TIME ZONE;
ALTER TABLE retired_key ADD COLUMN forgotten_at_tz TIMESTAMP WITH TIME ZONE;
UPDATE retired_key SET
    retired_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + retired_at * INTERVAL '0.001' SECOND,
    forgotten_at_tz = TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + forgotten_at * INTERVAL '0.001' SECOND;
ALTER TABLE retired_key DROP COLUMN retired_at;
ALTER TABLE retired_key DROP COLUMN forgotten_at;
ALTER TABLE retired_key RENAME COLUMN retired_at_tz TO retired_at;
ALTER TABLE retired_key RENAME COLUMN forgotten_at_tz TO forgotten_at;
ALTER TABLE retired_key ALTER COLUMN retired_at SET NOT NULL;

CREATE TABLE rate_limit_window_tz (
    counter_key  VARCHAR(200)              NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE  NOT NULL,
    hits         BIGINT                    NOT NULL,
    PRIMARY KEY (counter_key, window_start)
);
INSERT INTO rate_limit_window_tz (counter_key, window_start, hits)
    SELECT counter_key, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00' + window_start * INTERVAL '0.001' SECOND,
           hits
    FROM rate_limit_window;
DROP TABLE rate_limit_window;
ALTER TABLE rate_limit_window_tz RENAME TO rate_limit_window;
CREATE INDEX rate_limit_window_start_idx ON rate_limit_window (window_start);
