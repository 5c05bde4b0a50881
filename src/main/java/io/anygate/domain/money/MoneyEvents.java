package io.anygate.domain.money;

import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.operation.Operation;

/**
 * Notified when a load or unload is approved (port; the webhook adapter enqueues the partner's
 * {@code card_last_tx} event). Called at most once per operation by whoever finished it, and again harmlessly
 * by the TX transaction follower, which derives the same event id from the TX transaction.
 */
public interface MoneyEvents {

    void approved(Operation operation, OwnedCard card, long tranId);
}
