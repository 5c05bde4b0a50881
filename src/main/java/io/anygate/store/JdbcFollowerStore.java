package io.anygate.store;

import static io.anygate.store.Jdbc.zoned;

import io.anygate.domain.card.OwnedCard;
import io.anygate.webhook.FollowerStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** {@link FollowerStore} in {@code job_lease} and {@code tx_follow_cursor} (V31). */
@ApplicationScoped
public class JdbcFollowerStore implements FollowerStore {

    private static final String WHAT = "follower store";

    private final Jdbc.Connections own;

    @Inject
    public JdbcFollowerStore(Store store) {
        this.own = () -> store.dataSource().getConnection();
    }

    /** On a datasource of its own (tests). */
    public JdbcFollowerStore(DataSource dataSource) {
        this.own = dataSource::getConnection;
    }

    @Override
    public boolean claim(String job, String owner, Duration lease, Instant now) {
        return Jdbc.update(own, WHAT, "UPDATE job_lease SET owner = ?, lease_until = ? WHERE job_name = ?"
                + " AND (lease_until IS NULL OR lease_until < ? OR owner = ?)",
                owner, zoned(now.plus(lease)), job, zoned(now), owner) == 1;
    }

    @Override
    public void release(String job, String owner) {
        Jdbc.update(own, WHAT, "UPDATE job_lease SET owner = NULL, lease_until = NULL WHERE job_name = ? AND owner = ?",
                job, owner);
    }

    /**
     * Least recently polled first, never polled before all; only the newest card of a contract (a replaced card's
     * transactions are its successor's), which inherits its contract's cursor until it has its own. The pick is the
     * first rows of {@code card_follow_due_ix} (V68: the card's {@code replaced} flag and {@code followed_at}), not a
     * sort of every card; the NOT EXISTS keeps a card out whose {@code replaced} flag is not set yet (a concurrent
     * renewal, a card registered by a pod of the previous release). Every lookup by contract goes through
     * {@code card_contract_ix} (V67).
     */
    static final String DUE = "SELECT c.card_id, c.partner_id, c.acc_id, c.card_contract_id, c.currency, c.is_virtual,"
            + " COALESCE(f.last_tran_id, (SELECT MAX(o.last_tran_id) FROM tx_follow_cursor o"
            + " JOIN card oc ON oc.card_id = o.card_id WHERE oc.card_contract_id = c.card_contract_id)),"
            + " COALESCE(f.seen, (SELECT MAX(o.seen) FROM tx_follow_cursor o"
            + " JOIN card oc ON oc.card_id = o.card_id WHERE oc.card_contract_id = c.card_contract_id))"
            + " FROM card c LEFT JOIN tx_follow_cursor f ON f.card_id = c.card_id"
            + " WHERE c.replaced = FALSE AND NOT EXISTS (SELECT 1 FROM card n"
            + " WHERE n.card_contract_id = c.card_contract_id AND n.card_id > c.card_id)"
            + " ORDER BY c.followed_at, c.card_id LIMIT ?";

    @Override
    public List<Followed> due(int limit) {
        return Jdbc.list(own, WHAT, DUE, rs -> new Followed(new OwnedCard(rs.getLong(1), rs.getString(2),
                rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getBoolean(6)), rs.getLong(7), rs.getLong(8)),
                limit);
    }

    @Override
    public void advance(long cardId, long lastTranId, long seen, Instant now) {
        if (Jdbc.update(own, WHAT, "UPDATE tx_follow_cursor SET last_tran_id = ?, seen = ?, polled_at = ?"
                + " WHERE card_id = ?", lastTranId, seen, zoned(now), cardId) != 1) {
            Jdbc.update(own, WHAT, "INSERT INTO tx_follow_cursor (card_id, last_tran_id, seen, polled_at)"
                    + " VALUES (?, ?, ?, ?)", cardId, lastTranId, seen, zoned(now));
        }
        // After the cursor, so that a failure between the two only brings the card's next poll forward. The cursor's
        // polled_at is still written: the previous release orders its pick by it while both run during a rollout
        // (expand, then contract: a later release drops it).
        Jdbc.update(own, WHAT, "UPDATE card SET followed_at = ? WHERE card_id = ?", zoned(now), cardId);
    }
}
