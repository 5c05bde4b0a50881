package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.MoneyTestSupport.move;
import static io.anygate.anytime.cards.MoneyTestSupport.rows;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.money.CoreLedger;
import io.anygate.domain.operation.MoneyComments;
import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.OperationResumer;
import io.anygate.domain.operation.Reconciler;
import io.anygate.store.Store;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.SimulatorFaultsCleared;
import io.anygate.testsupport.TestPartner;
import io.quarkus.arc.All;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of concurrent loads and unloads on four cards while the simulator fails a share of transfers (5xx,
 * held past the timeout, applied then dropped), and a replica "crashes" mid-flight: a share of operations is
 * journaled and then abandoned (before sending, or after TX applied them but before the outcome was journaled),
 * exactly what a killed pod leaves behind. A reconciler built fresh, as on another replica, then settles
 * everything. In-process we cannot restart Quarkus; abandoning journaled operations reproduces the state a
 * restart leaves, which is what recovery has to handle. {@link MoneyRestartIT} does the real thing on the packaged
 * jar: the gateway process is killed with SIGKILL mid-run and started again on the same store.
 */
@QuarkusTest
@ExtendWith(SimulatorFaultsCleared.class)
class MoneyChaosTest {

    static final int CARDS = 4, OPERATIONS = 300, THREADS = 8;

