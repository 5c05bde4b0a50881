package io.anygate.store;

import io.anygate.domain.iban.IssuedIban;
import io.anygate.domain.iban.IbanMovement;
import io.anygate.domain.iban.IbanRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Issued IBANs and IBAN movements on the active store (tables {@code account_iban}, {@code iban_movement}). */
@ApplicationScoped
public class JdbcIbanRegistry implements IbanRegistry {

    private static final String IBAN_COLUMNS = "iban, account_id, partner_id, kind, country, bic, on_core, created_at";
    private static final String MOVEMENT_COLUMNS = "operation_id, account_id, tx_tran_id, iban, virtual_iban, bic,"
            + " direction, counterparty_name, remittance, created_at";
    private static final int IN_CHUNK = 500;

    @Inject
    Store store;

    @Override
    public long nextNumber() {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT nextval('iban_number_seq')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("drawing an IBAN account number", e);
        }
    }

    @Override
    public boolean add(IssuedIban i) {
        String sql = "INSERT INTO account_iban (" + IBAN_COLUMNS + ", main_of) VALUES (?,?,?,?,?,?,?,?,?)";
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, i.iban());
            ps.setLong(2, i.accountId());
            ps.setString(3, i.partnerId());
            ps.setString(4, i.kind().code());
            ps.setString(5, i.country());
            ps.setString(6, i.bic());
            ps.setBoolean(7, i.onCore());
            ps.setObject(8, OffsetDateTime.ofInstant(i.createdAt(), ZoneOffset.UTC));
            if (i.virtual()) {
                ps.setNull(9, Types.BIGINT);
            } else {
                ps.setLong(9, i.accountId());
            }
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw new StoreException("recording an IBAN of account " + i.accountId(), e);
        }
    }

    @Override
    public void markOnCore(String iban) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE account_iban SET on_core = TRUE WHERE iban = ?")) {
            ps.setString(1, iban);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("marking an IBAN written on the core", e);
        }
    }

    @Override
    public List<IssuedIban> ofAccount(long accountId) {
        return ibans("SELECT " + IBAN_COLUMNS + " FROM account_iban WHERE account_id = ?"
                + " ORDER BY CASE WHEN kind = 'M' THEN 0 ELSE 1 END, created_at, iban", accountId);
    }

    @Override
    public Optional<IssuedIban> find(String iban) {
        return ibans("SELECT " + IBAN_COLUMNS + " FROM account_iban WHERE iban = ?", iban).stream().findFirst();
    }

    @Override
    public void addMovement(IbanMovement m) {
        String sql = "INSERT INTO iban_movement (" + MOVEMENT_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, m.operationId());
            ps.setLong(2, m.accountId());
            ps.setLong(3, m.tranId());
            ps.setString(4, m.iban());
            ps.setString(5, m.virtualIban());
            ps.setString(6, m.bic());
            ps.setString(7, m.direction().name());
            ps.setString(8, m.counterpartyName());
            ps.setString(9, m.remittance() == null ? "" : m.remittance());
            ps.setObject(10, OffsetDateTime.ofInstant(m.createdAt(), ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            if (!SqlStates.isUniqueViolation(e)) {
                throw new StoreException("recording an IBAN movement of account " + m.accountId(), e);
            }
            // Recorded already by an earlier settlement of the same operation.
        }
    }

    @Override
    public Map<Long, IbanMovement> movements(long accountId, Collection<Long> tranIds) {
        Map<Long, IbanMovement> out = new HashMap<>();
        List<Long> ids = new ArrayList<>(tranIds);
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            String sql = "SELECT " + MOVEMENT_COLUMNS + " FROM iban_movement WHERE account_id = ? AND tx_tran_id IN ("
                    + "?,".repeat(chunk.size() - 1) + "?)";
            try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, accountId);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        IbanMovement m = movement(rs);
                        out.put(m.tranId(), m);
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("reading IBAN movements", e);
            }
        }
        return out;
    }

    @Override
    public List<Long> movementTranIds(long accountId) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT tx_tran_id FROM iban_movement WHERE account_id = ? ORDER BY tx_tran_id DESC")) {
            ps.setLong(1, accountId);
            List<Long> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading IBAN movements", e);
        }
    }

    private List<IssuedIban> ibans(String sql, Object param) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            List<IssuedIban> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IssuedIban(rs.getString(1), rs.getLong(2), rs.getString(3),
                            IssuedIban.Kind.ofCode(rs.getString(4)), rs.getString(5), rs.getString(6),
                            rs.getBoolean(7), rs.getObject(8, OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("reading IBANs", e);
        }
    }

    private static IbanMovement movement(ResultSet rs) throws SQLException {
        return new IbanMovement(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), IbanMovement.Direction.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class).toInstant());
    }
}
