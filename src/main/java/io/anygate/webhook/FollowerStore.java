package io.anygate.webhook;

import io.anygate.domain.card.OwnedCard;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** JDBC for the TX transaction follower: its single-replica lease, the cards to poll and their cursors (V31). */
final class FollowerStore {

    /** A card to follow, where the follower stands on it. */
    record Followed(OwnedCard card, long lastTranId, long seen) {
    }

    private final DataSource dataSource;

    FollowerStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes or renews the job's lease; false while another replica holds it. */
    boolean claim(String job, String owner, Duration lease, Instant now) throws SQLException {
        String sql = "UPDATE job_lease SET owner = ?, lease_until = ? WHERE job_name = ?"
                + " AND (lease_until IS NULL OR lease_until < ? OR owner = ?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, owner);
            ps.setObject(2, utc(now.plus(lease)));
            ps.setString(3, job);
            ps.setObject(4, utc(now));
            ps.setString(5, owner);
            return ps.executeUpdate() == 1;
        }
    }

    /** Releases the lease if this owner holds it (shutdown, tests). */
    void release(String job, String owner) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE job_lease SET owner = NULL, lease_until = NULL WHERE job_name = ? AND owner = ?")) {
            ps.setString(1, job);
            ps.setString(2, owner);
            ps.executeUpdate();
        }
    }

    /**
     * Up to {@code limit} cards, the least recently polled first (never polled before anything else); of the cards
     * that share one card contract (a renewed card keeps the contract of the card it replaces) only the newest, so
     * that the contract's transactions are followed once and reported under the card in use, never under the
     * replaced one. A renewed card starts from the cursor of the card it replaces (TX ids grow: the newest card has
     * the highest id).
     */
    List<Followed> due(int limit) throws SQLException {
        String inherited = " FROM tx_follow_cursor o JOIN card oc ON oc.card_id = o.card_id"
                + " WHERE oc.card_contract_id = c.card_contract_id)";
        String sql = "SELECT c.card_id, c.partner_id, c.acc_id, c.card_contract_id, c.currency, c.is_virtual,"
                + " COALESCE(f.last_tran_id, (SELECT MAX(o.last_tran_id)" + inherited + "),"
                + " COALESCE(f.seen, (SELECT MAX(o.seen)" + inherited + ")"
                + " FROM card c LEFT JOIN tx_follow_cursor f ON f.card_id = c.card_id"
                + " WHERE NOT EXISTS (SELECT 1 FROM card n WHERE n.card_contract_id = c.card_contract_id"
                + " AND n.card_id > c.card_id)"
                + " ORDER BY f.polled_at NULLS FIRST, c.card_id LIMIT ?";
        List<Followed> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OwnedCard card = new OwnedCard(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getBoolean(6));
                    due.add(new Followed(card, rs.getLong(7), rs.getLong(8)));
                }
            }
        }
        return due;
    }

    /** Moves a card's cursor (or only notes the poll when nothing was new). */
    void advance(long cardId, long lastTranId, long seen, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE tx_follow_cursor SET last_tran_id = ?, seen = ?, polled_at = ? WHERE card_id = ?")) {
                ps.setLong(1, lastTranId);
                ps.setLong(2, seen);
                ps.setObject(3, utc(now));
                ps.setLong(4, cardId);
                if (ps.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO tx_follow_cursor (card_id, last_tran_id, seen, polled_at) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, cardId);
                ps.setLong(2, lastTranId);
                ps.setLong(3, seen);
                ps.setObject(4, utc(now));
                ps.executeUpdate();
            }
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
