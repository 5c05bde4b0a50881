package io.anygate.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

/**
 * Whether the PostgreSQL that the PostgreSQL-backed tests use is reachable. A fresh machine has none and skips
 * them; CI sets {@code -Danygate.test.postgres=required} so that an unreachable database fails the run instead
 * of silently skipping.
 */
public final class PostgresAvailability {

    private static Boolean reachable;

    private PostgresAvailability() {
    }

    public static String url() {
        return System.getProperty("anygate.test.postgres.url",
                System.getenv().getOrDefault("GATEWAY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
    }

    public static String user() {
        return System.getProperty("anygate.test.postgres.user",
                System.getenv().getOrDefault("GATEWAY_TEST_PG_USER", "postgres"));
    }

    public static boolean required() {
        return "required".equalsIgnoreCase(System.getProperty("anygate.test.postgres", ""));
    }

    /** JUnit {@code @EnabledIf} condition. */
    public static synchronized boolean reachable() {
        if (reachable == null) {
            Properties props = new Properties();
            props.setProperty("user", user());
            props.setProperty("connectTimeout", "2");
            try (Connection c = DriverManager.getConnection(url(), props)) {
                reachable = c.isValid(2);
            } catch (Exception e) {
                reachable = false;
            }
            if (!reachable && required()) {
                throw new IllegalStateException("PostgreSQL is required for this run (-Danygate.test.postgres=required)"
                        + " but " + url() + " is not reachable");
            }
        }
        return reachable;
    }
}
