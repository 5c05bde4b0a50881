package io.anygate.anytime.cards;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.domain.Person;

/** The {@code card_name} object: the cardholder's names and the name embossed on the card ({@code card_name} of the order). */
public record CardName(
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName,
        @JsonProperty("embossed") String embossed) {

    static CardName of(Person p, String embossed) {
        return new CardName(p == null ? "" : CardHolder.nz(p.firstName()), p == null ? "" : CardHolder.nz(p.lastName()),
                CardHolder.nz(embossed));
    }
}
