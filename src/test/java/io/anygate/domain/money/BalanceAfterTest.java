package io.anygate.domain.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CoreTransaction;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Balances after many transactions from one balance read, consistent even while transactions keep landing, and counted
 * from the last quiet read on a contract where they never stop landing.
 */
class BalanceAfterTest {

    private static final long CONTRACT = 77;
    private static final long OTHER = 1;

    private final List<CoreTransaction> trans = new ArrayList<>();
    private final FakeLedger ledger = new FakeLedger();
    /** Runs before the n-th (1-based) list call: a transaction landing at that moment. */
    private final Map<Integer, Runnable> beforeListCall = new HashMap<>();
    private int listCalls;
    private int balanceReads;
    private long nextId = 1;
    private final BalanceAfter balances = new BalanceAfter();
    private final Map<Long, BalanceAnchors.Anchor> anchors = new HashMap<>();

    @BeforeEach
    void wire() {
        ledger.balances.put(CONTRACT, BigDecimal.ZERO);
        balances.anchors = new BalanceAnchors() {
            @Override
            public Optional<Anchor> find(long contractId) {
                return Optional.ofNullable(anchors.get(contractId));
            }

            @Override
            public void save(long contractId, Anchor anchor) {
                anchors.merge(contractId, anchor, (old, now) -> now.tranId() > old.tranId() ? now : old);
            }
        };
        balances.ledger = new FakeLedger() {
            @Override
            public Optional<BigDecimal> balance(long contractId) {
                balanceReads++;
                return ledger.balance(contractId);
            }
        };
        balances.history = new TransactionHistory() {
            @Override
            public Page oldestFirst(long contractId, int offset, int limit) {
                throw new AssertionError("the walk reads newest first");
            }

            @Override
            public Page newestFirst(long contractId, int offset, int limit) {
                beforeListCall.getOrDefault(++listCalls, () -> { }).run();
                List<CoreTransaction> desc = new ArrayList<>(trans);
                java.util.Collections.reverse(desc);
                int to = Math.min(desc.size(), offset + limit);
                return new Page(offset >= to ? List.of() : desc.subList(offset, to), to < desc.size());
            }
        };
    }

    @Test
    void everyAskedTransactionGetsTheBalanceRightAfterItFromOneBalanceRead() {
        long a = land("10.00", true, true);
        long b = land("20.00", true, true);
        long c = land("5.00", false, true);
        long declined = land("100.00", true, false);
        long e = land("1.00", true, true);

        Map<Long, BalanceAfter.After> after = balances.of(CONTRACT, List.of(e, a, c, declined)).orElseThrow();

        assertEquals(new BigDecimal("10.00"), after.get(a).balance());
        assertEquals(new BigDecimal("25.00"), after.get(c).balance());
        assertEquals(new BigDecimal("25.00"), after.get(declined).balance(), "a declined one moves nothing");
        assertEquals(new BigDecimal("26.00"), after.get(e).balance());
        assertFalse(after.containsKey(b), "only what was asked");
        assertEquals(c, after.get(c).transaction().id(), "the transaction as TX lists it comes along");
        assertEquals(1, balanceReads);
        assertEquals(2, listCalls, "the newest id, then one page that is also the newest-after read");
        assertEquals(Optional.of(new BigDecimal("30.00")), balances.of(CONTRACT, b));
    }

    @Test
    void aLongHistoryIsWalkedPageByPageAndATransactionLandingMeanwhileCountsNeitherTwiceNorAtAll() {
        long first = land("1.00", true, true);
        for (int i = 0; i < 249; i++) {
            land("2.00", true, true);
        }
        // While the second page is asked for, a new load lands: every later page starts one transaction later.
        beforeListCall.put(3, () -> land("1000.00", true, true));

        Map<Long, BalanceAfter.After> after = balances.of(CONTRACT, List.of(first, first + 100)).orElseThrow();

        assertEquals(new BigDecimal("1.00"), after.get(first).balance());
        assertEquals(new BigDecimal("201.00"), after.get(first + 100).balance());
        assertEquals(4, listCalls, "newest id, then pages of 100 down to the oldest asked");
    }

    @Test
    void aTransactionLandingBetweenTheReadsMakesThemBeDoneAgain() {
        long a = land("10.00", true, true);
        // Lands after the balance was read, before the newest id is read again: a balance without it, a list with
        // it. Trusted, that would give 7.00.
        beforeListCall.put(2, () -> land("3.00", true, true));
        Map<Long, BalanceAfter.After> after = balances.of(CONTRACT, List.of(a)).orElseThrow();
        assertEquals(new BigDecimal("10.00"), after.get(a).balance());
        assertEquals(2, balanceReads, "read again once the reads agreed");
    }

