package io.anygate.ops;

import io.anygate.store.StoreProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
    StoreProbe probe;

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("store");
        StoreProbe.Answer a = probe.check(Duration.ofSeconds(1));
        if (a.failure() != null) {
            LOG.warnf("Store not reachable: %s", a.detail());
            return builder.down().withData("error", a.failure()).build();
        }
        return builder.status(a.up()).withData("kind", a.kind().name()).build();
    }
}
