package io.anygate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.anygate.store.Store;
import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The replay, token, lockout and rate-counter store tests against PostgreSQL. */
@QuarkusTest
@TestProfile(PostgresStoreProfile.class)
@EnabledIfPostgres
class PostgresEdgeStoreTest extends EdgeStoreTest {

    @Inject
    Store store;

    @Test
    void theRelaxedCommitOfRateCountersNeverReachesAnotherTransaction() throws Exception {
        // a counter's statement commits without waiting for the WAL flush; the setting must end with it, or the
        // journal's and the replay store's commits on the same pooled connection would lose their durability
        race(() -> counters.increment(List.of("ip:" + UUID.randomUUID(), "user:" + UUID.randomUUID()), WINDOW));
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < THREADS; i++) {
                Connection c = store.dataSource().getConnection();
                held.add(c);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
                    rs.next();
                    assertEquals("on", rs.getString(1), "connection " + i);
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
