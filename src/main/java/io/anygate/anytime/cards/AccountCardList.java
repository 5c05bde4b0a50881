package io.anygate.anytime.cards;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.anytime.forms.ListFilters;
import java.util.List;

/** The body of {@code GET /v1.0/accounts/{id}/cards}. */
public record AccountCardList(
        @JsonProperty("filters") ListFilters filters,
        @JsonProperty("acc_id") long accId,
        @JsonProperty("total_results") long totalResults,
        @JsonProperty("cards") List<AccountCard> cards) {
}
