package io.anygate.anytime.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.anytime.forms.ListFilters;
import java.util.List;

/** The body of {@code GET /v1.0/accounts}. {@code total_results} counts the partner's accounts without the limits. */
public record AccountList(
        @JsonProperty("filters") ListFilters filters,
        @JsonProperty("total_results") long totalResults,
        @JsonProperty("accounts") List<AccountSummary> accounts) {
}
