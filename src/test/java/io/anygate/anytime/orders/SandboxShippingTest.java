package io.anygate.anytime.orders;

import static io.anygate.testsupport.EdgeClient.signed;
import static io.anygate.testsupport.EdgeClient.token;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's card bureau: a plastic card's order gets its tracking number from the simulated TX a few seconds
 * after the order ({@code gateway.txsim.shipping-delay}, its default here), and from then on
 * {@code GET /v1.0/orders/{id}/tracking} answers the sandbox carrier's link. A virtual card is never shipped.
 */
@QuarkusTest
@TestProfile(SandboxShippingTest.Shipping.class)
class SandboxShippingTest {

    /** The simulator's default shipping delay; a store of its own ({@link OwnDatabase}). */
    public static class Shipping implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.txsim.shipping-delay", "PT3S",
                    OwnDatabase.URL_KEY, OwnDatabase.h2Url("sandbox-shipping"));
        }
    }

    @Inject
    CardFixture accounts;

    private static RequestSpecification as(TestPartner p) {
        return signed(p).header("Authorization", "Bearer " + token(p));
    }

    @Test
    void plasticOrderGetsItsTrackingLinkAfterTheDelay() {
        CardFixture.Account business = accounts.account(TestPartner.ALPHA.partnerId(), true, new BigDecimal("100.00"));
        long virtualOrder = as(TestPartner.ALPHA).contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("acc_id", business.accountId(), "card_name", "ACME PAY", "card_type",
                        "VIRTUAL_MULTI_USE", "expiry_date", LocalDate.now().plusYears(1).toString(), "amount", "10"))
                .post("/v1.0/cards").then().statusCode(200).extract().jsonPath().getLong("body.order_id");
        CardFixture.Account acc = accounts.account(TestPartner.ALPHA.partnerId(), false, new BigDecimal("100.00"));
        Map<String, Object> plastic = Map.of("acc_id", acc.accountId(), "card_name", "ANNE MARTIN",
                "card_type", "PLASTIC", "expiry_date", LocalDate.now().plusYears(2).toString(), "amount", "10",
                "delivery_gender", "F", "delivery_first_name", "Anne", "delivery_last_name", "Martin",
                "delivery_addr_1", "1 rue de la Paix", "delivery_zip", "75002");
        long orderId = as(TestPartner.ALPHA).contentType("application/x-www-form-urlencoded").formParams(plastic)
                .formParam("delivery_city", "Paris").formParam("delivery_cc", "fr").formParam("language", "fr")
                .post("/v1.0/cards").then().statusCode(200).extract().jsonPath().getLong("body.order_id");

        Response shipped = await("the order's tracking link").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> as(TestPartner.ALPHA).get("/v1.0/orders/" + orderId + "/tracking"),
                        r -> r.statusCode() != 404);
        String number = String.format("SBX%012d", orderId);
        shipped.then().statusCode(200)
                .body("body.tracking_link", equalTo("https://sandbox-post.example/track?number=" + number));

        // what TX reports on the card: the bureau's carrier and parcel number
        List<Map<String, String>> attrs = CardFixture.sim().queryParam("ref[id]", orderId).get("/tx/v1/card")
                .then().statusCode(200).extract().path("userAttrs");
        assertEquals(number, attrs.stream().filter(a -> "TX-TRACKING-NO".equals(a.get("rid"))).findFirst()
                .orElseThrow().get("val"));
        // the virtual card, ordered before the plastic one, is past the delay too: never shipped
        as(TestPartner.ALPHA).get("/v1.0/orders/" + virtualOrder + "/tracking").then().statusCode(404)
                .body("body.error.code", equalTo(4040410));
        // another partner's view of the same order
        as(TestPartner.DELTA).get("/v1.0/orders/" + orderId + "/tracking").then().statusCode(403)
                .body("body.error.code", equalTo(4030410))
                .body("body.error.exception", equalTo("OrderIdNoRightsException"));
    }
}
