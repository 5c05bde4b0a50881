package io.anygate.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.anygate.tx.InjectTxStub;
import io.anygate.tx.TxBreakers;
import io.anygate.tx.TxCardCalls;
import io.anygate.tx.TxCardRef;
import io.anygate.tx.TxContracts;
import io.anygate.tx.TxNotFoundException;
import io.anygate.tx.TxOperation;
import io.anygate.tx.TxStubProfile;
import io.anygate.tx.TxSubjects;
import io.anygate.tx.TxTransfers;
import io.anygate.tx.TxUnavailableException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Liveness ignores TX; readiness follows TX's ping and breakers; TX metrics are exported. */
@QuarkusTest
@TestProfile(TxStubProfile.class)
class HealthAndMetricsTest {

    @InjectTxStub
    WireMockServer tx;

    @Inject
    TxCardCalls cards;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    TxBreakers txBreakers;

    @BeforeEach
    void reset() {
        tx.resetAll();
    }

    @AfterEach
    void resetBreakers() {
        breakers.resetAll();
    }

    @Test
    void readyWhenTxAnswersItsPing() {
        tx.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("OK")));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("tx")).body("checks.name", hasItem("store"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void notReadyButAliveWhenTxIsDown() {
        tx.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(503)));
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void notReadyWhileATxBreakerIsOpen() {
        tx.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(200)));
        tx.stubFor(get(urlPathEqualTo("/tx/v1/card")).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < TxStubProfile.CARD_BREAKER_VOLUME; i++) {
            assertThrows(TxUnavailableException.class, () -> cards.card(TxCardRef.ofId(1)));
        }
        given().get("/q/health/ready").then().statusCode(503)
                .body(containsString("tx-card-get"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void txOperationsAreMeasuredByOutcomeWithFaultToleranceMetrics() {
        tx.stubFor(get(urlPathEqualTo("/tx/v1/card")).willReturn(aResponse().withStatus(404)));
        assertThrows(TxNotFoundException.class, () -> cards.card(TxCardRef.ofId(1)));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("tx_client_outcomes_total{operation=\"card.get\",outcome=\"not_found\"}"));
        assertTrue(metrics.contains("tx_client_latency_seconds_count{operation=\"card.get\"}"));
        assertTrue(metrics.contains("ft_retry_retries_total{method=\"io.anygate.tx.TxCardCalls.cardAsync\"}"));
        assertTrue(metrics.contains("ft_circuitbreaker_state_current{method=\"io.anygate.tx.TxCardCalls.cardAsync\",state=\"open\"}"));
    }

    @Test
    void everyGuardedTxOperationHasABreakerOfItsOwnThatReadinessKnows() {
        // every TX operation but the readiness ping has a breaker
        long operations = Stream.of(TxSubjects.class, TxContracts.class, TxCardCalls.class, TxTransfers.class)
                .flatMap(c -> Stream.of(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(TxOperation.class)).count();
        assertEquals(operations, Set.copyOf(txBreakers.names()).size());
        // known to the maintenance API (which throws for an unknown name), closed after the reset
        txBreakers.names().forEach(n -> assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(n), n));
    }
}
