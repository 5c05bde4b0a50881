package io.anygate.domain.money;

import io.anygate.domain.money.LoadRefused.Reason;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The amount of a load or unload: positive, no finer than the currency's minor unit; a load's also within the
 * partner's bounds (Anytime's CardLoadAmountTooLow/TooHigh). An unload is not bounded by them: a card may hold more
 * than one load's maximum (several loads), and a minimum would trap a smaller remainder on the card.
 */
final class AmountRules {

    private AmountRules() {
    }

    static BigDecimal check(BigDecimal amount, String currency, LoadLimits limits, boolean load) {
        if (amount == null || amount.signum() <= 0) {
            throw new LoadRefused(Reason.AMOUNT_TOO_LOW, "amount must be greater than 0", null);
        }
        int minor = Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal normalized = amount.stripTrailingZeros();
        if (normalized.scale() > minor) {
            throw new LoadRefused(Reason.AMOUNT_PRECISION,
                    "amount has more than " + minor + " decimals for " + currency, null);
        }
        if (load && limits.minAmount() != null && amount.compareTo(limits.minAmount()) < 0) {
            throw new LoadRefused(Reason.AMOUNT_TOO_LOW, "amount is below the minimum of " + limits.minAmount(), null);
        }
        if (load && limits.maxAmount() != null && amount.compareTo(limits.maxAmount()) > 0) {
            throw new LoadRefused(Reason.AMOUNT_TOO_HIGH, "amount is above the maximum of " + limits.maxAmount(),
                    null);
        }
        return amount.setScale(Math.max(minor, 0));
    }
}
