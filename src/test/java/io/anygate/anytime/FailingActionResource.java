package io.anygate.anytime;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Test-only versioned route whose action always fails after authentication (replay claims must survive it). */
@Path("/v1.0/test-failing-action")
public class FailingActionResource {

    @POST
    public Object fail() {
        throw new IllegalStateException("boom: internal detail that must not leak");
    }
}
