package io.anygate.anytime.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** The body of {@code GET /v1.0/accounts/{id}/balance}: the account contract's available balance, a JSON number. */
public record AccountBalance(
        @JsonProperty("acc_id") long accId,
        @JsonProperty("balance") BigDecimal balance) {
}
