package io.anygate.anytime.cards;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.anytime.forms.ListFilters;
import java.util.List;

/** The body of {@code GET /v1.0/cards/unlinked} (SDK only): cards of the partner attached to no account. */
public record UnlinkedCardList(
        @JsonProperty("filters") ListFilters filters,
        @JsonProperty("total_results") long totalResults,
        @JsonProperty("cards") List<Item> cards) {

    /** One unlinked card: its reference only. */
    public record Item(@JsonProperty("card_ref") String cardRef) {
    }
}
