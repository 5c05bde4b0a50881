package io.anygate.anytime.idempotency;

import static io.anygate.testsupport.EdgeClient.freshValidationData;
import static io.anygate.testsupport.EdgeClient.sign;
import static io.anygate.testsupport.EdgeClient.signed;
import static io.anygate.testsupport.EdgeClient.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.anygate.store.IdempotencyStore;
import io.anygate.store.Store;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Idempotency-Key header end to end: replay, mismatch, outcome-unknown answers, expiry, syntax, partners. */
@QuarkusTest
class IdempotencyKeyTest {

    static final TestPartner ALPHA = TestPartner.ALPHA;
    static final String PROBE = "/v1.0/test-idempotency";

    @Inject
    Store store;
    @Inject
    IdempotencyStore idempotency;

    String alphaToken;

    @BeforeEach
    void setUp() {
        IdempotencyProbeResource.reset();
        alphaToken = token(ALPHA);
    }

    static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    RequestSpecification call(String key) {
        return call(ALPHA, alphaToken, key);
    }

    static RequestSpecification call(TestPartner p, String token, String key) {
        RequestSpecification spec = signed(p).header("Authorization", "Bearer " + token);
        return key == null ? spec : spec.header("Idempotency-Key", key);
    }

    @Test
    void sameKeyAndParametersReplayTheOriginalAnswerByteForByte() {
        String key = newKey();
        Response first = call(key).formParam("test_param", "hello").post("/v1.0/apicheck");
        first.then().statusCode(200).body("body.test_param", equalTo("hello"));
        assertNull(first.header("Idempotent-Replayed"));

        Response again = call(key).formParam("test_param", "hello").post("/v1.0/apicheck");
        assertEquals(200, again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertArrayEquals(first.asByteArray(), again.asByteArray(), "same envelope: request_id, timestamp, hash");
        assertEquals(first.header("Content-Type"), again.header("Content-Type"));
        assertEquals(first.header("X-Gateway-Signature"), again.header("X-Gateway-Signature"));

        // the same parameters sent as multipart (another boundary) are the same request
        Response multipart = call(key).multiPart("test_param", "hello").post("/v1.0/apicheck");
        assertEquals("true", multipart.header("Idempotent-Replayed"));
        assertArrayEquals(first.asByteArray(), multipart.asByteArray());

        // without a key, nothing is replayed
        Response plain = call(null).formParam("test_param", "hello").post("/v1.0/apicheck");
        assertNull(plain.header("Idempotent-Replayed"));
        assertNotEquals(first.jsonPath().getLong("request_id"), plain.jsonPath().getLong("request_id"));
    }

    @Test
    void aReplayRunsNeitherTheHandlerNorTx() {
        String key = newKey();
        call(key).formParam("amount", "10").post(PROBE + "/count").then().statusCode(200)
                .body("body.idempotency_key", equalTo(key));
        int txCalls = IdempotencyProbeResource.TX_CALLS.get();
        call(key).formParam("amount", "10").post(PROBE + "/count").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("body.run", equalTo(1));
        assertEquals(1, IdempotencyProbeResource.RUNS.get());
        assertEquals(txCalls, IdempotencyProbeResource.TX_CALLS.get());
    }

    @Test
    void sameKeyWithOtherParametersIsRefusedWithoutRunningAnything() {
        String key = newKey();
        call(key).formParam("amount", "10").post(PROBE + "/count").then().statusCode(200);
        int txCalls = IdempotencyProbeResource.TX_CALLS.get();

        call(key).formParam("amount", "11").post(PROBE + "/count").then().statusCode(422)
                .body("body.error.code", equalTo(4220010))
                .body("body.error.exception", equalTo("IdempotencyKeyReusedException"));
        call(key).formParam("amount", "10").formParam("extra", "x").post(PROBE + "/count").then().statusCode(422);
        call(key).formParam("amount", "10").post(PROBE + "/fail-once").then().statusCode(422);
        assertEquals(1, IdempotencyProbeResource.RUNS.get(), "the handler ran for the first request only");
        assertEquals(txCalls, IdempotencyProbeResource.TX_CALLS.get());
    }

    @Test
    void pathParametersArePartOfTheRequest() {
        String key = newKey();
        call(key).formParam("amount", "1").put(PROBE + "/count/a").then().statusCode(200);
        call(key).formParam("amount", "1").put(PROBE + "/count/a").then().statusCode(200)
                .header("Idempotent-Replayed", "true");
        call(key).formParam("amount", "1").put(PROBE + "/count/b").then().statusCode(422)
                .body("body.error.code", equalTo(4220010));
        assertEquals(1, IdempotencyProbeResource.RUNS.get());
    }

    @Test
    void businessErrorsAreKeptAndReplayed() {
        String key = newKey();
        Response first = call(key).formParam("amount", "5").post(PROBE + "/declined");
        first.then().statusCode(402).body("body.error.code", equalTo(4020320));
        Response again = call(key).formParam("amount", "5").post(PROBE + "/declined");
        assertEquals(402, again.statusCode());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertArrayEquals(first.asByteArray(), again.asByteArray());
        assertEquals(1, IdempotencyProbeResource.RUNS.get());
    }

    @Test
    void unknownOutcomeReleasesTheKeySoTheRetryRunsAgainUnderTheSameOperation() {
        String key = newKey();
        IdempotencyProbeResource.FAILURES_LEFT.set(1);
        call(key).formParam("amount", "7").post(PROBE + "/fail-once").then().statusCode(500)
                .body("body.error.code", equalTo(5000010));
        assertEquals(0, rows(key));
        Response retry = call(key).formParam("amount", "7").post(PROBE + "/fail-once");
        retry.then().statusCode(200).body("body.run", equalTo(2));
        assertNull(retry.header("Idempotent-Replayed"));
        call(key).formParam("amount", "7").post(PROBE + "/fail-once").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("body.run", equalTo(2));
        assertEquals(2, IdempotencyProbeResource.RUNS.get());
    }

    @Test
    void timeoutReleasesTheKeyToo() {
        String key = newKey();
        IdempotencyProbeResource.FAILURES_LEFT.set(1);
        Response timeout = call(key).formParam("amount", "7").post(PROBE + "/timeout-once");
        timeout.then().statusCode(408).body("body.error.code", equalTo(4080010));
        String firstOperation = call(key).formParam("amount", "7").post(PROBE + "/timeout-once")
                .then().statusCode(200).extract().jsonPath().getString("body.operation_id");
        assertEquals(2, IdempotencyProbeResource.RUNS.get());
        // the retry derives the same operation id (hence the same TX matchKeys) as any other run with this key
        String again = call(newKey()).formParam("amount", "7").post(PROBE + "/count")
                .then().extract().jsonPath().getString("body.operation_id");
        assertNotEquals(firstOperation, again);
    }

    @Test
    void expiredKeysArePurgedAndThenRunAgain() throws Exception {
        String key = newKey();
        call(key).formParam("amount", "3").post(PROBE + "/count").then().statusCode(200);
        assertEquals(1, rows(key));
        long later = System.currentTimeMillis() + java.time.Duration.ofHours(24).toMillis() + 60_000;
        idempotency.purgeExpired(System.currentTimeMillis());
        assertEquals(1, rows(key), "kept for at least 24 h");
        idempotency.purgeExpired(later);
        assertEquals(0, rows(key));
        call(key).formParam("amount", "3").post(PROBE + "/count").then().statusCode(200).body("body.run", equalTo(2));

        // expired but not purged yet: treated as absent
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE idempotency_key SET expires_at = ? WHERE idem_key = ?")) {
            ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusNanos(1_000_000));
            ps.setString(2, key);
            assertEquals(1, ps.executeUpdate());
        }
        call(key).formParam("amount", "4").post(PROBE + "/count").then().statusCode(200).body("body.run", equalTo(3));
    }

    @Test
    void malformedKeysAreParameterErrors() {
        for (String bad : new String[] {"", "k".repeat(129), "tab\there", "caf\u00e9"}) {
            call(bad).formParam("amount", "1").post(PROBE + "/count").then().statusCode(400)
                    .body("body.error.code", equalTo(4000090))
                    .body("body.error.exception", equalTo("IdempotencyKeyInvalidException"));
        }
        call("k".repeat(128)).formParam("amount", "1").post(PROBE + "/count").then().statusCode(200);
        call("a b:c/d=e~!").formParam("amount", "1").post(PROBE + "/count").then().statusCode(200);
        assertEquals(2, IdempotencyProbeResource.RUNS.get());
        // GET is not covered: the header is ignored
        call("caf\u00e9").get("/v1.0/apicheck").then().statusCode(200);
    }

    @Test
    void twoPartnersUsingTheSameKeyAreIndependent() {
        String key = newKey();
        String deltaToken = token(TestPartner.DELTA);
        call(key).formParam("amount", "1").post(PROBE + "/count").then().statusCode(200)
                .body("body.partner", equalTo("alpha"));
        Response delta = call(TestPartner.DELTA, deltaToken, key).formParam("amount", "1").post(PROBE + "/count");
        delta.then().statusCode(200).body("body.partner", equalTo("delta")).body("body.run", equalTo(2));
        assertNull(delta.header("Idempotent-Replayed"));
        call(TestPartner.DELTA, deltaToken, key).formParam("amount", "2").post(PROBE + "/count")
                .then().statusCode(422);
        call(key).formParam("amount", "1").post(PROBE + "/count").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("body.partner", equalTo("alpha"));
        assertEquals(2, IdempotencyProbeResource.RUNS.get());
    }

    @Test
    void aRequestThatFailsAuthenticationNeverTouchesTheStore() {
        String key = newKey();
        String data = freshValidationData();
        given().header("Authorization", "Bearer " + alphaToken).header("X-Validation-Data", data)
                .header("X-Signed-Request", sign(ALPHA.key(), data + "forged")).header("Idempotency-Key", key)
                .formParam("amount", "1").post(PROBE + "/count").then().statusCode(401)
                .body("body.error.code", equalTo(4010070));
        given().header("Idempotency-Key", "caf\u00e9").formParam("amount", "1").post(PROBE + "/count")
                .then().statusCode(401).body("body.error.code", equalTo(4010010));
        assertEquals(0, rows(key));
        call(key).formParam("amount", "1").post(PROBE + "/count").then().statusCode(200).body("body.run", equalTo(1));
    }

    int rows(String key) {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM idempotency_key WHERE idem_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
