package io.anygate.anytime;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/** Anything unexpected: 5000010 with a generic message; the detail goes to the log only, never to the caller. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    static final String MESSAGE = "An unexpected error occurred";
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        LOG.error("Unexpected error while answering a request", e);
        return Response.status(AnytimeError.UNKNOWN.httpStatus())
                .entity(ErrorBody.of(AnytimeError.UNKNOWN, MESSAGE))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }
}
