package io.anygate.security;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A partner's card load limits from the partners file ({@code limits.load}); an empty value falls back to
 * {@code gateway.money.limits.*}. Amounts are in the card's currency; periods are rolling windows.
 */
public record PartnerLoadLimits(Optional<BigDecimal> minAmount, Optional<BigDecimal> maxAmount,
        Optional<BigDecimal> perDay, Optional<BigDecimal> perFourDays, Optional<BigDecimal> perWeek,
        Optional<BigDecimal> perMonth, Optional<BigDecimal> perYear, OptionalInt loadsPerDay) {

    public static final PartnerLoadLimits NONE = new PartnerLoadLimits(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            OptionalInt.empty());
}
