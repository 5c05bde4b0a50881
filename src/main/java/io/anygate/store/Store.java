package io.anygate.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.runtime.BlockingOperationControl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The gateway's durable store: whichever of the two built-in datasources is active (embedded H2 by default,
 * PostgreSQL in production). Repositories take their connections here and write SQL that both accept
 * (H2 runs in PostgreSQL compatibility mode).
 * <p>
 * Transactions are JTA (Narayana) on the Agroal datasources. A unit of work ({@link JdbcUnitOfWork}) is one
 * {@link QuarkusTransaction}: every connection its thread takes from the datasource ({@link #connection()} or
 * {@link #dataSource()} alike) is enlisted in it, closing such a connection leaves it enlisted, and Agroal refuses
 * {@code commit}, {@code rollback} and {@code setAutoCommit} on it. Outside a unit a connection commits each
 * statement, or runs a local transaction of its own; read-only paths take no transaction. The unit's timeout is
 * {@code quarkus.transaction-manager.default-transaction-timeout}.
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

    @Inject
    TransactionSynchronizationRegistry transactions;

    private volatile AgroalDataSource active;
    private volatile Kind kind;

    /** The active datasource. Inside a unit of work its connections are the unit's. */
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
     * A connection for one repository call: inside a unit of work, enlisted in the unit's transaction (closing it
     * ends nothing); outside, a pooled one in auto-commit mode.
     */
    public Connection connection() throws SQLException {
        return dataSource().getConnection();
    }

    /** Whether this thread is inside a unit of work (a JTA transaction, active or marked for rollback). */
    boolean inUnitOfWork() {
        return transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    /**
     * See {@link io.anygate.domain.operation.UnitOfWork#inOne}: joins the transaction open on this thread, else
     * begins one. The work's exception is rethrown as it is, after the rollback (inside an outer unit: after
     * marking it rollback-only, so the outer unit cannot commit half of it); a failed commit is a
     * {@link StoreException}.
     */
    <T> T inTransaction(Supplier<T> work) {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            // A unit holds a connection and waits on the database: it would stall every request of the event loop.
            throw new IllegalStateException("a unit of work runs on a worker thread, never on an event loop");
        }
        try {
            return QuarkusTransaction.joiningExisting().call(work::get);
        } catch (QuarkusTransactionException e) {
            throw new StoreException("committing a store transaction", e.getCause() != null ? e.getCause() : e);
        }
    }
}
