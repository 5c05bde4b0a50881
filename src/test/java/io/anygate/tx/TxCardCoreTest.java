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
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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

    enum Caller { PLAIN_THREAD, REQUEST_WORKER }

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
    void theBalanceIsReadWhileTheCardReadIsOnItsWayAndTheHolderAfterItThenAlongsideIt(Caller caller) throws Exception {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(okJson("{\"ref\":{\"id\":41},\"status\":\"Active\","
                + "\"holder\":{\"id\":5},\"names\":{\"emboss\":\"ADA LOVELACE\"}}").withFixedDelay(CARD_DELAY_MS)));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(okJson(
                "{\"ref\":{\"id\":9},\"details\":{\"balances\":{\"available\":12.34}}}")));
        tx.stubFor(get(urlPathEqualTo(SUBJECT)).willReturn(okJson(
                "{\"ref\":{\"id\":5},\"details\":{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"gender\":\"F\"}}")));
        // a card this replica has never read: its holder is known only from the card
        OwnedCard fresh = new OwnedCard(FRESH_CARD_IDS.incrementAndGet(), "partner-a", 7, 9, "EUR", true);

        CardCore.CardStanding standing = from(caller, () -> core.standing(fresh));

        assertEquals(new BigDecimal("12.34"), standing.balance());
        assertEquals(CardStatus.ACT, standing.card().status());
        assertEquals("Ada", standing.card().holder().firstName());
        assertEquals("Lovelace", standing.card().holder().lastName());
        long card = received(CARD);
        long contract = received(CONTRACT);
        long subject = received(SUBJECT);
        // sequential reads would send the contract read only once the card had answered, 600 ms later
        assertTrue(Math.abs(contract - card) < CARD_DELAY_MS / 2,
                "contract read sent " + (contract - card) + " ms after the card read");
        // the holder is named by the card: on a first read its read can only follow the card's answer
        assertTrue(subject - card >= CARD_DELAY_MS - 50, "subject read sent " + (subject - card) + " ms after");

        // read again: the holder is remembered, so the three reads go out together
        tx.resetRequests();
        standing = from(caller, () -> core.standing(fresh));
        assertEquals("Ada", standing.card().holder().firstName());
        card = received(CARD);
        subject = received(SUBJECT);
        assertTrue(Math.abs(subject - card) < CARD_DELAY_MS / 2,
                "second read: subject read sent " + (subject - card) + " ms after the card read");
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void aBalanceThatCannotBeReadMakesTheCoreUnavailableAfterItsRetries(Caller caller) {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(okJson("{\"ref\":{\"id\":41},\"status\":\"Active\"}")));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(aResponse().withStatus(503)));

        assertThrows(CardCoreUnavailable.class, () -> from(caller, () -> core.standing(OWNED)));

        tx.verify(4, getRequestedFor(urlPathEqualTo(CONTRACT)));
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void aCardUnknownToTxIsNotFoundWhateverTheBalanceRead(Caller caller) {
        tx.stubFor(get(urlPathEqualTo(CARD)).willReturn(aResponse().withStatus(404)));
        tx.stubFor(get(urlPathEqualTo(CONTRACT)).willReturn(okJson(
                "{\"ref\":{\"id\":9},\"details\":{\"balances\":{\"available\":1}}}")));

        assertThrows(TxNotFoundException.class, () -> from(caller, () -> core.standing(OWNED)));
    }

    private long received(String path) {
        List<LoggedRequest> found = tx.findAll(getRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, found.size(), path + " requests");
        return found.get(0).getLoggedDate().getTime();
    }
}
