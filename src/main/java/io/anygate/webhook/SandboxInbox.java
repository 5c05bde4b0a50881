package io.anygate.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sandbox's built-in webhook receiver: deliveries for partners without a webhook URL are written to
 * {@code webhook_sandbox_inbox} exactly as they would have been sent (headers and body), and listed by
 * {@code GET /sandbox/webhooks/inbox}.
 */
@Singleton
public class SandboxInbox implements WebhookTransport {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final SandboxInboxRepository rows;
    private final Clock clock;

    @Inject
    public SandboxInbox(SandboxInboxRepository rows, Clock clock) {
        this.rows = rows;
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
        try {
            rows.add(partnerId, eventId, clock.instant(), WebhookEvent.JSON.writeValueAsString(new TreeMap<>(headers)),
                    body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox inbox unavailable", e);
        }
    }

    /** The last {@code limit} received webhooks, newest first, optionally of one partner. */
    public List<Received> last(String partnerId, int limit) {
        return rows.last(partnerId, limit).stream().map(SandboxInbox::received).toList();
    }

    private static Received received(SandboxInboxRepository.Stored s) {
        try {
            return new Received(s.id(), s.partnerId(), s.eventId(), s.receivedAt(),
                    WebhookEvent.JSON.readValue(s.headers(), HEADERS), s.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox inbox unavailable", e);
        }
    }

    /** One webhook as the inbox received it. */
    public record Received(long id, String partnerId, String eventId, Instant receivedAt, Map<String, String> headers,
            String body) {
    }
}
