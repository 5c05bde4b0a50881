package io.anygate.security;

import io.anygate.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The replay store: each X-Validation-Data is accepted once per partner, across replicas and restarts. The claim
 * is its own committed INSERT, made before the action runs, so that a failed action never frees the value for
 * reuse. Rows carry the fingerprint of the key that verified them and a day bucket: they are kept while the key
 * is in the registry and dropped with it (see docs/architecture.md, Edge security).
 */
@ApplicationScoped
public class ReplayGuard {

    private static final Logger LOG = Logger.getLogger(ReplayGuard.class);
    private static final long DAY_MILLIS = 86_400_000L;

    @Inject
    Store store;

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

    /** Drops the used validation data of keys that left the registry. */
    public void forgetKeys(Set<String> fingerprints) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM validation_data_use WHERE key_fingerprint = ?")) {
            c.setAutoCommit(true);
            int total = 0;
            for (String fingerprint : fingerprints) {
                ps.setString(1, fingerprint);
                total += ps.executeUpdate();
            }
            LOG.infof("Dropped %d used validation data of %d removed key(s)", total, fingerprints.size());
        } catch (SQLException e) {
            // harmless: the rows only cost space, and the removed key can verify nothing any more
            LOG.warnf("Could not drop used validation data of removed keys: %s", e.getMessage());
        }
    }
}
