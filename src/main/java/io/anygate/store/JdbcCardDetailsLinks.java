package io.anygate.store;

import io.anygate.domain.card.CardDetailsLinkStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@link CardDetailsLinkStore} in {@code card_details_link} (V62). A link is taken by one conditional UPDATE
 * ({@code used_at IS NULL}, not expired, same address): the database lets exactly one of concurrent openings on any
 * replica count one row.
 */
@ApplicationScoped
public class JdbcCardDetailsLinks implements CardDetailsLinkStore {

    private static final String OPEN = " WHERE token_hash = ? AND client_ip = ? AND used_at IS NULL AND expires_at > ?";

    @Inject
    Store store;

    @Override
    public void save(String tokenHash, String partnerId, long cardId, String clientIp, Instant createdAt,
            Instant expiresAt) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO card_details_link"
                     + " (token_hash, partner_id, card_id, client_ip, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, tokenHash);
            ps.setString(2, partnerId);
            ps.setLong(3, cardId);
            ps.setString(4, clientIp);
            ps.setObject(5, createdAt.atOffset(ZoneOffset.UTC));
            ps.setObject(6, expiresAt.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("saving a card-details link", e);
        }
    }

    @Override
    public Optional<Target> find(String tokenHash, String clientIp, Instant now) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT partner_id, card_id FROM card_details_link" + OPEN)) {
            bindOpen(ps, 1, tokenHash, clientIp, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Target(rs.getString(1), rs.getLong(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading a card-details link", e);
        }
    }

    @Override
    public boolean consume(String tokenHash, String clientIp, Instant now) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE card_details_link SET used_at = ?" + OPEN)) {
            ps.setObject(1, now.atOffset(ZoneOffset.UTC));
            bindOpen(ps, 2, tokenHash, clientIp, now);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("taking a card-details link", e);
        }
    }

    @Override
    public int purgeExpiredBefore(Instant before) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM card_details_link WHERE expires_at < ?")) {
            ps.setObject(1, before.atOffset(ZoneOffset.UTC));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("purging card-details links", e);
        }
    }

    private static void bindOpen(PreparedStatement ps, int from, String tokenHash, String clientIp, Instant now)
            throws SQLException {
        ps.setString(from, tokenHash);
        ps.setString(from + 1, clientIp);
        ps.setObject(from + 2, now.atOffset(ZoneOffset.UTC));
    }
}
