package io.anygate.security;

import io.anygate.store.Store;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The replay store: each X-Validation-Data is accepted once per partner, across replicas and restarts. The claim
 * is its own committed INSERT, made before the action runs, so that a failed action never frees the value for
 * reuse. Rows carry the fingerprint of the key that verified them and a day bucket: they are kept while the key
 * is in the registry and for {@code retired-key-grace} after it left, then dropped, and the key is never trusted
 * again (see docs/architecture.md, Edge security).
 */
@ApplicationScoped
public class ReplayGuard {

    private static final Logger LOG = Logger.getLogger(ReplayGuard.class);
    private static final long DAY_MILLIS = 86_400_000L;

    @Inject
    Store store;

    @Inject
    SecurityConfig config;

    /** Records the validation data as used; false if this partner already used it. */
    public boolean claim(String partnerId, String keyFingerprint, String validationData) {
        long now = System.currentTimeMillis();
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO validation_data_use"
                     + " (partner_id, data_hash, key_fingerprint, time_bucket, used_at) VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            ps.setString(1, partnerId);
            ps.setString(2, Secrets.sha256Hex(validationData));
            ps.setString(3, keyFingerprint);
            ps.setLong(4, now / DAY_MILLIS);
            ps.setLong(5, now);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("replay store unavailable", e);
        }
    }

    /**
     * Notes that keys left the registry. Their used validation data are <em>kept</em>: another replica may trust the
     * key until it reloads the file, and a rolled-back removal brings the key back with every value ever signed with
     * it; {@link #forgetRetired} drops them once the grace period has passed.
     */
    public void retire(Set<String> fingerprints, long now) {
        update("INSERT INTO retired_key (key_fingerprint, retired_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                fingerprints, now);
    }

    /** Keys back in the registry before their used validation data were forgotten are not retired any more. */
    public void reinstate(Set<String> fingerprints) {
        update("DELETE FROM retired_key WHERE key_fingerprint = ? AND forgotten_at IS NULL", fingerprints, null);
    }

    /** Which of these keys were retired and had their used validation data forgotten: never to be trusted again. */
    public Set<String> forgotten(Set<String> fingerprints) {
        Set<String> out = new HashSet<>();
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT 1 FROM retired_key WHERE key_fingerprint = ? AND forgotten_at IS NOT NULL")) {
            for (String fingerprint : fingerprints) {
                ps.setString(1, fingerprint);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(fingerprint);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("replay store unavailable", e);
        }
    }

    /**
     * Drops the used validation data of keys retired before {@code retiredBefore}, each key marked forgotten first
     * (one conditional UPDATE: a key reinstated meanwhile keeps its rows). Returns how many keys were forgotten.
     */
    public int forgetRetired(long retiredBefore, long now) {
        List<String> due = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT key_fingerprint FROM retired_key WHERE forgotten_at IS NULL AND retired_at < ?")) {
                ps.setLong(1, retiredBefore);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(rs.getString(1));
                    }
                }
            }
            int forgotten = 0;
            for (String fingerprint : due) {
                try (PreparedStatement mark = c.prepareStatement("UPDATE retired_key SET forgotten_at = ?"
                        + " WHERE key_fingerprint = ? AND forgotten_at IS NULL AND retired_at < ?")) {
                    mark.setLong(1, now);
                    mark.setString(2, fingerprint);
                    mark.setLong(3, retiredBefore);
                    if (mark.executeUpdate() != 1) {
                        continue; // reinstated, or forgotten by another replica
                    }
                }
                try (PreparedStatement drop = c.prepareStatement(
                        "DELETE FROM validation_data_use WHERE key_fingerprint = ?")) {
                    drop.setString(1, fingerprint);
                    LOG.infof("Forgot %d used validation data of key %s, retired more than the grace period ago",
                            drop.executeUpdate(), fingerprint);
                }
                forgotten++;
            }
            return forgotten;
        } catch (SQLException e) {
            throw new IllegalStateException("replay store unavailable", e);
        }
    }

    private void update(String sql, Set<String> fingerprints, Long now) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (String fingerprint : fingerprints) {
                ps.setString(1, fingerprint);
                if (now != null) {
                    ps.setLong(2, now);
                }
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("replay store unavailable", e);
        }
    }

    /** Forgets, on every replica's schedule (twice is harmless), the used validation data of long-retired keys. */
    @Scheduled(every = "${gateway.security.retired-key-check-interval:1h}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetLongRetiredKeys() {
        long now = System.currentTimeMillis();
        try {
            forgetRetired(now - config.retiredKeyGrace().toMillis(), now);
        } catch (IllegalStateException e) {
            LOG.warnf("Could not forget the used validation data of retired keys (next run retries): %s",
                    e.getMessage());
        }
    }
}
