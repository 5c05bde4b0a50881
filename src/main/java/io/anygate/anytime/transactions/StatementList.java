package io.anygate.anytime.transactions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.anytime.forms.ListFilters;
import java.util.List;

/** The body of {@code GET /v1.0/accounts/{id}/statements}; {@code total_results} counts lines without the limits. */
public record StatementList(
        @JsonProperty("acc_id") long accId,
        @JsonProperty("acc_type") String accType,
        @JsonProperty("total_results") long totalResults,
        @JsonProperty("transactions") List<StatementLine> transactions,
        @JsonProperty("filters") ListFilters filters) {
}
