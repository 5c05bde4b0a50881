package io.anygate.anytime.cards;

import io.anygate.anytime.forms.FormReader;
import io.anygate.domain.CurrencyUnits;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The parameters of {@code POST /v1.0/cards/{card_ref}/credit} and {@code /debit}: {@code amount} (> 0, a plain
 * decimal), {@code acc_comment} and {@code card_comment} (documented as required, but the SDK drops them when unset:
 * optional, empty by default, at most {@value #COMMENT_MAX} characters).
 */
public record CardMoneyForm(BigDecimal amount, String accComment, String cardComment) {

    public static final int COMMENT_MAX = 255;

    /** Parses and validates; throws {@code CardInvalidParameterException} naming the bad parameter. */
    public static CardMoneyForm parse(FormReader f) {
        return new CardMoneyForm(f.requiredAmount("amount"),
                f.optionalText("acc_comment", COMMENT_MAX).orElse(""),
                f.optionalText("card_comment", COMMENT_MAX).orElse(""));
    }

    /** Checks the amount against the account currency's minor units (10.123 EUR is refused), once it is known. */
    public BigDecimal amountIn(Currency currency, FormReader f) {
        if (!CurrencyUnits.fitsMinorUnits(amount, currency)) {
            throw f.invalid("amount", "has more than " + CurrencyUnits.minorUnits(currency) + " decimals for "
                    + currency.getCurrencyCode());
        }
        return CurrencyUnits.scaled(amount, currency);
    }
}
