package io.anygate.browser;

import static io.anygate.testsupport.EdgeClient.signed;
import static io.anygate.testsupport.EdgeClient.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The card-details page in a real browser: headless chromium opens the link of {@code POST
 * /v1.0/cards/{card_ref}/details-display}, the test reads the PAN from the rendered page, then a second opening
 * renders the refusal. Skipped where no browser can run (see {@link Chromium}).
 */
@QuarkusTest
class CardDetailsBrowserTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;

    @Inject
    CardFixture fixture;

    @Test
    void theBrowserShowsTheDetailsOnceThenTheRefusal() throws Exception {
        Chromium.assumeAvailable();
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        JsonNode tx = CardFixture.sim().queryParam("ref[id]", card.cardId()).get("/tx/v1/card/pan").then()
                .statusCode(200).extract().as(JsonNode.class);
        String cvv = CardFixture.sim().queryParam("ref[id]", card.cardId()).get("/tx/v1/card/cvv2").then()
                .statusCode(200).extract().jsonPath().getString("cvv2");
        // the browser opens the link from 127.0.0.1: the link is made for that address, on that host
        Response r = signed(ALPHA).header("Authorization", "Bearer " + token(ALPHA)).baseUri("http://127.0.0.1")
                .contentType("application/x-www-form-urlencoded").formParam("ip", "127.0.0.1")
                .post("/v1.0/cards/" + CardRef.ofTxCard(card.cardId()).value() + "/details-display");
        r.then().statusCode(200);
        String link = r.jsonPath().getString("body.temp_link");

        List<JsonNode> pages = Chromium.open(link, 2);

        JsonNode first = pages.get(0);
        assertEquals(200, first.path("status").asInt(), first.toString());
        assertEquals(tx.path("pan").asText(), first.path("pan").asText().replace(" ", ""), "the PAN as rendered");
        assertEquals(cvv, first.path("cvv").asText(), "the CVV as rendered");
        assertTrue(first.path("expiry").asText().matches("\\d{2}/\\d{2}"), first.toString());
        assertEquals("en", first.path("lang").asText());
        assertEquals("Your card details", first.path("h1").asText());
        assertSecured(first, link);
        assertEquals(0, first.path("consoleErrors").size(), "console errors on the details page: " + first);

        JsonNode second = pages.get(1);
        assertEquals(410, second.path("status").asInt(), second.toString());
        assertEquals("This link is no longer valid", second.path("h1").asText());
        assertTrue(second.path("refusal").asText().contains("opened only once"), second.toString());
        assertTrue(second.path("pan").isNull(), "no details on the refusal page: " + second);
        assertSecured(second, link);
    }

    // the headers as the browser got them; the page asked for nothing but itself and broke no CSP rule
    private static void assertSecured(JsonNode page, String link) {
        JsonNode h = page.path("headers");
        assertTrue(h.path("content-security-policy").asText().startsWith("default-src 'none'"), h.toString());
        assertEquals("no-store", h.path("cache-control").asText());
        assertEquals("no-referrer", h.path("referrer-policy").asText());
        assertEquals(0, page.path("scripts").asInt());
        for (JsonNode url : page.path("requests")) {
            assertTrue(url.asText().equals(link) || url.asText().endsWith("/favicon.ico"), "asked for " + url);
        }
        // the refusal's own 410 is reported as a console error; a CSP violation reads "Refused to ..."
        for (JsonNode error : page.path("consoleErrors")) {
            assertTrue(error.asText().startsWith("Failed to load resource: the server responded with a status of 410"),
                    "console error (a CSP violation is one): " + page);
        }
    }
}
