package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static io.anygate.anytime.cards.CardCalls.orderOk;
import static io.anygate.anytime.cards.CardCalls.virtualOrder;
import static io.anygate.anytime.cards.MoneyTestSupport.move;
import static io.anygate.anytime.cards.MoneyTestSupport.rows;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.domain.operation.Reconciler;
import io.anygate.InstanceId;
import io.anygate.store.Store;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.SimulatorFaultsCleared;
import io.anygate.testsupport.TestPartner;
import io.anygate.tx.TxTransactionHistory;
import io.anygate.tx.TxTransfers;
import io.anygate.webhook.CardLastTxEvents;
import io.anygate.webhook.TransactionFollower;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.anygate.tx.ContractRef;
import io.anygate.tx.MonetaryValue;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A lost TX answer, the reconciler, the admin view, and card_last_tx for purchases made in TX. */
@QuarkusTest
@ExtendWith(SimulatorFaultsCleared.class)
class MoneyRecoveryTest {

    @Inject
    CardFixture fixture;
    @Inject
    Store store;
    @Inject
    Reconciler reconciler;
    @Inject
    TransactionFollower follower;
    @Inject
    InstanceId instance;
    @Inject
    TxTransfers transfers;
    @Inject
    CardLastTxEvents events;
    @Inject
    CircuitBreakerMaintenance breakers;

    @Test
    void aLostAnswerIsAppliedOnceAnswered408AndApprovedLaterWithItsWebhook() throws Exception {
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        // Every attempt (the first and the client's retries under the same matchKey) loses its answer, and TX
        // cannot be asked within the request either.
        CardFixture.sim().body(List.of(Map.of("operation", "tran.account2account", "dropAfterCommitRate", 1.0),
                Map.of("operation", "tran.get", "errorRate", 1.0))).put("/sim/faults").then().statusCode(200);
        Response r = move(TestPartner.DELTA, token, "credit", CardRef.ofTxCard(card.cardId()).value(), "12.34",
                null);
        assertEquals(408, r.statusCode(), r.asString());
        assertEquals(4080010, r.jsonPath().getLong("body.error.code"));
        assertEquals(new BigDecimal("12.34"), CardFixture.balance(card.cardContractId()), "in TX's ledger once");
        String opId = (String) rows(store, "SELECT operation_id FROM operation WHERE card_id = ?", card.cardId())
                .get(0).get("operation_id");

        // Operators see it stuck.
        Response list = given().header("Authorization", "Bearer test-admin-token").queryParam("state", "UNKNOWN")
                .get("/admin/operations");
        assertEquals(200, list.statusCode(), list.asString());
        List<String> stuck = list.jsonPath().getList("id");
        assertTrue(stuck != null && stuck.contains(opId), list.asString());
        given().get("/admin/operations").then().statusCode(401);

        SimulatorFaultsCleared.clear();
        Response resolved = given().header("Authorization", "Bearer test-admin-token")
                .post("/admin/operations/" + opId + "/reconcile");
        assertEquals(200, resolved.statusCode(), resolved.asString());
        assertEquals("APPROVED", resolved.jsonPath().getString("state"));
        long tranId = resolved.jsonPath().getLong("tx_tran_id");
        assertEquals(new BigDecimal("12.34"), CardFixture.balance(card.cardContractId()), "still once");
        assertEquals(new BigDecimal("87.66"), CardFixture.balance(card.accountId()));
        awaitDelivered("card_last_tx:" + tranId);
    }

    @Test
    void aLostAnswerIsLookedUpWithinTheRequestAndAnsweredAsApproved() {
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        CardFixture.sim().body(Map.of("operation", "tran.account2account", "dropAfterCommitRate", 1.0))
                .put("/sim/faults").then().statusCode(200);
        Response r = move(TestPartner.DELTA, token, "credit", CardRef.ofTxCard(card.cardId()).value(), "12.34",
                null);
        assertEquals(200, r.statusCode(), "not a 408: the request's own lookup found it applied; " + r.asString());
        assertEquals(new BigDecimal("12.34"), CardFixture.balance(card.cardContractId()), "in TX's ledger once");
        assertEquals("APPROVED", rows(store, "SELECT state FROM operation WHERE card_id = ?", card.cardId()).get(0)
                .get("state"));
    }

