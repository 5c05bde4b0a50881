package io.anygate.domain.money;

import java.math.BigDecimal;

/**
 * A partner's card load limits (null = no limit). Periods are rolling windows ending now (24 h, 4 days, 7 days,
 * 30 days, 365 days), computed from the operation journal, counting approved loads and loads whose outcome is
 * not known yet, so that concurrent loads can never together exceed a limit.
 *
 * @param maxLoadsPerDay the card's load capacity: how many loads it accepts in 24 h
 */
public record LoadLimits(
        BigDecimal minAmount,
        BigDecimal maxAmount,
        BigDecimal perDay,
        BigDecimal perFourDays,
        BigDecimal perWeek,
        BigDecimal perMonth,
        BigDecimal perYear,
        Integer maxLoadsPerDay) {

    public static LoadLimits none() {
        return new LoadLimits(null, null, null, null, null, null, null, null);
    }
}
