package io.anygate.tx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.anygate.domain.money.CardHolding;
import io.anygate.domain.money.CardStanding;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What an unload reads of its card before anything is journaled: the card and its contract's balance go out
 * together, so the partner waits for the slower read, not for both; a balance TX cannot give leaves the decision to
 * TX, a card TX cannot give stops the unload. Each case runs from a plain thread and from a Vert.x worker, as a
 * partner's request does.
 */
@QuarkusTest
@TestProfile(TxStubProfile.class)
class TxMoneyLedgerCardHoldingTest {

    private static final String CARD = "/tx/v1/card";
    private static final String CONTRACT = "/tx/v1/contract";
    private static final int CARD_DELAY_MS = 600;
    private static final String ACTIVE_CARD = "{\"ref\":{\"id\":41},\"status\":\"Active\"}";

    @Inject
    TxMoneyLedger ledger;

    @Inject
    CircuitBreakerMaintenance breakers;

    @InjectTxStub
    WireMockServer tx;

    @Inject
    Vertx vertx;

    enum Caller { PLAIN_THREAD, REQUEST_WORKER }

    @BeforeEach
    void reset() {
        tx.resetAll();
    }

    @AfterEach
    void resetBreakers() {
        breakers.resetAll();
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void theBalanceIsReadWhileTheCardReadIsOnItsWay(Caller caller) throws Exception {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(okJson(ACTIVE_CARD).withFixedDelay(CARD_DELAY_MS)));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(okJson(
                "{\"ref\":{\"id\":9},\"details\":{\"balances\":{\"available\":12.34}}}")));

        CardHolding holding = from(caller, () -> ledger.cardHolding(41, 9));

        assertEquals(CardStanding.ACTIVE, holding.card().standing());
        assertEquals(Optional.of(new BigDecimal("12.34")), holding.available());
        long card = received(CARD);
        long contract = received(CONTRACT);
        // one after the other, the contract read would leave only once the card had answered, 600 ms later
        assertTrue(Math.abs(contract - card) < CARD_DELAY_MS / 2,
                "contract read sent " + (contract - card) + " ms after the card read");
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void aBalanceTxCannotGiveIsLeftToTx(Caller caller) throws Exception {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(okJson(ACTIVE_CARD)));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(aResponse().withStatus(503)));

        CardHolding holding = from(caller, () -> ledger.cardHolding(41, 9));

        assertEquals(CardStanding.ACTIVE, holding.card().standing());
        assertEquals(Optional.empty(), holding.available());
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void aCardTxCannotGiveFailsTheRead(Caller caller) {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(aResponse().withStatus(503)));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(okJson(
                "{\"ref\":{\"id\":9},\"details\":{\"balances\":{\"available\":12.34}}}")));

        assertThrows(TxException.class, () -> from(caller, () -> ledger.cardHolding(41, 9)));
    }

    private <T> T from(Caller caller, Callable<T> action) throws Exception {
        if (caller == Caller.PLAIN_THREAD) {
            return action.call();
        }
        try {
            return vertx.executeBlocking(() -> {
                assertTrue(Vertx.currentContext() != null && io.vertx.core.Context.isOnWorkerThread(),
                        "runs on a Vert.x worker");
                return action.call();
            }, false).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private long received(String path) {
        List<LoggedRequest> found = tx.findAll(getRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, found.size(), path + " requests");
        return found.get(0).getLoggedDate().getTime();
    }
}
