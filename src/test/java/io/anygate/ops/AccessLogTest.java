package io.anygate.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.AccessLines;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
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
            return Map.of("gateway.ops.diagnostics", "true");
        }
    }

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
}
