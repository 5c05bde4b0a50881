package io.anygate.webhook;

import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.MoneyEvents;
import io.anygate.domain.operation.Operation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records, when a load or unload is approved, that the partner's {@code card_last_tx} webhook of that TX transaction
 * is owed: one INSERT, no TX call. The partner's synchronous answer needs nothing of the webhook (the transaction
 * "follows by webhook"), and making it on the request thread cost several TX reads per load (the balance after it,
 * retried whenever another load landed in between). {@link CardLastTxBuilder} makes it later, for all of a card's
 * pending events from one read of TX. The event id is derived from the TX transaction ({@code card_last_tx:{txid}}),
 * so the TX transaction follower's sight of the same transaction adds nothing. The record joins the approval's unit of
 * work: both commit, or neither does.
 */
@ApplicationScoped
public class MoneyWebhooks implements MoneyEvents {

    @Inject
    WebhookOutbox outbox;

    @Override
    public void approved(Operation op, OwnedCard card, long tranId) {
        outbox.enqueueBuild(card.partnerId(), card.cardId(), tranId);
    }
}
