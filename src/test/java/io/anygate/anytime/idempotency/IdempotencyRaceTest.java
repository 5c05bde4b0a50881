package io.anygate.anytime.idempotency;

import static io.anygate.testsupport.EdgeClient.signed;
import static io.anygate.testsupport.EdgeClient.token;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.anytime.IdempotencyClaim;
import io.anygate.store.IdempotencyStore;
import io.anygate.anytime.IdempotentAnswer;
import io.anygate.store.Store;
import io.anygate.testsupport.TestPartner;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many requests with one Idempotency-Key at once: over HTTP on one gateway, and as two replicas (two claim-logic
 * instances on one store) racing. Exactly one runs; the others are refused as in flight or get the replay.
 */
@QuarkusTest
class IdempotencyRaceTest {

    static final int RACERS = 50;
    static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    Store store;

    @Test
    void fiftyConcurrentRequestsRunTheHandlerOnce() throws Exception {
        IdempotencyProbeResource.reset();
        IdempotencyProbeResource.gate = new CountDownLatch(1);
        String token = token(TestPartner.ALPHA);
        String key = "race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CompletionService<Response> answers = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < RACERS; i++) {
                answers.submit(() -> signed(TestPartner.ALPHA).header("Authorization", "Bearer " + token)
                        .header("Idempotency-Key", key).formParam("amount", "9")
                        .post("/v1.0/test-idempotency/blocking"));
            }
            // the one claimer waits on the gate: every other request must be answered while it still runs
            List<Response> refused = new ArrayList<>();
            for (int i = 0; i < RACERS - 1; i++) {
                Future<Response> done = answers.poll(120, TimeUnit.SECONDS);
                assertNotNull(done, "a duplicate was not answered while the first request was running");
                refused.add(done.get());
            }
            IdempotencyProbeResource.gate.countDown();
            Response winner = answers.take().get();

            winner.then().statusCode(200).body("body.run", equalTo(1));
            for (Response r : refused) {
                r.then().statusCode(409).body("body.error.code", equalTo(4090010))
                        .body("body.error.exception", equalTo("IdempotencyKeyInProgressException"));
            }
            assertEquals(1, IdempotencyProbeResource.RUNS.get(), "handler runs");
            assertEquals(1, IdempotencyProbeResource.TX_CALLS.get(), "TX calls");

            Response late = signed(TestPartner.ALPHA).header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", key).formParam("amount", "9").post("/v1.0/test-idempotency/blocking");
            late.then().statusCode(200).header("Idempotent-Replayed", "true");
            assertArrayEquals(winner.asByteArray(), late.asByteArray());
            assertEquals(1, IdempotencyProbeResource.RUNS.get());
        } finally {
            IdempotencyProbeResource.gate.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void twoReplicasOnOneStoreClaimAKeyOnce() throws Exception {
        IdempotencyStore replicaA = new IdempotencyStore(store, Duration.ofHours(24), LEASE);
        IdempotencyStore replicaB = new IdempotencyStore(store, Duration.ofHours(24), LEASE);
        String key = "replicas-" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        CyclicBarrier start = new CyclicBarrier(RACERS);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        List<Future<IdempotencyClaim>> claims = new ArrayList<>();
        try {
            for (int i = 0; i < RACERS; i++) {
                IdempotencyStore replica = i % 2 == 0 ? replicaA : replicaB;
                claims.add(pool.submit(() -> {
                    start.await();
                    return replica.claim("alpha", key, "fingerprint", now);
                }));
            }
            int claimed = 0;
            int inFlight = 0;
            String token = null;
            for (Future<IdempotencyClaim> f : claims) {
                IdempotencyClaim c = f.get(120, TimeUnit.SECONDS);
                if (c instanceof IdempotencyClaim.Claimed won) {
                    claimed++;
                    token = won.token();
                } else if (c instanceof IdempotencyClaim.InFlight) {
                    inFlight++;
                }
            }
            assertEquals(1, claimed);
            assertEquals(RACERS - 1, inFlight);

            byte[] body = "{\"request_id\":1}".getBytes(StandardCharsets.UTF_8);
            assertTrue(replicaA.complete("alpha", key, token,
                    new IdempotentAnswer(200, "application/json", "sig", body), now));
            IdempotencyClaim replay = replicaB.claim("alpha", key, "fingerprint", now + 1);
            IdempotentAnswer answer = assertInstanceOf(IdempotencyClaim.Replay.class, replay).answer();
            assertArrayEquals(body, answer.body());
            assertEquals("sig", answer.signature());
            assertInstanceOf(IdempotencyClaim.Mismatch.class, replicaA.claim("alpha", key, "other", now + 2));
            assertInstanceOf(IdempotencyClaim.Claimed.class, replicaB.claim("beta", key, "fingerprint", now + 3));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClaimWhoseReplicaDiedIsTakenOverAfterItsLease() {
        IdempotencyStore replicaA = new IdempotencyStore(store, Duration.ofHours(24), LEASE);
        IdempotencyStore replicaB = new IdempotencyStore(store, Duration.ofHours(24), LEASE);
        String key = "lease-" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        String dead = assertInstanceOf(IdempotencyClaim.Claimed.class,
                replicaA.claim("alpha", key, "fp", now)).token();
        assertInstanceOf(IdempotencyClaim.InFlight.class,
                replicaB.claim("alpha", key, "fp", now + LEASE.toMillis() - 1));
        String heir = assertInstanceOf(IdempotencyClaim.Claimed.class,
                replicaB.claim("alpha", key, "fp", now + LEASE.toMillis())).token();
        assertFalse(replicaA.complete("alpha", key, dead,
                new IdempotentAnswer(200, "application/json", "s", new byte[] {1}), now), "the lost claim keeps nothing");
        assertTrue(replicaB.complete("alpha", key, heir,
                new IdempotentAnswer(200, "application/json", "s", new byte[] {2}), now + LEASE.toMillis()));
        replicaA.release("alpha", key, dead);
        assertInstanceOf(IdempotencyClaim.Replay.class, replicaA.claim("alpha", key, "fp", now + LEASE.toMillis() + 1));
    }
}
