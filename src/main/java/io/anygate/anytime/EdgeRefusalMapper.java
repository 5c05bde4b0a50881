package io.anygate.anytime;

import io.anygate.security.EdgeRefusal;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refusal of the edge security, answered with the Anytime code of its reason (docs/architecture.md). */
public class EdgeRefusalMapper {

    @Inject
    AuthFailureMetrics metrics;

    @ServerExceptionMapper
    public Response toResponse(EdgeRefusal e) {
        return AnytimeExceptionMapper.answer(metrics, error(e.reason()), e.getMessage());
    }

    static AnytimeError error(EdgeRefusal.Reason reason) {
        return switch (reason) {
            case ACCESS_DENIED -> AnytimeError.OAUTH2_ACCESS_DENIED;
            case INVALID_REQUEST -> AnytimeError.OAUTH2_INVALID_REQUEST;
            case INVALID_CLIENT -> AnytimeError.OAUTH2_INVALID_CLIENT;
            case INVALID_GRANT -> AnytimeError.OAUTH2_INVALID_GRANT;
            case INVALID_TOKEN -> AnytimeError.OAUTH2_INVALID_TOKEN;
            case IP_NOT_ALLOWED -> AnytimeError.IP_ADDRESS_NOT_ALLOWED;
            case BAD_SIGNATURE -> AnytimeError.BAD_RSA_SIGNATURE;
            case VALIDATION_DATA_REUSED -> AnytimeError.VALIDATION_DATA_ALREADY_USED;
            case FUNCTIONALITY_NOT_ALLOWED -> AnytimeError.FUNCTIONALITY_NOT_ALLOWED;
            case RATE_LIMITED_IP -> AnytimeError.MAX_QUERY_RATE_BY_IP;
            case RATE_LIMITED_USER -> AnytimeError.MAX_QUERY_RATE_BY_API_USER;
            case RATE_LIMITED_FUNCTIONALITY -> AnytimeError.MAX_QUERY_RATE_BY_FUNCTIONALITY;
        };
    }
}
