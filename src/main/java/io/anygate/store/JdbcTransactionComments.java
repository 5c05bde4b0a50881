package io.anygate.store;

import io.anygate.domain.money.TransactionComments;
import io.anygate.domain.operation.MoneyComments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Comments of approved loads and unloads by TX transaction id, from the operation journal (V42): one
 * {@code SELECT ... WHERE tx_tran_id IN (...)} per page of transactions, on the {@code operation_tx_tran} index.
 * The partner's own operations only.
 */
@ApplicationScoped
public class JdbcTransactionComments implements TransactionComments {

    /** Ids per statement: a page (limit_number, the follower's page) never holds more, so a page is one query. */
    static final int IDS_PER_QUERY = 1000;

    @Inject
    Store store;

    @Override
    public Map<Long, MoneyComments> of(String partnerId, Collection<Long> tranIds) {
        List<Long> ids = tranIds.stream().distinct().toList();
        Map<Long, MoneyComments> comments = new HashMap<>();
        // Only a card's backlog of unbuilt webhooks can exceed a page; it is read in slices of the same size.
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            read(partnerId, ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)), comments);
        }
        return comments;
    }

    private void read(String partnerId, List<Long> ids, Map<Long, MoneyComments> into) {
        String sql = "SELECT tx_tran_id, acc_comment, card_comment FROM operation WHERE partner_id = ?"
                + " AND kind IN ('CARD_CREDIT', 'CARD_DEBIT') AND state = 'APPROVED'"
                + " AND tx_tran_id IN (" + "?,".repeat(ids.size() - 1) + "?)";
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, partnerId);
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(i + 2, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    into.put(rs.getLong(1), new MoneyComments(rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("reading the comments of " + ids.size() + " transactions", e);
        }
    }
}
