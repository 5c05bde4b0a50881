package io.anygate.store;

import io.anygate.security.TokenStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * {@link TokenStore} in {@code oauth_token} (V10, V57): one row per partner. A put is an UPDATE, then an INSERT when the
 * partner has no row yet; when another replica inserted it first, the UPDATE again (last issued wins).
 */
@ApplicationScoped
public class JdbcTokenStore implements TokenStore {

    @Inject
    Store store;

    @Override
    public void put(String partnerId, String tokenHash, String refreshHash, Instant issuedAt, Instant expiresAt) {
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(true);
            if (update(c, partnerId, tokenHash, refreshHash, issuedAt, expiresAt) == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO oauth_token"
                        + " (partner_id, token_hash, refresh_hash, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, partnerId);
                    ps.setString(2, tokenHash);
                    ps.setString(3, refreshHash);
                    ps.setObject(4, issuedAt.atOffset(ZoneOffset.UTC));
                    ps.setObject(5, expiresAt.atOffset(ZoneOffset.UTC));
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (!SqlStates.isUniqueViolation(e)) {
                        throw e;
                    }
                    update(c, partnerId, tokenHash, refreshHash, issuedAt, expiresAt);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("token store unavailable", e);
        }
    }

    private static int update(Connection c, String partnerId, String tokenHash, String refreshHash, Instant issuedAt,
            Instant expiresAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE oauth_token SET token_hash = ?, refresh_hash = ?,"
                + " issued_at = ?, expires_at = ? WHERE partner_id = ?")) {
            ps.setString(1, tokenHash);
            ps.setString(2, refreshHash);
            ps.setObject(3, issuedAt.atOffset(ZoneOffset.UTC));
            ps.setObject(4, expiresAt.atOffset(ZoneOffset.UTC));
            ps.setString(5, partnerId);
            return ps.executeUpdate();
        }
    }

    @Override
    public Optional<Held> find(String tokenHash) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT partner_id, expires_at FROM oauth_token WHERE token_hash = ?")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Held(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("token store unavailable", e);
        }
    }
}
