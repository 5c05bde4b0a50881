package io.anygate.webhook;

import io.anygate.domain.CoreTransaction;
import io.anygate.domain.money.BalanceAfter;
import io.anygate.domain.money.TransactionHistory;
import io.anygate.domain.operation.MoneyComments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Follows every registered card's transactions in TX, so that what happens in TX without the gateway (merchant
 * purchases, reversals) also reaches the partner as {@code card_last_tx}. One replica at a time (a lease row,
 * renewed during a long pass: {@link FollowerLease}); per card a cursor (V31) over {@code GET trans} by card
 * contract in ascending id order. Events are made exactly as on approval ({@link CardLastTxEvents}); their id
 * {@code card_last_tx:{txid}} makes the outbox keep one when the approval already enqueued it. The cursor moves
 * only after the page's events are enqueued: a crash repeats a page, which the outbox absorbs.
 */
@ApplicationScoped
public class TransactionFollower {

    static final String JOB = "tx-follower";
    private static final Logger LOG = Logger.getLogger(TransactionFollower.class);

    @Inject
    FollowerStore followers;

    @Inject
    TransactionHistory history;

    @Inject
    BalanceAfter balances;

    @Inject
    CardLastTxEvents events;

    @Inject
    Clock clock;

    /**
     * What one pass did: {@code leaseHeld} false when the lease was not taken, or was lost during the pass (then
     * {@code cards} says how many were followed before it stopped).
     */
    public record Pass(boolean leaseHeld, int cards, int enqueued) {
    }

    /**
     * One pass over up to {@code cards} cards, least recently polled first, at most {@code pageSize} new
     * transactions each.
     */
    public Pass runOnce(String owner, Duration lease, int cards, int pageSize) {
        return run(followers, owner, lease, cards, pageSize);
    }

    /** The pass on a given store (tests give it one of their own). */
    Pass run(FollowerStore db, String owner, Duration lease, int cards, int pageSize) {
        FollowerLease job = new FollowerLease(db, owner, lease, clock);
        if (!job.take()) {
            return new Pass(false, 0, 0);
        }
        boolean held = true;
        int followed = 0;
        int enqueued = 0;
        int failed = 0;
        String firstError = null;
        List<FollowerStore.Followed> due = db.due(cards);
        for (FollowerStore.Followed f : due) {
            if (!job.keep()) {
                // another replica follows the cards now: going on would double the TX load
                held = false;
                LOG.warnf("follower lease taken over by another replica after %d of %d cards; pass stopped",
                        followed, due.size());
                break;
            }
            followed++;
            try {
                enqueued += follow(db, f, pageSize);
            } catch (RuntimeException e) {
                // TX unavailable for this card now: its cursor stays, the next pass reads the same page. It is
                // noted as polled all the same, so that cards failing every time do not take every pass's turn
                // (cards-per-pass of them would starve all the others).
                failed++;
                firstError = firstError == null ? "card " + f.card().cardId() + ": " + e : firstError;
                db.advance(f.card().cardId(), f.lastTranId(), f.seen(), clock.instant());
            }
        }
        if (failed > 0) {
            LOG.warnf("%d of %d cards not followed this pass (retried next pass); first: %s", failed, followed,
                    firstError);
        }
        return new Pass(held, followed, enqueued);
    }

    private int follow(FollowerStore db, FollowerStore.Followed f, int pageSize) {
        long contract = f.card().cardContractId();
        TransactionHistory.Page page = history.oldestFirst(contract, (int) f.seen(), pageSize);
        List<CoreTransaction> fresh = new ArrayList<>();
        long last = f.lastTranId();
        for (CoreTransaction t : page.transactions()) {
            if (t.id() > last && touches(t, contract)) {
                fresh.add(t);
            }
            last = Math.max(last, t.id());
        }
        if (fresh.isEmpty()) {
            db.advance(f.card().cardId(), last, f.seen() + page.transactions().size(), clock.instant());
            return 0;
        }
        // One balance read for the page: the balance after the newest, then backwards through the page.
        CoreTransaction newest = fresh.get(fresh.size() - 1);
        BigDecimal balance = balances.of(contract, newest.id())
                .orElseThrow(() -> new IllegalStateException("balance unavailable"));
        BigDecimal[] after = new BigDecimal[fresh.size()];
        for (int i = fresh.size() - 1; i >= 0; i--) {
            after[i] = balance;
            balance = balance.subtract(BalanceAfter.signed(fresh.get(i), contract));
        }
        Map<Long, MoneyComments> journaled = events.journaled(f.card(),
                fresh.stream().map(CoreTransaction::id).toList());
        int enqueued = 0;
        for (int i = 0; i < fresh.size(); i++) {
            MoneyComments comments = journaled.getOrDefault(fresh.get(i).id(), MoneyComments.NONE);
            if (events.enqueue(f.card(), fresh.get(i), after[i], comments)) {
                enqueued++;
            }
        }
        db.advance(f.card().cardId(), last, f.seen() + page.transactions().size(), clock.instant());
        return enqueued;
    }

    private static boolean touches(CoreTransaction t, long contract) {
        return (t.srcContractId() != null && t.srcContractId() == contract)
                || (t.dstContractId() != null && t.dstContractId() == contract);
    }

    /** Lets another replica take over at once (tests; a clean shutdown). */
    public void release(String owner) {
        try {
            followers.release(JOB, owner);
        } catch (RuntimeException e) {
            LOG.debugf("follower lease not released: %s", e.toString());
        }
    }
}
