package io.anygate.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.anygate.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's webhook inbox: {@code GET /sandbox/webhooks/inbox} lists the last webhooks delivered to partners
 * without a webhook URL, as received (headers and body). Exists only in sandbox mode (404 otherwise).
 */
@Path("/sandbox/webhooks/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxInboxResource {

    @Inject
    GatewayConfig gateway;
    @Inject
    WebhookConfig config;
    @Inject
    SandboxInbox inbox;

    /** The last received webhooks, newest first; {@code partner} filters by partner id. */
    @GET
    public List<ReceivedView> list(@QueryParam("partner") String partner,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        if (!gateway.sandbox()) {
            throw new NotFoundException();
        }
        int n = Math.max(1, Math.min(limit, config.inbox().maxListed()));
        return inbox.last(partner, n).stream().map(ReceivedView::of).toList();
    }

    /** One received webhook; {@code body} is the JSON the partner would have received. */
    public record ReceivedView(long id, String partner_id, String event_id, Instant received_at,
            Map<String, String> headers, JsonNode body) {
        static ReceivedView of(SandboxInbox.Received r) {
            JsonNode body;
            try {
                body = WebhookEvent.JSON.readTree(r.body());
            } catch (Exception e) {
                body = WebhookEvent.JSON.getNodeFactory().textNode(r.body());
            }
            return new ReceivedView(r.id(), r.partnerId(), r.eventId(), r.receivedAt(), r.headers(), body);
        }
    }
}
