package io.anygate.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQL over {@code webhook_outbox}. Times are written in UTC from the caller's clock (never the database's), and every
 * state change after a claim is fenced by {@code claimed_by} so that a replica whose lease ran out cannot overwrite
 * the outcome of the replica that took the event over.
 */
public class OutboxRepository {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";

    private static final String COLUMNS = "id, event_id, partner_id, event_type, payload, created_at, status, attempts,"
            + " next_attempt_at, last_attempt_at, last_status, last_error, endpoint, delivered_at";

    private final DataSource dataSource;

    public OutboxRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts the event on the caller's connection; false when an event with that id already exists. */
    static boolean insert(Connection c, WebhookEvent e, Instant now) throws SQLException {
        // ON CONFLICT DO NOTHING (accepted by PostgreSQL and by H2 in PostgreSQL mode) rather than catching 23505:
        // a unique violation would abort the caller's PostgreSQL transaction.
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_outbox (event_id, partner_id, event_type,"
                + " payload, created_at, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)"
                + " ON CONFLICT DO NOTHING")) {
            ps.setString(1, e.eventId());
            ps.setString(2, e.partnerId());
            ps.setString(3, e.eventType());
            ps.setString(4, e.payload());
            ps.setObject(5, ts(e.createdAt()));
            ps.setString(6, PENDING);
            ps.setObject(7, ts(now));
            return ps.executeUpdate() == 1;
        }
    }

    /** Pending events due at {@code now} and not leased by anyone, oldest due first. */
    public List<OutboxEntry> findDue(Instant now, int limit) {
        return query("SELECT " + COLUMNS + " FROM webhook_outbox WHERE status = ? AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at, id LIMIT " + limit,
                PENDING, ts(now), ts(now));
    }

    /** Takes the event for {@code owner} until {@code leaseUntil}; false when another replica holds it. */
    public boolean claim(long id, String owner, Instant now, Instant leaseUntil) {
        return update("UPDATE webhook_outbox SET claimed_by = ?, lease_until = ? WHERE id = ? AND status = ?"
                + " AND (lease_until IS NULL OR lease_until < ?)", owner, ts(leaseUntil), id, PENDING, ts(now)) == 1;
    }

    /** Moves an unclaimed event's next attempt without counting an attempt (its endpoint is paused). */
    public void defer(long id, String endpoint, Instant until, Instant now) {
        update("UPDATE webhook_outbox SET next_attempt_at = ?, endpoint = ? WHERE id = ? AND status = ?"
                + " AND (lease_until IS NULL OR lease_until < ?)", ts(until), endpoint, id, PENDING, ts(now));
    }

    /** Records the outcome of a claimed attempt and releases the lease. */
    public void finish(long id, String owner, Attempt a) {
        update("UPDATE webhook_outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?,"
                + " last_attempt_at = ?, last_status = ?, last_error = ?, last_request_id = ?, endpoint = ?,"
                + " delivered_at = ?, claimed_by = NULL, lease_until = NULL WHERE id = ? AND claimed_by = ?",
                a.status(), ts(a.nextAttemptAt()), ts(a.at()), a.httpStatus(), truncate(a.error()), a.requestId(),
                a.endpoint(), DELIVERED.equals(a.status()) ? ts(a.at()) : null, id, owner);
    }

    /** The next Anytime {@code request_id}. */
    public long nextRequestId() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT nextval('webhook_request_id_seq')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("webhook request id sequence unavailable", e);
        }
    }

    /** Puts an event (failed or delivered) back in the queue with a fresh retry schedule. */
    public boolean redeliver(String eventId, Instant now) {
        return update("UPDATE webhook_outbox SET status = ?, attempts = 0, next_attempt_at = ?, claimed_by = NULL,"
                + " lease_until = NULL, delivered_at = NULL WHERE event_id = ?", PENDING, ts(now), eventId) == 1;
    }

    /** Makes the pending events of an endpoint due now (after an operator resumed it). */
    public int pullForward(String endpoint, Instant now) {
        return update("UPDATE webhook_outbox SET next_attempt_at = ? WHERE endpoint = ? AND status = ?"
                + " AND next_attempt_at > ?", ts(now), endpoint, PENDING, ts(now));
    }

    /** Events that exhausted their retries, newest first. */
    public List<OutboxEntry> failed(int limit) {
        return query("SELECT " + COLUMNS + " FROM webhook_outbox WHERE status = ? ORDER BY last_attempt_at DESC, id"
                + " DESC LIMIT " + limit, FAILED);
    }

    /** One event by its id. */
    public Optional<OutboxEntry> find(String eventId) {
        return query("SELECT " + COLUMNS + " FROM webhook_outbox WHERE event_id = ?", eventId).stream().findFirst();
    }

    /** Pending count and the creation time of the oldest pending event. */
    public Backlog backlog() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*), min(created_at) FROM webhook_outbox WHERE status = ?")) {
            ps.setString(1, PENDING);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Backlog(rs.getLong(1), instant(rs, 2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook outbox unavailable", e);
        }
    }

    /** The outcome of one attempt. */
    public record Attempt(String status, Instant at, Instant nextAttemptAt, Integer httpStatus, String error,
            Long requestId, String endpoint) {
    }

    /** Outbox size for metrics; {@code oldestCreatedAt} is null when nothing is pending. */
    public record Backlog(long pending, Instant oldestCreatedAt) {
    }

    private List<OutboxEntry> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs, 6), rs.getString(7), rs.getInt(8), instant(rs, 9),
                            instant(rs, 10), (Integer) rs.getObject(11, Integer.class), rs.getString(12),
                            rs.getString(13), instant(rs, 14)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("webhook outbox unavailable", e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("webhook outbox unavailable", e);
        }
    }

    static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }

    static LocalDateTime ts(Instant i) {
        return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
