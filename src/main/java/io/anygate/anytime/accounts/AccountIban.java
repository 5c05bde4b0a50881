package io.anygate.anytime.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code iban} object of an account. Accounts living in TX have no IBAN: both fields are empty strings, and the
 * object is always present because the SDK's {@code getIban()} hydrates it unconditionally.
 */
public record AccountIban(
        @JsonProperty("iban") String iban,
        @JsonProperty("swift") String swift) {

    public static final AccountIban NONE = new AccountIban("", "");
}
