package io.anygate.anytime;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An Anytime error: the spec's HTTP status and {@code body.error}; the envelope is added by the response filter. */
@Provider
public class AnytimeExceptionMapper implements ExceptionMapper<AnytimeException> {

    @Inject
    AuthFailureMetrics metrics;

    @Override
    public Response toResponse(AnytimeException e) {
        metrics.answered(e.error());
        return Response.status(e.error().httpStatus()).entity(ErrorBody.of(e.error(), e.getMessage())).build();
    }
}
