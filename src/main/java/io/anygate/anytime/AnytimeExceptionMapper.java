package io.anygate.anytime;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * An Anytime error: the spec's HTTP status and {@code body.error}; the envelope is added by the response filter. The
 * refusals of the lower layers become Anytime errors the same way, each in a {@link ServerExceptionMapper} next to
 * its translation: {@link EdgeRefusalMapper} (security), {@code accounts.AccountRefusedMapper},
 * {@code cards.CardErrors} (cards, loads and unloads).
 */
public class AnytimeExceptionMapper {

    @Inject
    AuthFailureMetrics metrics;

    @ServerExceptionMapper
    public Response toResponse(AnytimeException e) {
        return answer(metrics, e.error(), e.getMessage());
    }

    /** The answer of an Anytime error, counted when it is an authentication failure. */
    public static Response answer(AuthFailureMetrics metrics, AnytimeError error, String message) {
        metrics.answered(error);
        return Response.status(error.httpStatus()).entity(ErrorBody.of(error, message)).build();
    }

    /** The answer of an Anytime exception, counted when it is an authentication failure. */
    public static Response answer(AuthFailureMetrics metrics, AnytimeException e) {
        return answer(metrics, e.error(), e.getMessage());
    }
}
