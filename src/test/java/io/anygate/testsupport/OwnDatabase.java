package io.anygate.testsupport;

/**
 * An in-memory H2 database of its own for a test profile that orders cards. The simulator numbers cards from 1000
 * again at each application start, while the shared test database keeps the ownership rows of the classes before:
 * in it, a profiled class's new card could already belong to another partner.
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
