package io.anygate.domain.card;

import java.time.LocalDate;

/** A card's PAN, CVV2, PIN and expiry, read from the core for the card's owner. {@code toString} hides them. */
public record CardSecretValues(String pan, String cvv2, String pin, LocalDate expiry) {

    @Override
    public String toString() {
        return "CardSecretValues[***]";
    }
}
