package io.anygate.domain;

import java.util.Locale;
import java.util.Optional;

/** A cardholder's gender: Anytime writes {@code M}/{@code F}, TX person {@code gender} holds {@code Male}/{@code Female}. */
public enum Gender {
    MALE("M", "Male"),
    FEMALE("F", "Female");

    private final String anytimeCode;
    private final String txValue;

    Gender(String anytimeCode, String txValue) {
        this.anytimeCode = anytimeCode;
        this.txValue = txValue;
    }

    public String anytimeCode() {
        return anytimeCode;
    }

    public String txValue() {
        return txValue;
    }

    /** From an Anytime parameter: {@code M} or {@code F}, case-insensitive. */
    public static Optional<Gender> fromAnytime(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        for (Gender g : values()) {
            if (g.anytimeCode.equals(c)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /** From a TX person: {@code Male}/{@code Female}; TX does not enumerate the values, so {@code M}/{@code F} too. */
    public static Optional<Gender> fromTx(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Gender g : values()) {
            if (g.txValue.equalsIgnoreCase(value.trim())) {
                return Optional.of(g);
            }
        }
        return fromAnytime(value);
    }
}
