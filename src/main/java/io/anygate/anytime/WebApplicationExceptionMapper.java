package io.anygate.anytime;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * JAX-RS's own errors on the Anytime surface, in Anytime's words: no route 4040010, wrong method 4050010, a body
 * or form that cannot be read (wrong content type, malformed form) the route's invalid-parameter code
 * ({@link RouteErrors}: 4000210 or 4000310, 4010020 on {@code /oauth/**}). Other paths (simulator, operations) keep
 * JAX-RS's answer.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class);

    @Inject
    AnytimeSurface surface;
    @Inject
    AuthFailureMetrics metrics;
    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (!surface.covers(uriInfo.getPath())) {
            return e.getResponse();
        }
        AnytimeError error;
        String message;
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (e instanceof NotFoundException || status == 404) {
            error = AnytimeError.INVALID_ROUTE;
            message = "Invalid route";
        } else if (e instanceof NotAllowedException || status == 405) {
            error = AnytimeError.METHOD_NOT_ALLOWED;
            message = "Method not allowed for this route";
        } else if (status >= 400 && status < 500) {
            error = RouteErrors.invalidParameter(uriInfo.getPath());
            message = "Malformed request";
        } else {
            LOG.errorf(e, "Unexpected HTTP error on %s", uriInfo.getPath());
            error = AnytimeError.UNKNOWN;
            message = UnexpectedExceptionMapper.MESSAGE;
        }
        metrics.answered(error);
        return Response.status(error.httpStatus()).entity(ErrorBody.of(error, message)).build();
    }
}
