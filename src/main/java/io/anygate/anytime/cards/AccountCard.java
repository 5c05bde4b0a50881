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

    /** What a card never activated answers: the zero date (docs/mapping.md). */
    static final String NEVER_ACTIVATED = "0000-00-00";

    /**
     * {@code YYYY-MM-DD}, or the zero date {@code 0000-00-00} for a card never activated. Never null (the official
     * SDK's date normalizer throws on null) and never {@code ""}, which PHP's {@code new DateTime("")} reads as
     * <em>now</em>: every ordered card would look activated today; the zero date parses to a date no one can take
     * for a real activation (year -1).
     */
    static String activationDate(Card card) {
        return card.activated() == null ? NEVER_ACTIVATED : AnytimeDates.date(card.activated());
    }
}
