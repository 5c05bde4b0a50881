package io.anygate.ops;

import io.anygate.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Sandbox-only diagnostic routes, registered only when {@code gateway.mode=sandbox} and
 * {@code gateway.ops.diagnostics=true}: {@code GET /ops/diag/sleep?ms=N} answers 200 after N milliseconds
 * (capped), without holding a thread. It stands in for a slow money operation in shutdown drills and in
 * {@code GracefulShutdownIT}.
 */
@ApplicationScoped
public class Diagnostics {

    static final String SLEEP_PATH = "/ops/diag/sleep";
    private static final Logger LOG = Logger.getLogger(Diagnostics.class);

    void register(@Observes Router router, GatewayConfig gateway, OpsConfig ops, Vertx vertx) {
        if (!gateway.sandbox() || !ops.diagnostics()) {
            return;
        }
        LOG.warnf("Diagnostic routes enabled under /ops/diag (sandbox only)");
        router.get(SLEEP_PATH).handler(ctx -> sleep(ctx, vertx, ops.diagnosticsMaxSleepMs()));
    }

    private static void sleep(RoutingContext ctx, Vertx vertx, long maxMs) {
        long ms;
        try {
            ms = Long.parseLong(ctx.request().getParam("ms", "1000"));
        } catch (NumberFormatException e) {
            ctx.response().setStatusCode(400).end("ms must be a number of milliseconds\n");
            return;
        }
        long delay = Math.max(1, Math.min(ms, maxMs));
        long started = System.nanoTime();
        vertx.setTimer(delay, id -> ctx.response()
                .putHeader("Content-Type", "application/json")
                .end("{\"slept_ms\":" + (System.nanoTime() - started) / 1_000_000 + "}"));
    }
}
