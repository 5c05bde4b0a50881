package io.anygate.anytime.cards;

import static io.anygate.anytime.cards.CardCalls.as;
import static io.anygate.anytime.cards.CardCalls.orderOk;
import static io.anygate.anytime.cards.CardCalls.plasticOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.SandboxPins;
import io.anygate.testsupport.SimulatorFaultsCleared;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Delivery to the cardholder end to end: {@code POST /v1.0/cards/{card_ref}/pin} texts the PIN TX holds to the
 * holder's mobile, {@code POST .../pan} sends a virtual card's details to the address given, both through TX's
 * {@code subject/notification} (the simulator keeps what it was asked to send), both counted per card and day, and
 * in sandbox mode listed by {@code GET /sandbox/cardholder/outbox}. No PIN, PAN or CVV reaches a log.
 */
@QuarkusTest
@ExtendWith(SimulatorFaultsCleared.class)
class CardDeliveryTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;
    static final TestPartner DELTA = TestPartner.DELTA;
    static final String HOLDER_MOBILE = "33600000000";

    @Inject
    CardFixture fixture;

    @BeforeEach
    void freshTokens() {
        CardCalls.reset();
    }

    @Test
    void thePinIsTextedToTheHoldersMobile() throws Exception {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        String pin = SandboxPins.pin(card.cardId(), pan(card));

        as(ALPHA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(200)
                .body("body.acc_id", equalTo((int) card.accountId())).body("body.card_ref", equalTo(ref));

        Map<String, Object> sent = simNotificationTo(HOLDER_MOBILE, ref.substring(ref.length() - 4), pan(card));
        assertEquals("SMS", sent.get("channelKind"));
        assertTrue(((String) sent.get("messageBody")).contains("PIN " + pin), "the text holds the card's PIN");

        JsonPath outbox = outbox(ref);
        assertEquals("pin", outbox.getString("[0].service"));
        assertEquals("sms", outbox.getString("[0].channel"));
        assertEquals(HOLDER_MOBILE, outbox.getString("[0].address"));
        assertEquals("alpha", outbox.getString("[0].partner_id"));
        assertTrue(outbox.getString("[0].body").contains("has PIN " + pin + "."), outbox.getString("[0].body"));
    }

    @Test
    void aVirtualCardsDetailsGoByEmailOrText() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        String pan = pan(card);
        String cvv = cvv(card);

        as(ALPHA).formParam("dest_method", "email").formParam("dest_value", "ada@example.com")
                .post("/v1.0/cards/" + ref + "/pan").then().statusCode(200).body("body.state", equalTo("sent"));
        as(ALPHA).formParam("dest_method", "SMS").formParam("dest_value", "447700900123")
                .post("/v1.0/cards/" + ref + "/pan").then().statusCode(200).body("body.state", equalTo("sent"));

        JsonPath outbox = outbox(ref);
        assertEquals("sms", outbox.getString("[0].channel"));
        assertEquals("447700900123", outbox.getString("[0].address"));
        assertEquals("email", outbox.getString("[1].channel"));
        assertEquals("ada@example.com", outbox.getString("[1].address"));
        String body = outbox.getString("[1].body");
        assertTrue(body.replace(" ", "").contains(pan) && body.contains("CVV " + cvv), "the details: " + body.length());
        assertEquals("Your virtual card details", outbox.getString("[1].subject"));
        assertEquals("Email", simNotificationTo("ada@example.com", null, pan).get("channelKind"));
    }

    @Test
    void theDestinationIsCheckedPerMethod() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        for (String[] bad : new String[][] {{"email", "not-an-email", "dest_value"}, {"email", "33600000000", "dest_value"},
                {"sms", "+33 6 00 00 00 00", "dest_value"}, {"sms", "ada@example.com", "dest_value"},
                {"fax", "33600000000", "dest_method"}}) {
            as(ALPHA).formParam("dest_method", bad[0]).formParam("dest_value", bad[1])
                    .post("/v1.0/cards/" + ref + "/pan").then().statusCode(400)
                    .body("body.error.code", equalTo(4000310)).body("body.error.message", containsString(bad[2]));
        }
        as(ALPHA).formParam("dest_method", "email").post("/v1.0/cards/" + ref + "/pan").then().statusCode(400)
                .body("body.error.code", equalTo(4000310)).body("body.error.message", containsString("dest_value"));
        assertEquals(0, outbox(ref).getList("$").size(), "nothing was sent");
    }

    @Test
    void aPlasticCardTakesAPinTextButNoDetails() {
        CardFixture.Account acc = fixture.account(ALPHA.partnerId(), false, new BigDecimal("100.00"));
        String plastic = orderOk(ALPHA, plasticOrder(acc.accountId(), "5"));
        as(ALPHA).post("/v1.0/cards/" + plastic + "/pin").then().statusCode(403)
                .body("body.error.code", equalTo(4030320));
        as(ALPHA).formParam("card_status", "ACT").put("/v1.0/cards/" + plastic).then().statusCode(200);

        as(ALPHA).formParam("dest_method", "email").formParam("dest_value", "anne@example.com")
                .post("/v1.0/cards/" + plastic + "/pan").then().statusCode(403)
                .body("body.error.code", equalTo(4030360));
        as(ALPHA).post("/v1.0/cards/" + plastic + "/pin").then().statusCode(200)
                .body("body.card_ref", equalTo(plastic)).body("body.acc_id", equalTo((int) acc.accountId()));
        assertEquals(List.of("pin"), outbox(plastic).getList("service"));
    }

    @Test
    void anotherPartnersCardIsRefused() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        as(DELTA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(403).body("body.error.code", equalTo(4030310));
        as(DELTA).formParam("dest_method", "email").formParam("dest_value", "eve@example.com")
                .post("/v1.0/cards/" + ref + "/pan").then().statusCode(403).body("body.error.code", equalTo(4030310));
        as(ALPHA).post("/v1.0/cards/ANY12/pin").then().statusCode(400).body("body.error.code", equalTo(4000310));
        assertEquals(0, outbox(ref).getList("$").size());
    }

    @Test
    void aClosedCardSendsNothing() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        CardFixture.status(card.cardId(), "Closed");
        as(ALPHA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(403).body("body.error.code", equalTo(4030350));
    }

    @Test
    void aHolderWithoutMobileGetsNoPinText() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        long holder = CardFixture.sim().queryParam("ref[id]", card.cardId()).get("/tx/v1/card").then().statusCode(200)
                .extract().jsonPath().getLong("holder.id");
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = CardFixture.withoutNulls(CardFixture.sim().queryParam("ref[id]", holder)
                .get("/tx/v1/subject").then().statusCode(200).extract().as(Map.class));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) subject.get("details");
        details.remove("phones");
        CardFixture.sim().body(Map.of("object", subject)).put("/tx/v1/subject").then().statusCode(200);

        as(ALPHA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(403)
                .body("body.error.code", equalTo(4030390)).body("body.error.message", containsString("mobile"));
        assertEquals(0, outbox(ref).getList("$").size());
    }

    @Test
    void eachCardHasItsDailySends() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        OwnedCard other = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        for (int i = 0; i < 3; i++) {
            as(ALPHA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(200);
        }
        as(ALPHA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(429)
                .body("body.error.code", equalTo(4290020))
                .body("body.error.exception", equalTo("MaxQueryRateByFunctionalityReachedException"))
                .body("body.error.message", containsString("card_ref"));
        assertEquals(3, outbox(ref).getList("$").size(), "the refused one was not sent");
        // the PAN service has its own count, the other card its own
        as(ALPHA).formParam("dest_method", "sms").formParam("dest_value", HOLDER_MOBILE)
                .post("/v1.0/cards/" + ref + "/pan").then().statusCode(200);
        as(ALPHA).post("/v1.0/cards/" + CardRef.ofTxCard(other.cardId()).value() + "/pin").then().statusCode(200);
    }

    @Test
    void concurrentSendsNeverPassTheDailyCount() throws Exception {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        as(ALPHA).get("/v1.0/cards/" + ref).then().statusCode(200); // a token before the race
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> as(ALPHA).post("/v1.0/cards/" + ref + "/pin").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(3, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(5, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, outbox(ref).getList("$").size());
    }

    @Test
    void aNotificationTxDidNotAnswerIsNeverSentTwice() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        CardFixture.sim().body(Map.of("operation", "subject.notification", "errorRate", 1.0, "errorStatus", 503))
                .put("/sim/faults").then().statusCode(200);
        as(ALPHA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(408)
                .body("body.error.code", equalTo(4080010));
        Integer calls = CardFixture.sim().get("/sim/faults").then().statusCode(200).extract()
                .path("find { it.operation == 'subject.notification' }.calls");
        assertEquals(1, calls, "a notification is not retried: a repeat would text the PIN twice");
        assertEquals(0, outbox(ref).getList("$").size(), "not listed as sent");
    }

    @Test
    void theOutboxIsFilteredAndBounded() {
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        as(ALPHA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(200);
        given().queryParam("partner", "delta").queryParam("card_ref", ref).get("/sandbox/cardholder/outbox").then()
                .statusCode(200).header("Cache-Control", "no-store").body("size()", equalTo(0));
        given().queryParam("partner", "alpha").queryParam("limit", 1).get("/sandbox/cardholder/outbox").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].card_ref", equalTo(ref));
    }

    @Test
    void noPinPanOrCvvReachesALog() throws Exception {
        Capture capture = new Capture();
        Logger.getLogger("").addHandler(capture);
        List<String> lines;
        OwnedCard card = fixture.card(ALPHA.partnerId(), "10.00", "1.00");
        String ref = CardRef.ofTxCard(card.cardId()).value();
        String pan = pan(card);
        String cvv = cvv(card);
        String pin = SandboxPins.pin(card.cardId(), pan);
        String block = CardFixture.sim().queryParam("ref[id]", card.cardId()).get("/tx/v1/card/pin").then()
                .statusCode(200).extract().path("pinBlock");
        try {
            as(ALPHA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(200);
            as(ALPHA).formParam("dest_method", "email").formParam("dest_value", "ada@example.com")
                    .post("/v1.0/cards/" + ref + "/pan").then().statusCode(200);
            as(ALPHA).formParam("dest_method", "sms").formParam("dest_value", HOLDER_MOBILE)
                    .post("/v1.0/cards/" + ref + "/pan").then().statusCode(200);
            as(ALPHA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(200);
            as(ALPHA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(200);
            as(ALPHA).post("/v1.0/cards/" + ref + "/pin").then().statusCode(429);
            CardFixture.sim().body(Map.of("operation", "subject.notification", "errorRate", 1.0)).put("/sim/faults")
                    .then().statusCode(200);
            as(ALPHA).formParam("dest_method", "sms").formParam("dest_value", HOLDER_MOBILE)
                    .post("/v1.0/cards/" + ref + "/pan").then().statusCode(408);
        } finally {
            Logger.getLogger("").removeHandler(capture);
            lines = List.copyOf(capture.lines);
        }
        String grouped = pan.replaceAll("(\\d{4})(?=\\d)", "$1 ");
        Pattern pinNear = Pattern.compile("(?i)(pin|code)\\W{0,3}" + pin + "(?!\\d)");
        Pattern cvvNear = Pattern.compile("(?i)(cvv|cvc|cvv2)\\W{0,3}" + cvv + "(?!\\d)");
        for (String line : lines) {
            assertTrue(!line.contains(pan) && !line.contains(grouped), "a PAN in a log line");
            assertTrue(!line.contains(block), "a PIN block in a log line");
            assertTrue(!pinNear.matcher(line).find(), "a PIN in a log line");
            assertTrue(!cvvNear.matcher(line).find(), "a CVV in a log line");
        }
        // audited: who, which card, which channel, the outcome
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("io.anygate.audit card-delivery partner=alpha card=" + ref
                + " service=pin channel=sms to=***0000 outcome=sent")), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.contains("card=" + ref + " service=pan channel=email to=a***@example.com"
                + " outcome=sent")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("card=" + ref + " service=pan channel=sms")
                && l.contains("outcome=unknown")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("card-delivery-refused partner=alpha card=" + ref
                + " service=pin reason=daily-limit")));
    }

    private static String pan(OwnedCard card) {
        return CardFixture.sim().queryParam("ref[id]", card.cardId()).get("/tx/v1/card/pan").then().statusCode(200)
                .extract().path("pan");
    }

    private static String cvv(OwnedCard card) {
        return CardFixture.sim().queryParam("ref[id]", card.cardId()).get("/tx/v1/card/cvv2").then().statusCode(200)
                .extract().path("cvv2");
    }

    private static JsonPath outbox(String ref) {
        Response r = given().queryParam("card_ref", ref).queryParam("limit", 200).get("/sandbox/cardholder/outbox");
        r.then().statusCode(200);
        return r.jsonPath();
    }

    /** The newest notification the simulator took for {@code address} (and, when given, about that card's PAN). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> simNotificationTo(String address, String ignored, String pan) {
        List<Map<String, Object>> all = CardFixture.sim().get("/sim/notifications").then().statusCode(200).extract()
                .jsonPath().getList("$");
        for (int i = all.size() - 1; i >= 0; i--) {
            Map<String, Object> n = all.get(i);
            String body = String.valueOf(n.get("messageBody"));
            if (address.equals(n.get("address"))
                    && (body.contains(pan.substring(pan.length() - 4)) || body.replace(" ", "").contains(pan))) {
                return n;
            }
        }
        throw new AssertionError("no notification to the address about this card");
    }

    /** Every log record as emitted (before any console redaction). */
    static final class Capture extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();

        Capture() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord r) {
            String message = r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
            StringBuilder line = new StringBuilder(r.getLoggerName() + " " + message);
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
