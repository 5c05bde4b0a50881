package io.anygate.domain.money;

import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.LoadRefused.Reason;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationJournal.Totals;
import io.anygate.domain.operation.OperationKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        List<Window> windows = new ArrayList<>();
        window(windows, limits.perDay(), Duration.ofDays(1), Reason.MAX_LOAD_PER_DAY, "day");
        window(windows, limits.perFourDays(), Duration.ofDays(4), Reason.MAX_LOAD_PER_FOUR_DAYS, "four days");
        window(windows, limits.perWeek(), Duration.ofDays(7), Reason.MAX_LOAD_PER_WEEK, "week");
        window(windows, limits.perMonth(), Duration.ofDays(30), Reason.MAX_LOAD_PER_MONTH, "month");
        window(windows, limits.perYear(), Duration.ofDays(365), Reason.MAX_LOAD_PER_YEAR, "year");
        Instant day = now.minus(Duration.ofDays(1));
        if (windows.isEmpty() && limits.maxLoadsPerDay() == null) {
            return; // no limit: nothing to read
        }
        List<Instant> since = new ArrayList<>(windows.stream().map(w -> now.minus(w.period())).toList());
        since.add(day);
        Map<Instant, Totals> totals = journal.totalsOnCard(card.cardId(), LOADS, since);
        for (Window w : windows) {
            if (totals.get(now.minus(w.period())).amount().compareTo(w.limit()) > 0) {
                throw new LoadRefused(w.reason(), "the card's load limit per " + w.name() + " (" + w.limit()
                        + ") would be exceeded", null);
            }
        }
        if (limits.maxLoadsPerDay() != null && totals.get(day).count() > limits.maxLoadsPerDay()) {
            throw new LoadRefused(Reason.LOAD_CAPACITY,
                    "the card accepts at most " + limits.maxLoadsPerDay() + " loads in 24 hours", null);
        }
    }

    /**
     * A single-use card takes one load: the initial load of its order (Anytime requires an amount there). Counted in
     * the journal after this load is recorded, so of concurrent loads on any replica none passes once another is
     * pending or done; a refused, failed or declined load does not count.
     */
    void checkSingleUse(OwnedCard card) {
        long loads = journal.totalsOnCard(card.cardId(), LOADS, List.of(Instant.EPOCH)).get(Instant.EPOCH).count();
        if (loads > 1) {
            throw new LoadRefused(Reason.SINGLE_USE_LOADED, "a single-use card takes one load only, and this card"
                    + " has had it", null);
        }
    }

    private record Window(BigDecimal limit, Duration period, Reason reason, String name) {
    }

    private static void window(List<Window> windows, BigDecimal limit, Duration period, Reason reason, String name) {
        if (limit != null) {
            windows.add(new Window(limit, period, reason, name));
        }
    }
}
