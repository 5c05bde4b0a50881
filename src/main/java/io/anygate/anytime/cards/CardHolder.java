package io.anygate.anytime.cards;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.domain.Person;

/** The {@code card_holder} object of a card. */
public record CardHolder(
        @JsonProperty("gender") String gender,
        @JsonProperty("first_name") String firstName,
        @JsonProperty("last_name") String lastName) {

    static CardHolder of(Person p) {
        if (p == null) {
            return new CardHolder("", "", "");
        }
        return new CardHolder(p.gender() == null ? "" : p.gender().anytimeCode(), nz(p.firstName()), nz(p.lastName()));
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
