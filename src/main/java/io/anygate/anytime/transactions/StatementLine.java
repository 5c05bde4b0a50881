package io.anygate.anytime.transactions;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * One line of {@code GET /v1.0/accounts/{id}/statements} and the body of {@code .../statements/{txid}}. {@code txid}
 * is a string here (document and SDK agree). The execution date is served under the document's
 * {@code executionDate} and the SDK's {@code execution_date}; both dates are always strings (the SDK parses them
 * unconditionally). Accounts in TX have no IBAN: {@code iban} is an empty list and {@code virtual_iban} empty.
 */
public record StatementLine(
        @JsonProperty("txid") String txid,
        @JsonProperty("description") String description,
        @JsonProperty("date") String date,
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("type") String type,
        @JsonProperty("balance") BigDecimal balance,
        @JsonProperty("currency") String currency,
        @JsonProperty("iban") List<Object> iban,
        @JsonProperty("virtual_iban") String virtualIban,
        @JsonProperty("status") String status,
        @JsonProperty("executionDate") String executionDate,
        @JsonProperty("execution_date") String executionDateSdk) {
}
