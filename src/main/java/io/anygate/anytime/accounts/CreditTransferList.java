package io.anygate.anytime.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.anytime.forms.ListFilters;
import io.anygate.anytime.transactions.CreditTransferLine;
import java.util.List;

/** The body of {@code GET /v1.0/accounts/{id}/credit-transfers}; {@code total_results} counts without the limits. */
public record CreditTransferList(
        @JsonProperty("acc_id") long accId,
        @JsonProperty("total_results") long totalResults,
        @JsonProperty("credit-transfers") List<CreditTransferLine> creditTransfers,
        @JsonProperty("filters") ListFilters filters) {
}
