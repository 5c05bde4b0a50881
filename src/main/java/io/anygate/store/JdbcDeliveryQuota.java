package io.anygate.store;

import io.anygate.domain.card.DeliveryQuota;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * {@link DeliveryQuota} in {@code card_delivery_count} (V61): one row per card, service and day. A send is taken by
 * one conditional UPDATE ({@code sent < max}), atomic on both stores, or, for the day's first, by an INSERT; of two
 * replicas racing for the first, the loser counts on the winner's row. Once the row exists, only the conditional
 * UPDATE decides.
 */
@ApplicationScoped
public class JdbcDeliveryQuota implements DeliveryQuota {

    private static final String WHAT = "card delivery counts";

    private final Jdbc.Connections own;

    @Inject
    public JdbcDeliveryQuota(Store store) {
        this.own = () -> store.dataSource().getConnection();
    }

    @Override
    public boolean take(long cardId, String service, LocalDate day, int max) {
        if (max <= 0) {
            return false;
        }
        if (increment(cardId, service, day, max)) {
            return true;
        }
        if (!exists(cardId, service, day)) {
            try {
                insertFirst(cardId, service, day);
                return true;
            } catch (StoreException e) {
                if (!(e.getCause() instanceof SQLException sql) || !SqlStates.isUniqueViolation(sql)) {
                    throw e;
                }
                // another replica took the day's first send: count on its row
            }
        }
        // the row exists now (it may have appeared since the first UPDATE): its conditional UPDATE decides
        return increment(cardId, service, day, max);
    }

    private boolean increment(long cardId, String service, LocalDate day, int max) {
        return Jdbc.update(own, WHAT, "UPDATE card_delivery_count SET sent = sent + 1"
                + " WHERE card_id = ? AND service = ? AND send_day = ? AND sent < ?", cardId, service, day, max) == 1;
    }

    private boolean exists(long cardId, String service, LocalDate day) {
        return Jdbc.one(own, WHAT, "SELECT COUNT(*) FROM card_delivery_count WHERE card_id = ? AND service = ?"
                + " AND send_day = ?", rs -> rs.getLong(1), cardId, service, day) > 0;
    }

    private void insertFirst(long cardId, String service, LocalDate day) {
        Jdbc.update(own, WHAT, "INSERT INTO card_delivery_count (card_id, service, send_day, sent) VALUES (?, ?, ?, 1)",
                cardId, service, day);
    }
}
