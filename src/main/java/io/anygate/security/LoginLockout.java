package io.anygate.security;

import io.anygate.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

/**
 * Counts password-grant attempts per partner in the store (so every replica sees them), each as failed until it
 * succeeds, and locks the partner out after {@code lockout-max-failures} (PCI DSS 8.3.4). The first lockout lasts
 * {@code lockout-duration}; each further one before a successful login lasts twice the one before, up to
 * {@code lockout-max-duration}, so that a guesser does not get a fresh set of guesses every half hour for ever. A
 * lock that has run out starts a fresh count of failures but keeps the number of lockouts; only a success resets
 * both.
 */
@ApplicationScoped
public class LoginLockout {

    @Inject
    Store store;
    @Inject
    SecurityConfig config;
    @Inject
    Clock clock;

    /**
     * One password-grant attempt: whether it may be checked at all, and, when its failure locks the partner, for
     * how long and the how-many-th lockout since the last successful login it is ({@code lock} null otherwise).
     */
    public record Attempt(boolean allowed, Lock lock) {

        public boolean lastBeforeLock() {
            return lock != null;
        }
    }

    /** A lockout: the how-many-th since the last successful login, and its length. */
    public record Lock(int ordinal, Duration duration) {
    }

    /**
     * Reserves one attempt before its credentials are checked, counting it as failed until {@link #succeeded}: the
     * check of the lock and the count are one transaction on the partner's row, so concurrent guesses cannot all pass
     * a check made before any of them was counted (at most {@code lockout-max-failures} are ever checked before the
     * lock). Refused while the partner is locked.
     */
    public Attempt begin(String partnerId) {
        long now = clock.millis();
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
        int lockouts;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT failures, locked_until, lockouts FROM auth_lockout WHERE partner_id = ? FOR UPDATE")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    failures = rs.getInt(1);
                    lockedUntil = rs.getLong(2);
                    lockouts = rs.getInt(3);
                } else {
                    failures = -1;
                    lockedUntil = 0;
                    lockouts = 0;
                }
            }
        }
        if (lockedUntil > now) {
            return new Attempt(false, null);
        }
        if (failures < 0) {
            insert(c, partnerId);
            failures = 0;
        }
        if (lockedUntil != 0) {
            failures = 0; // a lock that has run out starts a fresh count; the number of lockouts stays
            lockedUntil = 0;
        }
        failures++;
        Lock lock = null;
        if (failures >= config.lockoutMaxFailures()) {
            lockouts++;
            lock = new Lock(lockouts, duration(lockouts));
            lockedUntil = now + lock.duration().toMillis();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE auth_lockout SET failures = ?, locked_until = ?, lockouts = ? WHERE partner_id = ?")) {
            ps.setInt(1, failures);
            ps.setLong(2, lockedUntil);
            ps.setInt(3, lockouts);
            ps.setString(4, partnerId);
            ps.executeUpdate();
        }
        return new Attempt(true, lock);
    }

    /** The length of the n-th lockout since the last success: the first one's, doubled n-1 times, capped. */
    Duration duration(int ordinal) {
        Duration first = config.lockoutDuration();
        Duration max = config.lockoutMaxDuration();
        Duration d = first;
        for (int i = 1; i < ordinal && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** Whether the partner is locked now (operators, tests). */
    public boolean locked(String partnerId) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT locked_until FROM auth_lockout WHERE partner_id = ?")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > clock.millis();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lockout store unavailable", e);
        }
    }

    private static void insert(Connection c, String partnerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO auth_lockout (partner_id, failures, locked_until, lockouts) VALUES (?, 0, 0, 0)")) {
            ps.setString(1, partnerId);
            ps.executeUpdate();
        }
    }

    /** A successful login: the count of failures and of lockouts start again from zero. */
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
