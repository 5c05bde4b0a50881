package io.anygate.webhook;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQL over {@code webhook_outbox}. Times are written in UTC from the caller's clock (never the database's), and every
 * state change after a claim is fenced by {@code claimed_by} so that a replica whose lease ran out cannot overwrite
 * the outcome of the replica that took the event over.
 */
public class OutboxRepository {

    /** Recorded on approval, payload not built yet ({@link CardLastTxBuilder}); never delivered as such. */
    static final String BUILD = "BUILD";
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

    /**
     * Records on the caller's connection that the {@code card_last_tx} event of TX transaction {@code tranId} on card
     * {@code cardId} is owed, without its payload (status BUILD, due now): one INSERT, no TX call. False when an
     * event with that id exists already (built, or recorded by another path).
     */
    static boolean insertBuild(Connection c, String eventId, String partnerId, String eventType, long cardId,
            long tranId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_outbox (event_id, partner_id, event_type,"
                + " created_at, status, attempts, next_attempt_at, card_id, tran_id) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING")) {
            ps.setString(1, eventId);
            ps.setString(2, partnerId);
            ps.setString(3, eventType);
            ps.setObject(4, ts(now));
            ps.setString(5, BUILD);
            ps.setObject(6, ts(now));
            ps.setLong(7, cardId);
            ps.setLong(8, tranId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Cards with builds due at {@code now} that nobody leases, the longest waiting first. */
    public List<Long> cardsToBuild(Instant now, int limit) {
        String sql = "SELECT card_id FROM webhook_outbox WHERE status = ? AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?) GROUP BY card_id"
                + " ORDER BY MIN(next_attempt_at), card_id LIMIT " + limit;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, BUILD, ts(now), ts(now));
            List<Long> cards = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cards.add(rs.getLong(1));
                }
            }
            return cards;
        } catch (SQLException e) {
            throw new IllegalStateException("webhook outbox unavailable", e);
        }
    }

    /**
     * Takes up to {@code limit} due, unleased builds of a card, the oldest transactions first, for {@code owner} until
     * {@code leaseUntil} (one UPDATE: the card's builds share their TX reads) and returns the builds this owner holds
     * on it. The limit keeps one pass bounded on a card that is loaded continuously (its builds are made in slices).
     * Another replica's claims are left alone: the outer conditions are checked again on the row that is updated, so
     * two replicas racing for the same rows cannot both take them; the one that waited for the other's row locks
     * skips those rows and may take nothing this pass (no SKIP LOCKED, which H2 lacks): the card is being built by
     * the other, and the next pass takes the next slice. A replica's passes run one at a time, so what it holds is
     * this pass's.
     */
    public List<PendingBuild> claimBuilds(long cardId, String owner, Instant now, Instant leaseUntil, int limit) {
        update("UPDATE webhook_outbox SET claimed_by = ?, lease_until = ? WHERE id IN (SELECT id FROM webhook_outbox"
                + " WHERE card_id = ? AND status = ? AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?)"
                + " ORDER BY tran_id LIMIT " + Math.max(1, limit) + ")"
                + " AND status = ? AND (lease_until IS NULL OR lease_until < ?)",
                owner, ts(leaseUntil), cardId, BUILD, ts(now), ts(now), BUILD, ts(now));
        String sql = "SELECT id, event_id, partner_id, card_id, tran_id, attempts FROM webhook_outbox"
                + " WHERE card_id = ? AND status = ? AND claimed_by = ? ORDER BY tran_id";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, cardId, BUILD, owner);
            List<PendingBuild> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PendingBuild(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getLong(5), rs.getInt(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("webhook outbox unavailable", e);
        }
    }

    /** A claimed build and the payload made for it. */
    public record Built(long id, String payload) {
    }

    /** A claimed build that could not be made now, to be tried again at {@code next} (never dropped). */
    public record Deferred(long id, Instant next, String error) {
    }

    /**
     * Ends a pass over one card's claimed builds, in one transaction: the built ones get their payload and go to the
     * dispatcher (PENDING, due now, no delivery attempt counted: the build's attempts are not deliveries); the
     * deferred ones count an attempt, are released and wait until their {@code next}. A card's batch costs one
     * commit however many builds it holds (a card loaded continuously can have thousands waiting), and a crash
     * leaves the whole batch claimed, to be built again once its lease ends. Only rows this owner still holds are
     * changed; answers how many builds were stored.
     */
    public int finishBuilds(String owner, List<Built> builds, List<Deferred> deferred, Instant now) {
        if (builds.isEmpty() && deferred.isEmpty()) {
            return 0;
        }
        // By id and claim, and "payload IS NULL" for "still BUILD" (only a BUILD row lacks its payload, a CHECK holds
        // it): a "status = ?" here let PostgreSQL's generic plan pick webhook_outbox_due_ix over the primary key while
        // the table's statistics were stale (a fresh table growing fast): 9 ms per row instead of 0.05.
        String built = "UPDATE webhook_outbox SET status = ?, payload = ?, attempts = 0, next_attempt_at = ?,"
                + " last_attempt_at = NULL, last_error = NULL, claimed_by = NULL, lease_until = NULL"
                + " WHERE id = ? AND claimed_by = ? AND payload IS NULL";
        String failed = "UPDATE webhook_outbox SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?,"
                + " last_error = ?, claimed_by = NULL, lease_until = NULL"
                + " WHERE id = ? AND claimed_by = ? AND payload IS NULL";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int changed = 0;
                if (!builds.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(built)) {
                        for (Built b : builds) {
                            bind(ps, PENDING, b.payload(), ts(now), b.id(), owner);
                            ps.addBatch();
                        }
                        for (int n : ps.executeBatch()) {
                            changed += n == 1 ? 1 : 0;
                        }
                    }
                }
                if (!deferred.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(failed)) {
                        for (Deferred d : deferred) {
                            bind(ps, ts(now), ts(d.next()), truncate(d.error()), d.id(), owner);
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                c.commit();
                return changed;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook outbox unavailable", e);
        }
    }

    /** Pending events due at {@code now} and not leased by anyone, oldest due first. */
    public List<OutboxEntry> findDue(Instant now, int limit) {
        return findDue(now, limit, List.of());
    }

    /** The same without the events of {@code skipPartners} (partners whose events a worker is attempting now). */
    public List<OutboxEntry> findDue(Instant now, int limit, Collection<String> skipPartners) {
        List<Object> args = new ArrayList<>(List.of(PENDING, ts(now), ts(now)));
        args.addAll(skipPartners);
        String skip = skipPartners.isEmpty() ? ""
                : " AND partner_id NOT IN (" + String.join(",", Collections.nCopies(skipPartners.size(), "?")) + ")";
        return query("SELECT " + COLUMNS + " FROM webhook_outbox WHERE status = ? AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?)" + skip + " ORDER BY next_attempt_at, id LIMIT " + limit,
                args.toArray());
    }

    /**
     * Takes the event for {@code owner} until {@code leaseUntil}; false when another replica holds it, or it is not due
     * any more (another replica attempted it since this one read it, and scheduled its retry: sending now would break
     * the backoff and count the attempt from a stale row).
     */
    public boolean claim(long id, String owner, Instant now, Instant leaseUntil) {
        return update("UPDATE webhook_outbox SET claimed_by = ?, lease_until = ? WHERE id = ? AND status = ?"
                + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)", owner, ts(leaseUntil), id,
                PENDING, ts(now), ts(now)) == 1;
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

    /**
     * Puts an event (failed or delivered, or pending and not being sent) back in the queue with a fresh retry
     * schedule. False when there is no such event, it is not built yet (it has nothing to deliver; the build step
     * makes it PENDING), or a dispatcher is sending it right now: clearing its claim would let a second one send it
     * at the same time, and the first one's outcome would be dropped.
     */
    public boolean redeliver(String eventId, Instant now) {
        return update("UPDATE webhook_outbox SET status = ?, attempts = 0, next_attempt_at = ?, claimed_by = NULL,"
                + " lease_until = NULL, delivered_at = NULL WHERE event_id = ? AND status <> ?"
                + " AND (status <> ? OR lease_until IS NULL OR lease_until < ?)", PENDING, ts(now), eventId, BUILD,
                PENDING, ts(now)) == 1;
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

    /**
     * Events waiting for delivery, those still to be built included (a partner waits for them just the same), how
     * many of them are not built yet, and the creation time of the oldest.
     */
    public Backlog backlog() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*), count(CASE WHEN status = ? THEN 1 END),"
                     + " min(created_at) FROM webhook_outbox WHERE status IN (?, ?)")) {
            bind(ps, BUILD, PENDING, BUILD);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Backlog(rs.getLong(1), rs.getLong(2), instant(rs, 3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("webhook outbox unavailable", e);
        }
    }

    /** The outcome of one attempt. */
    public record Attempt(String status, Instant at, Instant nextAttemptAt, Integer httpStatus, String error,
            Long requestId, String endpoint) {
    }

    /**
     * Outbox size for metrics: {@code pending} counts every event not delivered yet (built or not), {@code unbuilt}
     * those of them still waiting for their payload; {@code oldestCreatedAt} is null when nothing is pending.
     */
    public record Backlog(long pending, long unbuilt, Instant oldestCreatedAt) {
    }

    /** A {@code card_last_tx} recorded on approval and claimed for building. */
    public record PendingBuild(long id, String eventId, String partnerId, long cardId, long tranId, int attempts) {
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
