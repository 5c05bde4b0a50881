package io.anygate.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.store.Store;
import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    @Test
    void duplicateEnqueueInsideATransactionDoesNotAbortIt() throws Exception {
        assertEquals(Store.Kind.POSTGRESQL, store.kind());
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            assertTrue(outbox.enqueue(c, WebhookBench.cardLastTx("pg-tx", "pg-1")));
            assertFalse(outbox.enqueue(c, WebhookBench.cardLastTx("pg-tx", "pg-1")));
            // Still usable: a unique violation would have aborted the transaction here.
            c.createStatement().execute("SELECT 1");
            c.commit();
        }
        assertTrue(new OutboxRepository(store.dataSource()).find("card_last_tx:pg-1").isPresent());
    }

    @Test
    void aBuildRecordIsOneInsertThatNeverAbortsTheTransactionAndIsBuiltOnce() throws Exception {
        Instant now = Instant.now();
        try (Connection c = store.dataSource().getConnection()) {
            c.setAutoCommit(false);
            assertTrue(OutboxRepository.insertBuild(c, "card_last_tx:pg-b1", "pg-tx", CardLastTx.METHOD, 777, 1, now));
            assertFalse(OutboxRepository.insertBuild(c, "card_last_tx:pg-b1", "pg-tx", CardLastTx.METHOD, 777, 1, now));
            c.createStatement().execute("SELECT 1");
            c.commit();
        }
        OutboxRepository outbox = new OutboxRepository(store.dataSource());
        assertTrue(outbox.cardsToBuild(now, 10).contains(777L));
        assertTrue(outbox.backlog().unbuilt() >= 1);
        OutboxRepository.PendingBuild b = outbox.claimBuilds(777, "pg-a", now, now.plusSeconds(60)).get(0);
        assertTrue(outbox.claimBuilds(777, "pg-b", now, now.plusSeconds(60)).isEmpty());
        assertEquals(1, outbox.built("pg-a", List.of(new OutboxRepository.Built(b.id(),
                WebhookBench.cardLastTx("pg-tx", "1").payload())), now));
        assertEquals("PENDING", outbox.find("card_last_tx:pg-b1").orElseThrow().status());
        // Only a BUILD row may lack its payload.
        try (Connection c = store.dataSource().getConnection()) {
            assertThrows(SQLException.class, () -> c.createStatement().executeUpdate("UPDATE webhook_outbox"
                    + " SET payload = NULL WHERE event_id = 'card_last_tx:pg-b1'"));
        }
    }

    @Test
    void twoDispatchersOnPostgresNeverDoubleDeliver() throws Exception {
        TwoDispatchersTest.neverDoubleDeliver(store.dataSource(), "pg-race");
    }
}
