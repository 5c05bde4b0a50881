package io.anygate.store;

import io.anygate.domain.transfer.CreditTransfer;
import io.anygate.domain.transfer.CreditTransferStatus;
import io.anygate.domain.transfer.CreditTransferStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code credit_transfer} table (V59). Status changes are conditional updates on the current status. */
@ApplicationScoped
public class JdbcCreditTransfers implements CreditTransferStore {

    private static final String COLUMNS = "id, operation_id, partner_id, account_id, account_type, sender_name,"
            + " sender_iban, sender_bic, beneficiary_name, beneficiary_iban, beneficiary_bic, reason, source_reason,"
            + " amount, currency, status, debit_tran_id, refund_tran_id, execution_reference, created_at,"
            + " submitted_at, executed_at";

    @Inject
    Store store;

    @Override
    public long nextId() {
        return Jdbc.one(store::connection, "credit transfer ids", "SELECT nextval('credit_transfer_seq')",
                rs -> rs.getLong(1));
    }

    @Override
    public boolean add(CreditTransfer t) {
        String sql = "INSERT INTO credit_transfer (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Jdbc.bind(ps, t.id(), t.operationId(), t.partnerId(), t.accountId(), t.accountType(), t.senderName(),
                    t.senderIban(), t.senderBic(), t.beneficiaryName(), t.beneficiaryIban(), t.beneficiaryBic(),
                    t.reason(), t.sourceReason(), t.amount(), t.currency(), t.status().name(), t.debitTranId(),
                    t.refundTranId(), t.executionReference(), Jdbc.zoned(t.createdAt()), Jdbc.zoned(t.submittedAt()),
                    Jdbc.zoned(t.executedAt()));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw new StoreException("recording credit transfer " + t.id(), e);
        }
    }

    @Override
    public Optional<CreditTransfer> byOperation(String operationId) {
        return Jdbc.list(store::connection, "credit transfers",
                "SELECT " + COLUMNS + " FROM credit_transfer WHERE operation_id = ?", JdbcCreditTransfers::row,
                operationId).stream().findFirst();
    }

    @Override
    public Optional<CreditTransfer> find(long accountId, long id) {
        return Jdbc.list(store::connection, "credit transfers",
                "SELECT " + COLUMNS + " FROM credit_transfer WHERE id = ? AND account_id = ?",
                JdbcCreditTransfers::row, id, accountId).stream().findFirst();
    }

    @Override
    public List<CreditTransfer> page(long accountId, Instant from, Instant to, long offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(accountId, from, to, args);
        args.add(limit);
        args.add(offset);
        return Jdbc.list(store::connection, "credit transfers", "SELECT " + COLUMNS + " FROM credit_transfer"
                + where + " ORDER BY id DESC LIMIT ? OFFSET ?", JdbcCreditTransfers::row, args.toArray());
    }

    @Override
    public long count(long accountId, Instant from, Instant to) {
        List<Object> args = new ArrayList<>();
        String where = where(accountId, from, to, args);
        return Jdbc.one(store::connection, "credit transfers", "SELECT COUNT(*) FROM credit_transfer" + where,
                rs -> rs.getLong(1), args.toArray());
    }

    private static String where(long accountId, Instant from, Instant to, List<Object> args) {
        StringBuilder sb = new StringBuilder(" WHERE account_id = ?");
        args.add(accountId);
        if (from != null) {
            sb.append(" AND created_at >= ?");
            args.add(Jdbc.zoned(from));
        }
        if (to != null) {
            sb.append(" AND created_at < ?");
            args.add(Jdbc.zoned(to));
        }
        return sb.toString();
    }

    @Override
    public List<CreditTransfer> inStatus(CreditTransferStatus status, int limit) {
        return Jdbc.list(store::connection, "credit transfers", "SELECT " + COLUMNS
                + " FROM credit_transfer WHERE status = ? ORDER BY id LIMIT ?", JdbcCreditTransfers::row,
                status.name(), limit);
    }

    @Override
    public boolean submitted(long id, Instant at) {
        return Jdbc.update(store::connection, "credit transfers", "UPDATE credit_transfer SET status = ?,"
                + " submitted_at = ? WHERE id = ? AND status = ?", CreditTransferStatus.TO_EXECUTE.name(),
                Jdbc.zoned(at), id, CreditTransferStatus.IN_PROGRESS.name()) == 1;
    }

    @Override
    public boolean executed(long id, String reference, Instant at) {
        return Jdbc.update(store::connection, "credit transfers", "UPDATE credit_transfer SET status = ?,"
                + " execution_reference = ?, executed_at = ? WHERE id = ? AND status = ?",
                CreditTransferStatus.EXECUTED.name(), reference, Jdbc.zoned(at), id,
                CreditTransferStatus.TO_EXECUTE.name()) == 1;
    }

    @Override
    public boolean cancelled(long id, long refundTranId, Instant at) {
        return Jdbc.update(store::connection, "credit transfers", "UPDATE credit_transfer SET status = ?,"
                + " refund_tran_id = ? WHERE id = ? AND status = ?", CreditTransferStatus.CANCELLED.name(),
                refundTranId, id, CreditTransferStatus.TO_EXECUTE.name()) == 1;
    }

    @Override
    public List<CreditTransfer> claimUnnotified(int limit) {
        if (!store.inUnitOfWork()) {
            // in auto-commit the lock would end with the SELECT and the mark commit without its webhook
            throw new IllegalStateException("credit transfer notifications are claimed inside a unit of work");
        }
        // Row locks, not a lease: the claim lives exactly as long as the unit that enqueues the webhook, and a
        // crash or a failed commit releases it with the webhook, so nothing is left claimed by a dead replica.
        // SKIP LOCKED (PostgreSQL, H2 2.x) lets two replicas claim disjoint rows at once instead of waiting; the
        // conditional UPDATE keeps the claim exclusive even where a candidate was read before another's commit.
        // No ORDER BY: H2 2.4 answers no row at all when it reads credit_transfer_status in id order under a LIMIT
        // and another transaction holds some of the rows (CreditTransferNotificationClaimTest). Every claim takes
        // its rows out of the set, so none waits for long; the claimed ones are sorted here.
        List<CreditTransfer> candidates = new ArrayList<>(Jdbc.list(store::connection, "credit transfers",
                "SELECT " + COLUMNS + " FROM credit_transfer WHERE notified = FALSE AND status IN (?, ?) LIMIT ?"
                + " FOR UPDATE SKIP LOCKED", JdbcCreditTransfers::row, CreditTransferStatus.EXECUTED.name(),
                CreditTransferStatus.CANCELLED.name(), limit));
        candidates.sort(java.util.Comparator.comparingLong(CreditTransfer::id));
        List<CreditTransfer> claimed = new ArrayList<>();
        try (Connection c = store.connection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE credit_transfer SET notified = TRUE WHERE id = ? AND notified = FALSE")) {
            for (CreditTransfer t : candidates) {
                ps.setLong(1, t.id());
                if (ps.executeUpdate() == 1) {
                    claimed.add(t);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("claiming credit transfer notifications", e);
        }
        return claimed;
    }

    private static CreditTransfer row(ResultSet rs) throws SQLException {
        long refund = rs.getLong(18);
        Long refundTranId = rs.wasNull() ? null : refund;
        return new CreditTransfer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), amount(rs.getBigDecimal(14), rs.getString(15)), rs.getString(15),
                CreditTransferStatus.valueOf(rs.getString(16)), rs.getLong(17), refundTranId, rs.getString(19),
                instant(rs, 20), instant(rs, 21), instant(rs, 22));
    }

    // The currency's minor units (NUMERIC(19,4) reads back with four decimals).
    private static java.math.BigDecimal amount(java.math.BigDecimal stored, String currency) {
        return io.anygate.domain.CurrencyUnits.of(currency)
                .map(c -> io.anygate.domain.CurrencyUnits.scaled(stored, c)).orElse(stored);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
