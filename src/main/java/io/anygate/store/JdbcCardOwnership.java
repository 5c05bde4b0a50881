package io.anygate.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.anygate.domain.card.CardOwnership;
import io.anygate.domain.card.OwnedCard;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Card ownership on the active store. */
@ApplicationScoped
public class JdbcCardOwnership implements CardOwnership {

    private static final String COLUMNS = "card_id, partner_id, acc_id, card_contract_id, currency, is_virtual";

    @Inject
    Store store;
    @Inject
    Clock clock;

    @Inject
    StoreConfig config;

    /** Found rows only: they never change once registered (see {@link StoreConfig#ownershipCacheSize()}). */
    private Cache<OwnershipKey, OwnedCard> found;

    @PostConstruct
    void init() {
        found = Caffeine.newBuilder().maximumSize(config.ownershipCacheSize()).build();
    }

    @Override
    public Optional<OwnedCard> find(String partnerId, long cardId) {
        OwnershipKey key = new OwnershipKey(partnerId, cardId);
        OwnedCard cached = found.getIfPresent(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<OwnedCard> card = query("SELECT " + COLUMNS + " FROM card WHERE partner_id = ? AND card_id = ?",
                partnerId, cardId).stream().findFirst();
        card.ifPresent(c -> found.put(key, c));
        return card;
    }

    @Override
    public List<OwnedCard> listByAccount(String partnerId, long accountId, int offset, int limit) {
        return query("SELECT " + COLUMNS + " FROM card WHERE partner_id = ? AND acc_id = ? ORDER BY card_id"
                + " LIMIT ? OFFSET ?", partnerId, accountId, limit, offset);
    }

    @Override
    public long countByAccount(String partnerId, long accountId) {
        return count("counting cards", "SELECT COUNT(*) FROM card WHERE partner_id = ? AND acc_id = ?", partnerId,
                accountId);
    }

    @Override
    public long countWithOrdersUnderWay(String partnerId, long accountId) {
        return count("counting cards and orders",
                "SELECT (SELECT COUNT(*) FROM card WHERE partner_id = ? AND acc_id = ?)"
                + " + (SELECT COUNT(*) FROM operation o WHERE o.partner_id = ? AND o.account_id = ?"
                + " AND o.kind = 'CARD_ORDER' AND o.state IN ('PENDING', 'UNKNOWN')"
                + " AND NOT EXISTS (SELECT 1 FROM card c WHERE c.operation_id = o.operation_id))",
                partnerId, accountId, partnerId, accountId);
    }

    private long count(String what, String sql, Object... params) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    @Override
    public List<OwnedCard> listAll(String partnerId, long afterCardId, int limit) {
        return query("SELECT " + COLUMNS + " FROM card WHERE partner_id = ? AND card_id > ? ORDER BY card_id LIMIT ?",
                partnerId, afterCardId, limit);
    }

    /**
     * A card of an existing contract (a renewal) replaces the older cards of that contract: they are flagged
     * {@code replaced}, which takes them out of the transaction follower's pick (V68, {@code JdbcFollowerStore.DUE}).
     * Every card of the contract but its newest is flagged, so a registration that arrives after a newer card's is
     * flagged at once. A flag left unset (a failure between the two statements, a pod of the previous release during
     * a rollout) costs the pick one index row, never a wrong card: its NOT EXISTS keeps a replaced card out.
     */
    @Override
    public void register(OwnedCard card, String operationId) {
        try (Connection c = store.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO card (" + COLUMNS + ", operation_id, created_at) VALUES (?,?,?,?,?,?,?,?)")) {
                Jdbc.bind(ps, card.cardId(), card.partnerId(), card.accountId(), card.cardContractId(),
                        card.currency(), card.virtual(), operationId, OffsetDateTime.now(clock));
                ps.executeUpdate();
            } catch (SQLException e) {
                if (SqlStates.isUniqueViolation(e)) {
                    return; // registered before; in a transaction, PostgreSQL takes no further statement
                }
                throw e;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE card SET replaced = TRUE"
                    + " WHERE card_contract_id = ? AND replaced = FALSE"
                    + " AND card_id < (SELECT MAX(n.card_id) FROM card n WHERE n.card_contract_id = ?)")) {
                Jdbc.bind(ps, card.cardContractId(), card.cardContractId());
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("registering card " + card.cardId(), e);
        }
    }

    private List<OwnedCard> query(String sql, Object... params) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<OwnedCard> list = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(new OwnedCard(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getBoolean(6)));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new StoreException("reading cards", e);
        }
    }
}
