package io.anygate.anytime.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.testsupport.EdgeClient;
import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A batch holds no worker while its sub-requests run: with a worker pool of two threads, more batches than workers
 * at once all complete. (Were a batch to wait on its worker, two batches would hold both workers, their
 * sub-requests could never run, and every slot would answer 408 after the sub-request timeout.)
 */
@QuarkusTest
@TestProfile(MultiRequestWorkerPoolTest.TwoWorkers.class)
class MultiRequestWorkerPoolTest {

    /** Two worker threads; a short sub-request timeout so that starvation would show as 408 slots, not a hang. */
    public static class TwoWorkers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.max-threads", "2",
                    "gateway.multi-request.sub-request-timeout", "PT10S",
                    OwnDatabase.URL_KEY, OwnDatabase.h2Url("multi-request-worker-pool"));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TestPartner PARTNER = TestPartner.ALPHA;

    @Test
    void moreBatchesThanWorkersAllComplete() throws Exception {
        String token = EdgeClient.token(PARTNER);
        List<Map<String, Object>> subs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            subs.add(Map.of("uri", "/v1.0/apicheck", "query_string", "", "method", "GET"));
        }
        String form = MultiRequestTest.phpForm(subs);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> batches = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                batches.add(callers.submit(() -> EdgeClient.signed(PARTNER)
                        .header("Authorization", "Bearer " + token)
                        .contentType("application/x-www-form-urlencoded").body(form).post("/v1.0/multi-request")));
            }
            for (Future<Response> batch : batches) {
                Response r = batch.get();
                assertEquals(200, r.statusCode(), r.asString());
                for (JsonNode slot : JSON.readTree(r.asString()).path("body").path("responses")) {
                    assertEquals(200, slot.path("http_status_code").asInt(), slot.toString());
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
