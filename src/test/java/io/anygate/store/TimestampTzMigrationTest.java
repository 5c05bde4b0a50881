package io.anygate.store;

import static io.anygate.store.MigrationDatabases.at;
import static io.anygate.store.MigrationDatabases.flyway;
import static io.anygate.store.MigrationDatabases.onH2;
import static io.anygate.store.MigrationDatabases.onPostgres;
import static io.anygate.store.MigrationDatabases.row;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.testsupport.EnabledIfPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * V64 turns the last TIMESTAMP (UTC) and epoch-millisecond columns into TIMESTAMP WITH TIME ZONE and keeps every row:
 * webhook events, endpoint circuits, sandbox inbox rows, balance anchors and instances keep their instants,
 * Idempotency-Keys their claim and expiry, a locked card PIN route the end of its lock (an unlocked one has none).
 */
class TimestampTzMigrationTest {

    private static final long T = Instant.parse("2026-07-14T22:13:20.123Z").toEpochMilli();

    @Test
    void h2KeepsTheTimes() throws Exception {
        onH2(TimestampTzMigrationTest::migrateKeepingTimes);
    }

    @Test
    @EnabledIfPostgres
    void postgresKeepsTheTimes() throws Exception {
        onPostgres(TimestampTzMigrationTest::migrateKeepingTimes);
    }

    private static void migrateKeepingTimes(DataSource ds, String schema) throws Exception {
        flyway(ds, schema).target("58").load().migrate();
        String ts = "TIMESTAMP '2026-07-14 22:13:20.123'";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO gateway_instance VALUES ('i1', " + ts + ", " + ts + ")");
            s.executeUpdate("INSERT INTO webhook_outbox (event_id, partner_id, event_type, payload, created_at, status,"
                    + " next_attempt_at, lease_until, last_attempt_at, delivered_at) VALUES ('e1', 'p1', 't', '{}', "
                    + ts + ", 'PENDING', " + ts + ", NULL, " + ts + ", " + ts + ")");
            s.executeUpdate("INSERT INTO webhook_endpoint (url, paused_until, probe_lease_until, updated_at)"
                    + " VALUES ('https://x', " + ts + ", NULL, " + ts + ")");
            s.executeUpdate("INSERT INTO webhook_sandbox_inbox (partner_id, event_id, received_at, headers, body)"
                    + " VALUES ('p1', 'e1', " + ts + ", '', '')");
            s.executeUpdate("INSERT INTO balance_anchor VALUES (7, 8, 1.5, " + ts + ")");
            s.executeUpdate("INSERT INTO idempotency_key (partner_id, idem_key, fingerprint, state, claim_token,"
                    + " claimed_at, expires_at) VALUES ('p1', 'k1', 'f', 'IN_FLIGHT', 't', " + T + ", " + (T + 1) + ")");
            s.executeUpdate("INSERT INTO card_cvc_attempt VALUES (1, 3, " + (T + 1_800_000) + "), (2, 1, 0)");
        }
        flyway(ds, schema).load().migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            assertEquals(at(T) + " " + at(T), row(s, "SELECT started_at, last_seen_at FROM gateway_instance"));
            assertEquals(at(T) + " " + at(T) + " null " + at(T) + " " + at(T), row(s, "SELECT created_at,"
                    + " next_attempt_at, lease_until, last_attempt_at, delivered_at FROM webhook_outbox"));
            assertEquals(at(T) + " null " + at(T),
                    row(s, "SELECT paused_until, probe_lease_until, updated_at FROM webhook_endpoint"));
            assertEquals(at(T), row(s, "SELECT received_at FROM webhook_sandbox_inbox"));
            assertEquals("8 " + at(T), row(s, "SELECT tran_id, updated_at FROM balance_anchor"));
            assertEquals(at(T) + " " + at(T + 1), row(s, "SELECT claimed_at, expires_at FROM idempotency_key"));
            assertEquals("3 " + at(T + 1_800_000),
                    row(s, "SELECT failures, locked_until FROM card_cvc_attempt WHERE card_id = 1"));
            assertEquals("1 null", row(s, "SELECT failures, locked_until FROM card_cvc_attempt WHERE card_id = 2"));
            for (String table : new String[] {"gateway_instance", "webhook_outbox", "webhook_endpoint",
                    "webhook_sandbox_inbox", "balance_anchor", "idempotency_key", "card_cvc_attempt"}) {
                assertEquals(List.of(), timesWithoutZone(c, schema, table), table);
            }
        }
    }

    /** The table's time columns that are not TIMESTAMP WITH TIME ZONE, and its BIGINT columns named like times. */
    private static List<String> timesWithoutZone(Connection c, String schema, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, schema == null ? "public" : schema, table, null)) {
            while (rs.next()) {
                String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                String name = rs.getString("COLUMN_NAME");
                boolean zoned = type.equals("timestamptz") || type.equals("timestamp with time zone");
                boolean timeLike = name.endsWith("_at") || name.endsWith("_until");
                if (type.startsWith("timestamp") && !zoned || type.equals("bigint") && timeLike) {
                    out.add(name);
                }
            }
        }
        return out;
    }
}
