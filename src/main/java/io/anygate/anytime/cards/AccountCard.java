package io.anygate.anytime.cards;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.Card;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One card of {@code GET /v1.0/accounts/{id}/cards}. Here {@code atm}/{@code pos} are integers 0/1 (the card details
 * answer uses booleans); {@code card_holder} is always present (the SDK indexes it unchecked).
 */
public record AccountCard(
        @JsonProperty("card_ref") String cardRef,
        @JsonProperty("card_type") String cardType,
        @JsonProperty("status") String status,
        @JsonProperty("activation_date") String activationDate,
        @JsonProperty("balance") BigDecimal balance,
        @JsonProperty("expiry_date") String expiryDate,
        @JsonProperty("atm") int atm,
        @JsonProperty("pos") int pos,
        @JsonProperty("card_holder") CardHolder cardHolder,
        @JsonProperty("card_name") CardName cardName) {

    /** From the domain card and the balance of its card contract, as seen on {@code today} (Paris). */
    public static AccountCard of(Card card, BigDecimal balance, LocalDate today) {
        return new AccountCard(card.ref().value(), card.type().name(),
                card.status().asOf(card.expiry(), today).name(), activationDate(card),
                balance, card.expiry() == null ? "" : AnytimeDates.date(card.expiry()),
                card.restrictions().atm() ? 1 : 0, card.restrictions().pos() ? 1 : 0,
                CardHolder.of(card.holder()), CardName.of(card.holder(), card.embossedName()));
    }

    /** {@code YYYY-MM-DD}, or {@code ""} for a card never activated (never null: the SDK parses it as a date). */
    static String activationDate(Card card) {
        return card.activated() == null ? "" : AnytimeDates.date(card.activated());
    }
}
