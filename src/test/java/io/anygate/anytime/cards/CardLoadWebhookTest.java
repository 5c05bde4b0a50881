package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.MoneyTestSupport.move;
import static io.anygate.anytime.cards.MoneyTestSupport.rows;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.store.Store;
import io.anygate.testsupport.AccessLines;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.SimulatorFaultsCleared;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The asynchronous half of a card load: the partner's answer costs no TX read for the webhook, and the
 * {@code card_last_tx} still follows within seconds, with the exact balance after each transaction, even for loads
 * racing on one card and after TX could not answer for a while.
 */
@QuarkusTest
@ExtendWith(SimulatorFaultsCleared.class)
class CardLoadWebhookTest {

    private static final String CREDIT_ROUTE = "/v1.0/cards/{card_ref}/credit";
    /** Loads each stream makes at least, and at most while no webhook of the card is built yet. */
    private static final int MIN_LOADS_PER_STREAM = 8, MAX_LOADS_PER_STREAM = 300;

    @Inject
    CardFixture fixture;
    @Inject
    Store store;

    private AccessLines access;

    @BeforeEach
    void listen() {
        access = AccessLines.install();
    }

    @AfterEach
    void cleanUp() {
        access.uninstall();
    }

    @Test
    void aLoadIsAnsweredWithoutAnyTxReadForItsWebhookWhichArrivesInTheInboxWithinSeconds() throws Exception {
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "100.00", "50.00");
        Response r = move(TestPartner.DELTA, token, "credit", CardRef.ofTxCard(card.cardId()).value(), "10", null);
        assertEquals(200, r.statusCode(), r.asString());
        long tranId = r.jsonPath().getLong("body.transaction_id");
        String eventId = "card_last_tx:" + tranId;

        ExtLogRecord line = access.await(CREDIT_ROUTE);
        // The card's standing and the transfer: nothing for the webhook. Before, the webhook read the transaction,
        // the newest transactions twice, the balance and the pages in between, on this thread.
        assertEquals("2", line.getMdc("tx_calls"), line.getFormattedMessage());

