package io.anygate.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ISO 4217 currencies and their minor units, from {@link java.util.Currency}. Only currencies with defined minor
 * units (not gold, SDR, test codes: {@code getDefaultFractionDigits() < 0}) can hold money in an account.
 */
public final class CurrencyUnits {

    private CurrencyUnits() {
    }

    /** The money currency of an alpha-3 code (exact upper case, as ISO writes it and TX expects); else empty. */
    public static Optional<Currency> of(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Optional.empty();
        }
        try {
            Currency c = Currency.getInstance(code);
            return c.getDefaultFractionDigits() < 0 ? Optional.empty() : Optional.of(c);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Like {@link #of} but tolerant of case ({@code eur}), as some integrators send it. */
    public static Optional<Currency> ofAnyCase(String code) {
        return code == null ? Optional.empty() : of(code.trim().toUpperCase(Locale.ROOT));
    }

    /** Minor units of a money currency (EUR 2, JPY 0, KWD 3). */
    public static int minorUnits(Currency currency) {
        return currency.getDefaultFractionDigits();
    }

    /** True when the amount has no more decimals than the currency allows (trailing zeros do not count). */
    public static boolean fitsMinorUnits(BigDecimal amount, Currency currency) {
        return amount.stripTrailingZeros().scale() <= minorUnits(currency);
    }

    /** The amount written with exactly the currency's minor units (for answers: {@code 10.50} EUR). */
    public static BigDecimal scaled(BigDecimal amount, Currency currency) {
        return amount.setScale(minorUnits(currency), java.math.RoundingMode.HALF_EVEN);
    }

    /** Every money currency Java knows. */
    public static Set<Currency> all() {
        return Currency.getAvailableCurrencies().stream()
                .filter(c -> c.getDefaultFractionDigits() >= 0)
                .collect(Collectors.toUnmodifiableSet());
    }
}
