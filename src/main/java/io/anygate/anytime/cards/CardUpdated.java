package io.anygate.anytime.cards;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code PUT /v1.0/cards/{card_ref}}. The document types {@code status} as integer but every status is a
 * three-letter code and the SDK reads it as a string: the code is served ({@code "BLO"}). {@code pos}, {@code atm},
 * {@code renew} are 0/1 integers.
 */
public record CardUpdated(
        @JsonProperty("card_ref") String cardRef,
        @JsonProperty("status") String status,
        @JsonProperty("pos") int pos,
        @JsonProperty("atm") int atm,
        @JsonProperty("renew") int renew) {
}
