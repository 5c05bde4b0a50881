package io.anygate.domain.money;

import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.LoadRefused.Reason;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Load limits over rolling windows, from the journal. Runs after the operation is journaled, so the sums include
 * it and every concurrent load: two loads racing can both be refused, never both let through over a limit.
 */
@ApplicationScoped
public class LoadLimitChecker {

    private static final List<OperationKind> LOADS = List.of(OperationKind.CARD_CREDIT);

    @Inject
    OperationJournal journal;

    void check(OwnedCard card, LoadLimits limits, Instant now) {
        window(card, limits.perDay(), Duration.ofDays(1), now, Reason.MAX_LOAD_PER_DAY, "day");
        window(card, limits.perFourDays(), Duration.ofDays(4), now, Reason.MAX_LOAD_PER_FOUR_DAYS, "four days");
        window(card, limits.perWeek(), Duration.ofDays(7), now, Reason.MAX_LOAD_PER_WEEK, "week");
        window(card, limits.perMonth(), Duration.ofDays(30), now, Reason.MAX_LOAD_PER_MONTH, "month");
        window(card, limits.perYear(), Duration.ofDays(365), now, Reason.MAX_LOAD_PER_YEAR, "year");
        if (limits.maxLoadsPerDay() != null
                && journal.countOnCard(card.cardId(), LOADS, now.minus(Duration.ofDays(1))) > limits.maxLoadsPerDay()) {
            throw new LoadRefused(Reason.LOAD_CAPACITY,
                    "the card accepts at most " + limits.maxLoadsPerDay() + " loads in 24 hours", null);
        }
    }

    private void window(OwnedCard card, BigDecimal limit, Duration period, Instant now, Reason reason, String name) {
        if (limit == null) {
            return;
        }
        BigDecimal loaded = journal.sumOnCard(card.cardId(), LOADS, now.minus(period));
        if (loaded.compareTo(limit) > 0) {
            throw new LoadRefused(reason, "the card's load limit per " + name + " (" + limit + ") would be exceeded",
                    null);
        }
    }
}
