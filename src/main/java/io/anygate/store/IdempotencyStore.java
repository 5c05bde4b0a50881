package io.anygate.store;

import io.anygate.anytime.IdempotencyClaim;
import io.anygate.anytime.IdempotencyRecords;
import io.anygate.anytime.IdempotentAnswer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The Idempotency-Key store (table {@code idempotency_key}). A key is claimed with a unique INSERT before the
 * handler runs, so one request per (partner, key) runs across all replicas; its answer is kept with a committed
 * UPDATE after it was written, or the claim is deleted when the outcome is unknown (5xx, 408) so that a retry
 * re-drives the operation. Every statement autocommits on its own.
 */
@ApplicationScoped
public class IdempotencyStore implements IdempotencyRecords {

    static final String IN_FLIGHT = "IN_FLIGHT";
    static final String COMPLETED = "COMPLETED";
    private static final int ATTEMPTS = 4;

    private final Store store;
    private final long retentionMillis;
    private final long leaseMillis;

    @Inject
    public IdempotencyStore(Store store, IdempotencyConfig config) {
        this(store, config.retention(), config.inFlightLease());
    }

    /** One claim logic over a datasource; tests build two of them to stand in for two replicas. */
    public IdempotencyStore(Store store, Duration retention, Duration inFlightLease) {
        this.store = store;
        this.retentionMillis = retention.toMillis();
        this.leaseMillis = inFlightLease.toMillis();
    }

    /** Claims {@code key} for {@code partnerId}, or says why the request must not run. */
    public IdempotencyClaim claim(String partnerId, String key, String fingerprint, long now) {
        return claim(partnerId, key, fingerprint, now, () -> false);
    }

