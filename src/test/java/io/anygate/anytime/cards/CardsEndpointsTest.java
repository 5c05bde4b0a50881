package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static io.anygate.anytime.cards.CardCalls.orderOk;
import static io.anygate.anytime.cards.CardCalls.plasticOrder;
import static io.anygate.anytime.cards.CardCalls.virtualOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.anygate.domain.CardRef;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The card endpoints end to end: signed HTTP calls, the gateway, TX (the embedded simulator). */
@QuarkusTest
class CardsEndpointsTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;
    static final TestPartner DELTA = TestPartner.DELTA;

    @Inject
    CardFixture accounts;

    @BeforeEach
    void freshTokens() {
        CardCalls.reset();
    }

    @Test
    void orderPlasticThenReadIt() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), false, new BigDecimal("500.00"));
        Response r = CardCalls.order(ALPHA, plasticOrder(acc.accountId(), "25.50"), null);
        r.then().statusCode(200).body("body.order_status", equalTo(3))
                .body("body.card_ref", matchesPattern("ANY\\d{10}"));
        String ref = r.jsonPath().getString("body.card_ref");
        assertEquals(CardRef.parse(ref).orElseThrow().txCardId(), r.jsonPath().getLong("body.order_id"));

        as(ALPHA).get("/v1.0/cards/" + ref).then().statusCode(200)
                .body("body.acc_id", equalTo((int) acc.accountId()))
                .body("body.card_ref", equalTo(ref))
                .body("body.card_type", equalTo("PLASTIC"))
                .body("body.status", equalTo("ORD"))
                .body("body.balance", equalTo(25.5f))
                .body("body.pos", equalTo(true)).body("body.atm", equalTo(true))
                .body("body.activation_date", equalTo("0000-00-00"))
                .body("body.card_holder.first_name", equalTo("Anne"))
                .body("body.card_holder.gender", equalTo("F"))
                .body("body.card_name.embossed", equalTo("ANNE MARTIN"));
        assertEquals(new BigDecimal("474.50"), CardFixture.balance(acc.accountId()));
    }

    @Test
    void virtualCardsOnlyForBusinessAccounts() {
        CardFixture.Account consumer = accounts.account(ALPHA.partnerId(), false, new BigDecimal("100.00"));
        CardCalls.order(ALPHA, virtualOrder(consumer.accountId(), "VIRTUAL_MULTI_USE", "10"), null).then()
                .statusCode(403).body("body.error.code", equalTo(4030370));

        CardFixture.Account business = accounts.account(ALPHA.partnerId(), true, new BigDecimal("100.00"));
        Response r = CardCalls.order(ALPHA, virtualOrder(business.accountId(), "VIRTUAL_MULTI_USE", "10"), null);
        r.then().statusCode(200).body("body.order_status", equalTo(9));
        as(ALPHA).get("/v1.0/cards/" + r.jsonPath().getString("body.card_ref")).then().statusCode(200)
                .body("body.status", equalTo("ACT")).body("body.card_type", equalTo("VIRTUAL_MULTI_USE"));
    }

    @Test
    void orderParametersAndAccountRights() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), false, new BigDecimal("100.00"));
        Map<String, Object> noName = plasticOrder(acc.accountId(), "10");
        noName.remove("card_name");
        CardCalls.order(ALPHA, noName, null).then().statusCode(400)
                .body("body.error.code", equalTo(4000310))
                .body("body.error.message", matchesPattern("card_name: .*"));
        // delta's view: alpha's account does not exist for it
        CardCalls.order(DELTA, plasticOrder(acc.accountId(), "10"), null).then().statusCode(403)
                .body("body.error.code", equalTo(4030310));
        CardCalls.order(ALPHA, plasticOrder(acc.accountId(), "1000.00"), null).then().statusCode(402)
                .body("body.error.code", equalTo(4020220));
    }

    @Test
    void partnersCannotSeeEachOthersCards() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), true, new BigDecimal("100.00"));
        String ref = orderOk(ALPHA, virtualOrder(acc.accountId(), "VIRTUAL_SINGLE_USE", "5"));
        Response theirs = as(DELTA).get("/v1.0/cards/" + ref);
        Response missing = as(DELTA).get("/v1.0/cards/ANY9999999999");
        theirs.then().statusCode(403).body("body.error.code", equalTo(4030310));
        assertEquals(missing.jsonPath().getString("body.error"), theirs.jsonPath().getString("body.error"));
        as(DELTA).queryParam("cvc", "000").get("/v1.0/cards/" + ref + "/pin").then().statusCode(403)
                .body("body.error.code", equalTo(4030310));
        as(DELTA).get("/v1.0/cards/" + ref + "/pan").then().statusCode(403).body("body.error.code", equalTo(4030310));
        as(DELTA).get("/v1.0/cards/" + ref + "/transactions").then().statusCode(403)
                .body("body.error.code", equalTo(4030310));
        as(DELTA).formParam("card_status", "BLO").put("/v1.0/cards/" + ref).then().statusCode(403)
                .body("body.error.code", equalTo(4030310));
        as(ALPHA).get("/v1.0/cards/ANY12").then().statusCode(400).body("body.error.code", equalTo(4000310));
    }

    @Test
    void statusMatrix() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), false, new BigDecimal("100.00"));
        String ref = orderOk(ALPHA, plasticOrder(acc.accountId(), "10"));
        String path = "/v1.0/cards/" + ref;
        as(ALPHA).formParam("card_status", "BLO").put(path).then().statusCode(403)
                .body("body.error.code", equalTo(4030320));
        as(ALPHA).formParam("card_renew", "1").put(path).then().statusCode(403)
                .body("body.error.code", equalTo(4030320));
        as(ALPHA).formParam("card_status", "ORD").put(path).then().statusCode(403)
                .body("body.error.code", equalTo(4030365));
        as(ALPHA).formParam("card_status", "XYZ").put(path).then().statusCode(400)
                .body("body.error.message", matchesPattern("card_status: .*"));
        as(ALPHA).put(path).then().statusCode(400).body("body.error.code", equalTo(4000310));
        as(ALPHA).formParam("card_status", "ACT").put(path).then().statusCode(200)
                .body("body.status", equalTo("ACT")).body("body.card_ref", equalTo(ref));
        as(ALPHA).formParam("card_status", "BLO").put(path).then().statusCode(200).body("body.status", equalTo("BLO"));
        as(ALPHA).formParam("card_status", "ACT").formParam("card_pos", "0").put(path).then().statusCode(200)
                .body("body.status", equalTo("ACT")).body("body.pos", equalTo(0)).body("body.atm", equalTo(1));
        as(ALPHA).get(path).then().body("body.pos", equalTo(false)).body("body.status", equalTo("ACT"));
        as(ALPHA).formParam("card_status", "LOS").put(path).then().statusCode(200).body("body.status", equalTo("LOS"));
        as(ALPHA).formParam("card_status", "ACT").put(path).then().statusCode(403)
                .body("body.error.code", equalTo(4030350));
        as(ALPHA).formParam("card_atm", "0").put(path).then().statusCode(403).body("body.error.code", equalTo(4030350));
    }

    @Test
    void renewGivesANewCardAndCancelsTheOld() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), true, new BigDecimal("100.00"));
        String ref = orderOk(ALPHA, virtualOrder(acc.accountId(), "VIRTUAL_MULTI_USE", "20"));
        Response r = as(ALPHA).formParam("card_renew", "1").put("/v1.0/cards/" + ref);
        r.then().statusCode(200).body("body.renew", equalTo(1)).body("body.status", equalTo("ACT"));
        String renewed = r.jsonPath().getString("body.card_ref");
        assertNotEquals(ref, renewed);
        as(ALPHA).get("/v1.0/cards/" + ref).then().body("body.status", equalTo("CAN"));
        as(ALPHA).get("/v1.0/cards/" + renewed).then().statusCode(200).body("body.status", equalTo("ACT"))
                .body("body.balance", equalTo(20.0f)).body("body.card_type", equalTo("VIRTUAL_MULTI_USE"));
    }

    @Test
    void pinAndPanForTheOwner() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), true, new BigDecimal("100.00"));
        String single = orderOk(ALPHA, virtualOrder(acc.accountId(), "VIRTUAL_SINGLE_USE", "5"));
        as(ALPHA).get("/v1.0/cards/" + single + "/pan").then().statusCode(200)
                .body("body.pan", matchesPattern("777777\\d{10}")).body("body.cvv", matchesPattern("\\d{3}"))
                .body("body.expiry_date", matchesPattern("\\d{4}-\\d{2}-\\d{2}"));
        as(ALPHA).queryParam("cvc", "000").get("/v1.0/cards/" + single + "/pin").then().statusCode(200)
                .body("body.pin", matchesPattern("\\d{4}")).body("body.pin_url", equalTo(""));
        as(ALPHA).queryParam("cvc", "12").get("/v1.0/cards/" + single + "/pin").then().statusCode(400)
                .body("body.error.code", equalTo(4000310));

        String plastic = orderOk(ALPHA, plasticOrder(acc.accountId(), "5"));
        as(ALPHA).get("/v1.0/cards/" + plastic + "/pan").then().statusCode(403)
                .body("body.error.code", equalTo(4030320));
        as(ALPHA).formParam("card_status", "ACT").put("/v1.0/cards/" + plastic).then().statusCode(200);
        as(ALPHA).get("/v1.0/cards/" + plastic + "/pan").then().statusCode(403)
                .body("body.error.code", equalTo(4030360));
    }

    @Test
    void unlinkedIsAlwaysEmpty() {
        as(ALPHA).get("/v1.0/cards/unlinked").then().statusCode(200).body("body.total_results", equalTo(0))
                .body("body.cards", hasSize(0)).body("body.filters.limit_number", equalTo(50));
    }
}
