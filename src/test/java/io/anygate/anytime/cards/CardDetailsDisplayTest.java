package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.CardDetailsLinkStore;
import io.anygate.domain.card.OwnedCard;
import io.anygate.store.Store;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1.0/cards/{card_ref}/details-display} and the page its link opens, over HTTP (the browser test is
 * {@code io.anygate.browser.CardDetailsBrowserTest}): once, before it expires, from the given address only; the
 * token kept as a hash; no PAN nor token in any log line.
 */
@QuarkusTest
class CardDetailsDisplayTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;
    static final TestPartner DELTA = TestPartner.DELTA;
    static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/card-details/([A-Za-z0-9_-]{43})");

    @Inject
    CardFixture fixture;
    @Inject
    CardDetailsLinkStore links;
    @Inject
    Store store;

    @BeforeEach
    void freshTokens() {
        CardCalls.reset();
    }

    static Response display(TestPartner p, long cardId, String ip) {
        // the link's host is the one the partner called: 127.0.0.1, the address the page is opened from below
        return as(p).baseUri("http://127.0.0.1").formParam("ip", ip)
                .post("/v1.0/cards/" + CardRef.ofTxCard(cardId).value() + "/details-display");
    }

    static String link(long cardId, String ip) {
        Response r = display(ALPHA, cardId, ip);
        r.then().statusCode(200).header("Cache-Control", "no-store");
        String link = r.jsonPath().getString("body.temp_link");
        assertTrue(LINK.matcher(link).matches(), link);
        return link;
    }

    static Response open(String link) {
        return given().redirects().follow(false).get(link);
    }

    static String pan(long cardId) {
        return CardFixture.sim().queryParam("ref[id]", cardId).get("/tx/v1/card/pan").then().statusCode(200)
                .extract().jsonPath().getString("pan");
    }

    static void assertSecured(Response page) {
        page.then().contentType(containsString("text/html"))
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")));
        assertFalse(page.asString().contains("<script"), "no script on the page");
        assertFalse(page.asString().contains("http"), "no asset from anywhere: " + page.asString());
    }

    @Test
    void theLinkShowsTheCardDetailsOnceThenTheRefusalPage() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String pan = pan(card.cardId());
        String link = link(card.cardId(), "127.0.0.1");
        Response first = open(link);
        first.then().statusCode(200);
        assertSecured(first);
        String html = first.asString();
        assertTrue(html.replace(" ", "").contains(pan), "the page shows the card's PAN");
        assertTrue(html.contains("lang=\"en\"") && html.contains("<h1>") && html.contains("<dt>Security code (CVV)</dt>"));
        Response second = open(link);
        second.then().statusCode(410);
        assertSecured(second);
        assertTrue(second.asString().contains("This link is no longer valid"));
        assertFalse(second.asString().replace(" ", "").contains(pan), "never the details again");
    }

    @Test
    void aCardBlockedAfterTheLinkWasMadeShowsNothingUntilItIsActiveAgain() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        String pan = pan(card.cardId());
        String link = link(card.cardId(), "127.0.0.1");
        as(ALPHA).formParam("card_status", "BLO").put("/v1.0/cards/" + ref).then().statusCode(200);
        Response blocked = open(link);
        blocked.then().statusCode(410).body(containsString("This link is no longer valid"));
        assertSecured(blocked);
        assertFalse(blocked.asString().replace(" ", "").contains(pan), "no details of a blocked card");
        // the refusal did not use the link up: unblocked while the link lasts, the card's details show
        as(ALPHA).formParam("card_status", "ACT").put("/v1.0/cards/" + ref).then().statusCode(200);
        Response active = open(link);
        active.then().statusCode(200);
        assertTrue(active.asString().replace(" ", "").contains(pan));
    }

    @Test
    void aLinkMadeForAnotherAddressShowsNothingAndIsNotUsedUpByIt() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String link = link(card.cardId(), "203.0.113.7");
        open(link).then().statusCode(410).body(containsString("This link is no longer valid"));
        // the attempt from another address did not take the link: it is still open for 203.0.113.7
        Matcher m = LINK.matcher(link);
        assertTrue(m.matches());
        assertTrue(links.find(EdgeClient.sha256(m.group(1)), "203.0.113.7", Instant.now()).isPresent());
    }

    @Test
    void anIpv6AddressIsBoundInItsCanonicalForm() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String link = link(card.cardId(), "2001:DB8::0:1");
        Matcher m = LINK.matcher(link);
        assertTrue(m.matches());
        assertTrue(links.find(EdgeClient.sha256(m.group(1)), "2001:db8:0:0:0:0:0:1", Instant.now()).isPresent());
    }

    @Test
    void anExpiredLinkShowsTheRefusalPage() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String token = "expiredexpiredexpiredexpiredexpiredexpired1";
        Instant now = Instant.now();
        links.save(EdgeClient.sha256(token), ALPHA.partnerId(), card.cardId(), "127.0.0.1",
                now.minusSeconds(600), now.minusSeconds(1));
        Response page = open("http://127.0.0.1:" + io.restassured.RestAssured.port + "/card-details/" + token);
        page.then().statusCode(410).body(containsString("This link is no longer valid"));
        assertFalse(page.asString().replace(" ", "").contains(pan(card.cardId())));
    }

    @Test
    void anUnknownOrMalformedTokenShowsTheRefusalPage() {
        String base = "http://127.0.0.1:" + io.restassured.RestAssured.port + "/card-details/";
        for (String token : List.of("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "short", "%3Cscript%3E")) {
            Response page = open(base + token);
            page.then().statusCode(410).body(containsString("This link is no longer valid"));
            assertSecured(page);
        }
    }

    @Test
    void aHeadRequestDoesNotUseTheLinkUp() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String link = link(card.cardId(), "127.0.0.1");
        given().head(link).then().statusCode(200).header("Cache-Control", "no-store");
        open(link).then().statusCode(200);
    }

    @Test
    void theTokenIsKeptOnlyAsItsHash() throws Exception {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        Matcher m = LINK.matcher(link(card.cardId(), "127.0.0.1"));
        assertTrue(m.matches());
        String token = m.group(1);
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM card_details_link WHERE card_id = ?")) {
            ps.setLong(1, card.cardId());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(EdgeClient.sha256(token), rs.getString("token_hash"));
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String v = rs.getString(i);
                    assertFalse(v != null && v.contains(token), "column " + rs.getMetaData().getColumnName(i));
                }
            }
        }
    }

    @Test
    void noLogLineCarriesThePanTheCvvOrTheToken() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String pan = pan(card.cardId());
        String cvv = CardFixture.sim().queryParam("ref[id]", card.cardId()).get("/tx/v1/card/cvv2").then()
                .statusCode(200).extract().jsonPath().getString("cvv2");
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getLoggerName() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters())
                        + " " + (r.getThrown() == null ? "" : r.getThrown().toString()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String token;
        try {
            String link = link(card.cardId(), "127.0.0.1");
            Matcher m = LINK.matcher(link);
            assertTrue(m.matches());
            token = m.group(1);
            open(link).then().statusCode(200);
            open(link).then().statusCode(410);
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("card-details-link")), "the link is audited: " + lines);
        for (String line : List.copyOf(lines)) {
            assertFalse(line.contains(pan), "PAN in a log line: " + line);
            assertFalse(line.contains(token), "token in a log line: " + line);
            assertFalse(line.matches(".*\\b" + cvv + "\\b.*") && line.contains("cvv"), "CVV in a log line: " + line);
        }
    }

    @Test
    void theIpIsValidatedWithTheCardParameterCode() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        for (String ip : List.of("not-an-ip", "300.1.2.3", "10.0.0.0/8", ":::", "example.com")) {
            display(ALPHA, card.cardId(), ip).then().statusCode(400)
                    .body("body.error.code", equalTo(4000310))
                    .body("body.error.exception", equalTo("CardInvalidParameterException"))
                    .body("body.error.message", containsString("ip"));
        }
        as(ALPHA).post("/v1.0/cards/" + CardRef.ofTxCard(card.cardId()).value() + "/details-display").then()
                .statusCode(400).body("body.error.code", equalTo(4000310)).body("body.error.message", containsString("ip"));
    }

    @Test
    void anotherPartnersCardIsRefused() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        display(DELTA, card.cardId(), "127.0.0.1").then().statusCode(403)
                .body("body.error.code", equalTo(4030310));
    }
}
