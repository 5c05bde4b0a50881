package io.anygate.store;

import io.anygate.security.RateCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link RateCounters} in {@code rate_limit_window} (V10, V57): one row per key (its first 200 characters) and window,
 * incremented atomically (the default {@code gateway.store.rate-counters}, {@link RateCountersSelection}). PostgreSQL and H2 each get the statement that does so in one step.
 */
@ApplicationScoped
@Typed(JdbcRateCounters.class)
public class JdbcRateCounters implements RateCounters {

    private static final int KEY_LENGTH = 200;

    @Inject
    Store store;

    @Override
    public long[] increment(List<String> keys, Instant windowStart, int by) {
        OffsetDateTime start = windowStart.atOffset(ZoneOffset.UTC);
        String[] counterKeys = new String[keys.size()];
        for (int i = 0; i < counterKeys.length; i++) {
            String key = keys.get(i);
            counterKeys[i] = key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
        }
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(true);
            if (store.kind() == Store.Kind.POSTGRESQL) {
                return incrementPostgres(c, counterKeys, start, by);
            }
            long[] hits = new long[counterKeys.length];
            for (int i = 0; i < counterKeys.length; i++) {
                hits[i] = incrementH2(c, counterKeys[i], start, by);
            }
            return hits;
        } catch (SQLException e) {
            throw new StoreException("rate limit store unavailable", e);
        }
    }

    /**
     * All keys in one atomic upsert, one round trip. Its commit does not wait for the WAL flush
     * ({@code synchronous_commit} off for this transaction only, set by the statement itself): a counter is
     * a guard against floods, not a record, and a database crash may at worst forget the last few hundred
     * milliseconds of counts. Every other write of the store keeps its durable commit. Every call lists its keys in
     * the same order (user before functionality) and gets the same plan, so two requests sharing rows lock them in
     * the same order and cannot deadlock on them.
     */
    private static long[] incrementPostgres(Connection c, String[] keys, OffsetDateTime start, int by)
            throws SQLException {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            values.append(i == 0 ? "" : ", ").append("(CAST(? AS VARCHAR), CAST(? AS TIMESTAMPTZ), CAST(? AS BIGINT))");
        }
        String sql = "WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))"
                + " INSERT INTO rate_limit_window (counter_key, window_start, hits)"
                + " SELECT v.counter_key, v.window_start, v.hits FROM (VALUES " + values
                + ") AS v(counter_key, window_start, hits) CROSS JOIN relaxed"
                + " ON CONFLICT (counter_key, window_start) DO UPDATE SET hits = rate_limit_window.hits + EXCLUDED.hits"
                + " RETURNING counter_key, hits";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (String key : keys) {
                ps.setString(p++, key);
                ps.setObject(p++, start);
                ps.setLong(p++, by);
            }
            Map<String, Long> byKey = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byKey.put(rs.getString(1), rs.getLong(2));
                }
            }
            long[] hits = new long[keys.length];
            for (int i = 0; i < keys.length; i++) {
                hits[i] = byKey.get(keys[i]);
            }
            return hits;
        }
    }

    // H2: the data change delta table returns the row as the UPDATE left it, atomically (a separate SELECT after
    // the UPDATE would read other threads' increments too).
    private static long incrementH2(Connection c, String key, OffsetDateTime start, int by) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            Long hits = updateH2(c, key, start, by);
            if (hits != null) {
                return hits;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO rate_limit_window (counter_key, window_start, hits) VALUES (?, ?, ?)")) {
                ps.setString(1, key);
                ps.setObject(2, start);
                ps.setLong(3, by);
                ps.executeUpdate();
                return by;
            } catch (SQLException e) {
                if (!SqlStates.isUniqueViolation(e)) {
                    throw e;
                }
                // another request created the window first: increment it
            }
        }
        throw new SQLException("rate limit window could not be incremented");
    }

    private static Long updateH2(Connection c, String key, OffsetDateTime start, int by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hits FROM FINAL TABLE (UPDATE rate_limit_window"
                + " SET hits = hits + ? WHERE counter_key = ? AND window_start = ?)")) {
            ps.setLong(1, by);
            ps.setString(2, key);
            ps.setObject(3, start);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    @Override
    public int dropBefore(Instant windowStart) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM rate_limit_window WHERE window_start < ?")) {
            c.setAutoCommit(true);
            ps.setObject(1, windowStart.atOffset(ZoneOffset.UTC));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("rate limit store unavailable", e);
        }
    }
}
