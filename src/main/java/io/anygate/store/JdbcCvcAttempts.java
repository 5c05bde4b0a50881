package io.anygate.store;

import io.anygate.domain.card.CvcAttempts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * CVC attempts per card on the active store: the lock check and the count are one transaction on the card's row
 * ({@code SELECT ... FOR UPDATE}). A lock that has run out starts a fresh count.
 */
@ApplicationScoped
public class JdbcCvcAttempts implements CvcAttempts {

    @Inject
    Store store;
    @Inject
    Clock clock;

    @Override
    public Attempt begin(long cardId, int max, Duration lockFor) {
        Instant now = clock.instant();
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                Attempt attempt = reserve(c, cardId, max, lockFor, now);
                c.commit();
                return attempt;
            } catch (SQLException e) {
                c.rollback();
                if (SqlStates.isUniqueViolation(e)) {
                    // a concurrent first attempt created the row: count again on it
                    return begin(cardId, max, lockFor);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("counting CVC attempts", e);
        }
    }

    private static Attempt reserve(Connection c, long cardId, int max, Duration lockFor, Instant now)
            throws SQLException {
        int failures = -1;
        Instant lockedUntil = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT failures, locked_until FROM card_cvc_attempt WHERE card_id = ? FOR UPDATE")) {
            ps.setLong(1, cardId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    failures = rs.getInt(1);
                    lockedUntil = Jdbc.instant(rs, 2);
                }
            }
        }
        if (lockedUntil != null && lockedUntil.isAfter(now)) {
            return new Attempt(false, null);
        }
        if (failures < 0) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO card_cvc_attempt (card_id, failures, locked_until) VALUES (?, 0, NULL)")) {
                ps.setLong(1, cardId);
                ps.executeUpdate();
            }
            failures = 0;
        }
        if (lockedUntil != null) {
            failures = 0; // the lock has run out: a fresh count
        }
        failures++;
        Duration locks = failures >= max ? lockFor : null;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE card_cvc_attempt SET failures = ?, locked_until = ? WHERE card_id = ?")) {
            ps.setInt(1, failures);
            ps.setObject(2, locks == null ? null : Jdbc.zoned(now.plus(locks)));
            ps.setLong(3, cardId);
            ps.executeUpdate();
        }
        return new Attempt(true, locks);
    }

    @Override
    public void succeeded(long cardId) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM card_cvc_attempt WHERE card_id = ?")) {
            ps.setLong(1, cardId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("resetting CVC attempts", e);
        }
    }
}
