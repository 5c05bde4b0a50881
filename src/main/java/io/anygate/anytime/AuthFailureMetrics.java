package io.anygate.anytime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code gateway_auth_failures_total{code}}: every answer with an Anytime 401 code (missing or bad credentials,
 * token, signature, IP, reused validation data). Every counter is registered at start with 0, so that dashboards
 * and alerts see the series before the first event.
 */
@Startup
@ApplicationScoped
public class AuthFailureMetrics {

    private final Map<AnytimeError, Counter> authFailures = new EnumMap<>(AnytimeError.class);

    @Inject
    public AuthFailureMetrics(MeterRegistry registry) {
        for (AnytimeError error : AnytimeError.values()) {
            if (error.httpStatus() == 401) {
                authFailures.put(error, Counter.builder("gateway.auth.failures")
                        .description("Authentication failures answered, by Anytime error code")
                        .tag("code", String.valueOf(error.code())).register(registry));
            }
        }
    }

    /** Counts an error answered to a caller; only authentication errors (HTTP 401) are counted. */
    public void answered(AnytimeError error) {
        Counter counter = authFailures.get(error);
        if (counter != null) {
            counter.increment();
        }
    }
}
