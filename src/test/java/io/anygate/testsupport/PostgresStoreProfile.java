package io.anygate.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a test against the real PostgreSQL on 127.0.0.1:5432 (database {@code test}, trust auth) instead of the
 * embedded H2 store. Every test JVM gets a schema of its own so that runs never see each other's rows or
 * migrations. Pair it with {@link EnabledIfPostgres}.
 */
public class PostgresStoreProfile implements QuarkusTestProfile {

    /**
     * One schema per test JVM. Kept in a system property because this class is loaded by more than one class
     * loader (JUnit's and Quarkus'), and every copy must name the same schema.
     */
    public static final String SCHEMA = schema();

    private static synchronized String schema() {
        String name = System.getProperty("anygate.test.pg-schema");
        if (name == null) {
            name = "gw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            System.setProperty("anygate.test.pg-schema", name);
        }
        return name;
    }

    /**
     * This profile's schema. A subclass changes the configuration, so the application restarts for it, with a
     * simulator that numbers its objects from the start again: it gets a schema of its own, so that it never meets
     * the rows that the classes of another profile left.
     */
    protected String ownSchema() {
        return getClass() == PostgresStoreProfile.class ? SCHEMA
                : SCHEMA + "_" + getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String schema = ownSchema();
        String url = PostgresAvailability.url() + (PostgresAvailability.url().contains("?") ? "&" : "?")
                + "currentSchema=" + schema;
        return Map.of(
                "gateway.store.embedded-active", "false",
                "gateway.store.postgres-active", "true",
                "quarkus.datasource.pg.jdbc.url", url,
                "quarkus.datasource.pg.username", PostgresAvailability.user(),
                "quarkus.flyway.pg.schemas", schema,
                "quarkus.flyway.pg.create-schemas", "true");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
