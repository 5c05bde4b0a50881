package io.anygate.domain.card;

import io.anygate.domain.CardRestrictions;
import io.anygate.domain.CardType;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A partner's card order.
 *
 * @param delivery null for a virtual card
 * @param idempotencyKey the partner's Idempotency-Key, or null
 * @param fingerprint hash of the request parameters, so a reused Idempotency-Key with other parameters is caught
 */
public record CardOrder(String partnerId, long accountId, CardType type, String embossedName, LocalDate expiry,
        BigDecimal amount, CardRestrictions restrictions, NewCard.Delivery delivery, String idempotencyKey,
        String fingerprint) {
}
