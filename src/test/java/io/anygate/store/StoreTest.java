package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StoreTest {

    @Inject
    Store store;

    @Test
    void embeddedStoreIsActiveByDefaultAndMigrated() throws Exception {
        assertEquals(Store.Kind.H2, store.kind());
        try (Connection c = store.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM gateway_instance")) {
            assertTrue(rs.next());
        }
    }
}