    @Test
    void whenTransactionsNeverStopLandingOrTheBalanceIsUnreadableItTellsNothing() {
        long a = land("10.00", true, true);
        for (int call = 2; call < 20; call += 2) {
            beforeListCall.put(call, () -> land("1.00", true, true));
        }
        assertTrue(balances.of(CONTRACT, List.of(a)).isEmpty());
        assertTrue(anchors.isEmpty(), "no quiet read ever: nothing to count from");

        ledger.balances.remove(CONTRACT);
        beforeListCall.clear();
        assertTrue(balances.of(CONTRACT, List.of(a)).isEmpty());
    }

    @Test
    void onACardWhoseTransactionsNeverStopLandingTheBalancesAreCountedFromTheLastQuietRead() {
        long a = land("10.00", true, true);
        assertEquals(Optional.of(new BigDecimal("10.00")), balances.of(CONTRACT, a), "a quiet read");
        assertEquals(new BalanceAnchors.Anchor(a, new BigDecimal("10.00")), anchors.get(CONTRACT));

        long b = land("5.00", false, true);
        long declined = land("500.00", false, false);
        long c = land("2.50", true, true);
        // From now on a load lands between every two reads: no quiet moment again.
        for (int call = listCalls + 2; call < listCalls + 40; call += 2) {
            beforeListCall.put(call, () -> land("1.00", true, true));
        }
        Map<Long, BalanceAfter.After> after = balances.of(CONTRACT, List.of(c, b, declined, a)).orElseThrow();

        assertEquals(new BigDecimal("10.00"), after.get(a).balance());
        assertEquals(new BigDecimal("5.00"), after.get(b).balance());
        assertEquals(new BigDecimal("5.00"), after.get(declined).balance(), "a declined one moves nothing");
        assertEquals(new BigDecimal("7.50"), after.get(c).balance());
        BalanceAnchors.Anchor moved = anchors.get(CONTRACT);
        assertTrue(moved.tranId() > c, "the anchor moves to the newest transaction seen");
        BigDecimal landedSince = new BigDecimal(moved.tranId() - c);
        assertEquals(new BigDecimal("7.50").add(landedSince), moved.balance(), "each later load added 1.00");
        assertEquals(ledger.balances.get(CONTRACT).subtract(new BigDecimal(nextId - 1 - moved.tranId())),
                moved.balance(), "the anchor agrees with the contract's real balance at that transaction");
    }

    @Test
    void aTransactionOlderThanTheAnchorIsCountedBackFromIt() {
        long a = land("10.00", true, true);
        long b = land("4.00", false, true);
        long c = land("1.00", true, true);
        balances.of(CONTRACT, c).orElseThrow();
        assertEquals(c, anchors.get(CONTRACT).tranId());
        for (int call = listCalls + 2; call < listCalls + 40; call += 2) {
            beforeListCall.put(call, () -> land("1.00", true, true));
        }
        Map<Long, BalanceAfter.After> after = balances.of(CONTRACT, List.of(a, b)).orElseThrow();
        assertEquals(new BigDecimal("10.00"), after.get(a).balance());
        assertEquals(new BigDecimal("6.00"), after.get(b).balance());
    }

    @Test
    void anIdTxDoesNotListIsAbsent() {
        long a = land("10.00", true, true);
        Map<Long, BalanceAfter.After> after = balances.of(CONTRACT, List.of(a, a + 50)).orElseThrow();
        assertEquals(Map.of(a, after.get(a)), after);
    }

    /** A transaction on the contract, applied to its balance when approved. */
    private long land(String amount, boolean credit, boolean approved) {
        long id = nextId++;
        BigDecimal value = new BigDecimal(amount);
        trans.add(new CoreTransaction(id, LocalDateTime.of(2026, 1, 1, 10, 0), "Transfer", false, "Presentment",
                value, "EUR", value, "EUR", null, null, approved ? "Approved" : "Declined",
                credit ? OTHER : CONTRACT, credit ? CONTRACT : OTHER));
        if (approved) {
            ledger.balances.merge(CONTRACT, credit ? value : value.negate(), BigDecimal::add);
        }
        return id;
    }
}
