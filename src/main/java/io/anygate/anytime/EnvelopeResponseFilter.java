package io.anygate.anytime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.anygate.RequestTrace;
import io.anygate.security.CurrentPartner;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Puts the Anytime envelope around every answer of the Anytime surface, errors included: resources and exception
 * mappers only produce the body. The body is serialized here, once; a body that cannot be serialized becomes a
 * 5000010 error rather than a broken answer. The hash uses the authenticated partner's username, or an empty
 * username when no partner is known.
 */
@Provider
public class EnvelopeResponseFilter implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(EnvelopeResponseFilter.class);

    @Inject
    AnytimeSurface surface;
    @Inject
    Envelopes envelopes;
    @Inject
    CurrentPartner current;
    @Inject
    RequestTrace trace;
    @Inject
    ObjectMapper json;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object entity = response.getEntity();
        // an Idempotency-Key replay is already a complete, signed envelope; a document (a testimonial PDF) is sent
        // as its raw bytes, which the SDK reads as binary
        if (entity instanceof Envelope || entity instanceof IdempotentAnswer || entity instanceof byte[]
                || !surface.covers(request.getUriInfo().getPath())) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(entity == null ? Map.of() : entity);
        } catch (Exception e) {
            LOG.errorf(e, "Answer body of %s could not be serialized", trace.route());
            response.setStatus(AnytimeError.UNKNOWN.httpStatus());
            body = ("{\"error\":{\"code\":5000010,\"message\":\"" + UnexpectedExceptionMapper.MESSAGE
                    + "\",\"exception\":\"UnknownException\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        if (response.getStatus() == 204) {
            response.setStatus(200);
        }
        // a multi-request takes its request_id first: its sub-requests' access lines name it
        Long taken = trace.requestId();
        long id = taken != null ? taken : envelopes.nextRequestId();
        trace.requestId(id);
        Envelope envelope = envelopes.wrap(id, body, current.usernameOrEmpty());
        response.setEntity(envelope, new java.lang.annotation.Annotation[0], MediaType.APPLICATION_JSON_TYPE);
    }
}