    @Inject
    CardFixture fixture;
    @Inject
    Store store;
    @Inject
    OperationJournal journal;
    @Inject
    CoreLedger ledger;
    @Inject
    @All
    List<OperationResumer> resumers;
    @Inject
    Clock clock;
    @Inject
    io.anygate.webhook.TransactionFollower follower;
    @Inject
    io.anygate.InstanceId instance;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void everyOperationResolvesAndTxBalancesMatchTheJournalExactly() throws Exception {
        String token = EdgeClient.token(TestPartner.DELTA);
        List<OwnedCard> cards = new ArrayList<>();
        for (int i = 0; i < CARDS; i++) {
            cards.add(fixture.card("delta", "2000.00", "100.00"));
        }
        Map<Long, BigDecimal> opening = new HashMap<>();
        for (OwnedCard c : cards) {
            opening.put(c.accountId(), CardFixture.balance(c.accountId()));
            opening.put(c.cardContractId(), CardFixture.balance(c.cardContractId()));
        }
        BigDecimal totalBefore = opening.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        // The shares are deterministic and a call takes the first mode that hits it (error, timeout, drop): equal
        // rates would hit the same calls, so commit-then-drop gets a rate of its own.
        CardFixture.sim().body(Map.of("operation", "tran.account2account", "errorRate", 0.1, "timeoutRate", 0.03,
                "dropAfterCommitRate", 0.07)).put("/sim/faults").then().statusCode(200);

        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int n = 0; n < OPERATIONS; n++) {
            int i = n;
            futures.add(pool.submit(() -> {
                Random random = new Random(i);
                OwnedCard card = cards.get(i % CARDS);
                boolean credit = random.nextInt(3) != 0;
                String amount = BigDecimal.valueOf(100 + random.nextInt(2000), 2).toPlainString();
                if (i % 15 == 7) {
                    crashAfterJournaling(card, credit, new BigDecimal(amount), i % 30 == 7);
                    return;
                }
                String key = i % 2 == 0 ? "chaos-" + card.cardId() + "-" + i : null;
                Response r = move(TestPartner.DELTA, token, credit ? "credit" : "debit",
                        CardRef.ofTxCard(card.cardId()).value(), amount, key);
                // A 500 is allowed only as "not done" (TX not reached: 5000010 saying so), never as a failure.
                boolean notDone = r.statusCode() == 500 && r.asString().contains("nothing was done");
                statuses.merge(notDone ? -500 : r.statusCode(), 1, Integer::sum);
            }));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertTrue(!statuses.containsKey(500), "never a 500 but 'not done': " + statuses);
        CardFixture.sim().delete("/sim/faults").then().statusCode(200);

        // Another replica's reconciler, built fresh, settles what was left (PENDING of the "crashed" replica too).
        // Its breakers are closed (the other replica's saw the faults); bounded in time, not in passes: on a loaded
        // machine a pass whose TX call timed out keeps its claim for the lease before the next pass retries it. An
        // operation TX never registered is FAILED only once TX's matching window (about a minute after its send)
        // has passed, so the last ones take that long.
        breakers.resetAll();
        Reconciler fresh = new Reconciler(journal, resumers, clock);
        Set<Long> cardIds = new HashSet<>(cards.stream().map(OwnedCard::cardId).toList());
        await("no PENDING or UNKNOWN operation left").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    fresh.runOnce("replica-2", Duration.ZERO, Duration.ofSeconds(5), 500);
                    return unresolved(cardIds) == 0;
                });

        BigDecimal totalAfter = BigDecimal.ZERO;
        for (OwnedCard c : cards) {
            BigDecimal moved = BigDecimal.ZERO;
            List<Map<String, Object>> approved = rows(store, "SELECT kind, amount, tx_tran_id, operation_id FROM operation"
                    + " WHERE card_id = ? AND state = 'APPROVED'", c.cardId());
            for (Map<String, Object> op : approved) {
                BigDecimal amount = (BigDecimal) op.get("amount");
                moved = "CARD_CREDIT".equals(op.get("kind")) ? moved.add(amount) : moved.subtract(amount);
            }
            BigDecimal card = CardFixture.balance(c.cardContractId());
            BigDecimal account = CardFixture.balance(c.accountId());
            assertEquals(0, opening.get(c.cardContractId()).add(moved).compareTo(card), "card " + c.cardId());
            assertEquals(0, opening.get(c.accountId()).subtract(moved).compareTo(account), "account " + c.cardId());
            totalAfter = totalAfter.add(card).add(account);

            // No matchKey applied twice: TX's approved transfers on the card are exactly the approved operations.
            List<Map<String, Object>> trans = CardFixture.sim().queryParam("contract[id]", c.cardContractId())
                    .queryParam("page[limit]", 1000).get("/tx/v1/trans").then().statusCode(200).extract().jsonPath()
                    .getList("objects");
            Map<String, Integer> perKey = new HashMap<>();
            int approvedInTx = 0;
            for (Map<String, Object> t : trans) {
                if ("Approved".equals(t.get("result"))) {
                    approvedInTx++;
                    perKey.merge(String.valueOf(t.get("matchKey")), 1, Integer::sum);
                }
            }
            assertTrue(perKey.values().stream().allMatch(v -> v == 1), "a matchKey applied twice: " + perKey);
            assertEquals(approved.size(), approvedInTx, "approved in TX vs journal on card " + c.cardId());
            for (Map<String, Object> op : approved) {
                assertTrue(perKey.containsKey("agw-" + op.get("operation_id") + "-transfer"), op.toString());
            }
        }
        assertEquals(0, totalBefore.compareTo(totalAfter), "money is neither created nor destroyed");

        // Every approved operation's webhook is delivered (sandbox inbox: delta has no webhook URL).
        List<Map<String, Object>> approvedOps = new ArrayList<>();
        for (long id : cardIds) {
            approvedOps.addAll(rows(store, "SELECT tx_tran_id FROM operation WHERE card_id = ? AND state = 'APPROVED'",
                    id));
        }
        assertTrue(approvedOps.size() > OPERATIONS / 3, "enough approvals to mean something: " + approvedOps.size());
        // An approval whose enqueue failed is caught up by the TX transaction follower (same event id).
        follower.runOnce(instance.value(), Duration.ofSeconds(30), 10_000, 1000);
        await("every approved operation's card_last_tx delivered").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).until(() -> undelivered(approvedOps) == 0);
    }

    /**
     * What a pod killed mid-request leaves: the operation journaled PENDING and either never sent, or sent and
     * applied by TX without its outcome journaled.
     */
    private void crashAfterJournaling(OwnedCard card, boolean credit, BigDecimal amount, boolean applied) {
        Operation op = Operation.newMoney(OperationId.generate(clock.millis()), "delta",
                credit ? OperationKind.CARD_CREDIT : OperationKind.CARD_DEBIT, null, "fp", card.accountId(),
                card.cardId(), amount, "EUR", MoneyComments.NONE, clock.instant());
        journal.record(op);
        if (applied) {
            ledger.transfer(credit ? card.accountId() : card.cardContractId(),
                    credit ? card.cardContractId() : card.accountId(), amount, "EUR", op.matchKey("transfer"),
                    MoneyComments.NONE);
        }
    }

    private long unresolved(Set<Long> cardIds) {
        long n = 0;
        for (long id : cardIds) {
            n += rows(store, "SELECT operation_id FROM operation WHERE card_id = ? AND state IN ('PENDING', 'UNKNOWN')",
                    id).size();
        }
        return n;
    }

    private long undelivered(List<Map<String, Object>> approvedOps) {
        long n = 0;
        for (Map<String, Object> op : approvedOps) {
            List<Map<String, Object>> r = rows(store, "SELECT status FROM webhook_outbox WHERE event_id = ?",
                    "card_last_tx:" + op.get("tx_tran_id"));
            if (r.isEmpty() || !"DELIVERED".equals(r.get(0).get("status"))) {
                n++;
            }
        }
        return n;
    }
}
