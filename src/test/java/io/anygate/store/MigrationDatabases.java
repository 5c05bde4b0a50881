package io.anygate.store;

import io.anygate.testsupport.OwnDatabase;
import io.anygate.testsupport.PostgresAvailability;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Fresh databases for the tests of a migration that converts data: migrate to a version, insert, migrate on, read. */
final class MigrationDatabases {

    /** What a test does with its database ({@code schema} null: H2's default one). */
    @FunctionalInterface
    interface Check {
        void run(DataSource ds, String schema) throws Exception;
    }

    private MigrationDatabases() {
    }

    /** Runs {@code check} on an in-memory H2 database of its own. */
    static void onH2(Check check) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(OwnDatabase.h2Url("migration-" + UUID.randomUUID()));
        ds.setUser("sa");
        check.run(ds, null);
    }

    /** Runs {@code check} on a PostgreSQL schema of its own, dropped afterwards. */
    static void onPostgres(Check check) throws Exception {
        String schema = "gw_migration_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(PostgresAvailability.url());
        ds.setUser(PostgresAvailability.user());
        ds.setCurrentSchema(schema);
        try {
            check.run(ds, schema);
        } finally {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** The gateway's migrations on {@code ds}; with a {@code schema}, PostgreSQL's, as application.properties lists. */
    static FluentConfiguration flyway(DataSource ds, String schema) {
        FluentConfiguration conf = Flyway.configure().dataSource(ds);
        return schema == null ? conf.locations("classpath:db/migration")
                : conf.locations("classpath:db/migration", "classpath:db/postgresql").schemas(schema);
    }

    /** An epoch-millisecond time as {@link #row} shows it. */
    static String at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** The row's columns, times as instants, separated by spaces. */
    static String row(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row: " + sql);
            }
            StringBuilder out = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value != null && !(value instanceof Number) && !(value instanceof String)) {
                    value = rs.getObject(i, OffsetDateTime.class).toInstant();
                }
                out.append(i == 1 ? "" : " ").append(value);
            }
            return out.toString();
        }
    }
}
