package io.anygate.security;

import io.anygate.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Counts password-grant attempts per partner in the store (so every replica sees them), each as failed until it
 * succeeds, and locks the partner out after {@code lockout-max-failures} for {@code lockout-duration} (PCI DSS
 * 8.3.4). A success resets the count; a lock that has run out starts a fresh count.
 */
@ApplicationScoped
public class LoginLockout {

    @Inject
    Store store;
    @Inject
    SecurityConfig config;

    /** One password-grant attempt: whether it may be checked at all, and whether its failure locks the partner. */
    public record Attempt(boolean allowed, boolean lastBeforeLock) {
    }

    /**
     * Reserves one attempt before its credentials are checked, counting it as failed until {@link #succeeded}: the
     * check of the lock and the count are one transaction on the partner's row, so concurrent guesses cannot all pass
     * a check made before any of them was counted (at most {@code lockout-max-failures} are ever checked before the
     * lock). Refused while the partner is locked.
     */
    public Attempt begin(String partnerId) {
        long now = System.currentTimeMillis();
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                Attempt attempt = reserve(c, partnerId, now);
                c.commit();
                return attempt;
            } catch (SQLException e) {
                c.rollback();
                if ("23505".equals(e.getSQLState())) {
                    // a concurrent first attempt created the row: count again on it
                    return begin(partnerId);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lockout store unavailable", e);
        }
    }

    private Attempt reserve(Connection c, String partnerId, long now) throws SQLException {
        int failures;
        long lockedUntil;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT failures, locked_until FROM auth_lockout WHERE partner_id = ? FOR UPDATE")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    failures = rs.getInt(1);
                    lockedUntil = rs.getLong(2);
                } else {
                    failures = -1;
                    lockedUntil = 0;
                }
            }
        }
        if (lockedUntil > now) {
            return new Attempt(false, false);
        }
        if (failures < 0) {
            insert(c, partnerId);
            failures = 0;
        }
        if (lockedUntil != 0) {
            failures = 0; // a lock that has run out starts a fresh count
            lockedUntil = 0;
        }
        failures++;
        boolean last = failures >= config.lockoutMaxFailures();
        if (last) {
            lockedUntil = now + config.lockoutDuration().toMillis();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE auth_lockout SET failures = ?, locked_until = ? WHERE partner_id = ?")) {
            ps.setInt(1, failures);
            ps.setLong(2, lockedUntil);
            ps.setString(3, partnerId);
            ps.executeUpdate();
        }
        return new Attempt(true, last);
    }

    /** Whether the partner is locked now (operators, tests). */
    public boolean locked(String partnerId) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT locked_until FROM auth_lockout WHERE partner_id = ?")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > System.currentTimeMillis();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lockout store unavailable", e);
        }
    }

    private static void insert(Connection c, String partnerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO auth_lockout (partner_id, failures, locked_until) VALUES (?, 0, 0)")) {
            ps.setString(1, partnerId);
            ps.executeUpdate();
        }
    }

    public void succeeded(String partnerId) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM auth_lockout WHERE partner_id = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, partnerId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("lockout store unavailable", e);
        }
    }
}
