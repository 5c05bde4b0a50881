package io.anygate.store;

import static io.anygate.store.MigrationDatabases.at;
import static io.anygate.store.MigrationDatabases.flyway;
import static io.anygate.store.MigrationDatabases.onH2;
import static io.anygate.store.MigrationDatabases.onPostgres;
import static io.anygate.store.MigrationDatabases.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.anygate.testsupport.EnabledIfPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * V57 turns the epoch-millisecond times of the edge-security tables into TIMESTAMP WITH TIME ZONE and keeps every row:
 * tokens stay valid until the same instant, lockouts end at the same instant (an unlocked row has none), used
 * validation data, retired keys and rate counters keep their times.
 */
class EdgeSecurityTimeMigrationTest {

    private static final long T = Instant.parse("2026-11-14T22:13:20.123Z").toEpochMilli();

    @Test
    void h2KeepsTheTimes() throws Exception {
        onH2(EdgeSecurityTimeMigrationTest::migrateKeepingTimes);
    }

    @Test
    @EnabledIfPostgres
    void postgresKeepsTheTimes() throws Exception {
        onPostgres(EdgeSecurityTimeMigrationTest::migrateKeepingTimes);
    }

    private static void migrateKeepingTimes(DataSource ds, String schema) throws Exception {
        flyway(ds, schema).target("55").load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO oauth_token VALUES ('p1', 'h1', 'r1', " + T + ", " + (T + 3_600_000) + ")");
            s.executeUpdate("INSERT INTO auth_lockout (partner_id, failures, locked_until, lockouts)"
                    + " VALUES ('p1', 10, " + (T + 1_800_000) + ", 1), ('p2', 3, 0, 2)");
            s.executeUpdate("INSERT INTO validation_data_use VALUES ('p1', 'd1', 'fp1', " + T / 86_400_000L + ", "
                    + T + ")");
            s.executeUpdate("INSERT INTO retired_key VALUES ('fp1', " + T + ", " + (T + 1) + "), ('fp2', " + T
                    + ", NULL)");
            s.executeUpdate("INSERT INTO rate_limit_window VALUES ('ip:1', " + T + ", 7)");
        }
        flyway(ds, schema).load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertEquals(at(T) + " " + at(T + 3_600_000),
                    row(s, "SELECT issued_at, expires_at FROM oauth_token WHERE partner_id = 'p1'"));
            assertEquals(at(T + 1_800_000) + " 10 1",
                    row(s, "SELECT locked_until, failures, lockouts FROM auth_lockout WHERE partner_id = 'p1'"));
            assertEquals("null 3 2",
                    row(s, "SELECT locked_until, failures, lockouts FROM auth_lockout WHERE partner_id = 'p2'"));
            assertEquals(at(T), row(s, "SELECT used_at FROM validation_data_use WHERE data_hash = 'd1'"));
            assertEquals(at(T) + " " + at(T + 1),
                    row(s, "SELECT retired_at, forgotten_at FROM retired_key WHERE key_fingerprint = 'fp1'"));
            assertEquals(at(T) + " null",
                    row(s, "SELECT retired_at, forgotten_at FROM retired_key WHERE key_fingerprint = 'fp2'"));
            assertEquals(at(T) + " 7", row(s, "SELECT window_start, hits FROM rate_limit_window"));
            try (ResultSet rs = s.executeQuery("SELECT locked_until FROM auth_lockout WHERE partner_id = 'p2'")) {
                rs.next();
                assertNull(rs.getObject(1, OffsetDateTime.class));
            }
        }
    }
}
