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
        return answer(metrics, e.error(), e.getMessage());
    }

    /** The answer of an Anytime error, counted when it is an authentication failure. */
    static Response answer(AuthFailureMetrics metrics, AnytimeError error, String message) {
        metrics.answered(error);
        return Response.status(error.httpStatus()).entity(ErrorBody.of(error, message)).build();
    }
}
