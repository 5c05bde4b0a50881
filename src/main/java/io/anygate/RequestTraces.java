package io.anygate;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import java.util.Optional;

/** Access to the current {@link RequestTrace}, empty where no request is active (scheduled jobs). */
public final class RequestTraces {

    private RequestTraces() {
    }

    public static Optional<RequestTrace> current() {
        ManagedContext ctx = Arc.container().requestContext();
        if (ctx == null || !ctx.isActive()) {
            return Optional.empty();
        }
        return Optional.ofNullable(Arc.container().instance(RequestTrace.class).get());
    }
}
