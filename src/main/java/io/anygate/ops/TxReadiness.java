package io.anygate.ops;

import io.anygate.GatewayConfig;
import io.anygate.tx.TxBreakers;
import io.anygate.tx.TxException;
import io.anygate.tx.TxPing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: TX answers its ping ({@code GET {base}/}, about a second at most) and no TX circuit breaker is
 * open. Skipped in the standalone simulator ({@code gateway.txsim.standalone=true}), which is TX itself. It only
 * reads the breakers, never changes them: an open breaker half-opens by itself once its delay has passed (a timer
 * of SmallRye Fault Tolerance), and the gateway is ready again for the calls that close it. Closing a breaker from
 * here would bypass its state transitions, so that {@code ft_circuitbreaker_state_current} kept reporting it open
 * while calls went through.
 */
@Readiness
@ApplicationScoped
public class TxReadiness implements HealthCheck {

    @Inject
    TxPing ping;

    @Inject
    TxBreakers breakers;

    @Inject
    GatewayConfig gateway;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("tx");
        if (gateway.txsimStandalone()) {
            return builder.up().withData("check", "skipped: this process is the simulator").build();
        }
        try {
            ping.ping();
        } catch (TxException e) {
            return builder.down().withData("ping", e.outcome()).build();
        }
        List<String> open = breakers.open();
        if (!open.isEmpty()) {
            return builder.down().withData("open-breakers", String.join(",", open)).build();
        }
        return builder.up().build();
    }
}
