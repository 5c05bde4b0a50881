package io.anygate.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.store.Store;
import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outbox on PostgreSQL: idempotent enqueue inside a transaction, and lease claims between two replicas. */
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
    void twoDispatchersOnPostgresNeverDoubleDeliver() throws Exception {
        TwoDispatchersTest.neverDoubleDeliver(store.dataSource(), "pg-race");
    }
}
