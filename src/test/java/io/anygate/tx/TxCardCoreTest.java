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
import io.anygate.domain.CardStatus;
import io.anygate.domain.card.CardCore;
import io.anygate.domain.card.CardCoreUnavailable;
import io.anygate.domain.card.OwnedCard;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A card's standing (card, holder, balance) is read from TX with the balance read in flight while the card read
 * is: the answer waits for the slower branch, not for the sum of three reads. Each case runs from a plain thread
 * (scheduled jobs) and from a Vert.x worker thread, as a partner's request does (the reads then run on the event
 * loop: {@code TxWire.onEventLoop}).
 */
@QuarkusTest
@TestProfile(TxStubProfile.class)
class TxCardCoreTest {

    private static final String CARD = "/tx/v1/card";
    private static final String CONTRACT = "/tx/v1/contract";
    private static final String SUBJECT = "/tx/v1/subject";
    private static final int CARD_DELAY_MS = 600;
    private static final OwnedCard OWNED = new OwnedCard(41, "partner-a", 7, 9, "EUR", true);
    /** Card ids no test read before, so that the holder is not yet remembered. */
    private static final java.util.concurrent.atomic.AtomicLong FRESH_CARD_IDS = new java.util.concurrent.atomic.AtomicLong(900_000);

    @Inject
    CardCore core;

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
    void theBalanceIsReadWhileTheCardReadIsOnItsWayAndTheHolderAfterItThenAlongsideIt(TxCaller caller) throws Exception {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(okJson("{\"ref\":{\"id\":41},\"status\":\"Active\","
                + "\"holder\":{\"id\":5},\"names\":{\"emboss\":\"ADA LOVELACE\"}}").withFixedDelay(CARD_DELAY_MS)));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(okJson(
                "{\"ref\":{\"id\":9},\"details\":{\"balances\":{\"available\":12.34}}}")));
        tx.stubFor(get(urlPathEqualTo(SUBJECT)).willReturn(okJson(
                "{\"ref\":{\"id\":5},\"details\":{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"gender\":\"F\"}}")));
        // a card this replica has never read: its holder is known only from the card
        OwnedCard fresh = new OwnedCard(FRESH_CARD_IDS.incrementAndGet(), "partner-a", 7, 9, "EUR", true);

        CardCore.CardStanding standing = caller.call(vertx, () -> core.standing(fresh));

        assertEquals(new BigDecimal("12.34"), standing.balance());
        assertEquals(CardStatus.ACT, standing.card().status());
        assertEquals("Ada", standing.card().holder().firstName());
        assertEquals("Lovelace", standing.card().holder().lastName());
        long card = TxCaller.received(tx, CARD);
        long contract = TxCaller.received(tx, CONTRACT);
        long subject = TxCaller.received(tx, SUBJECT);
        // sequential reads would send the contract read only once the card had answered, 600 ms later
        assertTrue(Math.abs(contract - card) < CARD_DELAY_MS / 2,
                "contract read sent " + (contract - card) + " ms after the card read");
        // the holder is named by the card: on a first read its read can only follow the card's answer
        assertTrue(subject - card >= CARD_DELAY_MS - 50, "subject read sent " + (subject - card) + " ms after");

        // read again: the holder is remembered, so the three reads go out together
        tx.resetRequests();
        standing = caller.call(vertx, () -> core.standing(fresh));
        assertEquals("Ada", standing.card().holder().firstName());
        card = TxCaller.received(tx, CARD);
        subject = TxCaller.received(tx, SUBJECT);
        assertTrue(Math.abs(subject - card) < CARD_DELAY_MS / 2,
                "second read: subject read sent " + (subject - card) + " ms after the card read");
    }

    @ParameterizedTest
    @EnumSource(TxCaller.class)
    void aBalanceThatCannotBeReadMakesTheCoreUnavailableAfterItsRetries(TxCaller caller) {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(okJson("{\"ref\":{\"id\":41},\"status\":\"Active\"}")));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(aResponse().withStatus(503)));

        assertThrows(CardCoreUnavailable.class, () -> caller.call(vertx, () -> core.standing(OWNED)));

        tx.verify(4, getRequestedFor(urlPathEqualTo(CONTRACT)));
    }

    @ParameterizedTest
    @EnumSource(TxCaller.class)
    void aCardUnknownToTxIsNotFoundWhateverTheBalanceRead(TxCaller caller) {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(aResponse().withStatus(404)));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(okJson(
                "{\"ref\":{\"id\":9},\"details\":{\"balances\":{\"available\":1}}}")));

        assertThrows(TxNotFoundException.class, () -> caller.call(vertx, () -> core.standing(OWNED)));
    }
}
