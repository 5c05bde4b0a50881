package io.anygate.anytime.transactions;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.anytime.forms.ListFilters;
import java.util.List;

/**
 * The body of {@code GET /v1.0/cards/{card_ref}/transactions}. {@code total_results} is documented as "with no date
 * or limit filter": the card's whole history count.
 */
public record CardTransactionList(
        @JsonProperty("filters") ListFilters filters,
        @JsonProperty("card_ref") String cardRef,
        @JsonProperty("acc_id") long accId,
        @JsonProperty("total_results") long totalResults,
        @JsonProperty("transactions") List<CardTransaction> transactions) {
}
