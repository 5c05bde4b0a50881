package io.anygate.anytime.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code iban} object of an account, and the answer of {@code POST /v1.0/accounts/{id}/iban}. An account without
 * an IBAN has both fields empty: the object is always present because the SDK's {@code getIban()} hydrates it
 * unconditionally.
 */
public record AccountIban(
        @JsonProperty("iban") String iban,
        @JsonProperty("swift") String swift) {

    public static final AccountIban NONE = new AccountIban("", "");
}
