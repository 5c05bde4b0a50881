package io.anygate.domain.card;

import java.time.LocalDate;

/**
 * A card's PAN, CVV2 and expiry, read from the core for the card's owner. {@code toString} hides them. The PIN is
 * read apart ({@link CardCore#pin}), only once the caller has proven it may have it.
 */
public record CardSecretValues(String pan, String cvv2, LocalDate expiry) {

    @Override
    public String toString() {
        return "CardSecretValues[***]";
    }
}
