package io.anygate.anytime.cards;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.forms.FormReader;
import io.anygate.domain.AccountId;
import io.anygate.domain.Address;
import io.anygate.domain.CardType;
import io.anygate.domain.Gender;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameters of {@code POST /v1.0/cards}. {@code card_type} defaults to PLASTIC. The delivery parameters and
 * {@code language} are required for a plastic card only (nothing is shipped for a virtual one);
 * {@code delivery_company_name} and {@code delivery_addr_2} are always optional. {@code expiry_date} must lie after
 * today and within {@value #MAX_YEARS} years.
 *
 * @param delivery null for a virtual card
 */
public record CardOrderForm(
        AccountId account,
        String cardName,
        CardType type,
        LocalDate expiry,
        BigDecimal amount,
        String language,
        Delivery delivery) {

    public static final int MAX_YEARS = 5;
    public static final int CARD_NAME_MAX = 26;
    private static final Pattern EMBOSSABLE = Pattern.compile("[\\p{L} .'-]+");

    /** Where a plastic card is shipped. */
    public record Delivery(String companyName, Gender gender, String firstName, String lastName, Address address) {
    }

    /** The reader for card endpoints: they answer 4000310. */
    public static FormReader reader(Map<String, String> params) {
        return FormReader.of(params, AnytimeError.CARD_INVALID_PARAMETER);
    }

    /** Parses and validates; throws {@code CardInvalidParameterException} naming the first bad parameter. */
    public static CardOrderForm parse(FormReader f, LocalDate today) {
        AccountId account = AccountId.parse(f.required("acc_id"))
                .orElseThrow(() -> f.invalid("acc_id", "must be an account id (a positive integer)"));
        String cardName = f.requiredText("card_name", CARD_NAME_MAX);
        if (!EMBOSSABLE.matcher(cardName).matches()) {
            throw f.invalid("card_name", "must contain letters, spaces, dots, hyphens or apostrophes only");
        }
        CardType type = f.optional("card_type").map(v -> CardType.fromAnytime(v).orElseThrow(() ->
                f.invalid("card_type", "must be PLASTIC, VIRTUAL_SINGLE_USE or VIRTUAL_MULTI_USE")))
                .orElse(CardType.PLASTIC);
        LocalDate expiry = f.requiredDate("expiry_date");
        if (!expiry.isAfter(today) || expiry.isAfter(today.plusYears(MAX_YEARS))) {
            throw f.invalid("expiry_date", "must be after today and within " + MAX_YEARS + " years");
        }
        BigDecimal amount = f.requiredAmount("amount");
        String language = f.optional("language").map(v -> {
            String l = v.toLowerCase(Locale.ROOT);
            if (!l.equals("fr") && !l.equals("en")) {
                throw f.invalid("language", "must be fr or en");
            }
            return l;
        }).orElse(null);
        Delivery delivery = null;
        if (!type.isVirtual()) {
            if (language == null) {
                throw f.invalid("language", "is required");
            }
            delivery = delivery(f);
        }
        return new CardOrderForm(account, cardName, type, expiry, amount, language, delivery);
    }

    private static Delivery delivery(FormReader f) {
        Gender gender = Gender.fromAnytime(f.required("delivery_gender"))
                .orElseThrow(() -> f.invalid("delivery_gender", "must be M or F"));
        return new Delivery(
                f.optionalText("delivery_company_name", 100).orElse(""),
                gender,
                f.requiredText("delivery_first_name", 64),
                f.requiredText("delivery_last_name", 64),
                new Address(
                        f.requiredText("delivery_addr_1", 100),
                        f.optionalText("delivery_addr_2", 100).orElse(""),
                        f.requiredText("delivery_zip", 16),
                        f.requiredText("delivery_city", 64),
                        f.requiredCountry("delivery_cc")));
    }
}
