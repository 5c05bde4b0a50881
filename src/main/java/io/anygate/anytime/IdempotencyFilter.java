package io.anygate.anytime;

import io.anygate.domain.operation.Operation;
import io.anygate.domain.operation.OperationId;
import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationKind;
import io.anygate.RequestTrace;
import io.anygate.security.CurrentPartner;
import io.anygate.security.GatewaySigner;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Makes the optional {@code Idempotency-Key} header work on every versioned POST/PUT, without the resources doing
 * anything. Runs after authentication (a request that fails it never reaches the store), then claims the key for
 * the partner with a unique INSERT before the resource runs: same key and parameters with an answer kept → that
 * answer replayed byte for byte; other parameters → 422 4220010; still running → 409 4090010. The answer is
 * kept by {@link IdempotentAnswers} once {@link EnvelopeWriter} has written it.
 */
public class IdempotencyFilter {

    // printable ASCII, space included; HTTP already trims leading and trailing blanks
    private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,128}");

    @Inject
    IdempotencyRecords store;
    @Inject
    IdempotencyKey idempotencyKey;
    @Inject
    CurrentPartner partner;
    @Inject
    RequestTrace trace;
    @Inject
    Clock clock;
    @Inject
    OperationJournal journal;

    // after EdgeRequestFilter (Priorities.USER): only authenticated partners get here
    @ServerRequestFilter(priority = Priorities.USER + 100)
    @WithFormRead
    public Response claim(ResteasyReactiveContainerRequestContext request) throws IOException {
        String method = request.getMethod();
        String key = request.getHeaderString(IdempotencyKey.HEADER);
        String route = trace.route();
        if (key == null || !("POST".equals(method) || "PUT".equals(method)) || route == null
                || !route.startsWith("/v") || !partner.isAuthenticated()) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw new AnytimeException(AnytimeError.IDEMPOTENCY_KEY_INVALID,
                    "Idempotency-Key must be 1 to 128 printable ASCII characters");
        }
        String partnerId = partner.partnerId();
        IdempotencyClaim claim = store.claim(partnerId, key, fingerprint(request, method, route), clock.millis(),
                () -> settled(partnerId, key));
        if (claim instanceof IdempotencyClaim.Claimed claimed) {
            idempotencyKey.claimed(partnerId, key, claimed.token());
            return null;
        }
        if (claim instanceof IdempotencyClaim.Replay replay) {
            IdempotentAnswer answer = replay.answer();
            return Response.status(answer.status()).entity(answer).type(answer.contentType())
                    .header(GatewaySigner.HEADER, answer.signature())
                    .header(IdempotencyKey.REPLAYED_HEADER, "true").build();
        }
        if (claim instanceof IdempotencyClaim.Mismatch) {
            throw new AnytimeException(AnytimeError.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with other parameters");
        }
        throw new AnytimeException(AnytimeError.IDEMPOTENCY_KEY_IN_PROGRESS,
                "A request with this Idempotency-Key is still being processed; retry later");
    }

    /**
     * Whether the journal holds an ended operation under this partner's key (of whichever kind: a key is used with
     * one route, the fingerprint sees to that). Asked only when the key's claim is still in flight.
     */
    private boolean settled(String partnerId, String key) {
        for (OperationKind kind : OperationKind.values()) {
            Optional<Operation> op = journal.find(OperationId.fromIdempotencyKey(partnerId, kind, key));
            if (op.isPresent()) {
                return op.get().state().terminal();
            }
        }
        return false;
    }

    // the status is read by the envelope writer, once every response filter has set it
    @ServerResponseFilter
    public void remember(ContainerResponseContext response) {
        if (idempotencyKey.owesAnswer()) {
            idempotencyKey.response(response);
        }
    }

    private static String fingerprint(ResteasyReactiveContainerRequestContext request, String method, String route)
            throws IOException {
        ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
        byte[] raw = null;
        if (context.getFormData() == null && request.hasEntity()) {
            // not a form: fingerprint the bytes, then hand the resource an unread copy
            raw = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(raw));
        }
        return RequestFingerprint.of(method, route, request.getUriInfo().getPathParameters(),
                request.getUriInfo().getQueryParameters(), context.getFormData(), raw);
    }
}
