package io.anygate.anytime;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * A request the framework could not read (unreadable or truncated body, too many form fields, a form value over
 * the limit, broken encoding): the caller's fault, answered with the route's invalid-parameter code
 * ({@link RouteErrors}) and logged without a stack trace. Anything else unexpected: 5000010 with a generic message;
 * the detail goes to the log only, never to the caller. A TX value outside the
 * translation tables ({@link io.anygate.domain.UnknownCoreValue}) is 5000010 too, logged once per value where it was met.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    public static final String MESSAGE = "An unexpected error occurred";
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Inject
    AuthFailureMetrics metrics;
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof java.io.IOException || malformedInput(e)) {
            LOG.debugf("Unreadable request: %s", e.getMessage());
            AnytimeError error = RouteErrors.invalidParameter(uriInfo == null ? "/" : uriInfo.getPath());
            metrics.answered(error);
            return Response.status(error.httpStatus())
                    .entity(ErrorBody.of(error, "Malformed request"))
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

    /**
     * The framework refusing the caller's input before any code of ours ran: an exception thrown by the form
     * parser ("Param limit of 1000 was exceeded", a value over the attribute size), or an IllegalArgumentException
     * thrown by the framework decoding a form or path (e.g. "%ZZ").
     */
    static boolean malformedInput(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        if (e instanceof IllegalArgumentException && trace.length > 0
                && trace[0].getClassName().startsWith("org.jboss.resteasy.reactive.")) {
            return true;
        }
        if (!(e instanceof RuntimeException)) {
            return false;
        }
        for (StackTraceElement frame : trace) {
            String type = frame.getClassName();
            if (type.startsWith("io.anygate.")) {
                return false;
            }
            if (type.startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                    || type.equals("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")) {
                return true;
            }
        }
        return false;
    }
}
