package io.anygate.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.domain.operation.MoneyComments;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationFinished;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The operation journal on the active store. Every method runs in its own auto-committed transaction, or in the
 * {@link JdbcUnitOfWork} open on the calling thread.
 */
@ApplicationScoped
public class JdbcOperationJournal implements OperationJournal {

    private static final String COLUMNS = "operation_id, partner_id, kind, state, idempotency_key, request_fingerprint,"
            + " account_id, card_id, amount, currency, tx_tran_id, decline_code, step, data, attempts, created_at,"
            + " updated_at, acc_comment, card_comment";
    private static final TypeReference<Map<String, String>> DATA = new TypeReference<>() {
    };

    @Inject
    Store store;

    @Inject
    ObjectMapper json;

    @Inject
    Event<OperationFinished> finished;

    @Override
    public boolean record(Operation op) {
        // an operation journaled with its first attempt (Operation.newMoney) has that attempt's time too
        String sql = "INSERT INTO operation (" + COLUMNS + ", last_attempt_at)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, op.id().value());
            ps.setString(2, op.partnerId());
            ps.setString(3, op.kind().name());
            ps.setString(4, op.state().name());
            ps.setString(5, op.idempotencyKey());
            ps.setString(6, op.requestFingerprint());
            setLong(ps, 7, op.accountId());
            setLong(ps, 8, op.cardId());
            ps.setBigDecimal(9, op.amount());
            ps.setString(10, op.currency());
            setLong(ps, 11, op.txTranId());
            ps.setString(12, op.declineCode());
            ps.setString(13, op.step());
            ps.setString(14, toJson(op.data()));
            ps.setInt(15, op.attempts());
            ps.setObject(16, utc(op.createdAt()));
            ps.setObject(17, utc(op.updatedAt()));
            // The comments are written here only: a replayed request finds the operation and changes nothing.
            ps.setString(18, op.comments().account());
            ps.setString(19, op.comments().card());
            if (op.attempts() > 0) {
                ps.setObject(20, utc(op.createdAt()));
            } else {
                ps.setNull(20, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw new StoreException("recording operation " + op.id(), e);
        }
    }

    @Override
    public Optional<Operation> find(OperationId id) {
        String sql = "SELECT " + COLUMNS + " FROM operation WHERE operation_id = ?";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading operation " + id, e);
        }
    }

    @Override
    public void attemptStarted(OperationId id, Instant now) {
        update("UPDATE operation SET attempts = attempts + 1, last_attempt_at = ?, updated_at = ? WHERE operation_id = ?",
                id, utc(now), utc(now), id.value());
    }

    @Override
    public void stepDone(OperationId id, String step, Map<String, String> learned, Instant now) {
        Operation current = find(id).orElseThrow(() -> new StoreException("no operation " + id, null));
        Map<String, String> data = new HashMap<>(current.data());
        data.putAll(learned);
        update("UPDATE operation SET step = ?, data = ?, updated_at = ? WHERE operation_id = ?",
                id, step, toJson(data), utc(now), id.value());
    }

