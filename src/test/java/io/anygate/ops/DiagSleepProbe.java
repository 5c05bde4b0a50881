package io.anygate.ops;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only: lets a test see a {@code /ops/diag/sleep} request arrive, and its timer fire. It runs after the access
 * log's route (order -100) and before the diagnostic route, and sets a slightly longer timer than the diagnostic's on
 * the same event loop, which therefore fires after it.
 */
@ApplicationScoped
public class DiagSleepProbe {

    /** Requests of the sleep route that reached it (their timer is set). */
    static final AtomicInteger ARRIVED = new AtomicInteger();
    /** Requests of the sleep route whose timer has fired (their answer was attempted). */
    static final AtomicInteger SLEPT = new AtomicInteger();

    void register(@Observes Router router) {
        router.get(Diagnostics.SLEEP_PATH).order(-99).handler(ctx -> {
            long ms;
            try {
                ms = Long.parseLong(ctx.request().getParam("ms", "1000"));
            } catch (NumberFormatException e) {
                ms = 0;
            }
            ctx.vertx().setTimer(Math.max(1, ms) + 20, id -> SLEPT.incrementAndGet());
            ARRIVED.incrementAndGet();
            ctx.next();
        });
    }
}
