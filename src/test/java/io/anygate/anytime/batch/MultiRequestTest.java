package io.anygate.anytime.batch;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.anygate.domain.CardRef;
import io.anygate.domain.card.OwnedCard;
import io.anygate.store.Store;
import io.anygate.testsupport.AccessLines;
import io.anygate.testsupport.CardFixture;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1.0/multi-request} end to end, in the PHP SDK's exact form encoding: each slot answers what a direct
 * call answers, as the same partner and through the same checks, in index order; the batch is authenticated once.
 */
@QuarkusTest
class MultiRequestTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestPartner DELTA = TestPartner.DELTA;
    private static String token;

    @Inject
    CardFixture fixture;
    @Inject
    Store store;

    @BeforeEach
    void token() {
        if (token == null) {
            token = EdgeClient.token(DELTA);
        }
    }

    @Test
    void eachSlotAnswersWhatADirectCallAnswersAndTheCreditIsJournaledOnce() throws Exception {
        OwnedCard card = fixture.card("delta", "1000.00", "10.00");
        OwnedCard twin = fixture.card("delta", "1000.00", "10.00");
        AccessLines lines = AccessLines.install();
        Response batch;
        try {
            batch = batch(signed(), List.of(
                    sub("POST", "/v1.0/cards/" + ref(card) + "/credit", credit(card, "5")),
                    sub("GET", "/v1.0/accounts/" + card.accountId(), Map.of()),
                    sub("GET", "/v1.0/cards/" + ref(card), Map.of())), null);
            assertEquals(200, batch.statusCode(), batch.asString());
            EdgeClient.assertEnvelope(batch, DELTA.username());
            // each sub-request's access line names the batch's request_id and its index
            String batchId = batch.jsonPath().getString("request_id");
            assertEquals("/v1.0/multi-request", lines.await("request_id", batchId).getMdc("route"));
            assertEquals("/v1.0/cards/{card_ref}/credit", lines.await("batch", batchId + "/0").getMdc("route"));
            assertEquals("delta-user", lines.await("batch", batchId + "/1").getMdc("partner"));
            ExtLogRecord cardLine = lines.await("batch", batchId + "/2");
            assertTrue(cardLine.getFormattedMessage().matches("GET /v1\\.0/cards/\\{card_ref} 200 .* batch=" + batchId
                    + "/2"), cardLine.getFormattedMessage());
        } finally {
            lines.uninstall();
        }
        JsonNode slots = JSON.readTree(batch.asString()).path("body").path("responses");
        assertEquals(3, slots.size());
        for (JsonNode slot : slots) {
            assertEquals(200, slot.path("http_status_code").asInt(), slot.toString());
            assertSlotEnvelope(slot.path("response"));
        }
        // what was asked is echoed, as the SDK reads it back
        assertEquals("POST", slots.get(0).path("method").asText());
        assertEquals("/v1.0/cards/" + ref(card) + "/credit", slots.get(0).path("uri").asText());
        assertEquals("5", slots.get(0).path("params").path("amount").asText());
        assertEquals("", slots.get(1).path("query_string").asText());

        Response direct = call("GET", "/v1.0/accounts/" + card.accountId());
        assertEquals(JSON.readTree(direct.asString()).path("body"), slots.get(1).path("response").path("body"));
        direct = call("GET", "/v1.0/cards/" + ref(card));
        assertEquals(JSON.readTree(direct.asString()).path("body"), slots.get(2).path("response").path("body"));
        Response directCredit = EdgeClient.signed(DELTA).header("Authorization", "Bearer " + token)
                .contentType("application/x-www-form-urlencoded").formParams(credit(twin, "5"))
                .post("/v1.0/cards/" + ref(twin) + "/credit");
        assertEquals(withoutIds(JSON.readTree(directCredit.asString()).path("body")),
                withoutIds(slots.get(0).path("response").path("body")));

        assertEquals(new BigDecimal("15.00"), CardFixture.balance(card.cardContractId()));
        assertEquals(1, count("SELECT COUNT(*) FROM operation WHERE card_id = ?", card.cardId()));
    }

    @Test
    void anotherPartnersCardAnswersInItsSlotAndTheOthersStillRun() throws Exception {
        OwnedCard own = fixture.card("delta", "100.00", "0.00");
        OwnedCard theirs = fixture.card("mu", "100.00", "0.00");
        Response batch = batch(signed(), List.of(
                sub("POST", "/v1.0/cards/" + ref(own) + "/credit", credit(own, "1")),
                sub("POST", "/v1.0/cards/" + ref(theirs) + "/credit", credit(theirs, "1")),
                sub("POST", "/v1.0/cards/" + ref(own) + "/credit", credit(own, "2"))), null);
        assertEquals(200, batch.statusCode(), batch.asString());
        JsonNode slots = JSON.readTree(batch.asString()).path("body").path("responses");
        assertEquals(200, slots.get(0).path("http_status_code").asInt());
        assertEquals(403, slots.get(1).path("http_status_code").asInt());
        assertEquals(4030310, slots.get(1).path("response").path("body").path("error").path("code").asInt());
        assertEquals(200, slots.get(2).path("http_status_code").asInt());
        // run in index order: TX numbers its transactions in the order it takes them
        assertTrue(slots.get(0).path("response").path("body").path("transaction_id").asLong()
                < slots.get(2).path("response").path("body").path("transaction_id").asLong(), slots.toString());
        assertEquals(new BigDecimal("3.00"), CardFixture.balance(own.cardContractId()));
        assertEquals(new BigDecimal("0.00"), CardFixture.balance(theirs.cardContractId()));
    }

    @Test
    void unknownRoutesAndNestedBatchesAnswerInTheirSlot() throws Exception {
        AccessLines lines = AccessLines.install();
        Response batch;
        try {
            batch = batch(signed(), List.of(
                    sub("GET", "/v1.0/nowhere/at-all", Map.of()),
                    sub("POST", "/v1.0/multi-request", Map.of("requests[0][uri]", "/v1.0/apicheck",
                            "requests[0][method]", "GET")),
                    sub("POST", "/oauth/v2/token", Map.of("grant_type", "password")),
                    sub("GET", "/v1.0/../q/metrics", Map.of()),
                    sub("GET", "/v1.0/apicheck", Map.of())), null);
            assertEquals(200, batch.statusCode(), batch.asString());
            // an unknown route answers without authentication, but its line still names the batch
            String batchId = batch.jsonPath().getString("request_id");
            assertEquals("404", lines.await("batch", batchId + "/0").getMdc("status"));
            assertEquals("/v1.0/multi-request", lines.await("batch", batchId + "/1").getMdc("route"));
        } finally {
            lines.uninstall();
        }
        JsonNode slots = JSON.readTree(batch.asString()).path("body").path("responses");
        for (int i = 0; i < 4; i++) {
            assertEquals(404, slots.get(i).path("http_status_code").asInt(), slots.get(i).toString());
            JsonNode error = slots.get(i).path("response").path("body").path("error");
            assertEquals(4040010, error.path("code").asInt(), slots.get(i).toString());
            assertEquals("InvalidRouteException", error.path("exception").asText());
        }
        assertEquals(200, slots.get(4).path("http_status_code").asInt());
        assertTrue(slots.get(4).path("response").path("body").has("date_time"));
    }

    /**
     * Many batches, four at a time, each answered in full. Before the sub-requests were sent from one context of the
     * dispatcher's own, about one batch in a hundred lost the body of a sub-request's answer (a Vert.x race between
     * the connection's event loop and the batch's thread) and never answered: this test hung within 300 batches in
     * every run.
     */
    @Test
    void everyBatchOfManyAtOnceIsAnsweredInFull() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> batches = new ArrayList<>();
            for (int b = 0; b < 300; b++) {
                List<Map<String, Object>> subs = new ArrayList<>();
                for (int i = 0; i <= b % 4; i++) {
                    subs.add(sub("GET", i % 2 == 0 ? "/v1.0/apicheck" : "/v1.0/nowhere", Map.of()));
                }
                RequestSpecification signed = signed();
                batches.add(callers.submit(() -> batch(signed, subs, null)));
            }
            for (int b = 0; b < batches.size(); b++) {
                Response batch = batches.get(b).get(60, TimeUnit.SECONDS);
                assertEquals(200, batch.statusCode(), batch.asString());
                JsonNode slots = JSON.readTree(batch.asString()).path("body").path("responses");
                assertEquals(b % 4 + 1, slots.size(), batch.asString());
                for (int i = 0; i < slots.size(); i++) {
                    assertEquals(i % 2 == 0 ? 200 : 404, slots.get(i).path("http_status_code").asInt(),
                            slots.get(i).toString());
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aMalformedBatchIsRefusedAsAWhole() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(sub("GET", "/v1.0/apicheck", Map.of()));
        }
        assertError(batch(signed(), many, null), 400, 4000310, "requests: at most 20 sub-requests");
        assertError(batch(signed(), List.of(), null), 400, 4000310, "requests: is required");
        assertError(batch(signed(), List.of(sub("DELETE", "/v1.0/apicheck", Map.of())), null), 400, 4000310,
                "requests[0][method]: must be GET, POST or PUT");
        assertEquals(200, batch(signed(), many.subList(0, 20), null).statusCode());
    }

    @Test
    void theSubRequestHeaderCannotBeUsedFromOutside() {
        // as the edge answers a call without credentials, with or without other valid credentials
        assertError(given().header("X-Anygate-Sub-Request", "forged").get("/v1.0/apicheck"), 401, 4010010, null);
        assertError(signed().header("X-Anygate-Sub-Request", UUID.randomUUID().toString()).get("/v1.0/apicheck"),
                401, 4010010, null);
        assertEquals(200, signed().get("/v1.0/apicheck").statusCode());
    }

    @Test
    void theBatchValidationDataIsSingleUse() {
        String data = EdgeClient.freshValidationData();
        List<Map<String, Object>> subs = List.of(sub("GET", "/v1.0/apicheck", Map.of()));
        assertEquals(200, batch(signedWith(data), subs, null).statusCode());
        assertError(batch(signedWith(data), subs, null), 401, 4010080, null);
    }

    @Test
    void anIdempotencyKeyReplaysTheWholeBatch() throws Exception {
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        List<Map<String, Object>> subs = List.of(sub("POST", "/v1.0/cards/" + ref(card) + "/credit", credit(card, "7")),
                sub("GET", "/v1.0/cards/" + ref(card), Map.of()));
        String key = "batch-" + UUID.randomUUID();
        Response first = batch(signed(), subs, key);
        Response again = batch(signed(), subs, key);
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals(first.asString(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(new BigDecimal("7.00"), CardFixture.balance(card.cardContractId()));
        assertEquals(1, count("SELECT COUNT(*) FROM operation WHERE card_id = ?", card.cardId()));
    }

    @Test
    void aBatchWithCardSecretsIsNeverKeptForReplayButItsWritesAreNotRepeated() throws Exception {
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        List<Map<String, Object>> subs = List.of(sub("POST", "/v1.0/cards/" + ref(card) + "/credit", credit(card, "3")),
                subWithQuery("GET", "/v1.0/cards/" + ref(card) + "/pin", "cvc=000"));
        String key = "batch-" + UUID.randomUUID();
        Response first = batch(signed(), subs, key);
        assertEquals(200, first.statusCode(), first.asString());
        assertEquals("no-store", first.header("Cache-Control"));
        JsonNode pin = JSON.readTree(first.asString()).path("body").path("responses").get(1);
        assertEquals(200, pin.path("http_status_code").asInt(), pin.toString());
        assertTrue(pin.path("response").path("body").path("pin").asText().matches("\\d{4}"));
        Response again = batch(signed(), subs, key);
        assertEquals(200, again.statusCode(), again.asString());
        assertNull(again.header("Idempotent-Replayed"), "an answer holding a PIN is not stored");
        assertNotEquals(first.jsonPath().getLong("request_id"), again.jsonPath().getLong("request_id"));
        // the credit ran again under its sub-request key: replayed, not repeated
        JsonNode credit = JSON.readTree(again.asString()).path("body").path("responses").get(0);
        assertEquals(JSON.readTree(first.asString()).path("body").path("responses").get(0).path("response"),
                credit.path("response"));
        assertEquals(new BigDecimal("3.00"), CardFixture.balance(card.cardContractId()));
        assertEquals(1, count("SELECT COUNT(*) FROM operation WHERE card_id = ?", card.cardId()));
    }

    /**
     * A write sub-request whose derived key is still in flight answers 409 "retry later" in its slot: the batch answer
     * is not kept, so that the retry with the batch key gets the sub-request's own answer once it is known. (Kept, the
     * 409 was replayed for the key's whole retention, and only a new key, which repeats every write, got past it.)
     */
    @Test
    void aSlotStillInProgressIsNotKeptSoTheBatchRetryGetsTheWritesAnswer() throws Exception {
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        String key = "batch-" + UUID.randomUUID();
        Map<String, String> params = credit(card, "4");
        List<Map<String, Object>> subs = List.of(sub("POST", "/v1.0/cards/" + ref(card) + "/credit", params));
        Response first;
        Response direct;
        CardFixture.sim().body(Map.of("operation", "tran.account2account", "latencyMs", 3000)).put("/sim/faults")
                .then().statusCode(200);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            // the same credit, sent directly under the key sub-request 0 derives from the batch key: still running
            RequestSpecification signed = signed();
            Future<Response> running = caller.submit(() -> signed
                    .header("Idempotency-Key", SubRequestDispatcher.subKey(key, 0))
                    .contentType("application/x-www-form-urlencoded").formParams(params)
                    .post("/v1.0/cards/" + ref(card) + "/credit"));
            awaitIdempotencyRow(SubRequestDispatcher.subKey(key, 0));
            first = batch(signed(), subs, key);
            direct = running.get(30, TimeUnit.SECONDS);
        } finally {
            caller.shutdownNow();
            CardFixture.sim().delete("/sim/faults").then().statusCode(200);
        }
        JsonNode slot = JSON.readTree(first.asString()).path("body").path("responses").get(0);
        assertEquals(409, slot.path("http_status_code").asInt(), slot.toString());
        assertEquals(4090010, slot.path("response").path("body").path("error").path("code").asInt());
        assertEquals("no-store", first.header("Cache-Control"));
        assertEquals(200, direct.statusCode(), direct.asString());

        Response again = batch(signed(), subs, key);
        assertEquals(200, again.statusCode(), again.asString());
        assertNull(again.header("Idempotent-Replayed"), "a batch answer with a 409 slot is not kept");
        JsonNode credit = JSON.readTree(again.asString()).path("body").path("responses").get(0);
        assertEquals(200, credit.path("http_status_code").asInt(), credit.toString());
        assertEquals(JSON.readTree(direct.asString()), credit.path("response"));
        assertEquals(new BigDecimal("4.00"), CardFixture.balance(card.cardContractId()));
        assertEquals(1, count("SELECT COUNT(*) FROM operation WHERE card_id = ?", card.cardId()));
    }

    /**
     * A sub-request refused by the edge for what the partner or an operator can change (here a functionality the
     * partner is not allowed) is never kept under the batch's key, as a direct call's refusal is not: once allowed,
     * the retry with the same key runs instead of replaying the refusal for 24 hours.
     */
    @Test
    void aSlotRefusedByTheEdgeIsNotKeptForTheBatchKey() throws Exception {
        TestPartner beta = TestPartner.BETA; // allowed multi-request, not apicheck
        String betaToken = EdgeClient.token(beta);
        List<Map<String, Object>> subs = List.of(sub("GET", "/v1.0/apicheck", Map.of()),
                sub("GET", "/v1.0/nowhere", Map.of()));
        String key = "batch-" + UUID.randomUUID();
        Response first = batch(EdgeClient.signed(beta).header("Authorization", "Bearer " + betaToken), subs, key);
        assertEquals(200, first.statusCode(), first.asString());
        JsonNode slots = JSON.readTree(first.asString()).path("body").path("responses");
        assertEquals(403, slots.get(0).path("http_status_code").asInt(), slots.get(0).toString());
        assertEquals(4030030, slots.get(0).path("response").path("body").path("error").path("code").asInt());
        assertEquals(404, slots.get(1).path("http_status_code").asInt(), slots.get(1).toString());
        assertEquals("no-store", first.header("Cache-Control"));

        Response again = batch(EdgeClient.signed(beta).header("Authorization", "Bearer " + betaToken), subs, key);
        assertEquals(200, again.statusCode(), again.asString());
        assertNull(again.header("Idempotent-Replayed"), "a batch answer with a slot refused by the edge is not kept");
        assertNotEquals(first.jsonPath().getLong("request_id"), again.jsonPath().getLong("request_id"));
    }

    /**
     * A token superseded while a batch runs (here: the partner took a new one) stops the batch's next sub-requests
     * with 401 4010050, as it stops a direct call at once; the sub-request already running ends normally.
     */
    @Test
    void aTokenSupersededWhileABatchRunsStopsItsNextSubRequests() throws Exception {
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        List<Map<String, Object>> subs = List.of(sub("GET", "/v1.0/cards/" + ref(card), Map.of()),
                sub("GET", "/v1.0/apicheck", Map.of()));
        CardFixture.sim().body(Map.of("operation", "card.get", "latencyMs", 1500)).put("/sim/faults")
                .then().statusCode(200);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        Response batch;
        try {
            RequestSpecification signed = signed();
            Future<Response> running = caller.submit(() -> batch(signed, subs, null));
            CardFixture.awaitSimCall("card.get");
            token = EdgeClient.token(DELTA); // supersedes the batch's token
            batch = running.get(30, TimeUnit.SECONDS);
        } finally {
            caller.shutdownNow();
            CardFixture.sim().delete("/sim/faults").then().statusCode(200);
        }
        assertEquals(200, batch.statusCode(), batch.asString());
        JsonNode slots = JSON.readTree(batch.asString()).path("body").path("responses");
        assertEquals(200, slots.get(0).path("http_status_code").asInt(), slots.get(0).toString());
        assertEquals(401, slots.get(1).path("http_status_code").asInt(), slots.get(1).toString());
        assertEquals(4010050, slots.get(1).path("response").path("body").path("error").path("code").asInt());
        assertEquals(200, signed().get("/v1.0/apicheck").statusCode(), "the new token works");
    }

    /**
     * A slot echoes what was asked, a PIN request's {@code cvc} included: such a batch answer never reaches the
     * idempotency store, even when the PIN is refused (here the card is not activated) and no slot is no-store.
     */
    @Test
    void aBatchEchoingACvcIsNeverKeptEvenWhenThePinIsRefused() throws Exception {
        OwnedCard card = fixture.card("delta", "50.00", null, "Inactive");
        String cvc = CardFixture.sim().queryParam("ref[id]", card.cardId()).get("/tx/v1/card/cvv2").then()
                .statusCode(200).extract().path("cvv2");
        String key = "batch-" + UUID.randomUUID();
        List<Map<String, Object>> subs = List.of(
                subWithQuery("GET", "/v1.0/cards/" + ref(card) + "/pin", "cvc=" + cvc),
                sub("GET", "/v1.0/cards/" + ref(card) + "/pin", Map.of("cvc", cvc)));
        Response first = batch(signed(), subs, key);
        assertEquals(200, first.statusCode(), first.asString());
        for (JsonNode slot : JSON.readTree(first.asString()).path("body").path("responses")) {
            assertEquals(4030320, slot.path("response").path("body").path("error").path("code").asInt(),
                    slot.toString());
        }
        assertEquals("no-store", first.header("Cache-Control"));
        assertEquals(0, count("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?", key),
                "the answer echoing the CVC is not kept, the key is released");
        Response again = batch(signed(), subs, key);
        assertEquals(200, again.statusCode(), again.asString());
        assertNull(again.header("Idempotent-Replayed"));
    }

    /**
     * A partner that leaves while its batch runs does not stop it: like a direct call, the batch runs to its end and
     * its answer is kept for the Idempotency-Key, so the retry gets it. (Cancelled with the connection, the remaining
     * sub-requests never ran and the batch key stayed claimed: every retry answered 409 until the claim's lease.)
     */
    @Test
    void aBatchWhoseCallerLeavesRunsToItsEndAndItsRetryGetsTheAnswer() throws Exception {
        OwnedCard card = fixture.card("delta", "100.00", "0.00");
        String key = "batch-" + UUID.randomUUID();
        List<Map<String, Object>> subs = List.of(sub("POST", "/v1.0/cards/" + ref(card) + "/credit", credit(card, "3")),
                sub("POST", "/v1.0/cards/" + ref(card) + "/credit", credit(card, "2")),
                sub("GET", "/v1.0/apicheck", Map.of()));
        byte[] form = phpForm(subs).getBytes(StandardCharsets.US_ASCII);
        String data = EdgeClient.freshValidationData();
        CardFixture.sim().body(Map.of("operation", "tran.account2account", "latencyMs", 1500)).put("/sim/faults")
                .then().statusCode(200);
        try {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1.0/multi-request HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nX-Validation-Data: " + data + "\r\nX-Signed-Request: " + EdgeClient.sign(DELTA.key(), data)
                        + "\r\nIdempotency-Key: " + key + "\r\nContent-Type: application/x-www-form-urlencoded"
                        + "\r\nContent-Length: " + form.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(form);
                out.flush();
                // the first credit is running (its derived key is claimed): the partner goes away
                awaitIdempotencyRow(SubRequestDispatcher.subKey(key, 0));
            }
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> "COMPLETED".equals(idempotencyState(key)));
        } finally {
            CardFixture.sim().delete("/sim/faults").then().statusCode(200);
        }
        assertEquals("COMPLETED", idempotencyState(key), "the batch's answer is kept for its key");
        assertEquals(new BigDecimal("5.00"), CardFixture.balance(card.cardContractId()));
        Response again = batch(signed(), subs, key);
        assertEquals(200, again.statusCode(), again.asString());
        assertEquals("true", again.header("Idempotent-Replayed"));
        JsonNode slots = JSON.readTree(again.asString()).path("body").path("responses");
        for (JsonNode slot : slots) {
            assertEquals(200, slot.path("http_status_code").asInt(), slot.toString());
        }
        assertEquals(2, count("SELECT COUNT(*) FROM operation WHERE card_id = ?", card.cardId()));
    }

    // ---- the SDK's request, byte for byte ----

    /** A sub-request as PostRequestMultiRequestRequestBuilder builds it (keys in its order). */
    private static Map<String, Object> sub(String method, String uri, Map<String, String> params) {
        Map<String, Object> sub = new LinkedHashMap<>();
        sub.put("uri", uri);
        sub.put("query_string", "");
        sub.put("method", method);
        sub.put("params", params);
        return sub;
    }

    private static Map<String, Object> subWithQuery(String method, String uri, String query) {
        Map<String, Object> sub = sub(method, uri, Map.of());
        sub.put("query_string", query);
        return sub;
    }

    /** PHP's {@code http_build_query(['requests' => $subs], '', '&')}, as Guzzle's form_params sends it. */
    static String phpForm(List<Map<String, Object>> subs) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < subs.size(); i++) {
            for (Map.Entry<String, Object> field : subs.get(i).entrySet()) {
                String name = "requests[" + i + "][" + field.getKey() + "]";
                if (field.getValue() instanceof Map<?, ?> params) {
                    // an empty array adds nothing
                    params.forEach((k, v) -> pairs.add(php(name + "[" + k + "]") + "=" + php(String.valueOf(v))));
                } else {
                    pairs.add(php(name) + "=" + php(String.valueOf(field.getValue())));
                }
            }
        }
        return String.join("&", pairs);
    }

    // PHP urlencode: like URLEncoder, but '*' is encoded too
    private static String php(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("*", "%2A");
    }

    /**
     * The batch, sent as the SDK sends it, on a signed request that carries the token. A batch that never answers
     * fails on this client's 30-s read timeout rather than hold the test run.
     */
    private Response batch(RequestSpecification signed, List<Map<String, Object>> subs, String idempotencyKey) {
        RequestSpecification rq = signed
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false))
                        .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 30_000)))
                .contentType("application/x-www-form-urlencoded").body(phpForm(subs));
        if (idempotencyKey != null) {
            rq = rq.header("Idempotency-Key", idempotencyKey);
        }
        return rq.post("/v1.0/multi-request");
    }

    // ---- helpers ----

    private static RequestSpecification signed() {
        return EdgeClient.signed(DELTA).header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification signedWith(String validationData) {
        return EdgeClient.signedWith(DELTA.key(), validationData).header("Authorization", "Bearer " + token);
    }

    private static Response call(String method, String path) {
        return signed().request(method, path);
    }

    private static String ref(OwnedCard card) {
        return CardRef.ofTxCard(card.cardId()).value();
    }

    /** The form data of the SDK's card credit (PostCardCreditRequestBuilder). */
    private static Map<String, String> credit(OwnedCard card, String amount) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("card_ref", ref(card));
        params.put("amount", amount);
        params.put("acc_comment", "batch top-up");
        params.put("card_comment", "batch top-up");
        return params;
    }

    private static JsonNode withoutIds(JsonNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove(List.of("card_ref", "acc_id", "card_acc_id", "transaction_id"));
        return copy;
    }

    /** The slot holds a complete envelope the SDK would accept: request_id, sync, timestamp, partner's hash. */
    private static void assertSlotEnvelope(JsonNode envelope) {
        assertTrue(envelope.path("request_id").asLong() > 0, envelope.toString());
        assertEquals("sync", envelope.path("type_response").asText());
        String timestamp = EdgeClient.phpString(envelope.path("timestamp").asDouble());
        assertEquals(EdgeClient.sha256(timestamp + "|" + DELTA.username()), envelope.path("hash").asText());
        assertFalse(envelope.path("body").isMissingNode(), envelope.toString());
    }

    private static void assertError(Response r, int status, long code, String message) {
        assertEquals(status, r.statusCode(), r.asString());
        assertEquals(code, r.jsonPath().getLong("body.error.code"), r.asString());
        if (message != null) {
            assertEquals(message, r.jsonPath().getString("body.error.message"));
        }
    }

    /** The state of the partner's Idempotency-Key in the store (IN_FLIGHT, COMPLETED), null when there is none. */
    private String idempotencyState(String key) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT state FROM idempotency_key WHERE partner_id = ? AND idem_key = ?")) {
            ps.setString(1, DELTA.partnerId());
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Waits up to 10 s for the partner's claim of this Idempotency-Key to be in the store. */
    private void awaitIdempotencyRow(String key) {
        await("a claim of " + key).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> idempotencyRows(key) > 0);
    }

    private long idempotencyRows(String key) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM idempotency_key WHERE partner_id = ? AND idem_key = ?")) {
            ps.setString(1, DELTA.partnerId());
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long count(String sql, Object param) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
