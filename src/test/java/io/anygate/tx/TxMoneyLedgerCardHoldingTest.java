package io.anygate.tx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.anygate.domain.money.CardHolding;
import io.anygate.domain.money.CardStanding;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
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

    @BeforeEach
    void reset() {
        tx.resetAll();
    }

    @AfterEach
    void resetBreakers() {
        breakers.resetAll();
    }

    @ParameterizedTest
    @EnumSource(TxCaller.class)
    void theBalanceIsReadWhileTheCardReadIsOnItsWay(TxCaller caller) throws Exception {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(okJson(ACTIVE_CARD).withFixedDelay(CARD_DELAY_MS)));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(okJson(
                "{\"ref\":{\"id\":9},\"details\":{\"balances\":{\"available\":12.34}}}")));

        CardHolding holding = caller.call(vertx, () -> ledger.cardHolding(41, 9));

        assertEquals(CardStanding.ACTIVE, holding.card().standing());
        assertEquals(Optional.of(new BigDecimal("12.34")), holding.available());
        long card = TxCaller.received(tx, CARD);
        long contract = TxCaller.received(tx, CONTRACT);
        // one after the other, the contract read would leave only once the card had answered, 600 ms later
        assertTrue(Math.abs(contract - card) < CARD_DELAY_MS / 2,
                "contract read sent " + (contract - card) + " ms after the card read");
    }

    @ParameterizedTest
    @EnumSource(TxCaller.class)
    void aBalanceTxCannotGiveIsLeftToTx(TxCaller caller) throws Exception {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(okJson(ACTIVE_CARD)));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(aResponse().withStatus(503)));

        CardHolding holding = caller.call(vertx, () -> ledger.cardHolding(41, 9));

        assertEquals(CardStanding.ACTIVE, holding.card().standing());
        assertEquals(Optional.empty(), holding.available());
    }

    @ParameterizedTest
    @EnumSource(TxCaller.class)
    void aCardTxCannotGiveFailsTheRead(TxCaller caller) {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(aResponse().withStatus(503)));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(okJson(
                "{\"ref\":{\"id\":9},\"details\":{\"balances\":{\"available\":12.34}}}")));

        assertThrows(TxException.class, () -> caller.call(vertx, () -> ledger.cardHolding(41, 9)));
    }
}
