package io.anygate.domain.money;

import io.anygate.domain.operation.MoneyComments;
import java.math.BigDecimal;

/**
 * A partner's request to load or unload a card.
 *
 * @param accountComment the partner's comment for the account side, empty or null when none
 * @param cardComment the partner's comment for the card side, empty or null when none
 * @param idempotencyKey the partner's Idempotency-Key, or null
 * @param fingerprint hash of the request parameters, so a reused Idempotency-Key with other parameters is caught
 */
public record MoneyRequest(String partnerId, long cardId, BigDecimal amount, String accountComment,
        String cardComment, String idempotencyKey, String fingerprint) {

    /** The comments as the journal keeps them (empty ones absent). */
    public MoneyComments comments() {
        return new MoneyComments(accountComment, cardComment);
    }
}