    /**
     * Claims {@code key} for {@code partnerId}, or says why the request must not run. A claim still in flight is
     * taken over before its lease ends when {@code settled} says the operation it runs has ended already (its owner
     * died after the outcome was journaled): the retry then answers that outcome at once instead of 409.
     */
    @Override
    public IdempotencyClaim claim(String partnerId, String key, String fingerprint, long now,
            java.util.function.BooleanSupplier settled) {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(true);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                String token = UUID.randomUUID().toString();
                if (insert(c, partnerId, key, fingerprint, token, now)) {
                    return new IdempotencyClaim.Claimed(token);
                }
                Row row = read(c, partnerId, key);
                if (row == null) {
                    continue; // released between our INSERT and SELECT: try again
                }
                if (row.expiresAt <= now) {
                    delete(c, partnerId, key, row.token, null); // expired, not purged yet: as if absent
                    continue;
                }
                if (!row.fingerprint.equals(fingerprint)) {
                    return new IdempotencyClaim.Mismatch();
                }
                if (COMPLETED.equals(row.state)) {
                    return new IdempotencyClaim.Replay(row.answer);
                }
                if ((row.claimedAt + leaseMillis <= now || settled.getAsBoolean())
                        && takeOver(c, partnerId, key, row.token, token, now)) {
                    // the owner died mid-request (or overran its lease), or its operation has ended: run again
                    // under the same key, which answers the journaled outcome or re-drives it
                    return new IdempotencyClaim.Claimed(token);
                }
                return new IdempotencyClaim.InFlight();
            }
            return new IdempotencyClaim.InFlight();
        } catch (SQLException e) {
            throw new StoreException("idempotency store unavailable", e);
        }
    }

    /** Keeps the answer of the claim {@code token}; false if the claim was lost (taken over or purged). */
    @Override
    public boolean complete(String partnerId, String key, String token, IdempotentAnswer answer, long now) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE idempotency_key SET state = ?, status = ?,"
                     + " content_type = ?, signature = ?, body = ?, expires_at = ?"
                     + " WHERE partner_id = ? AND idem_key = ? AND claim_token = ? AND state = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, COMPLETED);
            ps.setInt(2, answer.status());
            ps.setString(3, answer.contentType());
            ps.setString(4, answer.signature());
            ps.setBytes(5, answer.body());
            ps.setObject(6, at(now + retentionMillis));
            ps.setString(7, partnerId);
            ps.setString(8, key);
            ps.setString(9, token);
            ps.setString(10, IN_FLIGHT);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("idempotency store unavailable", e);
        }
    }

    /**
     * Starts the in-flight lease of the claim {@code token} again from {@code now}, for a request that runs longer
     * than one lease (a multi-request); false if the claim was lost (taken over, released or answered).
     */
    @Override
    public boolean renew(String partnerId, String key, String token, long now) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE idempotency_key SET claimed_at = ?"
                     + " WHERE partner_id = ? AND idem_key = ? AND claim_token = ? AND state = ?")) {
            c.setAutoCommit(true);
            ps.setObject(1, at(now));
            ps.setString(2, partnerId);
            ps.setString(3, key);
            ps.setString(4, token);
            ps.setString(5, IN_FLIGHT);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("idempotency store unavailable", e);
        }
    }

    /** Frees the key of the claim {@code token} (outcome unknown): the next request with it runs again. */
    @Override
    public void release(String partnerId, String key, String token) {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(true);
            delete(c, partnerId, key, token, IN_FLIGHT);
        } catch (SQLException e) {
            throw new StoreException("idempotency store unavailable", e);
        }
    }

    /** Deletes every key whose retention has passed; returns how many. */
    public int purgeExpired(long now) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_key WHERE expires_at <= ?")) {
            c.setAutoCommit(true);
            ps.setObject(1, at(now));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("idempotency store unavailable", e);
        }
    }

    private boolean insert(Connection c, String partnerId, String key, String fingerprint, String token, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO idempotency_key (partner_id, idem_key,"
                + " fingerprint, state, claim_token, claimed_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, partnerId);
            ps.setString(2, key);
            ps.setString(3, fingerprint);
            ps.setString(4, IN_FLIGHT);
            ps.setString(5, token);
            ps.setObject(6, at(now));
            ps.setObject(7, at(now + retentionMillis));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private record Row(String fingerprint, String state, String token, long claimedAt, long expiresAt,
            IdempotentAnswer answer) {
    }

    private static Row read(Connection c, String partnerId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint, state, claim_token, claimed_at,"
                + " expires_at, status, content_type, signature, body FROM idempotency_key"
                + " WHERE partner_id = ? AND idem_key = ?")) {
            ps.setString(1, partnerId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String state = rs.getString(2);
                IdempotentAnswer answer = COMPLETED.equals(state)
                        ? new IdempotentAnswer(rs.getInt(6), rs.getString(7), rs.getString(8), rs.getBytes(9))
                        : null;
                return new Row(rs.getString(1), state, rs.getString(3), millis(rs, 4), millis(rs, 5), answer);
            }
        }
    }

    private static boolean takeOver(Connection c, String partnerId, String key, String oldToken, String newToken,
            long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE idempotency_key SET claim_token = ?, claimed_at = ?"
                + " WHERE partner_id = ? AND idem_key = ? AND claim_token = ? AND state = ?")) {
            ps.setString(1, newToken);
            ps.setObject(2, at(now));
            ps.setString(3, partnerId);
            ps.setString(4, key);
            ps.setString(5, oldToken);
            ps.setString(6, IN_FLIGHT);
            return ps.executeUpdate() == 1;
        }
    }

    private static void delete(Connection c, String partnerId, String key, String token, String state)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM idempotency_key WHERE partner_id = ?"
                + " AND idem_key = ? AND claim_token = ?" + (state == null ? "" : " AND state = ?"))) {
            ps.setString(1, partnerId);
            ps.setString(2, key);
            ps.setString(3, token);
            if (state != null) {
                ps.setString(4, state);
            }
            ps.executeUpdate();
        }
    }

    /** A time of the port (epoch milliseconds) for a {@code TIMESTAMP WITH TIME ZONE} column. */
    private static OffsetDateTime at(long epochMillis) {
        return Jdbc.zoned(Instant.ofEpochMilli(epochMillis));
    }

    /** A {@code TIMESTAMP WITH TIME ZONE} column in epoch milliseconds. */
    private static long millis(ResultSet rs, int column) throws SQLException {
        return Jdbc.instant(rs, column).toEpochMilli();
    }
}
