package io.anygate.domain;

import java.util.Optional;

/**
 * The Anytime card reference {@code card_ref}: {@code ANY} followed by exactly 10 digits, the zero-padded TX card id
 * ({@code ANY0000001000} is TX card 1000). Reversible with no lookup; TX ids above 9 999 999 999 cannot be shown.
 */
public record CardRef(long txCardId) {

    /** The largest TX card id a card_ref can carry. */
    public static final long MAX_ID = 9_999_999_999L;

    public CardRef {
        if (txCardId < 1 || txCardId > MAX_ID) {
            throw new IllegalArgumentException("TX card id out of card_ref range: " + txCardId);
        }
    }

    /** Parses a partner's card_ref; empty unless it is {@code ANY} + 10 digits naming an id >= 1. */
    public static Optional<CardRef> parse(String text) {
        if (text == null || text.length() != 13 || !text.startsWith("ANY")) {
            return Optional.empty();
        }
        long id = 0;
        for (int i = 3; i < 13; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            id = id * 10 + (c - '0');
        }
        return id == 0 ? Optional.empty() : Optional.of(new CardRef(id));
    }

    /** The card_ref of a TX card id. */
    public static CardRef ofTxCard(long txCardId) {
        return new CardRef(txCardId);
    }

    /** The Anytime text: {@code ANY} + 10 digits. */
    public String value() {
        // by hand: String.format costs 2 % of a card read's CPU
        String digits = Long.toString(txCardId);
        return "ANY" + "0000000000".substring(digits.length()) + digits;
    }

    @Override
    public String toString() {
        return value();
    }
}
