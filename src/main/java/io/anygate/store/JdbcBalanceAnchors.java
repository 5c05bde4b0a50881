package io.anygate.store;

import io.anygate.domain.money.BalanceAnchors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@link BalanceAnchors} in {@code balance_anchor} (V44). A save is an UPDATE that only moves forward, then an INSERT
 * that does nothing on a conflict (another replica saved first): two statements both stores accept, without a
 * database-specific upsert.
 */
@ApplicationScoped
public class JdbcBalanceAnchors implements BalanceAnchors {

    @Inject
    Store store;

    @Inject
    Clock clock;

    @Override
    public Optional<Anchor> find(long contractId) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT tran_id, balance FROM balance_anchor WHERE contract_id = ?")) {
            ps.setLong(1, contractId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Anchor(rs.getLong(1), rs.getBigDecimal(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the balance anchor of contract " + contractId, e);
        }
    }

    @Override
    public void save(long contractId, Anchor anchor) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        try (Connection c = store.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE balance_anchor SET tran_id = ?, balance = ?,"
                    + " updated_at = ? WHERE contract_id = ? AND tran_id < ?")) {
                ps.setLong(1, anchor.tranId());
                ps.setBigDecimal(2, anchor.balance());
                ps.setObject(3, now);
                ps.setLong(4, contractId);
                ps.setLong(5, anchor.tranId());
                if (ps.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO balance_anchor (contract_id, tran_id, balance,"
                    + " updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, contractId);
                ps.setLong(2, anchor.tranId());
                ps.setBigDecimal(3, anchor.balance());
                ps.setObject(4, now);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("saving the balance anchor of contract " + contractId, e);
        }
    }
}
