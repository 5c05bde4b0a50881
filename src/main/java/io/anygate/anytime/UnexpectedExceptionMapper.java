package io.anygate.anytime;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * An unreadable request body: 4010020. Anything else unexpected: 5000010 with a generic message; the detail goes to
 * the log only, never to the caller. A TX value outside the translation tables ({@link io.anygate.domain.UnknownCoreValue})
 * is 5000010 too, logged once per value where it was met.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    public static final String MESSAGE = "An unexpected error occurred";
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof java.io.IOException || malformedInput(e)) {
            // the request body could not be read (truncated multipart, broken encoding): the caller's fault
            LOG.debugf("Unreadable request body: %s", e.getMessage());
            return Response.status(AnytimeError.OAUTH2_INVALID_REQUEST.httpStatus())
                    .entity(ErrorBody.of(AnytimeError.OAUTH2_INVALID_REQUEST, "Malformed request"))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        if (e instanceof io.anygate.domain.UnknownCoreValue) {
            // reported once per value where it was raised (WARN): nothing more to log per request
            return Response.status(AnytimeError.UNKNOWN.httpStatus())
                    .entity(ErrorBody.of(AnytimeError.UNKNOWN, MESSAGE))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
        LOG.error("Unexpected error while answering a request", e);
        return Response.status(AnytimeError.UNKNOWN.httpStatus())
                .entity(ErrorBody.of(AnytimeError.UNKNOWN, MESSAGE))
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    // the framework refusing to decode the caller's form or path (e.g. "%ZZ"), not a fault of ours
    private static boolean malformedInput(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e instanceof IllegalArgumentException && trace.length > 0
                && trace[0].getClassName().startsWith("org.jboss.resteasy.reactive.");
    }
}
