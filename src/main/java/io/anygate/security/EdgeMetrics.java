package io.anygate.security;

import io.anygate.anytime.AnytimeError;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * Edge security counters: {@code gateway_auth_failures_total{code}} (every answer with an Anytime 401 code:
 * missing or bad credentials, token, signature, IP, reused validation data) and
 * {@code gateway_rate_limit_rejections_total{scope}} with scope {@code ip}, {@code user} or {@code functionality}.
 * Every counter is registered at start with 0, so that dashboards and alerts see the series before the first event.
 */
@ApplicationScoped
public class EdgeMetrics {

    /** Which rate limit refused a request. */
    public enum RateScope {
        IP, USER, FUNCTIONALITY
    }

    private final Map<AnytimeError, Counter> authFailures = new EnumMap<>(AnytimeError.class);
    private final Map<RateScope, Counter> rateRejections = new EnumMap<>(RateScope.class);

    @Inject
    public EdgeMetrics(MeterRegistry registry) {
        for (AnytimeError error : AnytimeError.values()) {
            if (error.httpStatus() == 401) {
                authFailures.put(error, Counter.builder("gateway.auth.failures")
                        .description("Authentication failures answered, by Anytime error code")
                        .tag("code", String.valueOf(error.code())).register(registry));
            }
        }
        for (RateScope scope : RateScope.values()) {
            rateRejections.put(scope, Counter.builder("gateway.rate.limit.rejections")
                    .description("Requests refused by a rate limit, by scope")
                    .tag("scope", scope.name().toLowerCase()).register(registry));
        }
    }

    /** Counts an error answered to a caller; only authentication errors (HTTP 401) are counted. */
    public void answered(AnytimeError error) {
        Counter counter = authFailures.get(error);
        if (counter != null) {
            counter.increment();
        }
    }

    void rateLimited(RateScope scope) {
        rateRejections.get(scope).increment();
    }
}
