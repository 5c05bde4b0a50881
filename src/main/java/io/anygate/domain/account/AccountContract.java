package io.anygate.domain.account;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The domain's view of a TX account contract.
 *
 * @param status {@code Created}, {@code Active}, {@code Finished} (prepared for closure) or {@code Closed}
 * @param available what can be spent ({@code details.balances.available}), zero when TX gives none
 */
public record AccountContract(long contractId, String rid, Currency currency, String status, BigDecimal available) {

    public boolean closed() {
        return "Closed".equalsIgnoreCase(status);
    }
}
