package io.anygate.webhook;

import io.anygate.security.AdminGuard;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operators' view of webhook delivery, outside the partner surface and guarded by {@code gateway.admin.token}
 * ({@code Authorization: Bearer <token>}): failed events, paused endpoints, redelivery and resume.
 */
@Path("/admin/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookAdminResource {

    @Inject
    AdminGuard guard;
    @Inject
    OutboxRepository outbox;
    @Inject
    EndpointCircuit circuit;
    @Inject
    Clock clock;

    /** Events that exhausted their retries, newest first. */
    @GET
    @Path("/failed")
    public List<FailedView> failed(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        authorize(auth);
        return outbox.failed(Math.max(1, Math.min(limit, 1000))).stream().map(FailedView::of).toList();
    }

    /** One event's delivery state (status BUILD: recorded on approval, payload not built yet; see last_error). */
    @GET
    @Path("/events/{eventId}")
    public FailedView event(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("eventId") String id) {
        authorize(auth);
        return outbox.find(id).map(FailedView::of).orElseThrow(() -> notFound("no such event"));
    }

    /** Puts a failed (or delivered) event back in the queue with a fresh retry schedule; 409 while not built yet or in flight. */
    @POST
    @Path("/events/{eventId}/redeliver")
    public Response redeliver(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("eventId") String id) {
        authorize(auth);
        if (!outbox.redeliver(id, clock.instant())) {
            Optional<OutboxEntry> event = outbox.find(id);
            if (event.isPresent()) {
                // Recorded on approval and not built yet: it goes out as soon as the build step makes it. Or being
                // sent right now: its outcome is known in moments.
                String why = OutboxRepository.BUILD.equals(event.get().status()) ? "event not built yet"
                        : "event being delivered right now; ask again once this attempt has ended";
                throw new WebApplicationException(Response.status(Response.Status.CONFLICT)
                        .type(MediaType.APPLICATION_JSON).entity(Map.of("error", why)).build());
            }
            throw notFound("no such event");
        }
        return Response.accepted(Map.of("event_id", id, "status", OutboxRepository.PENDING)).build();
    }

    /** Paused endpoints (circuit open), with the failure that paused them. */
    @GET
    @Path("/endpoints/paused")
    public List<EndpointView> paused(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        authorize(auth);
        return circuit.paused().stream().map(EndpointView::of).toList();
    }

    /** Closes an endpoint's circuit and makes its waiting events due now. */
    @POST
    @Path("/endpoints/{id}/resume")
    public Map<String, Object> resume(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("id") long id) {
        authorize(auth);
        Instant now = clock.instant();
        String url = circuit.resume(id, now).orElseThrow(() -> notFound("no such endpoint"));
        int due = outbox.pullForward(url, now);
        return Map.of("id", id, "resumed", true, "events_due", due);
    }

    /** A failed or inspected event. */
    public record FailedView(String event_id, String partner_id, String event_type, String status, int attempts,
            Instant created_at, Instant next_attempt_at, Instant last_attempt_at, Integer last_status,
            String last_error, String endpoint, Instant delivered_at) {
        static FailedView of(OutboxEntry e) {
            return new FailedView(e.eventId(), e.partnerId(), e.eventType(), e.status(), e.attempts(), e.createdAt(),
                    e.nextAttemptAt(), e.lastAttemptAt(), e.lastStatus(), e.lastError(), redact(e.endpoint()),
                    e.deliveredAt());
        }
    }

    /** A paused endpoint. */
    public record EndpointView(long id, String url, int consecutive_failures, Instant paused_until,
            Instant probe_until, String last_error) {
        static EndpointView of(EndpointRepository.EndpointState s) {
            return new EndpointView(s.id(), redact(s.url()), s.consecutiveFailures(), s.pausedUntil(),
                    s.probeLeaseUntil(), s.lastError());
        }
    }

    // Partners sometimes put a secret in their webhook URL's query string: operators see scheme, host and path only.
    static String redact(String url) {
        if (url == null || url.equals(WebhookDispatcher.INBOX)) {
            return url;
        }
        try {
            URI u = new URI(url);
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (Exception e) {
            return "(unparseable URL)";
        }
    }

    private void authorize(String header) {
        guard.authorize(header);
    }

    private static WebApplicationException notFound(String message) {
        return new WebApplicationException(Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build());
    }
}
