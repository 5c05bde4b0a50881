package io.anygate.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Objects;

/**
 * One webhook to deliver to one partner.
 *
 * @param eventId stable and derived from the event's source ({@code card_last_tx:{txid}}): enqueuing the same source
 *                twice is one event, and receivers deduplicate on it ({@code X-Webhook-Event-Id})
 * @param partnerId the partner that receives it
 * @param eventType the Anytime method ({@code card_last_tx})
 * @param payload the Anytime {@code body} object as JSON; the envelope around it is built at delivery
 * @param createdAt when the event happened
 */
public record WebhookEvent(String eventId, String partnerId, String eventType, String payload, Instant createdAt) {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The largest payload the outbox keeps ({@code webhook_outbox.payload}, VARCHAR(65536)). */
    public static final int MAX_PAYLOAD = 65536;

    public WebhookEvent {
        requireText(eventId, "eventId", 200);
        requireText(partnerId, "partnerId", 100);
        requireText(eventType, "eventType", 64);
        requireText(payload, "payload", MAX_PAYLOAD);
        Objects.requireNonNull(createdAt, "createdAt");
        if (!payload.stripLeading().startsWith("{")) {
            throw new IllegalArgumentException("payload must be a JSON object");
        }
    }

    /** The {@code card_last_tx} event of a TX transaction; its id is {@code card_last_tx:{txid}}. */
    public static WebhookEvent cardLastTx(String partnerId, CardLastTx body, Instant createdAt) {
        try {
            return new WebhookEvent(cardLastTxId(body.transaction().txid()), partnerId, CardLastTx.METHOD,
                    JSON.writeValueAsString(body), createdAt);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("card_last_tx body cannot be written as JSON", e);
        }
    }

    /** The event id of a transaction's {@code card_last_tx} webhook. */
    public static String cardLastTxId(String txid) {
        return CardLastTx.METHOD + ":" + txid;
    }

    private static void requireText(String value, String name, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new IllegalArgumentException(name + " must be 1 to " + max + " characters");
        }
    }
}
