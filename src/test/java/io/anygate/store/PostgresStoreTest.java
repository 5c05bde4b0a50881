package io.anygate.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.EnabledIfPostgres;
import io.anygate.testsupport.PostgresStoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(PostgresStoreProfile.class)
@EnabledIfPostgres
class PostgresStoreTest {

    @Inject
    Store store;

    @Test
    void postgresStoreIsActiveAndMigratedInItsOwnSchema() throws Exception {
        assertEquals(Store.Kind.POSTGRESQL, store.kind());
        try (Connection c = store.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT current_schema()")) {
            assertTrue(rs.next());
            assertEquals(PostgresStoreProfile.SCHEMA, rs.getString(1));
        }
    }
}
