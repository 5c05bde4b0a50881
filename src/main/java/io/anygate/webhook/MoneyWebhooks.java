package io.anygate.webhook;

import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.MoneyEvents;
import io.anygate.domain.money.TransactionHistory;
import io.anygate.domain.operation.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Enqueues the partner's {@code card_last_tx} webhook when a load or unload is approved, built from TX's own
 * record of the transaction ({@link CardLastTxEvents}), exactly as the TX transaction follower builds it. The
 * event id is derived from the TX transaction ({@code card_last_tx:{txid}}), so the follower's later sight of the
 * same transaction adds nothing.
 */
@ApplicationScoped
public class MoneyWebhooks implements MoneyEvents {

    private static final Logger LOG = Logger.getLogger(MoneyWebhooks.class);

    @Inject
    TransactionHistory history;

    @Inject
    CardLastTxEvents events;

    @Override
    public void approved(Operation op, OwnedCard card, long tranId) {
        try {
            history.find(tranId).ifPresentOrElse(t -> events.enqueue(card, t),
                    () -> LOG.warnf("approved operation %s names TX transaction %d that TX does not list", op.id(),
                            tranId));
        } catch (RuntimeException e) {
            // The money moved; the webhook still goes out: the TX transaction follower enqueues the same event id
            // from TX's own record. Losing this enqueue loses no money and no webhook.
            LOG.warnf("card_last_tx for operation %s not enqueued now (the follower will): %s", op.id(),
                    e.toString());
        }
    }
}
