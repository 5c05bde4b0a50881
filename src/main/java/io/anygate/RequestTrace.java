package io.anygate;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one inbound request did, for its access-log line and metrics: which partner called (set by the
 * authentication filter), the envelope's request_id (set by the envelope filter, unless a resource took it first:
 * the envelope then carries that one), the route template, how many TX calls it made (counted by the TX client)
 * and, for a sub-request of a multi-request, which batch it belongs to. Use {@link RequestTraces#current()} from
 * code that may also run outside a request (schedulers, the reconciler).
 */
// Unremovable: it is looked up programmatically (RequestTraces), which ArC cannot see at build time.
@Unremovable
@RequestScoped
public class RequestTrace {

    private volatile String partner;
    private volatile Long requestId;
    private volatile String route;
    private volatile String batch;
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

    /** Set by the envelope filter, or earlier by a resource that must name it first (a multi-request's). */
    public void requestId(long requestId) {
        this.requestId = requestId;
    }

    /** {@code <batch request_id>/<index>} for a sub-request of a multi-request, else null. */
    public String batch() {
        return batch;
    }

    public void subRequestOf(long batchRequestId, int index) {
        this.batch = batchRequestId + "/" + index;
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
