package io.anygate.store;

import static io.anygate.store.Jdbc.bind;
import static io.anygate.store.Jdbc.instant;
import static io.anygate.store.Jdbc.zoned;

import io.anygate.webhook.OutboxEntry;
import io.anygate.webhook.OutboxRepository;
import io.anygate.webhook.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link OutboxRepository} in {@code webhook_outbox}. The inserts take their connection from
 * {@link Store#connection()} (they join the unit of work of an approval); every other statement is meant for a
 * pooled connection of its own, outside a unit.
 */
@ApplicationScoped
public class JdbcWebhookOutbox implements OutboxRepository {

    private static final String WHAT = "webhook outbox";
    // On PostgreSQL the outbox's indexes are partial, each over the events of one state (db/postgresql V69), so
    // that a month of delivered history leaves the indexes the request path and the dispatcher write as small as
    // the events in flight. A generic plan can use a partial index only when the statement's own text implies the
    // index's predicate. So a statement that selects by state writes the state as a literal, and a statement that
    // selects one row by its id binds the state it checks: then no partial index can serve it and its plan is the
    // primary key's, even when the plan was made on a fresh table without statistics (the cost of a scan of a
    // partial index ties with the key's there). OutboxPlansOnPostgresTest holds each statement to its index.
    private static final String IS_BUILD = "status = '" + BUILD + "'";
    private static final String IS_PENDING = "status = '" + PENDING + "'";
    private static final String COLUMNS = "id, event_id, partner_id, event_type, payload, created_at, status, attempts,"
            + " next_attempt_at, last_attempt_at, last_status, last_error, endpoint, delivered_at";

    private final Jdbc.Connections own;
    private final Jdbc.Connections joined;

    @Inject
    public JdbcWebhookOutbox(Store store) {
        this.own = () -> store.dataSource().getConnection();
        this.joined = store::connection;
    }

    /** On a datasource of its own, without units of work (tests). */
    public JdbcWebhookOutbox(DataSource dataSource) {
        this.own = dataSource::getConnection;
        this.joined = dataSource::getConnection;
    }

    @Override
    public boolean insert(WebhookEvent e, Instant now) {
        // ON CONFLICT DO NOTHING (accepted by PostgreSQL and by H2 in PostgreSQL mode) rather than catching 23505:
        // a unique violation would abort the caller's PostgreSQL transaction.
        return Jdbc.update(joined, WHAT, "INSERT INTO webhook_outbox (event_id, partner_id, event_type,"
                + " payload, created_at, status, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)"
                + " ON CONFLICT DO NOTHING", e.eventId(), e.partnerId(), e.eventType(), e.payload(), zoned(e.createdAt()),
                PENDING, zoned(now)) == 1;
    }

    @Override
    public boolean insertBuild(String eventId, String partnerId, String eventType, long cardId, long tranId,
            Instant now) {
        return Jdbc.update(joined, WHAT, "INSERT INTO webhook_outbox (event_id, partner_id, event_type, created_at,"
                + " status, attempts, next_attempt_at, card_id, tran_id) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", eventId, partnerId, eventType, zoned(now), BUILD, zoned(now), cardId,
                tranId) == 1;
    }

    @Override
    public List<Long> cardsToBuild(Instant now, int limit) {
        return Jdbc.list(own, WHAT, "SELECT card_id FROM webhook_outbox WHERE " + IS_BUILD + " AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?) GROUP BY card_id"
                + " ORDER BY MIN(next_attempt_at), card_id LIMIT " + limit, rs -> rs.getLong(1), zoned(now),
                zoned(now));
    }

    @Override
    public List<PendingBuild> claimBuilds(long cardId, String owner, Instant now, Instant leaseUntil, int limit) {
        // Candidates by card through the BUILD index, then one fenced UPDATE per candidate by its id, in one batch
        // and one commit: a row is this owner's only if its UPDATE changed it (the other replica racing for it got
        // 0), and only while it is still due (a replica that deferred it in between moved its next attempt and its
        // attempts, which the candidate read before). One UPDATE "WHERE id IN (SELECT ...)" planned the outer rows as
        // a scan of the table when its plan was made on a fresh table.
        List<PendingBuild> candidates = Jdbc.list(own, WHAT, "SELECT id, event_id, partner_id, card_id, tran_id,"
                + " attempts FROM webhook_outbox WHERE card_id = ? AND " + IS_BUILD + " AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ? OR claimed_by = ?)"
                + " ORDER BY tran_id LIMIT " + Math.max(1, limit),
                rs -> new PendingBuild(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                        rs.getInt(6)), cardId, zoned(now), zoned(now), owner);
        if (candidates.isEmpty()) {
            return candidates;
        }
        return Jdbc.inOneCommit(own, WHAT + " unavailable", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_outbox SET claimed_by = ?, lease_until = ?"
                    + " WHERE id = ? AND status = ? AND next_attempt_at <= ?"
                    + " AND (lease_until IS NULL OR lease_until < ? OR claimed_by = ?)")) {
                for (PendingBuild b : candidates) {
                    bind(ps, owner, zoned(leaseUntil), b.id(), BUILD, zoned(now), zoned(now), owner);
                    ps.addBatch();
                }
                int[] changed = ps.executeBatch();
                List<PendingBuild> held = new ArrayList<>();
                for (int i = 0; i < changed.length; i++) {
                    if (changed[i] == 1) {
                        held.add(candidates.get(i));
                    }
                }
                return held;
            }
        });
    }

    @Override
    public int finishBuilds(String owner, List<Built> builds, List<Deferred> deferred, Instant now) {
        if (builds.isEmpty() && deferred.isEmpty()) {
            return 0;
        }
        // By id and claim, and "payload IS NULL" for "still BUILD" (only a BUILD row lacks its payload, a CHECK holds
        // it): a "status = ?" here let PostgreSQL's generic plan pick the index by status over the primary key while
        // the table's statistics were stale (a fresh table growing fast): 9 ms per row instead of 0.05.
        String built = "UPDATE webhook_outbox SET status = ?, payload = ?, attempts = 0, next_attempt_at = ?,"
                + " last_attempt_at = NULL, last_error = NULL, claimed_by = NULL, lease_until = NULL"
                + " WHERE id = ? AND claimed_by = ? AND payload IS NULL";
        String failed = "UPDATE webhook_outbox SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?,"
                + " last_error = ?, claimed_by = NULL, lease_until = NULL"
                + " WHERE id = ? AND claimed_by = ? AND payload IS NULL";
        return Jdbc.inOneCommit(own, WHAT + " unavailable", c -> {
            int changed = 0;
            if (!builds.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(built)) {
                    for (Built b : builds) {
                        bind(ps, PENDING, b.payload(), zoned(now), b.id(), owner);
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
                        bind(ps, zoned(now), zoned(d.next()), truncate(d.error()), d.id(), owner);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return changed;
        });
    }

    @Override
    public List<OutboxEntry> findDue(Instant now, int limit, Collection<String> skipPartners) {
        List<Object> args = new ArrayList<>(List.of(zoned(now), zoned(now)));
        args.addAll(skipPartners);
        String skip = skipPartners.isEmpty() ? ""
                : " AND partner_id NOT IN (" + String.join(",", Collections.nCopies(skipPartners.size(), "?")) + ")";
        return query("SELECT " + COLUMNS + " FROM webhook_outbox WHERE " + IS_PENDING + " AND next_attempt_at <= ?"
                + " AND (lease_until IS NULL OR lease_until < ?)" + skip + " ORDER BY next_attempt_at, id LIMIT " + limit,
                args.toArray());
    }

    @Override
    public boolean claim(long id, String owner, Instant now, Instant leaseUntil) {
        return update("UPDATE webhook_outbox SET claimed_by = ?, lease_until = ? WHERE id = ? AND status = ?"
                + " AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)", owner, zoned(leaseUntil), id,
                PENDING, zoned(now), zoned(now)) == 1;
    }

    @Override
    public void defer(long id, String endpoint, Instant until, Instant now) {
        update("UPDATE webhook_outbox SET next_attempt_at = ?, endpoint = ? WHERE id = ? AND status = ?"
                + " AND (lease_until IS NULL OR lease_until < ?)", zoned(until), endpoint, id, PENDING, zoned(now));
    }

    @Override
    public void finish(long id, String owner, Attempt a) {
        update("UPDATE webhook_outbox SET status = ?, attempts = attempts + 1, next_attempt_at = ?,"
                + " last_attempt_at = ?, last_status = ?, last_error = ?, last_request_id = ?, endpoint = ?,"
                + " delivered_at = ?, claimed_by = NULL, lease_until = NULL WHERE id = ? AND claimed_by = ?",
                a.status(), zoned(a.nextAttemptAt()), zoned(a.at()), a.httpStatus(), truncate(a.error()), a.requestId(),
                a.endpoint(), DELIVERED.equals(a.status()) ? zoned(a.at()) : null, id, owner);
    }

    @Override
    public long nextRequestId() {
        return Jdbc.one(own, "webhook request id sequence", "SELECT nextval('webhook_request_id_seq')",
                rs -> rs.getLong(1));
    }

    @Override
    public boolean redeliver(String eventId, Instant now) {
        return update("UPDATE webhook_outbox SET status = ?, attempts = 0, next_attempt_at = ?, claimed_by = NULL,"
                + " lease_until = NULL, delivered_at = NULL WHERE event_id = ? AND status <> ?"
                + " AND (status <> ? OR lease_until IS NULL OR lease_until < ?)", PENDING, zoned(now), eventId, BUILD,
                PENDING, zoned(now)) == 1;
    }

    @Override
    public int pullForward(String endpoint, Instant now) {
        return update("UPDATE webhook_outbox SET next_attempt_at = ? WHERE endpoint = ? AND " + IS_PENDING
                + " AND next_attempt_at > ?", zoned(now), endpoint, zoned(now));
    }

    @Override
    public List<OutboxEntry> failed(int limit) {
        return query("SELECT " + COLUMNS + " FROM webhook_outbox WHERE status = '" + FAILED + "'"
                + " ORDER BY last_attempt_at DESC, id DESC LIMIT " + limit);
    }

    @Override
    public Optional<OutboxEntry> find(String eventId) {
        return query("SELECT " + COLUMNS + " FROM webhook_outbox WHERE event_id = ?", eventId).stream().findFirst();
    }

    @Override
    public Backlog backlog() {
        // one state per subquery, each through its state's partial index (an OR of the two states was a scan of the
        // table in a plan made on a fresh table)
        String build = " FROM webhook_outbox WHERE " + IS_BUILD + ")";
        String pending = " FROM webhook_outbox WHERE " + IS_PENDING + ")";
        return Jdbc.one(own, WHAT, "SELECT (SELECT count(*)" + build + ", (SELECT count(*)" + pending
                + ", LEAST((SELECT min(created_at)" + build + ", (SELECT min(created_at)" + pending + ")",
                rs -> new Backlog(rs.getLong(1) + rs.getLong(2), rs.getLong(1), instant(rs, 3)));
    }

    @Override
    public int purgeDelivered(Instant before, int limit) {
        // by the index on delivered_at (only delivered events have one), oldest first, one short transaction per
        // batch; the status check keeps a row redelivered meanwhile. The batch size is in the text: with "LIMIT ?" a
        // generic plan expects a tenth of the table and joins the batch to a scan of the whole table.
        return update("DELETE FROM webhook_outbox WHERE id IN (SELECT id FROM webhook_outbox WHERE delivered_at < ?"
                + " AND status = '" + DELIVERED + "' ORDER BY delivered_at LIMIT " + Math.max(1, limit) + ")",
                zoned(before));
    }

    private List<OutboxEntry> query(String sql, Object... args) {
        return Jdbc.list(own, WHAT, sql, rs -> new OutboxEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), instant(rs, 6), rs.getString(7), rs.getInt(8), instant(rs, 9),
                instant(rs, 10), (Integer) rs.getObject(11, Integer.class), rs.getString(12), rs.getString(13),
                instant(rs, 14)), args);
    }

    private int update(String sql, Object... args) {
        return Jdbc.update(own, WHAT, sql, args);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
