package io.anygate.domain.account;

import io.anygate.domain.AccountType;
import io.anygate.domain.Corporation;
import io.anygate.domain.Person;
import java.util.Currency;
import java.util.Objects;

/**
 * A partner's request to open an account.
 *
 * @param corporation null for a consumer account
 * @param idempotencyKey the partner's Idempotency-Key header, or null
 * @param fingerprint hash of the parameters: a reused Idempotency-Key with other parameters is refused
 */
public record AccountOpeningRequest(String partnerId, AccountType type, Currency currency, Person holder,
        Corporation corporation, String idempotencyKey, String fingerprint) {

    public AccountOpeningRequest {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(holder, "holder");
        if (type == AccountType.BUSINESS) {
            Objects.requireNonNull(corporation, "corporation");
        }
    }
}
