package io.anygate.anytime.batch;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

/**
 * The two Vert.x internal calls the multi-request dispatcher needs, in one place. Vert.x 4.5 has no public way to
 * make a new event-loop context ({@code getOrCreateContext} returns the caller's, and the maintainers point to
 * deploying a verticle instead), nor a promise whose listeners run on a given context. {@code VertxInternalsTest}
 * fails if a Vert.x upgrade removes or changes them.
 */
final class VertxInternals {

    private VertxInternals() {
    }

    /** A new event-loop context, whatever thread asks, never the caller's own. */
    static Context newEventLoopContext(Vertx vertx) {
        return ((VertxInternal) vertx).createEventLoopContext();
    }

    /** A promise whose listeners run on {@code context}. */
    static <T> Promise<T> promiseOn(Context context) {
        return ((ContextInternal) context).promise();
    }
}
