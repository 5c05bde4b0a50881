package io.anygate.anytime.transactions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One line of {@code GET /v1.0/accounts/{id}/statements} and the body of {@code .../statements/{txid}}. {@code txid}
 * is a string here (document and SDK agree). The execution date is served under the document's
 * {@code executionDate} and the SDK's {@code execution_date}; both dates are always strings (the SDK parses them
 * unconditionally). A line of money that went through one of the account's IBANs (docs/mapping.md) has
 * {@code iban} = {@link StatementIban} and {@code virtual_iban} the virtual IBAN it came to (else empty); any other
 * line has an empty list and an empty {@code virtual_iban}.
 */
public record StatementLine(
        @JsonProperty("txid") String txid,
        @JsonProperty("description") String description,
        @JsonProperty("date") String date,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("type") String type,
        @JsonProperty("balance") BigDecimal balance,
        @JsonProperty("currency") String currency,
        @JsonProperty("iban") Object iban,
        @JsonProperty("virtual_iban") String virtualIban,
        @JsonProperty("status") String status,
        @JsonProperty("executionDate") String executionDate,
        @JsonProperty("execution_date") String executionDateSdk) {
}
