package io.anygate.store;

import io.anygate.security.LockoutStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link LockoutStore} in {@code auth_lockout} (V10, V47_20, V57): one row per partner, read with {@code FOR UPDATE} so
 * that a change holds the row until it commits. A partner's first count is an INSERT; when a concurrent first
 * count inserted it first (unique violation), the change starts again on that row. A partner not locked has no
 * {@code locked_until}.
 */
@ApplicationScoped
public class JdbcLockoutStore implements LockoutStore {

    @Inject
    Store store;

    @Override
    public <T> T change(String partnerId, Function<Optional<Count>, Change<T>> decide) {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = change(c, partnerId, decide);
                c.commit();
                return result;
            } catch (SQLException e) {
                c.rollback();
                if (SqlStates.isUniqueViolation(e)) {
                    // a concurrent first count created the row: decide again on it
                    return change(partnerId, decide);
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("lockout store unavailable", e);
        }
    }

    private static <T> T change(Connection c, String partnerId, Function<Optional<Count>, Change<T>> decide)
            throws SQLException {
        Optional<Count> current;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT failures, locked_until, lockouts FROM auth_lockout WHERE partner_id = ? FOR UPDATE")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                current = rs.next() ? Optional.of(count(rs)) : Optional.empty();
            }
        }
        Change<T> change = decide.apply(current);
        Count next = change.next();
        if (next != null) {
            String sql = current.isPresent()
                    ? "UPDATE auth_lockout SET failures = ?, locked_until = ?, lockouts = ? WHERE partner_id = ?"
                    : "INSERT INTO auth_lockout (failures, locked_until, lockouts, partner_id) VALUES (?, ?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setInt(1, next.failures());
                if (next.lockedUntil() == null) {
                    ps.setNull(2, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setObject(2, next.lockedUntil().atOffset(ZoneOffset.UTC));
                }
                ps.setInt(3, next.lockouts());
                ps.setString(4, partnerId);
                ps.executeUpdate();
            }
        }
        return change.result();
    }

    private static Count count(ResultSet rs) throws SQLException {
        OffsetDateTime lockedUntil = rs.getObject(2, OffsetDateTime.class);
        return new Count(rs.getInt(1), lockedUntil == null ? null : lockedUntil.toInstant(), rs.getInt(3));
    }

    @Override
    public Optional<Count> find(String partnerId) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT failures, locked_until, lockouts FROM auth_lockout WHERE partner_id = ?")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(count(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("lockout store unavailable", e);
        }
    }

    @Override
    public void clear(String partnerId) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM auth_lockout WHERE partner_id = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, partnerId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("lockout store unavailable", e);
        }
    }
}
