package io.anygate.tx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.anygate.testsupport.TxStubReset;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every TX status becomes its typed error; expected answers neither retry nor trip the breaker; 5xx do. */
@QuarkusTest
@TestProfile(TxStubProfile.class)
@ExtendWith(TxStubReset.class)
class TxErrorsAndBreakerTest {

    private static final String A2A = "/tx/v1/tran/account2account";
    private static final String CARD = "/tx/v1/card";

    @Inject
    TxTransfers transfers;

    @Inject
    TxCardCalls cards;

    @Inject
    CircuitBreakerMaintenance breakers;

    @InjectTxStub
    WireMockServer tx;

    @ParameterizedTest
    @CsvSource({
            "400, io.anygate.tx.TxInvalidRequestException, 1",
            "401, io.anygate.tx.TxUnauthorizedException, 1",
            "403, io.anygate.tx.TxUnauthorizedException, 1",
            "404, io.anygate.tx.TxNotFoundException, 1",
            "422, io.anygate.tx.TxDeclinedException, 1",
            "500, io.anygate.tx.TxUnavailableException, 4",
            "503, io.anygate.tx.TxUnavailableException, 4"})
    void eachStatusBecomesItsTypedErrorAndOnlyServerErrorsAreRetried(int status, String type, int attempts)
            throws Exception {
        tx.stubFor(post(urlPathEqualTo(A2A)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"tranId\":88,\"result\":\"Declined\",\"code\":\"INSUFFICIENT_FUNDS\","
                        + "\"description\":\"not enough\"}")));

        TxException e = assertThrows(TxException.class, this::transfer);

        assertEquals(Class.forName(type), e.getClass());
        tx.verify(attempts, postRequestedFor(urlPathEqualTo(A2A)));
    }

    @Test
    void aDeclineCarriesCodeDescriptionAndTranId() {
        tx.stubFor(post(urlPathEqualTo(A2A)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"tranId\":88,\"result\":\"Declined\",\"code\":\"SOMETHING_NEW\",\"description\":\"x\"}")));

        TxDeclinedException e = assertThrows(TxDeclinedException.class, this::transfer);

        assertEquals("SOMETHING_NEW", e.code());
        assertEquals("x", e.description());
        assertEquals(88L, e.tranId());
    }

    @Test
    void refusedConnectionIsUnavailable() {
        tx.stubFor(post(urlPathEqualTo(A2A)).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        assertThrows(TxUnavailableException.class, this::transfer);
        tx.verify(4, postRequestedFor(urlPathEqualTo(A2A)));
    }

    @Test
    void notFoundAndDeclinesNeverOpenTheBreaker() {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(aResponse().withStatus(404)));
        tx.stubFor(post(urlPathEqualTo(A2A)).willReturn(aResponse().withStatus(422)
                .withBody("{\"code\":\"CARD_BLOCKED\"}")));
        for (int i = 0; i < 3 * TxStubProfile.CARD_BREAKER_VOLUME; i++) {
            assertThrows(TxNotFoundException.class, () -> cards.card(TxCardRef.ofId(1)));
        }
        for (int i = 0; i < 25; i++) {
            assertThrows(TxDeclinedException.class, this::transfer);
        }
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("tx-card-get"));
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("tx-tran-account2account"));
        tx.verify(3 * TxStubProfile.CARD_BREAKER_VOLUME, getRequestedFor(urlPathEqualTo(CARD)));
    }

    @Test
    void serverErrorsOpenTheBreakerWhichFailsFastThenRecoversAfterItsDelay() throws Exception {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < TxStubProfile.CARD_BREAKER_VOLUME; i++) {
            assertThrows(TxUnavailableException.class, () -> cards.card(TxCardRef.ofId(1)));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState("tx-card-get"));

        // open: fails at once, TX never sees the call
        TxUnavailableException fast = assertThrows(TxUnavailableException.class, () -> cards.card(TxCardRef.ofId(1)));
        assertTrue(fast.getMessage().contains("circuit breaker open"), fast.getMessage());
        tx.verify(TxStubProfile.CARD_BREAKER_VOLUME, getRequestedFor(urlPathEqualTo(CARD)));

        // TX is back; after the (shortened) delay a trial call goes through: half-open, then closed
        tx.resetAll();
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(okJson("{\"ref\":{\"id\":1},\"status\":\"Active\"}")));
        TxCard card = await("a trial call once the breaker's delay is over").atMost(Duration.ofSeconds(30))
                .ignoreException(TxUnavailableException.class).until(() -> cards.card(TxCardRef.ofId(1)),
                        Objects::nonNull);
        assertEquals("Active", card.status());
        assertEquals(CircuitBreakerState.HALF_OPEN, breakers.currentState("tx-card-get"));
        cards.card(TxCardRef.ofId(1));
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState("tx-card-get"));
    }

    private void transfer() {
        transfers.account2account(ContractRef.ofId(1), ContractRef.ofId(2),
                new MonetaryValue(new BigDecimal("1.00"), "EUR"), TxMatchKey.of("op-err"), List.of());
    }
}
