package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static io.anygate.anytime.cards.MoneyTestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.InstanceId;
import io.anygate.store.Store;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.TestPartner;
import io.anygate.webhook.TransactionFollower;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A partner's {@code card_pos}/{@code card_atm} and card status hold at the point of sale and the ATM: TX (the
 * simulator) declines what the card's restriction profile or status refuses, and the card's {@code card_last_tx}
 * for the declined transaction says why in {@code failed_reason}.
 */
@QuarkusTest
class CardRestrictionsPurchaseTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CardFixture fixture;
    @Inject
    Store store;
    @Inject
    TransactionFollower follower;
    @Inject
    InstanceId instance;

    @BeforeEach
    void freshTokens() {
        CardCalls.reset();
    }

    @Test
    void restrictionsAndStatusDeclineAtThePointOfSaleAndTheAtmAndTheWebhookSaysWhy() throws Exception {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "100.00", "50.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        follower.runOnce(instance.value(), Duration.ofSeconds(30), 10_000, 100); // the card gets its cursor

        as(ALPHA).formParam("card_pos", "0").put("/v1.0/cards/" + ref).then().statusCode(200);
        long posDeclined = declined(purchase(card), "POS_NOT_ALLOWED");
        withdrawal(card).then().statusCode(200);
        assertEquals(new BigDecimal("45.00"), CardFixture.balance(card.cardContractId()), "only the withdrawal moved");

        as(ALPHA).formParam("card_pos", "1").formParam("card_atm", "0").put("/v1.0/cards/" + ref).then().statusCode(200);
        long atmDeclined = declined(withdrawal(card), "ATM_NOT_ALLOWED");
        purchase(card).then().statusCode(200);
        assertEquals(new BigDecimal("40.00"), CardFixture.balance(card.cardContractId()), "only the purchase moved");

        as(ALPHA).formParam("card_atm", "1").formParam("card_status", "BLO").put("/v1.0/cards/" + ref).then()
                .statusCode(200);
        long blockedPurchase = declined(purchase(card), "CARD_BLOCKED");
        long blockedWithdrawal = declined(withdrawal(card), "CARD_BLOCKED");
        assertEquals(new BigDecimal("40.00"), CardFixture.balance(card.cardContractId()));

        follower.runOnce(instance.value(), Duration.ofSeconds(30), 10_000, 100);
        assertFailed(card, ref, posDeclined, "TRS0084", "Txn type not allowed");
        assertFailed(card, ref, atmDeclined, "TRS0084", "Txn type not allowed");
        assertFailed(card, ref, blockedPurchase, "TRS0031", "Blocked card");
        assertFailed(card, ref, blockedWithdrawal, "TRS0031", "Blocked card");
        // the partner's own view of the card's transactions says the same
        as(ALPHA).get("/v1.0/cards/" + ref + "/transactions/" + posDeclined).then().statusCode(200)
                .body("body.status", org.hamcrest.Matchers.equalTo("D"))
                // one object, as the official SDK hydrates it (docs/mapping.md)
                .body("body.failed_reason.code", org.hamcrest.Matchers.equalTo("TRS0084"))
                .body("body.failed_reason.message", org.hamcrest.Matchers.equalTo("Txn type not allowed"));
    }

    @Test
    void aCardNotYetActivatedIsDeclinedAtThePointOfSale() throws Exception {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "100.00", "50.00", "Inactive");
        follower.runOnce(instance.value(), Duration.ofSeconds(30), 10_000, 100);
        long tran = declined(purchase(card), "CARD_NOT_ACTIVE");
        follower.runOnce(instance.value(), Duration.ofSeconds(30), 10_000, 100);
        assertFailed(card, CardRef.ofTxCard(card.cardId()).value(), tran, "TRS0035", "Card not active");
        assertEquals(new BigDecimal("50.00"), CardFixture.balance(card.cardContractId()));
    }

    private static Response purchase(OwnedCard card) {
        return CardFixture.sim().body(Map.of("card", Map.of("id", card.cardId()), "terminal", Map.of("mid", "SHOP-1"),
                "value", Map.of("amt", new BigDecimal("5.00"), "ccy", "EUR"))).post("/tx/v1/tran/purchase");
    }

    private static Response withdrawal(OwnedCard card) {
        return CardFixture.sim().body(Map.of("card", Map.of("id", card.cardId()), "terminal", Map.of("tid", "ATM-1"),
                "value", Map.of("amt", new BigDecimal("5.00"), "ccy", "EUR"))).post("/sim/withdrawal");
    }

    private static long declined(Response r, String code) {
        assertEquals(422, r.statusCode(), r.asString());
        assertEquals(code, r.jsonPath().getString("code"));
        return r.jsonPath().getLong("tranId");
    }

    private void assertFailed(OwnedCard card, String ref, long tranId, String code, String message) throws Exception {
        List<Map<String, Object>> hooks = rows(store, "SELECT payload FROM webhook_outbox WHERE payload LIKE ?",
                "%\"card_ref\":\"" + ref + "\"%");
        JsonNode tx = hooks.stream().map(h -> read((String) h.get("payload"))).map(p -> p.path("transaction"))
                .filter(t -> t.path("txid").asLong() == tranId).findFirst()
                .orElseThrow(() -> new AssertionError("no card_last_tx for " + tranId + ": " + hooks));
        assertEquals("D", tx.path("status").asText(), tx.toString());
        JsonNode reason = tx.path("failed_reason");
        assertEquals(code, reason.path("code").asText(), tx.toString());
        assertEquals(message, reason.path("message").asText(), tx.toString());
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