    @Test
    void aRepeatedKeyAnsweredWithTheReplayReadingIsAppliedOnce() {
        RepeatedKeyScenario.aRetriedLoadIsAppliedOnceAndAnsweredApproved(fixture, store);
    }

    @Test
    void aTransferTxRefusesBeforeTheFirstByteIsNotDoneAndNeverSentLater() {
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        // TX answers every transfer 500 until the transfer breaker opens: the next one is refused before its first byte.
        CardFixture.sim().body(Map.of("operation", "tran.account2account", "errorRate", 1.0)).put("/sim/faults")
                .then().statusCode(200);
        for (int i = 0; i < 20 && breakers.currentState("tx-tran-account2account") != CircuitBreakerState.OPEN; i++) {
            try {
                transfers.account2account(ContractRef.ofId(card.accountId()), ContractRef.ofId(card.cardContractId()),
                        new MonetaryValue(new BigDecimal("1.00"), "EUR"),
                        io.anygate.tx.TxMatchKey.of("outage-" + card.cardId() + "-" + i), List.of());
            } catch (RuntimeException expected) {
                // TX down
            }
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState("tx-tran-account2account"));
        Response r = move(TestPartner.DELTA, token, "credit", CardRef.ofTxCard(card.cardId()).value(), "5.00",
                "not-sent-" + card.cardId());
        breakers.resetAll();
        assertEquals(500, r.statusCode(), r.asString());
        assertEquals(5000010, r.jsonPath().getLong("body.error.code"), "not done: never the 408 of 'unknown'");
        assertEquals("FAILED", rows(store, "SELECT state FROM operation WHERE card_id = ?", card.cardId()).get(0)
                .get("state"));
        Response retry = move(TestPartner.DELTA, token, "credit", CardRef.ofTxCard(card.cardId()).value(), "5.00",
                "not-sent-" + card.cardId());
        assertEquals(5000010, retry.jsonPath().getLong("body.error.code"), "a keyed retry gets the settled outcome");
        assertEquals(new BigDecimal("0.00"), CardFixture.balance(card.cardContractId()), "never sent later");
    }

    @Test
    void aKeyedRetryAfterACrashGetsTheJournaledOutcomeAtOnceNot409() {
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        String key = "crash-" + card.cardId();
        String ref = CardRef.ofTxCard(card.cardId()).value();
        Response first = move(TestPartner.DELTA, token, "credit", ref, "7.00", key);
        assertEquals(200, first.statusCode(), first.asString());
        // The replica answering it died after the outcome was journaled and before its answer was kept: the key's
        // claim is left in flight, as a killed pod leaves it, for the whole in-flight lease.
        assertEquals(1, MoneyTestSupport.update(store, "UPDATE idempotency_key SET state = 'IN_FLIGHT', status = NULL,"
                + " content_type = NULL, signature = NULL, body = NULL, claimed_at = ? WHERE idem_key = ?",
                java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC), key));

        Response retry = move(TestPartner.DELTA, token, "credit", ref, "7.00", key);

