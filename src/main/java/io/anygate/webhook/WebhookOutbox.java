package io.anygate.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Where the rest of the gateway hands webhooks over. Enqueuing is durable (the store) and idempotent on the event id;
 * the dispatcher delivers later, at least once. Both ways of enqueuing join the unit of work open on this thread
 * ({@link io.anygate.domain.operation.UnitOfWork}), so that an operation's outcome and its webhook are committed
 * together; outside one, the event is committed at once.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final OutboxRepository outbox;
    private final Clock clock;

    @Inject
    public WebhookOutbox(OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Enqueues the event; true when it is new, false when it was already enqueued (never an error). */
    public boolean enqueue(WebhookEvent event) {
        return outbox.insert(event, clock.instant());
    }

    /**
     * Records that the {@code card_last_tx} event of TX transaction {@code tranId} on a card is owed, without
     * building it: one INSERT, no TX call, so an approval costs the partner's request nothing more. The event id is
     * the built event's ({@code card_last_tx:{txid}}); {@link CardLastTxBuilder} makes the payload later. True when
     * the event is new, false when it was already recorded or enqueued (by the follower, or a racing resolver).
     */
    public boolean enqueueBuild(String partnerId, long cardId, long tranId) {
        return outbox.insertBuild(WebhookEvent.cardLastTxId(Long.toString(tranId)), partnerId, CardLastTx.METHOD, cardId,
                tranId, clock.instant());
    }
}
