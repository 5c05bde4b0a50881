package io.anygate.store;

import io.anygate.security.ReplayStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ReplayStore} in {@code validation_data_use} (V10; primary key partner and data hash, so the claim is one
 * INSERT that a second claim violates) and {@code retired_key} (V46; times as in V57). Each used value carries the day it was used
 * in ({@code time_bucket}).
 */
@ApplicationScoped
public class JdbcReplayStore implements ReplayStore {

    private static final long DAY_MILLIS = 86_400_000L;

    @Inject
    Store store;

    @Override
    public boolean claim(String partnerId, String dataHash, String keyFingerprint, Instant usedAt) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO validation_data_use"
                     + " (partner_id, data_hash, key_fingerprint, time_bucket, used_at) VALUES (?, ?, ?, ?, ?)")) {
            c.setAutoCommit(true);
            ps.setString(1, partnerId);
            ps.setString(2, dataHash);
            ps.setString(3, keyFingerprint);
            ps.setLong(4, usedAt.toEpochMilli() / DAY_MILLIS);
            ps.setObject(5, usedAt.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return false;
            }
            throw new StoreException("replay store unavailable", e);
        }
    }

    @Override
    public TokenClaim claimUnderToken(String partnerId, String dataHash, String keyFingerprint, Instant usedAt,
            String tokenHash) {
        // the token's row is the statement's source: no current unexpired token, no row to insert (casts: H2 cannot
        // type a bare parameter in a select list)
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO validation_data_use"
                     + " (partner_id, data_hash, key_fingerprint, time_bucket, used_at)"
                     + " SELECT partner_id, CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), CAST(? AS BIGINT),"
                     + " CAST(? AS TIMESTAMP WITH TIME ZONE)"
                     + " FROM oauth_token WHERE token_hash = ? AND partner_id = ? AND expires_at > ?")) {
            c.setAutoCommit(true);
            ps.setString(1, dataHash);
            ps.setString(2, keyFingerprint);
            ps.setLong(3, usedAt.toEpochMilli() / DAY_MILLIS);
            ps.setObject(4, usedAt.atOffset(ZoneOffset.UTC));
            ps.setString(5, tokenHash);
            ps.setString(6, partnerId);
            ps.setObject(7, usedAt.atOffset(ZoneOffset.UTC));
            return ps.executeUpdate() == 1 ? TokenClaim.CLAIMED : TokenClaim.TOKEN_NOT_CURRENT;
        } catch (SQLException e) {
            if (SqlStates.isUniqueViolation(e)) {
                return TokenClaim.REUSED;
            }
            throw new StoreException("replay store unavailable", e);
        }
    }

    @Override
    public void retire(Set<String> fingerprints, Instant at) {
        update("INSERT INTO retired_key (key_fingerprint, retired_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
                fingerprints, at);
    }

    @Override
    public void reinstate(Set<String> fingerprints) {
        update("DELETE FROM retired_key WHERE key_fingerprint = ? AND forgotten_at IS NULL", fingerprints, null);
    }

    private void update(String sql, Set<String> fingerprints, Instant at) {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (String fingerprint : fingerprints) {
                ps.setString(1, fingerprint);
                if (at != null) {
                    ps.setObject(2, at.atOffset(ZoneOffset.UTC));
                }
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new StoreException("replay store unavailable", e);
        }
    }

    @Override
    public Set<String> forgotten(Set<String> fingerprints) {
        Set<String> out = new HashSet<>();
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT 1 FROM retired_key WHERE key_fingerprint = ? AND forgotten_at IS NOT NULL")) {
            for (String fingerprint : fingerprints) {
                ps.setString(1, fingerprint);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        out.add(fingerprint);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("replay store unavailable", e);
        }
    }

    @Override
    public Map<String, Integer> forgetRetired(Instant retiredBefore, Instant now) {
        List<String> due = new ArrayList<>();
        Map<String, Integer> dropped = new LinkedHashMap<>();
        try (Connection c = store.dataSource().getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT key_fingerprint FROM retired_key WHERE forgotten_at IS NULL AND retired_at < ?")) {
                ps.setObject(1, retiredBefore.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(rs.getString(1));
                    }
                }
            }
            for (String fingerprint : due) {
                try (PreparedStatement mark = c.prepareStatement("UPDATE retired_key SET forgotten_at = ?"
                        + " WHERE key_fingerprint = ? AND forgotten_at IS NULL AND retired_at < ?")) {
                    mark.setObject(1, now.atOffset(ZoneOffset.UTC));
                    mark.setString(2, fingerprint);
                    mark.setObject(3, retiredBefore.atOffset(ZoneOffset.UTC));
                    if (mark.executeUpdate() != 1) {
                        continue; // reinstated, or forgotten by another replica
                    }
                }
                try (PreparedStatement drop = c.prepareStatement(
                        "DELETE FROM validation_data_use WHERE key_fingerprint = ?")) {
                    drop.setString(1, fingerprint);
                    dropped.put(fingerprint, drop.executeUpdate());
                }
            }
            return dropped;
        } catch (SQLException e) {
            throw new StoreException("replay store unavailable", e);
        }
    }
}
