package io.anygate.anytime.cards;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.anygate.anytime.cards.CardCalls.as;
import static io.anygate.anytime.cards.CardCalls.orderOk;
import static io.anygate.anytime.cards.CardCalls.plasticOrder;
import static io.anygate.anytime.cards.CardCalls.virtualOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.anygate.anytime.accounts.AccountCalls;
import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.TestPartner;
import io.anygate.tx.InjectTxStub;
import io.anygate.txsim.TxSchemas;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every request the gateway's TX client sends during an end-to-end flow (accounts opened and updated, cards ordered,
 * read, activated, loaded, unloaded, listed, renewed, blocked and cancelled, PIN and PAN read) conforms to its
 * endpoint's description in {@code tx-schemas}: the client's traffic goes through a recording proxy in front of the
 * embedded simulator, and each recorded request is validated on its own, whatever the simulator answered.
 */
@QuarkusTest
@TestProfile(TxRequestConformanceTest.Recorded.class)
class TxRequestConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestPartner KAPPA = new TestPartner("kappa", "kappa-client", "delta-secret", "kappa-user",
            "delta-pass", TestPartner.privateKey("/partners/keys/delta-private.pem"));

    /** The gateway's TX client talks to a recording proxy of the embedded simulator. */
    public static class Recorded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // one more hop per TX call on a shared test machine: no attempt may time out into an unknown outcome
            return Map.of("quarkus.fault-tolerance.global.timeout.value", "7000", // + 22 s of retries < stale-after
                    OwnDatabase.URL_KEY, OwnDatabase.h2Url("tx-request-conformance"));
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RecordingProxy.class));
        }
    }

    /** WireMock on a dynamic port, proxying everything to the simulator on this test's own HTTP port. */
    public static class RecordingProxy implements QuarkusTestResourceLifecycleManager {
        private WireMockServer server;

        @Override
        public Map<String, String> start() {
            String port = System.getenv().getOrDefault("GATEWAY_TEST_PORT", "8081");
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
            server.start();
            server.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom("http://localhost:" + port + "/txsim")));
            return Map.of("gateway.tx.url", "http://localhost:" + server.port());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(server,
                    new TestInjector.AnnotatedAndMatchesType(InjectTxStub.class, WireMockServer.class));
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }

    @InjectTxStub
    WireMockServer proxy;

    @Test
    void everyRequestTheGatewaySendsToTxConformsToItsEndpointDescription() throws Exception {
        try {
            flow();
        } catch (AssertionError e) {
            // what the gateway sent and TX answered, to tell a gateway defect from a refusal by the simulator
            StringBuilder calls = new StringBuilder();
            for (var event : proxy.getAllServeEvents()) {
                calls.append('\n').append(event.getRequest().getMethod()).append(' ').append(event.getRequest().getUrl())
                        .append(" -> ").append(event.getResponse().getStatus()).append(' ')
                        .append(event.getResponse().getBodyAsString());
            }
            throw new AssertionError(e.getMessage() + "\nTX calls (newest first):" + calls, e);
        }
        checkRecorded();
    }

    private void flow() {
        CardCalls.reset();
        long consumer = open(AccountCalls.consumer());
        long business = open(AccountCalls.business());
        account().contentType("application/x-www-form-urlencoded").formParam("user_addr_city", "Lille")
                .put("/v1.0/accounts/" + consumer).then().statusCode(200);
        account().get("/v1.0/accounts/" + consumer).then().statusCode(200);
        account().get("/v1.0/accounts/" + consumer + "/balance").then().statusCode(200);
        account().get("/v1.0/accounts").then().statusCode(200);
        CardFixture.fund(consumer, "500.00");
        CardFixture.fund(business, "500.00");

        String plastic = orderOk(KAPPA, plasticOrder(consumer, "25.50"));
        String virtual = orderOk(KAPPA, virtualOrder(business, "VIRTUAL_MULTI_USE", "20"));
        as(KAPPA).get("/v1.0/cards/" + plastic).then().statusCode(200);
        account().get("/v1.0/accounts/" + consumer + "/cards").then().statusCode(200);
        as(KAPPA).formParam("card_status", "ACT").put("/v1.0/cards/" + plastic).then().statusCode(200);
        move("credit", plastic, "10.00").then().statusCode(200);
        move("debit", plastic, "5.25").then().statusCode(200);
        move("debit", plastic, "500.00").then().statusCode(402);
        as(KAPPA).get("/v1.0/cards/" + plastic + "/transactions").then().statusCode(200);
        account().get("/v1.0/accounts/" + consumer + "/statements").then().statusCode(200);
        as(KAPPA).get("/v1.0/cards/" + virtual + "/pan").then().statusCode(200);
        as(KAPPA).queryParam("cvc", "000").get("/v1.0/cards/" + virtual + "/pin").then().statusCode(200);
        as(KAPPA).post("/v1.0/cards/" + virtual + "/pin").then().statusCode(200);
        as(KAPPA).formParam("dest_method", "email").formParam("dest_value", "kappa@example.com")
                .post("/v1.0/cards/" + virtual + "/pan").then().statusCode(200);
        as(KAPPA).formParam("card_renew", "1").put("/v1.0/cards/" + virtual).then().statusCode(200);
        as(KAPPA).formParam("card_status", "BLO").formParam("card_pos", "0").put("/v1.0/cards/" + plastic).then()
                .statusCode(200);
        as(KAPPA).formParam("card_status", "CAN").put("/v1.0/cards/" + plastic).then().statusCode(200);
    }

    private void checkRecorded() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (var event : proxy.getAllServeEvents()) {
            LoggedRequest rq = event.getRequest();
            String url = rq.getUrl();
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            if (path.equals("/") || path.isEmpty()) {
                continue; // ping: no parameters, no body
            }
            String endpoint = rq.getMethod().getName() + " " + path.replaceFirst("^/tx/v1", "");
            String op = TxSchemas.GATEWAY_ENDPOINTS.get(endpoint);
            if (op == null) {
                problems.add(endpoint + ": an endpoint with no description in tx-schemas");
                continue;
            }
            seen.add(op);
            String body = rq.getBodyAsString();
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            for (String v : TxSchemas.get().violations(op, query(url), node)) {
                problems.add(endpoint + ": " + v);
            }
        }
        assertEquals(List.of(), problems.stream().distinct().toList());
        assertTrue(seen.containsAll(Set.of("subject.put", "subject.get",
                "contract.put", "contract.activate", "contract.balance", "contract2contract.put", "card.put",
                "card.get", "card.pan", "card.cvv2", "card.pin", "card.reissue", "subject.notification",
                "tran.account2account",
                "trans.list")), "the flow covered " + seen);
    }

    private io.restassured.specification.RequestSpecification account() {
        return as(KAPPA).contentType("application/x-www-form-urlencoded");
    }

    private long open(Map<String, String> form) {
        Response r = account().formParams(form).post("/v1.0/accounts");
        assertEquals(200, r.statusCode(), r.asString());
        return r.jsonPath().getLong("body.acc_id");
    }

    // with the token the other calls use: a new token would supersede it
    private Response move(String direction, String card, String amount) {
        return as(KAPPA).formParam("amount", amount).formParam("acc_comment", "acc").formParam("card_comment", "card")
                .post("/v1.0/cards/" + card + "/" + direction);
    }

    private static Map<String, List<String>> query(String url) {
        Map<String, List<String>> q = new LinkedHashMap<>();
        int at = url.indexOf('?');
        if (at < 0) {
            return q;
        }
        for (String pair : url.substring(at + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return q;
    }
}
