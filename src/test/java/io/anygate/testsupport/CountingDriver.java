package io.anygate.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * A JDBC driver that counts what the gateway asks of its store: {@code jdbc:counting:<url>} opens
 * {@code jdbc:<url>} with the real driver and counts every statement executed (by its SQL text) and every commit:
 * an explicit {@link Connection#commit()}, or a statement executed in auto-commit mode. A test profile selects it
 * with {@link #overrides}; {@link #snapshot()} before and after a request gives that request's work.
 */
public final class CountingDriver implements Driver {

    private static final String PREFIX = "jdbc:counting:";
    private static final Map<String, AtomicLong> STATEMENTS = new ConcurrentHashMap<>();
    private static final AtomicLong COMMITS = new AtomicLong();
    private static final AtomicLong ROLLBACKS = new AtomicLong();

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What the store was asked so far: statements by SQL text, commits, rollbacks. */
    public record Counts(Map<String, Long> statements, long commits, long rollbacks) {

        public long statementCount() {
            return statements.values().stream().mapToLong(Long::longValue).sum();
        }

        /** What was asked between {@code before} and this snapshot. */
        public Counts minus(Counts before) {
            Map<String, Long> diff = new TreeMap<>();
            statements.forEach((sql, n) -> {
                long d = n - before.statements.getOrDefault(sql, 0L);
                if (d != 0) {
                    diff.put(sql, d);
                }
            });
            return new Counts(diff, commits - before.commits, rollbacks - before.rollbacks);
        }
    }

    public static Counts snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        STATEMENTS.forEach((sql, n) -> copy.put(sql, n.get()));
        return new Counts(copy, COMMITS.get(), ROLLBACKS.get());
    }

    /** The configuration that puts the counter in front of the datasource {@code name} ({@code h2} or {@code pg}). */
    public static Map<String, String> overrides(String datasource, String realUrl) {
        return Map.of("quarkus.datasource." + datasource + ".jdbc.driver", CountingDriver.class.getName(),
                "quarkus.datasource." + datasource + ".jdbc.url", PREFIX + realUrl.substring("jdbc:".length()));
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = DriverManager.getConnection("jdbc:" + url.substring(PREFIX.length()), info);
        return (Connection) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionHandler(real));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection real;

        ConnectionHandler(Connection real) {
            this.real = real;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "commit" -> COMMITS.incrementAndGet();
                case "rollback" -> ROLLBACKS.incrementAndGet();
                case "unwrap" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return proxy;
                    }
                }
                case "isWrapperFor" -> {
                    if (((Class<?>) args[0]).isInstance(proxy)) {
                        return true;
                    }
                }
                default -> {
                }
            }
            Object result = CountingDriver.invoke(real, m, args);
            if (result instanceof Statement s) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                Class<?> type = m.getReturnType();
                return Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type},
                        new StatementHandler(s, real, sql));
            }
            return result;
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final Statement real;
        private final Connection connection;
        private final String preparedSql;

        StatementHandler(Statement real, Connection connection, String preparedSql) {
            this.real = real;
            this.connection = connection;
            this.preparedSql = preparedSql;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                STATEMENTS.computeIfAbsent(String.valueOf(sql), k -> new AtomicLong()).incrementAndGet();
                if (connection.getAutoCommit()) {
                    COMMITS.incrementAndGet();
                }
            }
            return CountingDriver.invoke(real, m, args);
        }
    }
}