        assertEquals(200, retry.statusCode(), "the settled outcome, not 409 'still being processed': "
                + retry.asString());
        assertEquals(first.jsonPath().getLong("body.transaction_id"), retry.jsonPath().getLong("body.transaction_id"));
        assertEquals(new BigDecimal("7.00"), CardFixture.balance(card.cardContractId()), "once");
    }

    @Test
    void purchasesInTxProduceExactlyOneCardLastTxEach() throws Exception {
        String token = EdgeClient.token(TestPartner.DELTA);
        OwnedCard card = fixture.card("delta", "100.00", "50.00");
        Response load = move(TestPartner.DELTA, token, "credit", CardRef.ofTxCard(card.cardId()).value(), "10", null);
        long loadTran = load.jsonPath().getLong("body.transaction_id");
        // The approval records the event; the build step makes its payload moments later, off the request path.
        String approvalPayload = awaitPayload("card_last_tx:" + loadTran);
        for (String amount : List.of("5.05", "7.00", "1.99")) {
            CardFixture.sim().body(Map.of("card", Map.of("id", card.cardId()), "terminal", Map.of("mid", "SHOP-1"),
                    "value", Map.of("amt", new BigDecimal(amount), "ccy", "EUR"))).post("/tx/v1/tran/purchase")
                    .then().statusCode(200);
        }
        follower.runOnce(instance.value(), Duration.ofSeconds(30), 10_000, 100);
        follower.runOnce(instance.value(), Duration.ofSeconds(30), 10_000, 100);

        List<Map<String, Object>> hooks = rows(store, "SELECT event_id, payload FROM webhook_outbox"
                + " WHERE payload LIKE ? ORDER BY event_id", "%\"card_ref\":\"" + CardRef.ofTxCard(card.cardId()).value()
                + "\"%");
        assertEquals(4, hooks.size(), "one load + three purchases, each once: " + hooks);
        assertEquals(approvalPayload, payload("card_last_tx:" + loadTran), "the follower added nothing");
        // The approval's JSON is the one the follower would have made for the same TX transaction.
        var t = TxTransactionHistory.toCore(transfers.tran(loadTran));
        String fromFollower = events.event(card, t, new BigDecimal("60.00"),
                events.journaled(card, List.of(loadTran)).get(loadTran)).payload();
        assertEquals(fromFollower, approvalPayload);
        assertTrue(hooks.stream().anyMatch(h -> ((String) h.get("payload")).contains("\"balance_after\":\"45.96\"")),
                hooks.toString());
    }

    @Test
    void aPurchaseWithARenewedCardIsReportedUnderTheNewCardNeverTheReplacedOne() {
        CardFixture.Account acc = fixture.account(TestPartner.ALPHA.partnerId(), true, new BigDecimal("100.00"));
        String oldRef = orderOk(TestPartner.ALPHA, virtualOrder(acc.accountId(), "VIRTUAL_MULTI_USE", "20"));
        follower.runOnce(instance.value(), Duration.ofSeconds(30), 10_000, 100); // the old card has a cursor
        Response renewed = as(TestPartner.ALPHA).formParam("card_renew", "1").put("/v1.0/cards/" + oldRef);
        assertEquals(200, renewed.statusCode(), renewed.asString());
        String newRef = renewed.jsonPath().getString("body.card_ref");
        assertNotEquals(oldRef, newRef);
        // One card per pass, as when a gateway has more cards than a pass takes: the renewed card's turn first.
        follower.runOnce(instance.value(), Duration.ofSeconds(30), 1, 100);

        Response purchase = CardFixture.sim().body(Map.of("card", Map.of("id", CardRef.parse(newRef).orElseThrow()
                .txCardId()), "terminal", Map.of("mid", "SHOP-RENEWED"), "value", Map.of("amt", new BigDecimal("3.00"),
                "ccy", "EUR"))).post("/tx/v1/tran/purchase");
        assertEquals(200, purchase.statusCode(), purchase.asString());
        follower.runOnce(instance.value(), Duration.ofSeconds(30), 10_000, 100);
        String purchaseEvent = "card_last_tx:" + purchase.jsonPath().getLong("tranId");
        List<Map<String, Object>> hooks = rows(store, "SELECT payload FROM webhook_outbox WHERE event_id = ?",
                purchaseEvent);
        assertEquals(1, hooks.size(), hooks.toString());
        assertTrue(((String) hooks.get(0).get("payload")).contains("\"card_ref\":\"" + newRef + "\""),
                "reported under the renewed card " + newRef + ", not the replaced " + oldRef + ": " + hooks);
        // The renewed card took over the replaced card's cursor: the contract's earlier transactions (the order's
        // initial load) are not reported a second time under the new card.
        assertEquals(List.of(Map.of("event_id", purchaseEvent)), rows(store, "SELECT event_id FROM webhook_outbox"
                + " WHERE payload LIKE ?", "%\"card_ref\":\"" + newRef + "\"%"));
    }

    private String awaitPayload(String eventId) {
        await(eventId + " built").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> payloadIfBuilt(eventId) != null);
        return payloadIfBuilt(eventId);
    }

    private String payloadIfBuilt(String eventId) {
        List<Map<String, Object>> r = rows(store, "SELECT payload FROM webhook_outbox WHERE event_id = ?", eventId);
        return r.isEmpty() ? null : (String) r.get(0).get("payload");
    }

    private String payload(String eventId) {
        return (String) rows(store, "SELECT payload FROM webhook_outbox WHERE event_id = ?", eventId).get(0)
                .get("payload");
    }

    private void awaitDelivered(String eventId) {
        await(eventId + " delivered").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> rows(store, "SELECT status FROM webhook_outbox WHERE event_id = ?", eventId).stream()
                        .anyMatch(row -> "DELIVERED".equals(row.get("status"))));
    }
}
