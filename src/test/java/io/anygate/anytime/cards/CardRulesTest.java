package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static io.anygate.anytime.cards.CardCalls.orderOk;
import static io.anygate.anytime.cards.CardCalls.virtualOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.domain.CardRef;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Card rules of the Anytime contract end to end: signed HTTP calls, the gateway, TX (the embedded simulator). */
@QuarkusTest
class CardRulesTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;
    /** Has {@code limits.cards_per_account = 2} in the test partners file. */
    static final TestPartner PI = new TestPartner("pi", "pi-client", "delta-secret", "pi-user", "delta-pass",
            TestPartner.privateKey("/partners/keys/delta-private.pem"));

    @Inject
    CardFixture fixture;

    @BeforeEach
    void freshTokens() {
        CardCalls.reset();
    }

    @Test
    void theAccountCardListAndTheCardRouteTellTheSameCardType() {
        CardFixture.Account acc = fixture.account(ALPHA.partnerId(), true, new BigDecimal("100.00"));
        String single = orderOk(ALPHA, virtualOrder(acc.accountId(), "VIRTUAL_SINGLE_USE", "5"));
        as(ALPHA).get("/v1.0/cards/" + single).then().statusCode(200)
                .body("body.card_type", equalTo("VIRTUAL_SINGLE_USE"));
        as(ALPHA).get("/v1.0/accounts/" + acc.accountId() + "/cards").then().statusCode(200)
                .body("body.cards.find { it.card_ref == '" + single + "' }.card_type", equalTo("VIRTUAL_SINGLE_USE"));
    }

    @Test
    void aSingleUseCardTakesTheLoadOfItsOrderOnly() {
        CardFixture.Account acc = fixture.account(ALPHA.partnerId(), true, new BigDecimal("100.00"));
        String single = orderOk(ALPHA, virtualOrder(acc.accountId(), "VIRTUAL_SINGLE_USE", "5"));
        Response again = credit(ALPHA, single, "3");
        again.then().statusCode(451).body("body.error.code", equalTo(4510310));
        assertEquals(new BigDecimal("95.00"), CardFixture.balance(acc.accountId()));
        // an unload stays possible: the money on the card is the holder's
        credit(ALPHA, single, "2", "debit").then().statusCode(200);

        String multi = orderOk(ALPHA, virtualOrder(acc.accountId(), "VIRTUAL_MULTI_USE", "5"));
        credit(ALPHA, multi, "3").then().statusCode(200);
        credit(ALPHA, multi, "3").then().statusCode(200);
    }

    @Test
    void concurrentLoadsOfASingleUseCardNeverGoThrough() throws Exception {
        CardFixture.Account acc = fixture.account(ALPHA.partnerId(), true, new BigDecimal("100.00"));
        String single = orderOk(ALPHA, virtualOrder(acc.accountId(), "VIRTUAL_SINGLE_USE", "5"));
        as(ALPHA); // the token is cached before the threads start
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> loads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                loads.add(pool.submit(() -> credit(ALPHA, single, "1")));
            }
            for (Future<Response> f : loads) {
                assertEquals(4510310, f.get().jsonPath().getLong("body.error.code"), f.get().asString());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(new BigDecimal("95.00"), CardFixture.balance(acc.accountId()));
    }

    @Test
    void anUnloadAboveWhatTheCardHoldsIsCardBalanceTooLowWhateverTheAmountLimit() {
        var card = fixture.card(ALPHA.partnerId(), "100.00", "20.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        // 6000 is above TX's per-transfer maximum of a card contract (5000), which TX checks before the funds
        credit(ALPHA, ref, "6000.00", "debit").then().statusCode(402).body("body.error.code", equalTo(4020320));
        credit(ALPHA, ref, "30.00", "debit").then().statusCode(402).body("body.error.code", equalTo(4020320));
        assertEquals(new BigDecimal("20.00"), CardFixture.balance(card.cardContractId()));
    }

    @Test
    void aPartnerSettingCapsTheCardsOfAnAccount() {
        CardFixture.Account acc = fixture.account(PI.partnerId(), true, new BigDecimal("100.00"));
        orderOk(PI, virtualOrder(acc.accountId(), "VIRTUAL_MULTI_USE", "5"));
        orderOk(PI, virtualOrder(acc.accountId(), "VIRTUAL_SINGLE_USE", "5"));
        CardCalls.order(PI, virtualOrder(acc.accountId(), "VIRTUAL_MULTI_USE", "5"), null).then().statusCode(429)
                .body("body.error.code", equalTo(4290330));
        assertEquals(new BigDecimal("90.00"), CardFixture.balance(acc.accountId()));
        // another account of the same partner has its own count; a partner without the setting has no cap
        CardFixture.Account other = fixture.account(PI.partnerId(), true, new BigDecimal("100.00"));
        orderOk(PI, virtualOrder(other.accountId(), "VIRTUAL_MULTI_USE", "5"));
        CardFixture.Account alphas = fixture.account(ALPHA.partnerId(), true, new BigDecimal("100.00"));
        for (int i = 0; i < 3; i++) {
            orderOk(ALPHA, virtualOrder(alphas.accountId(), "VIRTUAL_MULTI_USE", "5"));
        }
    }

    @Test
    void concurrentOrdersNeverPassTheCap() throws Exception {
        CardFixture.Account acc = fixture.account(PI.partnerId(), true, new BigDecimal("100.00"));
        as(PI);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Response>> orders = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                orders.add(pool.submit(() -> CardCalls.order(PI,
                        virtualOrder(acc.accountId(), "VIRTUAL_MULTI_USE", "5"), null)));
            }
            int made = 0;
            for (Future<Response> f : orders) {
                Response r = f.get();
                if (r.statusCode() == 200) {
                    made++;
                } else {
                    assertEquals(4290330, r.jsonPath().getLong("body.error.code"), r.asString());
                }
            }
            org.junit.jupiter.api.Assertions.assertTrue(made <= 2, made + " cards made past a cap of 2");
        }  finally {
            pool.shutdownNow();
        }
        as(PI).get("/v1.0/accounts/" + acc.accountId() + "/cards").then().statusCode(200)
                .body("body.cards.size()", org.hamcrest.Matchers.lessThanOrEqualTo(2));
    }

    @Test
    void wrongCvcsLockThePinRouteOfThatCardOnly() {
        var card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        String wrong = wrongCvc(card.cardId());
        // a right CVC (the sandbox's 000) before the limit starts the count again
        for (int i = 0; i < 4; i++) {
            pin(ref, wrong).then().statusCode(403).body("body.error.code", equalTo(4030380));
        }
        pin(ref, "000").then().statusCode(200);
        for (int i = 0; i < 5; i++) {
            pin(ref, wrong).then().statusCode(403).body("body.error.code", equalTo(4030380))
                    .body("body.error.message", org.hamcrest.Matchers.not(
                            org.hamcrest.Matchers.containsString("Too many")));
        }
        // locked: even the right CVC is refused, with the same code
        pin(ref, "000").then().statusCode(403).body("body.error.code", equalTo(4030380))
                .body("body.error.message", org.hamcrest.Matchers.containsString("Too many wrong CVCs"));
        var other = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        pin(CardRef.ofTxCard(other.cardId()).value(), "000").then().statusCode(200);
    }

    private static Response pin(String ref, String cvc) {
        return as(ALPHA).queryParam("cvc", cvc).get("/v1.0/cards/" + ref + "/pin");
    }

    /** A CVC that is neither the card's nor the sandbox's 000. */
    private static String wrongCvc(long cardId) {
        String cvv = CardFixture.sim().queryParam("ref[id]", cardId).get("/tx/v1/card/cvv2").then().statusCode(200)
                .extract().jsonPath().getString("cvv2");
        for (int i = 1; ; i++) {
            String c = String.format("%03d", i);
            if (!c.equals(cvv)) {
                return c;
            }
        }
    }

    private static Response credit(TestPartner p, String ref, String amount) {
        return credit(p, ref, amount, "credit");
    }

    private static Response credit(TestPartner p, String ref, String amount, String direction) {
        return as(p).formParam("amount", amount).formParam("acc_comment", "a").formParam("card_comment", "c")
                .post("/v1.0/cards/" + ref + "/" + direction);
    }
}
