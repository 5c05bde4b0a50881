package io.anygate.anytime.orders;

import static io.anygate.testsupport.EdgeClient.signed;
import static io.anygate.testsupport.EdgeClient.token;
import static org.hamcrest.Matchers.equalTo;

import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v1.0/orders/{id}/tracking}, as the SDK's {@code orderTracking()} calls it with the {@code order_id} of
 * a card order: the partner's own order has no tracking data until TX reports the card's carrier and tracking number
 * (here written on the TX card as its card bureau would; the test profile's simulator ships nothing by itself, see
 * {@code SandboxShippingTest}), then the carrier's link; another partner's order or an unknown one is not this
 * partner's, and a malformed id is an invalid parameter; never an unknown route.
 */
@QuarkusTest
class OrderTrackingTest {

    @Inject
    CardFixture accounts;

    private static RequestSpecification as(TestPartner p) {
        return signed(p).header("Authorization", "Bearer " + token(p));
    }

    private long order(TestPartner p) {
        CardFixture.Account acc = accounts.account(p.partnerId(), false, new BigDecimal("100.00"));
        Map<String, Object> plastic = Map.of("acc_id", acc.accountId(), "card_name", "ANNE MARTIN",
                "card_type", "PLASTIC", "expiry_date", LocalDate.now().plusYears(2).toString(), "amount", "10",
                "delivery_gender", "F", "delivery_first_name", "Anne", "delivery_last_name", "Martin",
                "delivery_addr_1", "1 rue de la Paix", "delivery_zip", "75002");
        return as(p).contentType("application/x-www-form-urlencoded").formParams(plastic).formParam("delivery_city", "Paris")
                .formParam("delivery_cc", "fr").formParam("language", "fr").post("/v1.0/cards").then().statusCode(200).extract().jsonPath().getLong("body.order_id");
    }

    @Test
    void ownOrderHasNoTrackingData() {
        long orderId = order(TestPartner.ALPHA);
        as(TestPartner.ALPHA).get("/v1.0/orders/" + orderId + "/tracking").then().statusCode(404)
                .body("type_response", equalTo("sync"))
                .body("body.error.code", equalTo(4040410))
                .body("body.error.exception", equalTo("OrderNoAvailableTrackingDataException"));
    }

    @Test
    void shippedOrderAnswersTheCarriersLink() {
        long orderId = order(TestPartner.ALPHA);
        CardFixture.shipped(orderId, "DHL", "JD 0146/0000 12");
        as(TestPartner.ALPHA).get("/v1.0/orders/" + orderId + "/tracking").then().statusCode(200)
                .body("body.tracking_link", equalTo("https://www.dhl.com/global-en/home/tracking/tracking-parcel.html"
                        + "?submit=1&tracking-id=JD+0146%2F0000+12"));
        // another partner learns nothing of it
        as(TestPartner.DELTA).get("/v1.0/orders/" + orderId + "/tracking").then().statusCode(403)
                .body("body.error.code", equalTo(4030410));
    }

    @Test
    void carrierWithoutTemplateHasNoLink() {
        long orderId = order(TestPartner.ALPHA);
        CardFixture.shipped(orderId, "Pigeon Express", "P-1");
        as(TestPartner.ALPHA).get("/v1.0/orders/" + orderId + "/tracking").then().statusCode(404)
                .body("body.error.code", equalTo(4040410));
    }

    @Test
    void anotherPartnersOrUnknownOrderIsNotThisPartners() {
        long alphas = order(TestPartner.ALPHA);
        as(TestPartner.DELTA).get("/v1.0/orders/" + alphas + "/tracking").then().statusCode(403)
                .body("body.error.code", equalTo(4030410))
                .body("body.error.exception", equalTo("OrderIdNoRightsException"));
        as(TestPartner.DELTA).get("/v1.0/orders/987654321/tracking").then().statusCode(403)
                .body("body.error.code", equalTo(4030410));
    }

    @Test
    void malformedIdIsAnInvalidParameter() {
        for (String id : new String[] {"abc", "0", "-4", "1234567890123456789012"}) {
            as(TestPartner.ALPHA).get("/v1.0/orders/" + id + "/tracking").then().statusCode(400)
                    .body("body.error.code", equalTo(4000310));
        }
    }
}
