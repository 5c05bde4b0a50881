package io.anygate.tx;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.anygate.testsupport.TxStubReset;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries: reads after a 5xx, keyed writes after any lost answer, always with the same match key. */
@QuarkusTest
@TestProfile(TxStubProfile.class)
@ExtendWith(TxStubReset.class)
class TxRetryTest {

    private static final String A2C = "/tx/v1/tran/account2card";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TxContracts contracts;

    @Inject
    TxTransfers transfers;

    @Inject
    TxSubjects subjects;

    @InjectTxStub
    WireMockServer tx;

    @Test
    void aReadIsRetriedAfterServerErrorsThenSucceeds() {
        String path = "/tx/v1/contract";
        tx.stubFor(get(urlPathEqualTo(path)).inScenario("r").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        tx.stubFor(get(urlPathEqualTo(path)).inScenario("r").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("third"));
        tx.stubFor(get(urlPathEqualTo(path)).inScenario("r").whenScenarioStateIs("third")
                .willReturn(okJson("{\"ref\":{\"id\":7}}")));

        assertEquals(7L, contracts.contract(ContractRef.ofId(7)).ref().id());
        tx.verify(3, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void aKeyedWriteIsRetriedAfterServerErrorWithTheSameKey() {
        firstAttemptThen(aResponse().withStatus(502));
        assertEquals(501L, account2card("op-5xx").tranId());
        assertSameKeyOnEveryAttempt("op-5xx", 2);
    }

    @Test
    void aKeyedWriteIsRetriedAfterTimeoutWithTheSameKey() {
        tx.stubFor(post(urlPathEqualTo(A2C)).willReturn(okJson("{\"tranId\":1}")));
        account2card("op-warm-up"); // the first call of a client is slow (connection, serializers): not the one to time
        tx.resetAll();
        firstAttemptThen(okJson("{\"tranId\":501}").withFixedDelay(TxStubProfile.TRANSFER_TIMEOUT_MS * 4));
        assertEquals(501L, account2card("op-timeout").tranId());
        assertSameKeyOnEveryAttempt("op-timeout", 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE"})
    void aKeyedWriteIsRetriedAfterADroppedConnectionWithTheSameKey(String fault) {
        firstAttemptThen(aResponse().withFault(Fault.valueOf(fault)));
        assertEquals(501L, account2card("op-" + fault).tranId());
        assertSameKeyOnEveryAttempt("op-" + fault, 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "409|{\"code\":\"CONFLICT\"}",
            "422|{\"tranId\":3,\"result\":\"Declined\",\"code\":\"DUPLICATE\"}",
            "422|{\"result\":\"Declined\",\"code\":\"ALREADY_PROCESSED\"}",
            "422|{\"result\":\"Declined\",\"code\":\"E77\",\"description\":\"Transaction already processed\"}"})
    void anAlreadyProcessedReplayRecoversTheOriginalTransaction(String reading) {
        String[] parts = reading.split("\\|", 2);
        // the first attempt is applied but its answer lost; TX answers the repeat with the tolerated reading
        tx.stubFor(post(urlPathEqualTo(A2C)).inScenario("w").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("applied"));
        tx.stubFor(post(urlPathEqualTo(A2C)).inScenario("w").whenScenarioStateIs("applied")
                .willReturn(aResponse().withStatus(Integer.parseInt(parts[0])).withBody(parts[1])
                        .withHeader("Content-Type", "application/json")));
        tx.stubFor(get(urlPathEqualTo("/tx/v1/tran")).withQueryParam("ref[matchKey]", equalTo("op-replay"))
                .willReturn(okJson("{\"id\":\"4242\",\"result\":\"Approved\"}")));

        TranApproveRs rs = account2card("op-replay");

        assertEquals(4242L, rs.tranId());
        assertNull(rs.approvalCode());
        assertSameKeyOnEveryAttempt("op-replay", 2);
    }

    @Test
    void aRecoveredReplayOfADeclinedTransactionIsTheDeclineNotAnApproval() {
        // Where TX keys declined transactions too (the 409 reading), the recovered outcome must be the decline.
        tx.stubFor(post(urlPathEqualTo(A2C)).inScenario("w").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("seen"));
        tx.stubFor(post(urlPathEqualTo(A2C)).inScenario("w").whenScenarioStateIs("seen")
                .willReturn(aResponse().withStatus(409).withBody("{\"code\":\"CONFLICT\"}")
                        .withHeader("Content-Type", "application/json")));
        tx.stubFor(get(urlPathEqualTo("/tx/v1/tran")).withQueryParam("ref[matchKey]", equalTo("op-declined"))
                .willReturn(okJson("{\"id\":\"4243\",\"result\":\"Declined\"}")));

        TxDeclinedException declined = assertThrows(TxDeclinedException.class, () -> account2card("op-declined"));
        assertEquals(4243L, declined.tranId());
        assertEquals("Declined", declined.code());
    }

    @Test
    void anObjectWriteReplayRecoversTheObjectIdByItsRid() {
        tx.stubFor(put(urlPathEqualTo("/tx/v1/subject"))
                .willReturn(aResponse().withStatus(409).withBody("{\"code\":\"CONFLICT\"}")));
        tx.stubFor(get(urlPathEqualTo("/tx/v1/subject")).withQueryParam("ref[rid]", equalTo("AGW-S-1"))
                .willReturn(okJson("{\"ref\":{\"id\":1001,\"rid\":\"AGW-S-1\"},\"kind\":\"Person\"}")));
        tx.stubFor(get(urlPathEqualTo("/tx/v1/tran")).willReturn(okJson("{\"id\":77}")));
        Subject person = new Subject(SubjectRef.ofRid("AGW-S-1"), CatalogueRef.ofRid("Person"), Subject.PERSON,
                SubjectDetails.person("Ada", "Lovelace", LocalDate.of(1815, 12, 10), "F", null, null, null, null));

        ModifyTranApproveRs rs = subjects.putSubject(person, TxMatchKey.of("op-subject"));

        assertEquals(1001L, rs.objectId());
        assertEquals(77L, rs.tranId());
    }

    private TranApproveRs account2card(String key) {
        return transfers.account2card(ContractRef.ofId(1), "4000001234567899", LocalDate.of(2030, 1, 31),
                new MonetaryValue(new BigDecimal("5.00"), "EUR"), TxMatchKey.of(key));
    }

    /** The first attempt gets {@code first}; every later one is approved with tranId 501. */
    private void firstAttemptThen(ResponseDefinitionBuilder first) {
        tx.stubFor(post(urlPathEqualTo(A2C)).inScenario("w").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("answered"));
        tx.stubFor(post(urlPathEqualTo(A2C)).inScenario("w").whenScenarioStateIs("answered")
                .willReturn(okJson("{\"tranId\":501,\"approvalCode\":\"A501\"}")));
    }

    /**
     * At least {@code attempts} writes reached TX, every one under the same key. At least, not exactly: on a busy
     * machine an attempt answered later than this profile's 1-s timeout is retried once more, as it should be (a
     * keyed write is safe to repeat), and that repeat must carry the same key too.
     */
    private void assertSameKeyOnEveryAttempt(String key, int attempts) {
        List<ServeEvent> events = tx.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(A2C)).toList();
        assertTrue(events.size() >= attempts, events.size() + " attempts, expected at least " + attempts);
        for (ServeEvent e : events) {
            assertEquals(key, matchKeyOf(e.getRequest().getBodyAsString()));
        }
    }

    private static String matchKeyOf(String body) {
        try {
            return JSON.readTree(body).path("tranRq").path("match").path("key").asText();
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
