package io.anygate.testsupport;

/**
 * An in-memory H2 database of its own for each test profile, so that no test class depends on the classes that ran
 * before it. The application restarts for each profile, and its simulator numbers cards from 1000 again, while a
 * shared database would keep the rows of the classes before: ownership (a new card could already belong to another
 * partner), lockouts, rate-limit counters, idempotency keys. (A PostgreSQL profile gets a schema of its own:
 * {@link PostgresStoreProfile#ownSchema()}.)
 */
public final class OwnDatabase {

    /** The configuration key to override with {@link #h2Url}. */
    public static final String URL_KEY = "quarkus.datasource.h2.jdbc.url";

    private OwnDatabase() {
    }

    /** The JDBC URL of the in-memory database {@code name}, with the same modes as the shared test database. */
    public static String h2Url(String name) {
        return "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1";
    }
}
