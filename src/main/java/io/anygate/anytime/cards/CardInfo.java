package io.anygate.anytime.cards;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.Card;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The body of {@code GET /v1.0/cards/{card_ref}}. {@code pos}/{@code atm} are booleans as documented (the SDK casts
 * them with {@code (int)}, which reads true as 1); {@code validity_month} is the number of whole months from the
 * card's creation to its expiry.
 */
public record CardInfo(
        @JsonProperty("acc_id") long accId,
        @JsonProperty("card_type") String cardType,
        @JsonProperty("card_ref") String cardRef,
        @JsonProperty("activation_date") String activationDate,
        @JsonProperty("balance") BigDecimal balance,
        @JsonProperty("validity_month") int validityMonth,
        @JsonProperty("expiry_date") String expiryDate,
        @JsonProperty("status") String status,
        @JsonProperty("pos") boolean pos,
        @JsonProperty("atm") boolean atm,
        @JsonProperty("card_holder") CardHolder cardHolder,
        @JsonProperty("card_name") CardName cardName) {

    /** From the domain card and the balance of its card contract, as seen on {@code today} (Paris). */
    public static CardInfo of(Card card, BigDecimal balance, LocalDate today) {
        int months = card.created() == null || card.expiry() == null ? 0
                : (int) Math.max(0, ChronoUnit.MONTHS.between(card.created(), card.expiry()));
        return new CardInfo(card.account().value(), card.type().name(), card.ref().value(),
                AccountCard.activationDate(card), balance, months,
                card.expiry() == null ? "" : AnytimeDates.date(card.expiry()),
                card.status().asOf(card.expiry(), today).name(), card.restrictions().pos(), card.restrictions().atm(),
                CardHolder.of(card.holder()), CardName.of(card.holder(), card.embossedName()));
    }
}
