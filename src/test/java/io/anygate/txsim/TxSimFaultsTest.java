package io.anygate.txsim;

import static io.anygate.txsim.TxApi.tx;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault injection mode, switched on and off through the HTTP API only. */
@QuarkusTest
class TxSimFaultsTest {

    @AfterEach
    void clear() {
        TxApi.sim().delete("/faults").then().statusCode(200);
    }

    private static void fault(Map<String, Object> rule) {
        TxApi.sim().body(rule).put("/faults").then().statusCode(200);
    }

    private static RequestSpecification impatient(int millis) {
        return tx().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", millis).setParam("http.connection.timeout", millis)));
    }

    private static Map<String, Object> transfer(long a, long b, String key) {
        return Map.of("src", Map.of("id", a), "dst", Map.of("id", b), "value", Map.of("amt", new BigDecimal("1.00"), "ccy", "EUR"),
                "tranRq", TxApi.tranRq(key));
    }

    @Test
    void errorsForTheNextNCallsWithoutApplying() {
        long a = TxApi.account("EUR", "10.00");
        long b = TxApi.account("EUR", null);
        fault(Map.of("operation", "tran.account2account", "errorRate", 1.0, "count", 2));
        TxApi.a2a(a, b, "1.00", "EUR", null).then().statusCode(503).body("code", equalTo("SIM_FAULT"));
        TxApi.a2a(a, b, "1.00", "EUR", null).then().statusCode(503);
        TxApi.a2a(a, b, "1.00", "EUR", null).then().statusCode(200);
        assertEquals(new BigDecimal("1.00"), TxApi.balance(b));
        // other operations are not affected
        tx().get("/contract-types").then().statusCode(200);
    }

    @Test
    void deterministicShareAndWildcard() {
        long a = TxApi.account("EUR", "10.00");
        long b = TxApi.account("EUR", null);
        fault(Map.of("operation", "*", "errorRate", 0.5, "errorStatus", 500));
        TxApi.a2a(a, b, "1.00", "EUR", null).then().statusCode(200);
        TxApi.a2a(a, b, "1.00", "EUR", null).then().statusCode(500);
        TxApi.a2a(a, b, "1.00", "EUR", null).then().statusCode(200);
        TxApi.a2a(a, b, "1.00", "EUR", null).then().statusCode(500);
        TxApi.sim().get("/faults").then().body("[0].calls", equalTo(4));
    }

    @Test
    void timeoutHoldsTheRequestAndAppliesNothing() {
        long a = TxApi.account("EUR", "10.00");
        long b = TxApi.account("EUR", null);
        String key = TxApi.key();
        fault(Map.of("operation", "tran.account2account", "timeoutRate", 1.0));
        assertThrows(Exception.class, () -> impatient(1000).body(transfer(a, b, key)).post("/tran/account2account"));
        clear();
        assertEquals(new BigDecimal("0.00"), TxApi.balance(b));
        tx().queryParam("ref[matchKey]", key).queryParam("ref[rqSentTime]", TxApi.sentJustBefore()).get("/tran").then().statusCode(404);
    }

    @Test
    void dropAfterCommitAppliesThenClosesTheConnection() {
        long a = TxApi.account("EUR", "10.00");
        long b = TxApi.account("EUR", null);
        String key = TxApi.key();
        fault(Map.of("operation", "tran.account2account", "dropAfterCommitRate", 1.0, "count", 1));
        assertThrows(Exception.class, () -> tx().body(transfer(a, b, key)).post("/tran/account2account"));
        assertEquals(new BigDecimal("1.00"), TxApi.balance(b));
        tx().queryParam("ref[matchKey]", key).queryParam("ref[rqSentTime]", TxApi.sentJustBefore()).get("/tran").then().statusCode(200).body("result", equalTo("Approved"));
        // the client's retry with the same key learns the outcome without applying twice
        tx().body(transfer(a, b, key)).post("/tran/account2account").then().statusCode(200).header("X-TX-Match", "replayed");
        assertEquals(new BigDecimal("1.00"), TxApi.balance(b));
    }

    @Test
    void latencyDelaysTheAnswer() {
        fault(Map.of("operation", "contractTypes.list", "latencyMs", 3000, "count", 1));
        assertThrows(Exception.class, () -> impatient(300).get("/contract-types"));
        fault(Map.of("operation", "contractTypes.list", "latencyMs", 50));
        tx().get("/contract-types").then().statusCode(200);
    }

    @Test
    void invalidRulesAre400() {
        TxApi.sim().body(Map.of("operation", "tran.nope", "errorRate", 1)).put("/faults").then().statusCode(400);
        TxApi.sim().body(Map.of("operation", "*", "errorRate", 2)).put("/faults").then().statusCode(400);
        TxApi.sim().body(Map.of("operation", "*", "latencyMs", -1)).put("/faults").then().statusCode(400);
        TxApi.sim().body(Map.of("operation", "*", "count", 0)).put("/faults").then().statusCode(400);
        TxApi.sim().body("{").put("/faults").then().statusCode(400);
        TxApi.sim().get("/faults").then().body("size()", equalTo(0));
    }
}
