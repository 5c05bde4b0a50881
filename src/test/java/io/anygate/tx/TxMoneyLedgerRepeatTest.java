package io.anygate.tx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.anygate.domain.money.TransferOutcome;
import io.anygate.domain.operation.MatchKey;
import io.anygate.domain.operation.MoneyComments;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The money ledger against TX answers the simulator does not give: a repeated key refused in a wording the gateway
 * does not know is looked up, never a decline; a lookup names the send time; nothing sent when no attempt reached TX.
 */
@QuarkusTest
@TestProfile(TxStubProfile.class)
class TxMoneyLedgerRepeatTest {

    private static final String A2A = "/tx/v1/tran/account2account";
    private static final String TRAN = "/tx/v1/tran";

    @Inject
    TxMoneyLedger ledger;

    @Inject
    CircuitBreakerMaintenance breakers;

    @InjectTxStub
    WireMockServer tx;

    @BeforeEach
    void reset() {
        tx.resetAll();
    }

    @AfterEach
    void resetBreakers() {
        breakers.resetAll();
    }

    private TransferOutcome transfer(String key) {
        return ledger.transfer(1, 2, new BigDecimal("5.00"), "EUR", new MatchKey(key),
                MoneyComments.NONE);
    }

    /** The first attempt is applied but its answer lost; TX refuses the repeat with {@code refusal}. */
    private void appliedThenRefused(int status, String refusal) {
        tx.stubFor(post(urlPathEqualTo(A2A)).inScenario("w").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("applied"));
        tx.stubFor(post(urlPathEqualTo(A2A)).inScenario("w").whenScenarioStateIs("applied")
                .willReturn(aResponse().withStatus(status).withBody(refusal)
                        .withHeader("Content-Type", "application/json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "422|{\"tranId\":9,\"result\":\"Declined\",\"code\":\"E042\",\"description\":\"Duplicate transaction\"}",
            "422|{\"result\":\"Declined\",\"code\":\"INSUFFICIENT_FUNDS\"}",
            "400|{\"code\":\"BAD_REQUEST\",\"description\":\"key in use\"}"})
    void anUnrecognisedRefusalOfARepeatedKeyIsLookedUpAndNeverDeclined(String reading) {
        String[] parts = reading.split("\\|", 2);
        appliedThenRefused(Integer.parseInt(parts[0]), parts[1]);
        tx.stubFor(get(urlPathEqualTo(TRAN)).withQueryParam("ref[matchKey]", matching("agw-repeat-.*"))
                .willReturn(okJson("{\"id\":4244,\"result\":\"Approved\"}")));

        TransferOutcome outcome = transfer("agw-repeat-" + parts[0]);

        assertEquals(new TransferOutcome.Approved(4244), outcome, "the applied transfer, not a decline");
        tx.verify(getRequestedFor(urlPathEqualTo(TRAN))
                .withQueryParam("ref[rqSentTime]", matching("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d")));
    }

    @Test
    void anUnrecognisedRefusalOfARepeatedKeyThatTheLookupCannotFindIsUnknown() {
        appliedThenRefused(422, "{\"result\":\"Declined\",\"code\":\"E042\"}");
        tx.stubFor(get(urlPathEqualTo(TRAN)).willReturn(aResponse().withStatus(404)));

        assertInstanceOf(TransferOutcome.Unknown.class, transfer("agw-repeat-missing"));
    }

    @Test
    void aDeclineOfTheFirstAttemptIsADecline() {
        tx.stubFor(post(urlPathEqualTo(A2A)).willReturn(aResponse().withStatus(422)
                .withBody("{\"tranId\":10,\"result\":\"Declined\",\"code\":\"INSUFFICIENT_FUNDS\"}")
                .withHeader("Content-Type", "application/json")));

        TransferOutcome outcome = transfer("agw-first-decline");

        assertEquals("INSUFFICIENT_FUNDS", ((TransferOutcome.Declined) outcome).code());
        tx.verify(0, getRequestedFor(urlPathEqualTo(TRAN)));
    }

    @Test
    void aLookupNamesTheJournaledSendTimeInTxLocalTimeEarlierByTheSkewAllowance() {
        tx.stubFor(get(urlPathEqualTo(TRAN)).willReturn(okJson("{\"id\":77,\"result\":\"Approved\"}")));
        Instant sent = Instant.parse("2026-11-30T10:15:30.750Z");

        assertEquals(new TransferOutcome.Approved(77),
                ledger.lookup(new MatchKey("agw-sent"), sent).orElseThrow());

        tx.verify(getRequestedFor(urlPathEqualTo(TRAN)).withQueryParam("ref[matchKey]", matching("agw-sent"))
                .withQueryParam("ref[rqSentTime]", matching("2026-11-30T10:15:25")));
        assertEquals(Instant.parse("2026-11-30T10:16:25.750Z"), ledger.registeredBy(sent));
    }

    @Test
    void aTransferTheOpenBreakerRefusedBeforeAnyAttemptIsNotSentOneThatReachedTxIsUnknown() {
        tx.stubFor(post(urlPathEqualTo(A2A)).willReturn(aResponse().withStatus(500)));
        TransferOutcome first = transfer("agw-outage-0");
        assertInstanceOf(TransferOutcome.Unknown.class, first, "a 500 may hide an applied transfer");
        for (int i = 1; i < 10 && breakers.currentState("tx-tran-account2account") != CircuitBreakerState.OPEN; i++) {
            transfer("agw-outage-" + i);
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState("tx-tran-account2account"));
        int sentBefore = tx.getAllServeEvents().size();

        assertInstanceOf(TransferOutcome.NotSent.class, transfer("agw-outage-refused"));
        assertEquals(sentBefore, tx.getAllServeEvents().size(), "nothing reached TX");
    }

    @Test
    void aRefusedConnectionIsKnownNotToHaveReachedTx() {
        ProcessingException refused = new ProcessingException(new ConnectException("Connection refused"));
        assertTrue(TxSendTrace.refusedBeforeSending(new TxUnavailableException("TX: unreachable", refused)));
        TxSendTrace trace = new TxSendTrace();
        try {
            trace.attempt(() -> {
                throw new TxUnavailableException("TX: unreachable", refused);
            });
        } catch (TxUnavailableException expected) {
            // the attempt failed before sending
        }
        assertTrue(trace.neverReachedTx());
        try {
            trace.attempt(() -> {
                throw new TxTimeoutException("TX: no answer in time", null);
            });
        } catch (TxTimeoutException expected) {
            // this one may have reached TX
        }
        assertTrue(!trace.neverReachedTx());
    }

}
