package io.anygate.domain;

import java.time.LocalDate;

/**
 * The domain's view of a card: a TX card (its own card contract holding the balance, linked to the account
 * contract), translated by the TX adapter.
 *
 * @param activated     {@code dates.activation}; null while the card was never activated
 * @param embossedName  the name printed on the card ({@code names.emboss})
 * @param holder        the cardholder (the account's Person)
 * @param cardContractId TX id of the card's own contract (its balance)
 */
public record Card(
        CardRef ref,
        AccountId account,
        CardType type,
        CardStatus status,
        LocalDate created,
        LocalDate activated,
        LocalDate expiry,
        CardRestrictions restrictions,
        String embossedName,
        Person holder,
        long cardContractId) {
}
