package io.anygate.ops;

import io.anygate.store.Store;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/** Readiness: the active store (H2 or PostgreSQL) hands out a valid connection within a second. */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(StoreReadiness.class);

    @Inject
    Store store;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("store");
        try (Connection c = store.dataSource().getConnection()) {
            boolean valid = c.isValid(1);
            return builder.status(valid).withData("kind", store.kind().name()).build();
        } catch (Exception e) {
            LOG.warnf("Store not reachable: %s", e.getMessage());
            return builder.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
