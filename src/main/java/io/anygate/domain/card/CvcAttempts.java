package io.anygate.domain.card;

import java.time.Duration;

/**
 * The CVC attempts of each card's PIN route (port; the store keeps them so that every replica counts them). An
 * attempt is reserved, and counted as wrong, before its CVC is compared: concurrent guesses cannot all pass a count
 * made before any of them was recorded, so at most {@code max} CVCs are ever compared before the lock.
 */
public interface CvcAttempts {

    /**
     * Whether an attempt may be compared at all, and whether its failure is the one that locks the card.
     *
     * @param lockedFor how long the card is locked should this attempt be wrong; null when it does not lock
     */
    record Attempt(boolean allowed, Duration lockedFor) {
    }

    /** Reserves one attempt, counted as wrong until {@link #succeeded}; refused while the card is locked. */
    Attempt begin(long cardId, int max, Duration lockFor);

    /** The right CVC: the count starts again from zero. */
    void succeeded(long cardId);
}
