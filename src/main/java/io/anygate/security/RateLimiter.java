package io.anygate.security;

import io.anygate.GatewayConfig;
import io.anygate.store.Store;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Fixed-window rate limits per client IP (per /64 for IPv6), per API user and per functionality of an API user,
 * counted in the store so that all replicas share them: one counter row per key and window, incremented atomically.
 * Off in sandbox mode unless {@code gateway.security.rate-limit.enabled} says otherwise.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    @Inject
    Store store;
    @Inject
    SecurityConfig config;
    @Inject
    GatewayConfig gateway;
    @Inject
    EdgeMetrics metrics;

    public boolean enabled() {
        return config.rateLimit().enabled().orElse(!gateway.sandbox());
    }

    /** Counts a request from this client address (IPv6: its /64, {@link IpCounterKey}); 4290010 when over the limit. */
    public void checkIp(InetAddress client) {
        if (enabled() && count(IpCounterKey.of(client)) > config.rateLimit().perIp()) {
            metrics.rateLimited(EdgeMetrics.RateScope.IP);
            throw new EdgeRefusal(EdgeRefusal.Reason.RATE_LIMITED_IP, "Maximum query rate by IP address reached");
        }
    }

    /** Counts a request of this partner to this functionality; 4290030 or 4290020 when over a limit. */
    public void checkPartner(Partner partner, String functionality) {
        if (!enabled()) {
            return;
        }
        long perUser = partner.limits().perUser().orElse(config.rateLimit().perUser());
        long perFunctionality = partner.limits().perFunctionality().orElse(config.rateLimit().perFunctionality());
        // both counters in one store statement (one round trip, one commit)
        long[] hits = countAll("user:" + partner.partnerId(), "fn:" + partner.partnerId() + ":" + functionality);
        if (hits[0] > perUser) {
            metrics.rateLimited(EdgeMetrics.RateScope.USER);
            throw new EdgeRefusal(EdgeRefusal.Reason.RATE_LIMITED_USER, "Maximum query rate by API user reached");
        }
        if (hits[1] > perFunctionality) {
            metrics.rateLimited(EdgeMetrics.RateScope.FUNCTIONALITY);
            throw new EdgeRefusal(EdgeRefusal.Reason.RATE_LIMITED_FUNCTIONALITY,
                    "Maximum query rate by functionality reached");
        }
    }

    /** Increments the current window of this key and answers its count. */
    long count(String key) {
        return countAll(key)[0];
    }

    /** Increments the current window of each key (distinct keys) and answers their counts, in the same order. */
    long[] countAll(String... keys) {
        long window = config.rateLimit().window().toMillis();
        long start = System.currentTimeMillis() / window * window;
        String[] counterKeys = new String[keys.length];
        for (int i = 0; i < keys.length; i++) {
            counterKeys[i] = keys[i].length() > 200 ? keys[i].substring(0, 200) : keys[i];
        }
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(true);
            if (store.kind() == Store.Kind.POSTGRESQL) {
                return incrementPostgres(c, counterKeys, start);
            }
            long[] hits = new long[keys.length];
            for (int i = 0; i < keys.length; i++) {
                hits[i] = incrementH2(c, counterKeys[i], start);
            }
            return hits;
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit store unavailable", e);
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
    private static long[] incrementPostgres(Connection c, String[] keys, long start) throws SQLException {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            values.append(i == 0 ? "" : ", ").append("(CAST(? AS VARCHAR), CAST(? AS BIGINT))");
        }
        String sql = "WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))"
                + " INSERT INTO rate_limit_window (counter_key, window_start, hits)"
                + " SELECT v.counter_key, v.window_start, 1 FROM (VALUES " + values + ") AS v(counter_key, window_start)"
                + " CROSS JOIN relaxed"
                + " ON CONFLICT (counter_key, window_start) DO UPDATE SET hits = rate_limit_window.hits + 1"
                + " RETURNING counter_key, hits";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (String key : keys) {
                ps.setString(p++, key);
                ps.setLong(p++, start);
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
    private static long incrementH2(Connection c, String key, long start) throws SQLException {
        for (int attempt = 0; attempt < 3; attempt++) {
            Long hits = updateH2(c, key, start);
            if (hits != null) {
                return hits;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO rate_limit_window (counter_key, window_start, hits) VALUES (?, ?, 1)")) {
                ps.setString(1, key);
                ps.setLong(2, start);
                ps.executeUpdate();
                return 1;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                // another request created the window first: increment it
            }
        }
        throw new SQLException("rate limit window could not be incremented");
    }

    private static Long updateH2(Connection c, String key, long start) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hits FROM FINAL TABLE (UPDATE rate_limit_window"
                + " SET hits = hits + 1 WHERE counter_key = ? AND window_start = ?)")) {
            ps.setString(1, key);
            ps.setLong(2, start);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** Drops windows that ended; any replica may run it, the DELETE is idempotent. */
    @Scheduled(every = "${gateway.security.rate-limit.purge-interval:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpiredWindows() {
        long window = config.rateLimit().window().toMillis();
        long currentStart = System.currentTimeMillis() / window * window;
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM rate_limit_window WHERE window_start < ?")) {
            c.setAutoCommit(true);
            ps.setLong(1, currentStart);
            int purged = ps.executeUpdate();
            if (purged > 0) {
                LOG.debugf("Purged %d expired rate-limit window(s)", purged);
            }
        } catch (SQLException e) {
            LOG.warnf("Rate-limit purge failed: %s", e.getMessage());
        }
    }
}
