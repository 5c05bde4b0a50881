package io.anygate.anytime.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One account of {@code GET /v1.0/accounts} ({@code accounts[]}); also the whole answer of {@code POST /v1.0/accounts}
 * and {@code PUT /v1.0/accounts/{id}} ({@code body: {acc_type, acc_id}}).
 */
public record AccountSummary(
        @JsonProperty("acc_id") long accId,
        @JsonProperty("acc_type") String accType) {
}
