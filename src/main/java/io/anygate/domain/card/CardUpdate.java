package io.anygate.domain.card;

import io.anygate.domain.CardStatus;

/**
 * A partner's card update, already checked against the card's current status.
 *
 * @param status the new status, or null to keep it
 * @param pos null to keep it
 * @param atm null to keep it
 */
public record CardUpdate(String partnerId, long cardId, CardStatus status, Boolean pos, Boolean atm, boolean renew,
        String idempotencyKey, String fingerprint) {
}
