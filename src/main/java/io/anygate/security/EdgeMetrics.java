package io.anygate.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code gateway_rate_limit_rejections_total{scope}} with scope {@code ip}, {@code user} or {@code functionality}
 * (authentication failures are counted by the code answered, in the inbound adapter). Every counter is registered
 * at start with 0, so that dashboards and alerts see the series before the first event.
 */
@Startup
@ApplicationScoped
public class EdgeMetrics {

    /** Which rate limit refused a request. */
    public enum RateScope {
        IP, USER, FUNCTIONALITY
    }

    private final Map<RateScope, Counter> rateRejections = new EnumMap<>(RateScope.class);

    @Inject
    public EdgeMetrics(MeterRegistry registry) {
        for (RateScope scope : RateScope.values()) {
            rateRejections.put(scope, Counter.builder("gateway.rate.limit.rejections")
                    .description("Requests refused by a rate limit, by scope")
                    .tag("scope", scope.name().toLowerCase()).register(registry));
        }
    }

    void rateLimited(RateScope scope) {
        rateRejections.get(scope).increment();
    }
}