    @Override
    public boolean finish(OperationId id, OperationState state, Long txTranId, String declineCode, Instant now) {
        if (!state.terminal()) {
            throw new IllegalArgumentException(state + " is not terminal");
        }
        String sql = "UPDATE operation SET state = ?, tx_tran_id = COALESCE(?, tx_tran_id), decline_code = ?,"
                + " lease_owner = NULL, lease_until = NULL, updated_at = ?"
                + " WHERE operation_id = ? AND state IN ('PENDING', 'UNKNOWN')";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, state.name());
            setLong(ps, 2, txTranId);
            ps.setString(3, declineCode);
            ps.setObject(4, utc(now));
            ps.setString(5, id.value());
            if (ps.executeUpdate() != 1) {
                return false;
            }
        } catch (SQLException e) {
            throw new StoreException("finishing operation " + id, e);
        }
        finished.fire(new OperationFinished(state));
        return true;
    }

    @Override
    public void markUnknown(OperationId id, Instant now) {
        update("UPDATE operation SET state = 'UNKNOWN', updated_at = ? WHERE operation_id = ? AND state = 'PENDING'",
                id, utc(now), id.value());
    }

    @Override
    public List<Operation> claimUnresolved(String owner, Duration staleAfter, Duration lease, int limit, Instant now) {
        // Candidates first, then one conditional UPDATE per row: the row is ours only if the UPDATE changed it,
        // which holds on H2 and PostgreSQL alike without SKIP LOCKED.
        String candidates = "SELECT operation_id FROM operation WHERE"
                + " (state = 'UNKNOWN' OR (state = 'PENDING' AND updated_at < ?))"
                + " AND (lease_until IS NULL OR lease_until < ?) ORDER BY created_at LIMIT ?";
        String claim = "UPDATE operation SET lease_owner = ?, lease_until = ? WHERE operation_id = ?"
                + " AND state IN ('PENDING', 'UNKNOWN') AND (lease_until IS NULL OR lease_until < ?)";
        List<String> ids = new ArrayList<>();
        try (Connection c = store.connection()) {
            try (PreparedStatement ps = c.prepareStatement(candidates)) {
                ps.setObject(1, utc(now.minus(staleAfter)));
                ps.setObject(2, utc(now));
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<Operation> claimed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(claim)) {
                for (String id : ids) {
                    ps.setString(1, owner);
                    ps.setObject(2, utc(now.plus(lease)));
                    ps.setString(3, id);
                    ps.setObject(4, utc(now));
                    if (ps.executeUpdate() == 1) {
                        find(new OperationId(id)).ifPresent(claimed::add);
                    }
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new StoreException("claiming unresolved operations", e);
        }
    }

    @Override
    public boolean lease(OperationId id, String owner, Instant until, Instant now) {
        String sql = "UPDATE operation SET lease_owner = ?, lease_until = ? WHERE operation_id = ?"
                + " AND state IN ('PENDING', 'UNKNOWN') AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, owner);
            ps.setObject(2, utc(until));
            ps.setString(3, id.value());
            ps.setObject(4, utc(now));
            ps.setString(5, owner);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("leasing operation " + id, e);
        }
    }

    @Override
    public void release(OperationId id, String owner) {
        update("UPDATE operation SET lease_owner = NULL, lease_until = NULL WHERE operation_id = ? AND lease_owner = ?",
                id, id.value(), owner);
    }

    @Override
    public Map<Instant, Totals> totalsOnCard(long cardId, Collection<OperationKind> kinds, Collection<Instant> since) {
        List<Instant> windows = List.copyOf(new TreeSet<>(since));
        if (windows.isEmpty()) {
            return Map.of();
        }
        // One scan from the oldest window start; each window's sum and count by a conditional aggregate.
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < windows.size(); i++) {
            columns.append(i == 0 ? "" : ", ").append("COALESCE(SUM(CASE WHEN created_at >= ? THEN amount END), 0),")
                    .append(" COUNT(CASE WHEN created_at >= ? THEN 1 END)");
        }
        // Kinds come from the enum, never from input: safe to inline.
        String in = kinds.stream().map(k -> "'" + k.name() + "'").collect(Collectors.joining(","));
        String sql = "SELECT " + columns + " FROM operation WHERE card_id = ? AND created_at >= ?"
                + " AND state IN ('PENDING', 'UNKNOWN', 'APPROVED') AND kind IN (" + in + ")";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (Instant w : windows) {
                ps.setObject(p++, utc(w));
                ps.setObject(p++, utc(w));
            }
            ps.setLong(p++, cardId);
            ps.setObject(p, utc(windows.get(0)));
            Map<Instant, Totals> totals = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 0; i < windows.size(); i++) {
                    totals.put(windows.get(i), new Totals(rs.getBigDecimal(2 * i + 1), rs.getLong(2 * i + 2)));
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new StoreException("summing operations on card " + cardId, e);
        }
    }

    @Override
    public Map<OperationState, Long> countUnresolved() {
        Map<OperationState, Long> counts = new EnumMap<>(OperationState.class);
        counts.put(OperationState.PENDING, 0L);
        counts.put(OperationState.UNKNOWN, 0L);
        // A range of the (state, updated_at) index: it reads the unresolved rows only, however long the journal.
        try (Connection c = store.connection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT state, COUNT(*) FROM operation WHERE state IN ('PENDING', 'UNKNOWN') GROUP BY state")) {
            while (rs.next()) {
                counts.put(OperationState.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new StoreException("counting unresolved operations", e);
        }
    }

    @Override
    public Optional<Instant> oldestUnresolved() {
        try (Connection c = store.connection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT MIN(created_at) FROM operation WHERE state IN ('PENDING', 'UNKNOWN')")) {
            rs.next();
            OffsetDateTime t = rs.getObject(1, OffsetDateTime.class);
            return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
        } catch (SQLException e) {
            throw new StoreException("reading the oldest unresolved operation", e);
        }
    }

    @Override
    public List<Operation> listUnresolved(int limit) {
        String sql = "SELECT " + COLUMNS + " FROM operation WHERE state IN ('PENDING', 'UNKNOWN')"
                + " ORDER BY created_at LIMIT ?";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<Operation> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(read(rs));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("listing unresolved operations", e);
        }
    }

    private void update(String sql, OperationId id, Object... params) {
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("updating operation " + id, e);
        }
    }

    private Operation read(ResultSet rs) throws SQLException {
        return new Operation(
                new OperationId(rs.getString("operation_id")),
                rs.getString("partner_id"),
                OperationKind.valueOf(rs.getString("kind")),
                OperationState.valueOf(rs.getString("state")),
                rs.getString("idempotency_key"),
                rs.getString("request_fingerprint"),
                getLong(rs, "account_id"),
                getLong(rs, "card_id"),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                new MoneyComments(rs.getString("acc_comment"), rs.getString("card_comment")),
                getLong(rs, "tx_tran_id"),
                rs.getString("decline_code"),
                rs.getString("step"),
                fromJson(rs.getString("data")),
                rs.getInt("attempts"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private String toJson(Map<String, String> data) {
        try {
            return data.isEmpty() ? null : json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> fromJson(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, DATA);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable operation data", e);
        }
    }
}
