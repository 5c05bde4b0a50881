package io.anygate.domain.money;

import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.operation.Operation;

/**
 * Notified when TX approved a load or unload (port; the webhook adapter records that the partner's
 * {@code card_last_tx} event of that TX transaction is owed, and builds it later off the request path).
 */
public interface MoneyEvents {

    /**
     * Called on the request thread (or the reconciler's) just before the approval is journaled, in the same
     * {@link io.anygate.domain.operation.UnitOfWork}, so it must be cheap (no TX call) and idempotent on
     * {@code tranId}: whoever settles the operation calls it, possibly more than once
     * (a retry racing the reconciler, a crash before the unit committed), and the TX transaction follower may notice
     * the same transaction too.
     */
    void approved(Operation operation, OwnedCard card, long tranId);
}
