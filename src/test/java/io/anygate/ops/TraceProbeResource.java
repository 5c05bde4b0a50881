package io.anygate.ops;

import io.anygate.RequestTrace;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test-only resource standing in for an Anytime endpoint: it fills the request trace as the edge and TX client do. */
@Path("/ops-test/cards")
public class TraceProbeResource {

    /** Counted down when {@link #held} has traced its partner and started to wait. */
    static volatile CountDownLatch entered = new CountDownLatch(1);
    /** What {@link #held} waits for (at most 10 s) before it answers. */
    static volatile CountDownLatch release = new CountDownLatch(1);
    /** Counted down when {@link #held} returns its answer. */
    static volatile CountDownLatch left = new CountDownLatch(1);

    @Inject
    RequestTrace trace;

    @GET
    @Path("{card_ref}")
    @Produces(MediaType.TEXT_PLAIN)
    public String card(@PathParam("card_ref") String cardRef) {
        trace.partner("acme");
        trace.requestId(77L);
        trace.txCallMade();
        trace.txCallMade();
        return "ok";
    }

    /** Like {@link #card} but holds its worker thread until the test releases it, as a slow TX call would. */
    @GET
    @Path("{card_ref}/held")
    @Produces(MediaType.TEXT_PLAIN)
    public String held(@PathParam("card_ref") String cardRef) throws InterruptedException {
        trace.partner("acme");
        trace.txCallMade();
        entered.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
            return "ok";
        } finally {
            left.countDown();
        }
    }
}
