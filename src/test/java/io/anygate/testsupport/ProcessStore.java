package io.anygate.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The store of the gateway processes an {@code *IT} test launches: a fresh PostgreSQL schema (dropped by
 * {@link #drop()}), or the embedded H2 file in a data directory. {@link #gatewayArgs()} are the system properties
 * that point a gateway at it; {@link #connect()} lets the test read it (the H2 file only once no gateway holds it).
 */
public final class ProcessStore {

    private final String schema;
    private final Path dataDir;

    private ProcessStore(String schema, Path dataDir) {
        this.schema = schema;
        this.dataDir = dataDir;
    }

    /** A new schema {@code <prefix>_<random>}, created by the first gateway's Flyway migration. */
    public static ProcessStore postgres(String prefix) {
        return new ProcessStore(prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10), null);
    }

    /** The H2 file of a gateway started with {@code -Dgateway.data-dir=<dataDir>} (absolute). */
    public static ProcessStore h2(Path dataDir) {
        return new ProcessStore(null, dataDir.toAbsolutePath());
    }

    public boolean postgres() {
        return schema != null;
    }

    public String schema() {
        return schema;
    }

    /** What a gateway process needs to use this store (nothing for H2: it is the sandbox default). */
    public List<String> gatewayArgs() {
        if (!postgres()) {
            return List.of();
        }
        return List.of(
                "-Dgateway.store.embedded-active=false",
                "-Dgateway.store.postgres-active=true",
                "-Dquarkus.datasource.pg.jdbc.url=" + postgresUrl(),
                "-Dquarkus.datasource.pg.username=" + PostgresAvailability.user(),
                "-Dquarkus.datasource.pg.jdbc.max-size=8",
                "-Dquarkus.flyway.pg.schemas=" + schema,
                "-Dquarkus.flyway.pg.create-schemas=true");
    }

    /** A connection whose unqualified table names are the gateway's. */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (postgres()) {
            props.setProperty("user", PostgresAvailability.user());
            return DriverManager.getConnection(postgresUrl(), props);
        }
        props.setProperty("user", "sa");
        props.setProperty("password", "");
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("store/gateway")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;IFEXISTS=TRUE", props);
    }

    /** Drops the PostgreSQL schema (the H2 file goes with its directory). */
    public void drop() throws SQLException {
        if (postgres()) {
            Properties props = new Properties();
            props.setProperty("user", PostgresAvailability.user());
            try (Connection c = DriverManager.getConnection(PostgresAvailability.url(), props);
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Override
    public String toString() {
        return postgres() ? "PostgreSQL schema " + schema : "H2 file in " + dataDir;
    }

    private String postgresUrl() {
        String url = PostgresAvailability.url();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
