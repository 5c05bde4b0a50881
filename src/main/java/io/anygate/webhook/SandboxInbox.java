package io.anygate.webhook;

import static io.anygate.webhook.OutboxRepository.bind;
import static io.anygate.webhook.OutboxRepository.instant;
import static io.anygate.webhook.OutboxRepository.ts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The sandbox's built-in webhook receiver: deliveries for partners without a webhook URL are written to
 * {@code webhook_sandbox_inbox} exactly as they would have been sent (headers and body), and listed by
 * {@code GET /sandbox/webhooks/inbox}.
 */
public class SandboxInbox implements WebhookTransport {

    private final DataSource dataSource;
    private final Clock clock;

    public SandboxInbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public DeliveryResult send(Delivery d) {
        try {
            receive(d.partnerId(), d.eventId(), d.headers(), new String(d.body(), StandardCharsets.UTF_8));
            return DeliveryResult.answered(200);
        } catch (RuntimeException e) {
            return DeliveryResult.error("sandbox inbox unavailable");
        }
    }

    /** Stores one received webhook. */
    public void receive(String partnerId, String eventId, Map<String, String> headers, String body) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_sandbox_inbox (partner_id, event_id,"
                     + " received_at, headers, body) VALUES (?, ?, ?, ?, ?)")) {
            bind(ps, partnerId, eventId, ts(clock.instant()),
                    WebhookEvent.JSON.writeValueAsString(new TreeMap<>(headers)), body);
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("sandbox inbox unavailable", e);
        }
    }

    /** The last {@code limit} received webhooks, newest first, optionally of one partner. */
    public List<Received> last(String partnerId, int limit) {
        String sql = "SELECT id, partner_id, event_id, received_at, headers, body FROM webhook_sandbox_inbox"
                + (partnerId == null ? "" : " WHERE partner_id = ?") + " ORDER BY id DESC LIMIT " + limit;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (partnerId != null) {
                bind(ps, partnerId);
            }
            List<Received> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Received(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                            WebhookEvent.JSON.readValue(rs.getString(5), new TypeReference<Map<String, String>>() { }),
                            rs.getString(6)));
                }
            }
            return out;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("sandbox inbox unavailable", e);
        }
    }

    /** One webhook as the inbox received it. */
    public record Received(long id, String partnerId, String eventId, Instant receivedAt, Map<String, String> headers,
            String body) {
    }
}
