package io.anygate.domain.transfer;

import io.anygate.domain.iban.IbanNumbers;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.UnsupportedCountryException;

/**
 * The SEPA checks of a credit transfer's parameters (EPC SEPA Credit Transfer rulebook): the beneficiary IBAN
 * (ISO 13616, its country's structure and check digits, through iban4j), the BIC (ISO 9362: 4 letters of bank, 2 of
 * country, 2 of location, optionally 3 of branch; iban4j checks the country too), names of at most 70 and
 * remittance texts of at most 140 characters in the SEPA Latin character set. Each check answers what is wrong,
 * or empty when the value holds.
 */
public final class SepaRules {

    public static final int NAME_MAX = 70;
    public static final int REMITTANCE_MAX = 140;
    /** The SEPA Credit Transfer rulebook's largest amount: 999 999 999.99 EUR. */
    public static final java.math.BigDecimal AMOUNT_MAX = new java.math.BigDecimal("999999999.99");

    /** The EPC basic Latin set: a-z A-Z 0-9 / - ? : ( ) . , ' + and space. */
    private static final Pattern SEPA_TEXT = Pattern.compile("[A-Za-z0-9/\\-?:().,'+ ]*");
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private SepaRules() {
    }

    /** What is wrong with the IBAN, or empty. */
    public static Optional<String> iban(String text) {
        return IbanNumbers.valid(text) ? Optional.empty()
                : Optional.of("not a valid IBAN (country format and check digits)");
    }

    /** The BIC as stored: upper case, no spaces. */
    public static String normalizedBic(String text) {
        return text.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** What is wrong with the BIC, or empty. */
    public static Optional<String> bic(String text) {
        String bic = normalizedBic(text);
        if (!BIC.matcher(bic).matches()) {
            return Optional.of("not a BIC (ISO 9362: 8 or 11 characters, e.g. AGRIFRPP)");
        }
        try {
            BicUtil.validate(bic);
            return Optional.empty();
        } catch (BicFormatException | UnsupportedCountryException e) {
            return Optional.of("not a BIC (ISO 9362): unknown country " + bic.substring(4, 6));
        }
    }

    /** What is wrong with a (positive) amount beyond its currency's decimals, or empty. */
    public static Optional<String> amount(java.math.BigDecimal amount) {
        return amount.compareTo(AMOUNT_MAX) > 0 ? Optional.of("must be at most " + AMOUNT_MAX.toPlainString())
                : Optional.empty();
    }

    /** What is wrong with a SEPA text of at most {@code max} characters, or empty. */
    public static Optional<String> text(String value, int max) {
        if (value.length() > max) {
            return Optional.of("must be at most " + max + " characters");
        }
        if (!SEPA_TEXT.matcher(value).matches()) {
            return Optional.of("must use the SEPA character set (a-z A-Z 0-9 / - ? : ( ) . , ' + space)");
        }
        return Optional.empty();
    }
}
