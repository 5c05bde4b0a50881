package io.anygate.store;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The gateway's durable store: whichever of the two built-in datasources is active (embedded H2 by default,
 * PostgreSQL in production). Repositories take their connections here and write SQL that both accept
 * (H2 runs in PostgreSQL compatibility mode).
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
}
