package io.anygate.domain.money;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Card loads and unloads, and the reconciliation of their unknown outcomes. */
@ConfigMapping(prefix = "gateway.money")
public interface MoneyConfig {

    /**
     * How long a load or unload may have run when its outcome turns out unknown for its first look-up by matchKey to
     * still run in the partner's own request (else the reconciler asks, and the partner hears 408).
     */
    @WithDefault("PT25S")
    Duration inRequestLookup();

    /** Reconciler settings. */
    ReconcilerConfig reconciler();

    /** Default load limits; a partner's own limits (partners file) override them. */
    Limits limits();

    /**
     * The decline table's entries over {@link DeclineMeaning#DEFAULTS}, by TX decline code, e.g.
     * {@code gateway.money.declines."NEW_TX_CODE"=FUNDS_SHORT}. A code in neither is answered as
     * {@link DeclineMeaning#OTHER} with TX's code and text.
     */
    Map<String, DeclineMeaning> declines();

    interface ReconcilerConfig {
        /** How often each replica looks for unresolved operations. */
        @WithDefault("5s")
        String interval();

        /** A PENDING operation untouched this long counts as abandoned (longer than a TX call with its retries). */
        @WithDefault("PT30S")
        Duration staleAfter();

        /** How long a replica keeps an operation it claimed before another may take it. */
        @WithDefault("PT1M")
        Duration lease();

        /** Operations per pass. */
        @WithDefault("50")
        int batch();
    }

    interface Limits {
        /** Smallest load amount (CardLoadAmountTooLowException below it). */
        @WithDefault("0.01")
        BigDecimal minAmount();

        /** Largest single load (CardLoadAmountTooHighException above it). */
        @WithDefault("5000")
        BigDecimal maxAmount();

        /** Loads per card per rolling 24 h (CardMaxLoadPerDayException). */
        Optional<BigDecimal> perDay();

        /** Loads per card per rolling 4 days (CardMaxLoadPerFourDaysException). */
        Optional<BigDecimal> perFourDays();

        /** Loads per card per rolling 7 days (CardMaxLoadPerWeekException). */
        Optional<BigDecimal> perWeek();

        /** Loads per card per rolling 30 days (CardMaxLoadPerMonthException). */
        Optional<BigDecimal> perMonth();

        /** Loads per card per rolling 365 days (CardMaxLoadPerYearException). */
        Optional<BigDecimal> perYear();

        /** Number of loads per card per rolling 24 h (CardLoadCapacityException). */
        Optional<Integer> maxLoadsPerDay();

        default LoadLimits toLoadLimits() {
            return new LoadLimits(minAmount(), maxAmount(), perDay().orElse(null), perFourDays().orElse(null),
                    perWeek().orElse(null), perMonth().orElse(null), perYear().orElse(null),
                    maxLoadsPerDay().orElse(null));
        }
    }
}
