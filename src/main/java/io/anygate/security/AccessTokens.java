package io.anygate.security;

import io.anygate.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * OAuth2 access tokens: opaque random values, stored only as SHA-256 hashes, one row per partner. Issuing a new
 * token overwrites the partner's row, so the previous token is obsolete at once on every replica.
 */
@ApplicationScoped
public class AccessTokens {

    @Inject
    Store store;
    @Inject
    SecurityConfig config;

    /** A freshly issued token pair (clear values, shown once to the partner). */
    public record Issued(String accessToken, String refreshToken, long expiresIn) {
    }

    /** What a presented token resolves to. */
    public record Resolved(String partnerId, boolean expired) {
    }

    public Issued issue(String partnerId) {
        String access = Secrets.randomToken(32);
        String refresh = Secrets.randomToken(32);
        long now = System.currentTimeMillis();
        long expires = now + config.tokenTtl().toMillis();
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(true);
            if (update(c, partnerId, access, refresh, now, expires) == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO oauth_token"
                        + " (partner_id, token_hash, refresh_hash, issued_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, partnerId);
                    ps.setString(2, Secrets.sha256Hex(access));
                    ps.setString(3, Secrets.sha256Hex(refresh));
                    ps.setLong(4, now);
                    ps.setLong(5, expires);
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    // another replica inserted the row first: overwrite it, last issued wins
                    update(c, partnerId, access, refresh, now, expires);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("token store unavailable", e);
        }
        return new Issued(access, refresh, config.tokenTtl().toSeconds());
    }

    private static int update(Connection c, String partnerId, String access, String refresh, long now, long expires)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE oauth_token SET token_hash = ?, refresh_hash = ?,"
                + " issued_at = ?, expires_at = ? WHERE partner_id = ?")) {
            ps.setString(1, Secrets.sha256Hex(access));
            ps.setString(2, Secrets.sha256Hex(refresh));
            ps.setLong(3, now);
            ps.setLong(4, expires);
            ps.setString(5, partnerId);
            return ps.executeUpdate();
        }
    }

    /** The partner holding this token; empty when unknown or superseded. One store round trip. */
    public Optional<Resolved> resolve(String accessToken) {
        return resolveHash(Secrets.sha256Hex(accessToken));
    }

    /** {@link #resolve} of a token known by its hash ({@link Secrets#sha256Hex}), as a multi-request keeps it. */
    public Optional<Resolved> resolveHash(String tokenHash) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT partner_id, expires_at FROM oauth_token WHERE token_hash = ?")) {
            ps.setString(1, tokenHash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Resolved(rs.getString(1), rs.getLong(2) <= System.currentTimeMillis()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("token store unavailable", e);
        }
    }
}