        Awaitility.await(eventId + " in the sandbox inbox").atMost(Duration.ofSeconds(10))
                .until(() -> given().queryParam("partner", "delta").queryParam("limit", 50)
                        .get("/sandbox/webhooks/inbox").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("$").stream().anyMatch(i -> eventId.equals(i.get("event_id"))));
        JsonPath body = new JsonPath(given().queryParam("partner", "delta").queryParam("limit", 50)
                .get("/sandbox/webhooks/inbox").asString());
        String prefix = "find { it.event_id == '" + eventId + "' }.body.body";
        assertEquals("card_last_tx", body.getString(prefix + ".method"));
        assertEquals(CardRef.ofTxCard(card.cardId()).value(), body.getString(prefix + ".card_ref"));
        assertEquals(Long.toString(tranId), body.getString(prefix + ".transaction.txid"));
        assertEquals("60.00", body.getString(prefix + ".transaction.balance_after"));
    }

    @Test
    void loadsRacingOnOneCardEachGetTheBalanceRightAfterThem() throws Exception {
        int loads = 12;
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "1000.00", "0.00");
        String cardRef = CardRef.ofTxCard(card.cardId()).value();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        Map<BigDecimal, Future<Response>> answers = new TreeMap<>();
        // Distinct amounts (1.01, 2.02, ...), so that a balance_after taken at the wrong moment cannot pass for the
        // right one.
        for (int i = 1; i <= loads; i++) {
            BigDecimal amount = new BigDecimal("1.01").multiply(new BigDecimal(i));
            answers.put(amount, pool.submit(() -> move(TestPartner.DELTA, token, "credit", cardRef,
                    amount.toPlainString(), null)));
        }
        TreeMap<Long, BigDecimal> amountByTran = new TreeMap<>();
        for (Map.Entry<BigDecimal, Future<Response>> a : answers.entrySet()) {
            Response r = a.getValue().get();
            assertEquals(200, r.statusCode(), r.asString());
            amountByTran.put(r.jsonPath().getLong("body.transaction_id"), a.getKey());
        }
        pool.shutdown();
        assertEquals(loads, amountByTran.size());

        await(() -> amountByTran.keySet().stream().allMatch(t -> built("card_last_tx:" + t)), 30,
                "every load's card_last_tx built");
        assertEachBalanceAfter(amountByTran, card);
    }

    @Test
    void aCardLoadedWithoutPauseGetsEveryWebhookWithTheExactBalanceAfterIt() throws Exception {
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "10000.00", "0.00");
        String cardRef = CardRef.ofTxCard(card.cardId()).value();
        AtomicInteger next = new AtomicInteger();
        Map<Long, BigDecimal> amountByTran = new ConcurrentSkipListMap<>();
        // The card's first webhook is built from a quiet read, which remembers the card's balance at that
        // transaction (its anchor), as the card order's initial load does for a real card.
        BigDecimal firstAmount = new BigDecimal("0.01").multiply(new BigDecimal(next.incrementAndGet()));
        Response first = move(TestPartner.DELTA, token, "credit", cardRef, firstAmount.toPlainString(), null);
        assertEquals(200, first.statusCode(), first.asString());
        long firstTran = first.jsonPath().getLong("body.transaction_id");
        amountByTran.put(firstTran, firstAmount);
        await(() -> amountByTran.keySet().stream().allMatch(t -> built("card_last_tx:" + t)), 30,
                "the first load's card_last_tx built");
        // Then three streams of loads without pause, which go on until the build step has built some of their
        // webhooks and then a few loads more: the build's passes run while loads keep landing on the card, whatever
        // the machine's speed. A slow balance read (100 ms) widens the build's read window so that loads land
        // inside it, and the balances are counted from the card's anchor rather than from a quiet read.
        CardFixture.sim().body(Map.of("operation", "contract.get", "latencyMs", 100)).put("/sim/faults").then()
                .statusCode(200);
        AtomicBoolean builtWhileLoading = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> streams = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            streams.add(pool.submit(() -> {
                int afterABuild = 0;
                for (int mine = 0; mine < MIN_LOADS_PER_STREAM || afterABuild < 2; mine++) {
                    if (mine == MAX_LOADS_PER_STREAM) {
                        throw new AssertionError("no card_last_tx built while " + mine + " loads landed");
                    }
                    BigDecimal amount = new BigDecimal("0.01").multiply(new BigDecimal(next.incrementAndGet()));
                    Response r = move(TestPartner.DELTA, token, "credit", cardRef, amount.toPlainString(), null);
                    assertEquals(200, r.statusCode(), r.asString());
                    amountByTran.put(r.jsonPath().getLong("body.transaction_id"), amount);
                    if (builtWhileLoading.get() || amountByTran.keySet().stream()
                            .anyMatch(t -> t != firstTran && built("card_last_tx:" + t))) {
                        builtWhileLoading.set(true);
                        afterABuild++;
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : streams) {
            f.get();
        }
        pool.shutdown();

        await(() -> amountByTran.keySet().stream().allMatch(t -> built("card_last_tx:" + t)), 60,
                "every load's card_last_tx built");
        assertEachBalanceAfter(amountByTran, card);
    }

    @Test
    void aBuildTxCannotAnswerIsRetriedAndDeliveredOnceTxIsBack() throws Exception {
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "100.00", "5.00");
        // TX takes the transfer but cannot answer the reads a build needs (the card's transactions, its balance).
        for (String op : List.of("trans.list", "contract.get")) {
            CardFixture.sim().body(Map.of("operation", op, "errorRate", 1.0)).put("/sim/faults").then()
                    .statusCode(200);
        }
        Response r = move(TestPartner.DELTA, token, "credit", CardRef.ofTxCard(card.cardId()).value(), "7.25", null);
        assertEquals(200, r.statusCode(), "the partner's answer does not wait for TX's reads: " + r.asString());
        String eventId = "card_last_tx:" + r.jsonPath().getLong("body.transaction_id");

        // Operators see it waiting, with the reason, and counted in the backlog.
        await(() -> adminEvent(eventId).getInt("attempts") >= 2, 30, "build retried");
        JsonPath waiting = adminEvent(eventId);
        assertEquals("BUILD", waiting.getString("status"));
        assertTrue(waiting.getString("last_error").startsWith("TX unavailable"), waiting.prettify());
        await(() -> gauge("gateway_webhook_outbox_unbuilt") >= 1 && gauge("gateway_webhook_outbox_pending") >= 1, 10,
                "backlog gauges count the build");
        given().header("Authorization", "Bearer test-admin-token").post("/admin/webhooks/events/" + eventId
                + "/redeliver").then().statusCode(409);

        CardFixture.sim().delete("/sim/faults").then().statusCode(200);
        await(() -> "DELIVERED".equals(adminEvent(eventId).getString("status")), 90, "delivered once TX is back");
        String payload = (String) rows(store, "SELECT payload FROM webhook_outbox WHERE event_id = ?", eventId)
                .get(0).get("payload");
        assertEquals("12.25", new JsonPath(payload).getString("transaction.balance_after"));
    }

    /**
     * Each load's card_last_tx carries the card's balance right after it: the running sum of the loads in TX
     * transaction order (the card starts empty), which ends at the card's balance in TX.
     */
    private void assertEachBalanceAfter(Map<Long, BigDecimal> amountByTran, OwnedCard card) {
        BigDecimal running = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<Long, BigDecimal> e : new TreeMap<>(amountByTran).entrySet()) {
            running = running.add(e.getValue());
            String payload = (String) rows(store, "SELECT payload FROM webhook_outbox WHERE event_id = ?",
                    "card_last_tx:" + e.getKey()).get(0).get("payload");
            assertEquals(running.toPlainString(), new JsonPath(payload).getString("transaction.balance_after"),
                    "balance after transaction " + e.getKey());
        }
        assertEquals(running, CardFixture.balance(card.cardContractId()).setScale(2), "the sum checks out");
    }

    private boolean built(String eventId) {
        List<Map<String, Object>> r = rows(store, "SELECT status FROM webhook_outbox WHERE event_id = ?", eventId);
        return !r.isEmpty() && !"BUILD".equals(r.get(0).get("status"));
    }

    private static JsonPath adminEvent(String eventId) {
        return given().header("Authorization", "Bearer test-admin-token").get("/admin/webhooks/events/" + eventId)
                .then().statusCode(200).extract().jsonPath();
    }

    private static double gauge(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max().orElse(-1);
    }

    private static void await(BooleanSupplier condition, int seconds, String what) {
        Awaitility.await(what).atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(200))
                .until(condition::getAsBoolean);
    }
}
