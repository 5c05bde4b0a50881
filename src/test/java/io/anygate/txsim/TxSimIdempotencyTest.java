package io.anygate.txsim;

import static io.anygate.txsim.TxApi.tx;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A repeated tranRq.match.key never applies twice, sequentially or racing; a declined key is free again. */
@QuarkusTest
class TxSimIdempotencyTest {

    @Test
    void repeatedTransferKeyReplaysTheOriginalAnswer() {
        long a = TxApi.account("EUR", "100.00");
        long b = TxApi.account("EUR", null);
        String key = TxApi.key();
        Response first = TxApi.a2a(a, b, "30.00", "EUR", key);
        first.then().statusCode(200);
        TxApi.a2a(a, b, "45.00", "EUR", key).then().statusCode(200).header("X-TX-Match", "replayed")
                .body("tranId", equalTo(first.jsonPath().getInt("tranId")))
                .body("approvalCode", equalTo(first.jsonPath().getString("approvalCode")));
        assertEquals(new BigDecimal("70.00"), TxApi.balance(a));
        assertEquals(new BigDecimal("30.00"), TxApi.balance(b));
    }

    @Test
    void declinedKeyIsProcessedAsNewWhenRepeated() {
        long a = TxApi.account("EUR", "10.00");
        long b = TxApi.account("EUR", null);
        String key = TxApi.key();
        TxApi.a2a(a, b, "20.00", "EUR", key).then().statusCode(422);
        TxApi.fund(a, "EUR", "20.00");
        TxApi.a2a(a, b, "20.00", "EUR", key).then().statusCode(200).header("X-TX-Match", (String) null);
        assertEquals(new BigDecimal("20.00"), TxApi.balance(b));
    }

    @Test
    void repeatedObjectPutKeyCreatesOnce() {
        String key = TxApi.key();
        Map<String, Object> body = Map.of("object", Map.of("kind", "Person"), "tranRq", TxApi.tranRq(key));
        long first = tx().body(body).put("/subject").then().statusCode(200).extract().jsonPath().getLong("objectId");
        tx().body(Map.of("object", Map.of("kind", "Corporation"), "tranRq", TxApi.tranRq(key))).put("/subject").then()
                .statusCode(200).header("X-TX-Match", "replayed").body("objectId", equalTo((int) first));
        tx().queryParam("ref[id]", first).get("/subject").then().body("kind", equalTo("Person"));
        tx().queryParam("ref[matchKey]", key).queryParam("ref[rqSentTime]", TxApi.sentJustBefore()).get("/tran").then().statusCode(200).body("objectId", equalTo((int) first));
        long c = TxApi.account("EUR", null);
        String fundKey = TxApi.key();
        for (String amount : List.of("5.00", "9.00")) {
            tx().queryParam("ref[id]", c).queryParam("accountRole", "Main").queryParam("ccy", "EUR")
                    .body(Map.of("balance", new BigDecimal(amount), "tranRq", TxApi.tranRq(fundKey))).put("/contract/balance")
                    .then().statusCode(200);
        }
        assertEquals(new BigDecimal("5.00"), TxApi.balance(c));
        tx().body(Map.of("x", 1)).put("/subject").then().statusCode(400);
        tx().body(Map.of("object", Map.of("kind", "Person"), "tranRq", TxApi.tranRq("k".repeat(65)))).put("/subject")
                .then().statusCode(400).body("description", org.hamcrest.Matchers.startsWith("tranRq.match.key"));
    }

    @Test
    void concurrentSameKeyAppliesOnce() throws Exception {
        long a = TxApi.account("EUR", "1000.00");
        long b = TxApi.account("EUR", null);
        String key = TxApi.key();
        String subjectKey = TxApi.key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> TxApi.a2a(a, b, "7.00", "EUR", key).then().statusCode(200).extract().jsonPath().getInt("tranId"));
            }
            Set<Integer> tranIds = new HashSet<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                tranIds.add(f.get());
            }
            assertEquals(1, tranIds.size());
            assertEquals(new BigDecimal("7.00"), TxApi.balance(b));

            List<Callable<Integer>> puts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                puts.add(() -> tx().body(Map.of("object", Map.of("kind", "Person"), "tranRq", TxApi.tranRq(subjectKey)))
                        .put("/subject").then().statusCode(200).extract().jsonPath().getInt("objectId"));
            }
            Set<Integer> objectIds = new HashSet<>();
            for (Future<Integer> f : pool.invokeAll(puts)) {
                objectIds.add(f.get());
            }
            assertEquals(1, objectIds.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
