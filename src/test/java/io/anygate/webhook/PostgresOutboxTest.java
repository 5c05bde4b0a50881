package io.anygate.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.domain.operation.UnitOfWork;
import io.anygate.store.Store;
import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The outbox on PostgreSQL: idempotent enqueue inside a transaction (events and build records alike), build claims,
 * and lease claims between two replicas.
 */
@QuarkusTest
@TestProfile(PostgresOutboxTest.Profile.class)
@EnabledIfPostgres
class PostgresOutboxTest {

    /** PostgreSQL, with the application's own dispatcher off so that only the test's two replicas deliver. */
    public static class Profile extends PostgresStoreProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> m = new HashMap<>(super.getConfigOverrides());
            m.put("gateway.webhook.dispatcher-enabled", "false");
            return m;
        }
    }

    @Inject
    Store store;

    @Inject
    WebhookOutbox outbox;

    @Inject
    OutboxRepository repository;

    @Inject
    UnitOfWork units;

    @Test
    void duplicateEnqueueInsideATransactionDoesNotAbortIt() {
        assertEquals(Store.Kind.POSTGRESQL, store.kind());
        units.inOne(() -> {
            assertTrue(outbox.enqueue(WebhookBench.cardLastTx("pg-tx", "pg-1")));
            assertFalse(outbox.enqueue(WebhookBench.cardLastTx("pg-tx", "pg-1")));
            // Still usable: a unique violation would have aborted the transaction here.
            return outbox.enqueue(WebhookBench.cardLastTx("pg-tx", "pg-2"));
        });
        assertTrue(repository.find("card_last_tx:pg-1").isPresent());
        assertTrue(repository.find("card_last_tx:pg-2").isPresent());
    }

    @Test
    void aBuildRecordIsOneInsertThatNeverAbortsTheTransactionAndIsBuiltOnce() throws Exception {
        Instant now = Instant.now();
        units.inOne(() -> {
            assertTrue(repository.insertBuild("card_last_tx:pg-b1", "pg-tx", CardLastTx.METHOD, 777, 1, now));
            assertFalse(repository.insertBuild("card_last_tx:pg-b1", "pg-tx", CardLastTx.METHOD, 777, 1, now));
            // Still usable: a unique violation would have aborted the transaction here.
            return repository.insertBuild("card_last_tx:pg-b0", "pg-tx", CardLastTx.METHOD, 776, 1, now);
        });
        assertTrue(repository.find("card_last_tx:pg-b0").isPresent());
        OutboxRepository outbox = repository;
        assertTrue(outbox.cardsToBuild(now, 10).contains(777L));
        assertTrue(outbox.backlog().unbuilt() >= 1);
        OutboxRepository.PendingBuild b = outbox.claimBuilds(777, "pg-a", now, now.plusSeconds(60), 500).get(0);
        assertTrue(outbox.claimBuilds(777, "pg-b", now, now.plusSeconds(60), 500).isEmpty());
        assertEquals(1, outbox.finishBuilds("pg-a", List.of(new OutboxRepository.Built(b.id(),
                WebhookBench.cardLastTx("pg-tx", "1").payload())), List.of(), now));
        assertEquals("PENDING", outbox.find("card_last_tx:pg-b1").orElseThrow().status());
        // Only a BUILD row may lack its payload.
        try (Connection c = store.dataSource().getConnection()) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("UPDATE webhook_outbox"
                    + " SET payload = NULL WHERE event_id = 'card_last_tx:pg-b1'"));
        }
    }

    @Test
    void twoReplicasClaimingSlicesOfOneCardAtOnceNeverTakeTheSameBuild() throws Exception {
        long card = 778;
        Instant now = Instant.now();
        for (int tran = 1; tran <= 400; tran++) {
            repository.insertBuild("card_last_tx:pg-s" + tran, "pg-tx", CardLastTx.METHOD, card, tran, now);
        }
        OutboxRepository outbox = repository;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<OutboxRepository.PendingBuild>>> claims = new ArrayList<>();
            for (String owner : List.of("pg-x", "pg-y")) {
                claims.add(pool.submit(() -> {
                    start.await();
                    List<OutboxRepository.PendingBuild> mine = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        mine.addAll(outbox.claimBuilds(card, owner, now, now.plusSeconds(60), 30));
                    }
                    return mine;
                }));
            }
            start.countDown();
            Set<Long> x = new HashSet<>();
            claims.get(0).get().forEach(b -> x.add(b.id()));
            Set<Long> y = new HashSet<>();
            claims.get(1).get().forEach(b -> y.add(b.id()));
            // Which replica wins the contested rows is timing: the loser of a row lock skips that row (its lease is
            // taken), and may come away with nothing this pass. What must hold: the rows were taken, never twice.
            assertTrue(x.size() + y.size() >= 30, "claimed: " + x.size() + " + " + y.size());
            x.retainAll(y);
            assertTrue(x.isEmpty(), "taken by both replicas: " + x);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoDispatchersOnPostgresNeverDoubleDeliver() throws Exception {
        TwoDispatchersTest.neverDoubleDeliver(store.dataSource(), "pg-race");
    }
}
