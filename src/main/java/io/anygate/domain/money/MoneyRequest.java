package io.anygate.domain.money;

import java.math.BigDecimal;

/**
 * A partner's request to load or unload a card.
 *
 * @param idempotencyKey the partner's Idempotency-Key, or null
 * @param fingerprint hash of the request parameters, so a reused Idempotency-Key with other parameters is caught
 */
public record MoneyRequest(String partnerId, long cardId, BigDecimal amount, String accountComment,
        String cardComment, String idempotencyKey, String fingerprint) {
}
