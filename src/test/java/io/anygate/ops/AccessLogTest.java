package io.anygate.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.testsupport.AccessLines;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One access line per request, with the trace the edge and TX client filled in; none for probes and scrapes. */
@QuarkusTest
@TestProfile(AccessLogTest.Diagnostics.class)
class AccessLogTest {

    /** Turns the sandbox diagnostics on so that a plain Vert.x route can be exercised too. */
    public static class Diagnostics implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.ops.diagnostics", "true", OwnDatabase.URL_KEY, OwnDatabase.h2Url("access-log"));
        }
    }

    @Inject
    CardFixture fixture;

    private AccessLines lines;

    @BeforeEach
    void listen() {
        lines = AccessLines.install();
    }

    @AfterEach
    void stop() {
        lines.uninstall();
    }

    @Test
    void aResourceRequestIsLoggedWithItsTemplatePartnerRequestIdAndTxCalls() throws InterruptedException {
        given().get("/ops-test/cards/card-123").then().statusCode(200);
        ExtLogRecord line = lines.await("/ops-test/cards/{card_ref}");
        assertTrue(line.getFormattedMessage().matches(
                "GET /ops-test/cards/\\{card_ref} 200 \\d+ms partner=acme request_id=\\d+ tx_calls=2"),
                line.getFormattedMessage());
        assertEquals("acme", line.getMdc("partner"));
        // a request_id the resource took first is the one its envelope carries (a multi-request names it early)
        assertEquals("77", line.getMdc("request_id"));
        assertEquals("2", line.getMdc("tx_calls"));
        assertEquals("200", line.getMdc("status"));
        assertTrue(lines.records().stream().noneMatch(r -> r.getFormattedMessage().contains("card-123")), "raw path logged");
    }

    @Test
    void aPlainRouteIsLoggedWithItsPathAndNoPartner() throws InterruptedException {
        given().get("/ops/diag/sleep?ms=1").then().statusCode(200);
        ExtLogRecord line = lines.await("/ops/diag/sleep");
        assertTrue(line.getFormattedMessage().startsWith("GET /ops/diag/sleep 200 "), line.getFormattedMessage());
        assertTrue(line.getFormattedMessage().endsWith("partner=- request_id=- tx_calls=0"), line.getFormattedMessage());
    }

    @Test
    void healthAndMetricsAreNotLogged() throws InterruptedException {
        // liveness: readiness also pings TX, and one slow ping on a loaded machine answers 503 (not what this tests)
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        // a later request's line proves the earlier ones would have been written by now
        given().get("/ops/diag/sleep?ms=1").then().statusCode(200);
        lines.await("/ops/diag/sleep");
        assertTrue(lines.records().stream().noneMatch(r -> r.getFormattedMessage().contains("/q/")), () -> lines.records().toString());
    }

    /**
     * A caller that closes its connection while a plain route still works is logged once, when it leaves, as 499
     * (client closed request): not as the 200 that was never sent.
     */
    @Test
    void aCallerThatLeavesBeforeAPlainRouteAnswersIsLoggedOnceAs499() throws Exception {
        int arrived = DiagSleepProbe.ARRIVED.get();
        int slept = DiagSleepProbe.SLEPT.get();
        try (Socket socket = send("/ops/diag/sleep?ms=1500")) {
            await("the request is read and its timer set").atMost(Duration.ofSeconds(5))
                    .until(() -> DiagSleepProbe.ARRIVED.get() > arrived);
        }
        ExtLogRecord line = lines.await("/ops/diag/sleep");
        assertTrue(line.getFormattedMessage().matches("GET /ops/diag/sleep 499 \\d+ms partner=- request_id=- tx_calls=0"),
                line.getFormattedMessage());
        assertEquals("499", line.getMdc("status"));
        // the timer fires and answers the closed connection: no second line
        await("the request's timer fired").atMost(Duration.ofSeconds(10))
                .until(() -> DiagSleepProbe.SLEPT.get() > slept);
        given().get("/ops/diag/sleep?ms=1").then().statusCode(200);
        lines.await("status", "200");
        assertEquals(1, lines.records().stream().filter(r -> "/ops/diag/sleep".equals(r.getMdc("route"))
                && "499".equals(r.getMdc("status"))).count(), () -> lines.records().toString());
        assertEquals(2, lines.records().stream().filter(r -> "/ops/diag/sleep".equals(r.getMdc("route"))).count(),
                () -> lines.records().toString());
    }

    /**
     * A REST request whose caller leaves while its resource still runs is logged once, as 499, with its route
     * template and the partner already known; its request_id is not, since no envelope was written.
     */
    @Test
    void aCallerThatLeavesWhileAResourceRunsIsLoggedOnceAs499WithItsTemplateAndPartner() throws Exception {
        TraceProbeResource.entered = new CountDownLatch(1);
        TraceProbeResource.release = new CountDownLatch(1);
        TraceProbeResource.left = new CountDownLatch(1);
        String route = "/ops-test/cards/{card_ref}/held";
        try {
            try (Socket socket = send("/ops-test/cards/card-456/held")) {
                assertTrue(TraceProbeResource.entered.await(10, TimeUnit.SECONDS), "the resource never ran");
            }
            ExtLogRecord line = lines.await(route);
            assertTrue(line.getFormattedMessage().matches(
                    "GET /ops-test/cards/\\{card_ref}/held 499 \\d+ms partner=acme request_id=- tx_calls=1"),
                    line.getFormattedMessage());
            assertEquals("499", line.getMdc("status"));
            assertEquals("acme", line.getMdc("partner"));
        } finally {
            TraceProbeResource.release.countDown();
        }
        // the resource ends and its answer meets the closed connection: still one line, no "200" for it
        assertTrue(TraceProbeResource.left.await(10, TimeUnit.SECONDS), "the resource never ended");
        oneLineFor2Seconds(route);
        given().get("/ops/diag/sleep?ms=1").then().statusCode(200);
        lines.await("/ops/diag/sleep");
        assertEquals(1, lines.records().stream().filter(r -> route.equals(r.getMdc("route"))).count(),
                () -> lines.records().toString());
        assertTrue(lines.records().stream().noneMatch(r -> "/".equals(r.getMdc("route"))), () -> lines.records().toString());
    }

    /** The same for an authenticated Anytime call whose TX call is slow: the partner is the authenticated one. */
    @Test
    void aPartnerThatLeavesDuringItsTxCallIsLoggedAs499WithItsRouteAndPartner() throws Exception {
        TestPartner alpha = TestPartner.ALPHA;
        String token = EdgeClient.token(alpha);
        OwnedCard card = fixture.card("alpha", "10.00", "1.00");
        String data = EdgeClient.freshValidationData();
        CardFixture.sim().body(Map.of("operation", "card.get", "latencyMs", 1500)).put("/sim/faults").then()
                .statusCode(200);
        try {
            try (Socket socket = send("/v1.0/cards/" + CardRef.ofTxCard(card.cardId()).value(),
                    "Authorization: Bearer " + token, "X-Validation-Data: " + data,
                    "X-Signed-Request: " + EdgeClient.sign(alpha.key(), data))) {
                CardFixture.awaitSimCall("card.get");
            }
            ExtLogRecord line = lines.await("/v1.0/cards/{card_ref}");
            assertTrue(line.getFormattedMessage().matches(
                    "GET /v1\\.0/cards/\\{card_ref} 499 \\d+ms partner=alpha-user request_id=- tx_calls=\\d+"),
                    line.getFormattedMessage());
            assertEquals("499", line.getMdc("status"));
        } finally {
            CardFixture.sim().delete("/sim/faults").then().statusCode(200);
        }
        // the slow TX call ends and its answer meets the closed connection: still one line
        oneLineFor2Seconds("/v1.0/cards/{card_ref}");
        given().get("/ops/diag/sleep?ms=1").then().statusCode(200);
        lines.await("/ops/diag/sleep");
        assertEquals(1, lines.records().stream().filter(r -> "/v1.0/cards/{card_ref}".equals(r.getMdc("route")))
                .count(), () -> lines.records().toString());
    }

    /** Checks that the route has one access line, and still one after 2 s, while its late answer is written. */
    private void oneLineFor2Seconds(String route) {
        await("one access line of " + route).during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> lines.records().stream().filter(r -> route.equals(r.getMdc("route"))).count() == 1);
    }

    /** Opens a connection and sends a GET of {@code target} with these header lines, then leaves it open. */
    private static Socket send(String target, String... headers) throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        StringBuilder head = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
