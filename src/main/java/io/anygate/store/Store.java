package io.anygate.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The gateway's durable store: whichever of the two built-in datasources is active (embedded H2 by default,
 * PostgreSQL in production). Repositories take their connections here and write SQL that both accept
 * (H2 runs in PostgreSQL compatibility mode).
 * <p>
 * A repository that may take part in a unit of work ({@link JdbcUnitOfWork}) takes its connection from
 * {@link #connection()}: inside a unit, the unit's own connection (its transaction, left open when the repository
 * closes it); outside, a pooled connection of its own that commits each statement.
 */
@ApplicationScoped
public class Store {

    @Inject
    @DataSource("h2")
    InjectableInstance<AgroalDataSource> embedded;

    @Inject
    @DataSource("pg")
    InjectableInstance<AgroalDataSource> postgres;

    @Inject
    StoreConfig config;

    private static final Logger LOG = Logger.getLogger(Store.class);

    /** The connection of the unit of work open on this thread, if any. */
    private final ThreadLocal<Connection> unit = new ThreadLocal<>();

    private volatile AgroalDataSource active;
    private volatile Kind kind;

    /** The active datasource. */
    public AgroalDataSource dataSource() {
        AgroalDataSource ds = active;
        if (ds == null) {
            synchronized (this) {
                if (active == null) {
                    if (config.postgresActive()) {
                        kind = Kind.POSTGRESQL;
                        active = postgres.get();
                    } else {
                        kind = Kind.H2;
                        active = embedded.get();
                    }
                }
                ds = active;
            }
        }
        return ds;
    }

    /** Which database the store runs on (for the few statements that differ, and for operators). */
    public Kind kind() {
        dataSource();
        return kind;
    }

    public enum Kind {
        H2, POSTGRESQL
    }

    /**
     * A connection for one repository call: the open unit of work's (closing it leaves the unit's transaction and
     * connection open), or else a pooled one in auto-commit mode.
     */
    public Connection connection() throws SQLException {
        Connection joined = unit.get();
        return joined != null ? keptOpen(joined) : dataSource().getConnection();
    }

    /** See {@link io.anygate.domain.operation.UnitOfWork#inOne}. */
    <T> T inTransaction(Supplier<T> work) {
        if (unit.get() != null) {
            return work.get();
        }
        Connection c;
        try {
            c = dataSource().getConnection();
        } catch (SQLException e) {
            throw new StoreException("opening a store transaction", e);
        }
        try {
            c.setAutoCommit(false);
        } catch (SQLException e) {
            close(c);
            throw new StoreException("opening a store transaction", e);
        }
        unit.set(c);
        try {
            T result = work.get();
            c.commit();
            return result;
        } catch (SQLException e) {
            rollback(c, e);
            throw new StoreException("committing a store transaction", e);
        } catch (RuntimeException | Error e) {
            rollback(c, e);
            throw e;
        } finally {
            unit.remove();
            close(c);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void close(Connection c) {
        try {
            // The pool would reset it too; a connection never goes back to it outside auto-commit.
            c.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debugf("restoring auto-commit: %s", e.toString());
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debugf("closing a store connection: %s", e.toString());
        }
    }

    private static Connection keptOpen(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("close")) {
                        return null;
                    }
                    if (name.equals("setAutoCommit") || (args == null && (name.equals("commit")
                            || name.equals("rollback")))) {
                        // The unit decides: a repository written for auto-commit may not end it half-way.
                        throw new IllegalStateException(name + " inside a unit of work");
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
