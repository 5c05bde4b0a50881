package io.anygate.anytime.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of an account's {@code virtual_ibans} (the SDK's {@code ModelResponseGetAccountInfoVirtualIban}), and
 * the answer of {@code POST /v1.0/accounts/{id}/virtual-ibans}; {@code type} is C (credit) or D (debit).
 */
public record VirtualIban(
        @JsonProperty("iban") String iban,
        @JsonProperty("swift") String swift,
        @JsonProperty("type") String type) {
}
