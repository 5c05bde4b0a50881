package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static io.anygate.anytime.cards.CardCalls.orderOk;
import static io.anygate.anytime.cards.CardCalls.plasticOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.domain.CardRef;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway's card writes leave in TX (the embedded simulator, as strict as the spec): a status or
 * restriction change and a renewal send whole card objects with their expiration, so nothing the card had is
 * wiped; a card order's link write, retried after a lost answer, leaves one link.
 */
@QuarkusTest
class CardTxWritesTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;

    @Inject
    CardFixture accounts;

    @BeforeEach
    void freshTokens() {
        CardCalls.reset();
    }

    @AfterEach
    void noFaults() {
        CardFixture.sim().delete("/sim/faults").then().statusCode(200);
    }

    @Test
    void statusAndRestrictionChangesKeepTheRestOfTheCard() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), false, new BigDecimal("100.00"));
        String ref = orderOk(ALPHA, plasticOrder(acc.accountId(), "10"));
        long cardId = CardRef.parse(ref).orElseThrow().txCardId();
        JsonPath before = txCard(cardId);

        as(ALPHA).formParam("card_status", "ACT").put("/v1.0/cards/" + ref).then().statusCode(200)
                .body("body.status", equalTo("ACT"));
        as(ALPHA).formParam("card_atm", "0").put("/v1.0/cards/" + ref).then().statusCode(200)
                .body("body.atm", equalTo(0));

        JsonPath after = txCard(cardId);
        assertEquals("Active", after.getString("status"));
        assertEquals("RP-NO-ATM", after.getString("restrictionsProfile.rid"));
        for (String kept : List.of("names", "logistics", "userAttrs", "dates.expiration")) {
            assertEquals((Object) before.get(kept), after.get(kept), kept);
        }
        as(ALPHA).get("/v1.0/cards/" + ref).then().statusCode(200)
                .body("body.card_name.embossed", equalTo("ANNE MARTIN")).body("body.card_type", equalTo("PLASTIC"));
    }

    @Test
    void aRenewedCardKeepsItsNamesAndRunsAsLongAsTheOldOne() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), false, new BigDecimal("100.00"));
        Map<String, Object> order = plasticOrder(acc.accountId(), "10");
        String ref = orderOk(ALPHA, order);
        as(ALPHA).formParam("card_status", "ACT").put("/v1.0/cards/" + ref).then().statusCode(200);
        JsonPath old = txCard(CardRef.parse(ref).orElseThrow().txCardId());

        String renewed = as(ALPHA).formParam("card_renew", "1").put("/v1.0/cards/" + ref).then().statusCode(200)
                .extract().jsonPath().getString("body.card_ref");

        JsonPath card = txCard(CardRef.parse(renewed).orElseThrow().txCardId());
        for (String kept : List.of("names", "logistics", "userAttrs")) {
            assertEquals((Object) old.get(kept), card.get(kept), kept);
        }
        // the old card ran from its creation to its expiry (the order's 2 years): so does the new one, from today
        LocalDate created = LocalDate.parse(old.getString("dates.creation"));
        LocalDate expiry = LocalDate.parse(old.getString("dates.expiration"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate expected = today.plus(java.time.Period.between(created.withDayOfMonth(1), expiry.withDayOfMonth(1)))
                .with(TemporalAdjusters.lastDayOfMonth());
        assertEquals(expected.toString(), card.getString("dates.expiration"));
        as(ALPHA).get("/v1.0/cards/" + renewed).then().statusCode(200)
                .body("body.card_name.embossed", equalTo("ANNE MARTIN")).body("body.card_type", equalTo("PLASTIC"));
    }

    @Test
    void aLinkRetriedAfterALostAnswerIsMadeOnce() {
        CardFixture.Account acc = accounts.account(ALPHA.partnerId(), false, new BigDecimal("100.00"));
        CardFixture.sim().body(Map.of("operation", "contract2contract.put", "dropAfterCommitRate", 1.0, "count", 1))
                .put("/sim/faults").then().statusCode(200);

        String ref = orderOk(ALPHA, plasticOrder(acc.accountId(), "10"));

        long cardContract = txCard(CardRef.parse(ref).orElseThrow().txCardId()).getLong("financialContract.id");
        CardFixture.sim().queryParam("filter[contract1Id]", cardContract).get("/tx/v1/contract2contracts").then()
                .statusCode(200).body("objects.size()", equalTo(1))
                .body("objects[0].contract2.id", equalTo((int) acc.accountId()));
    }

    private static JsonPath txCard(long cardId) {
        return CardFixture.sim().queryParam("ref[id]", cardId).get("/tx/v1/card").then().statusCode(200).extract()
                .jsonPath();
    }
}
