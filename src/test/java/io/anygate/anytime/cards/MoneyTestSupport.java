package io.anygate.anytime.cards;

import io.anygate.store.Store;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Signed credit/debit calls and store reads shared by the money tests. */
final class MoneyTestSupport {

    private MoneyTestSupport() {
    }

    static Response move(TestPartner p, String token, String direction, String cardRef, String amount, String key) {
        return move(p, token, direction, cardRef, amount, key, "acc", "card");
    }

    /** A credit or debit with these comments ({@code null}: the parameter is not sent). */
    static Response move(TestPartner p, String token, String direction, String cardRef, String amount, String key,
            String accComment, String cardComment) {
        var spec = EdgeClient.signed(p).header("Authorization", "Bearer " + token)
                .contentType("application/x-www-form-urlencoded");
        if (accComment != null) {
            spec = spec.formParam("acc_comment", accComment);
        }
        if (cardComment != null) {
            spec = spec.formParam("card_comment", cardComment);
        }
        if (amount != null) {
            spec = spec.formParam("amount", amount);
        }
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.post("/v1.0/cards/" + cardRef + "/" + direction);
    }

    static List<Map<String, Object>> rows(Store store, String sql, Object... params) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                    }
                    out.add(row);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static int update(Store store, String sql, Object... params) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
