package io.anygate.anytime.transactions;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code iban} object of a statement line that went through one of the account's IBANs: the account's IBAN, its
 * bank's BIC, and the remittance text of the movement (the SDK's {@code ModelResponseGetAccountStatementTransactionIban}).
 */
public record StatementIban(
        @JsonProperty("iban") String iban,
        @JsonProperty("swift") String swift,
        @JsonProperty("comment") String comment) {
}
