package io.anygate.anytime.cards;

import static org.hamcrest.Matchers.containsString;

import io.anygate.domain.card.OwnedCard;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behind a trusted proxy (loopback here) the page's client is the address X-Forwarded-For names, as the edge
 * resolves it: the link opens for the address it was made for only, and the proxy's own address is not it.
 */
@QuarkusTest
@TestProfile(CardDetailsBehindProxyTest.BehindProxy.class)
class CardDetailsBehindProxyTest {

    /** The test client (loopback) is a trusted proxy; links are made on a configured public URL. */
    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.security.trusted-proxies", "127.0.0.1/32,::1/128",
                    "gateway.card-details.public-base-url", "https://cards.example.com/",
                    OwnDatabase.URL_KEY, OwnDatabase.h2Url("card-details-proxy"));
        }
    }

    static final TestPartner ALPHA = TestPartner.ALPHA;

    @Inject
    CardFixture fixture;

    @BeforeEach
    void freshTokens() {
        CardCalls.reset();
    }

    @Test
    void theLinkOpensOnlyForTheForwardedClientItWasMadeFor() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String link = CardDetailsDisplayTest.display(ALPHA, card.cardId(), "198.51.100.9").then().statusCode(200)
                .extract().jsonPath().getString("body.temp_link");
        org.junit.jupiter.api.Assertions.assertTrue(link.matches("https://cards\\.example\\.com/card-details/[A-Za-z0-9_-]{43}"),
                link);
        String local = link.replace("https://cards.example.com", "http://127.0.0.1:" + io.restassured.RestAssured.port);
        // the proxy itself, and another client behind it, are not the address the link was made for
        CardDetailsDisplayTest.open(local).then().statusCode(410);
        io.restassured.RestAssured.given().header("X-Forwarded-For", "198.51.100.10").get(local).then().statusCode(410);
        // a client cannot claim the address through a proxy it is not: the first hop from the right decides
        io.restassured.RestAssured.given().header("X-Forwarded-For", "198.51.100.9, 198.51.100.10").get(local).then()
                .statusCode(410);
        io.restassured.RestAssured.given().header("X-Forwarded-For", "198.51.100.9").get(local).then().statusCode(200)
                .body(containsString(CardDetailsDisplayTest.pan(card.cardId()).substring(0, 4)));
        io.restassured.RestAssured.given().header("X-Forwarded-For", "198.51.100.9").get(local).then().statusCode(410);
    }
}
