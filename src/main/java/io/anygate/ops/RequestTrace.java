package io.anygate.ops;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one inbound request did, for its access-log line and metrics: which partner called (set by the
 * authentication filter), the envelope's request_id (set by the envelope writer), the route template, and how
 * many TX calls it made (counted by the TX client). Use {@link RequestTraces#current()} from code that may also
 * run outside a request (schedulers, the reconciler).
 */
// Unremovable: it is looked up programmatically (RequestTraces), which ArC cannot see at build time.
@Unremovable
@RequestScoped
public class RequestTrace {

    private volatile String partner;
    private volatile Long requestId;
    private volatile String route;
    private final AtomicInteger txCalls = new AtomicInteger();

    public String partner() {
        return partner;
    }

    public void partner(String partner) {
        this.partner = partner;
    }

    public Long requestId() {
        return requestId;
    }

    public void requestId(long requestId) {
        this.requestId = requestId;
    }

    public String route() {
        return route;
    }

    public void route(String route) {
        this.route = route;
    }

    public int txCalls() {
        return txCalls.get();
    }

    public void txCallMade() {
        txCalls.incrementAndGet();
    }
}
