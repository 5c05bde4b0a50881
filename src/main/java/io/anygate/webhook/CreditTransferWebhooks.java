package io.anygate.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anygate.anytime.transactions.CreditTransferLine;
import io.anygate.domain.transfer.CreditTransfer;
import io.anygate.domain.transfer.CreditTransferEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Enqueues the {@code credit_transfer_processed} webhook: a body {@code {"credit-transfers": [...]}} of 1 to 100
 * transfers of one partner, each as {@link CreditTransferLine} (a batch whose body outgrows the outbox's payload
 * limit is split in halves); the dispatcher wraps it in the async envelope with
 * {@code event_name}, signs, retries and pauses it like any webhook. The event id
 * {@code credit_transfer_processed:{batch}} is stable for the same transfers, so a repeated pass is one event.
 */
@ApplicationScoped
public class CreditTransferWebhooks implements CreditTransferEvents {

    /** The Anytime event name, also the event type. */
    public static final String EVENT = "credit_transfer_processed";

    /**
     * The largest body enqueued as one event: the outbox's payload limit less room for the async envelope, which
     * the sandbox inbox keeps whole in as many characters.
     */
    static final int MAX_BODY = WebhookEvent.MAX_PAYLOAD - 1024;

    @Inject
    WebhookOutbox outbox;

    @Inject
    Clock clock;

    @Override
    public void processed(String partnerId, String batchId, List<CreditTransfer> transfers) {
        if (transfers.isEmpty() || transfers.size() > 100) {
            throw new IllegalArgumentException("a credit_transfer_processed delivery carries 1 to 100 transfers");
        }
        String body = body(transfers);
        if (body.length() > MAX_BODY && transfers.size() > 1) {
            // 100 transfers with long names and comments (up to ~850 characters each) outgrow the outbox's
            // payload: halves, each its own event with an id derived from the batch's, so a repeat is still one.
            int half = transfers.size() / 2;
            processed(partnerId, batchId + "a", transfers.subList(0, half));
            processed(partnerId, batchId + "b", transfers.subList(half, transfers.size()));
            return;
        }
        outbox.enqueue(new WebhookEvent(EVENT + ":" + batchId, partnerId, EVENT, body, clock.instant()));
    }

    private static String body(List<CreditTransfer> transfers) {
        ObjectNode body = WebhookEvent.JSON.createObjectNode();
        ArrayNode list = body.putArray("credit-transfers");
        transfers.forEach(t -> list.add(WebhookEvent.JSON.valueToTree(CreditTransferLine.of(t))));
        try {
            return WebhookEvent.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("credit_transfer_processed body cannot be written as JSON", e);
        }
    }
}
