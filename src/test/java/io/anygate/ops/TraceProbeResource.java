package io.anygate.ops;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only resource standing in for an Anytime endpoint: it fills the request trace as the edge and TX client do. */
@Path("/ops-test/cards")
public class TraceProbeResource {

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
}
