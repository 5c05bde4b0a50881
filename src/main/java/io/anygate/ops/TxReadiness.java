package io.anygate.ops;

import io.anygate.tx.TxBreakers;
import io.anygate.tx.TxException;
import io.anygate.tx.TxPing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: TX answers its ping ({@code GET {base}/}, about a second at most) and no TX circuit breaker is
 * open. Skipped in the standalone simulator ({@code gateway.txsim.standalone=true}), which is TX itself.
 */
@Readiness
@ApplicationScoped
public class TxReadiness implements HealthCheck {

    @Inject
    TxPing ping;

    @Inject
    TxBreakers breakers;

    @ConfigProperty(name = "gateway.txsim.standalone", defaultValue = "false")
    boolean standalone;

    private final Map<String, Long> openSince = new ConcurrentHashMap<>();

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("tx");
        if (standalone) {
            return builder.up().withData("check", "skipped: this process is the simulator").build();
        }
        List<String> open = breakers.open();
        long now = System.currentTimeMillis();
        openSince.keySet().retainAll(open);
        open.forEach(n -> openSince.putIfAbsent(n, now));
        try {
            ping.ping();
        } catch (TxException e) {
            return builder.down().withData("ping", e.outcome()).build();
        }
        // TX answers again. A breaker open for longer than its delay would half-open on the next call, but an
        // unready gateway gets no calls: close it here rather than stay unready forever.
        long delay = TxBreakers.openDelay().toMillis();
        List<String> stillOpen = open.stream().filter(n -> {
            if (now - openSince.get(n) >= delay) {
                breakers.reset(n);
                openSince.remove(n);
                return false;
            }
            return true;
        }).toList();
        if (!stillOpen.isEmpty()) {
            return builder.down().withData("open-breakers", String.join(",", stillOpen)).build();
        }
        return builder.up().build();
    }
}
