package io.anygate.ops;

import io.anygate.GatewayConfig;
import io.anygate.domain.card.SandboxOutbox;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * The sandbox's cardholder outbox: {@code GET /sandbox/cardholder/outbox} lists the last messages the gateway sent
 * to cardholders through TX (PIN texts, card details), as the cardholder would receive them, so that an integrator
 * sees the result of {@code POST /v1.0/cards/{card_ref}/pin} and {@code /pan}. Like the webhook inbox
 * ({@code /sandbox/webhooks/inbox}): sandbox mode only (404 otherwise), no credentials, filtered by {@code partner}
 * and {@code card_ref}. The sandbox's cards are the simulator's: their secrets are not real. In {@code ops}, with the
 * other operator and sandbox routes, out of the partner API document.
 */
@Path("/sandbox/cardholder/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxOutboxResource {

    private static final int MAX_LISTED = 200;

    @Inject
    GatewayConfig gateway;
    @Inject
    SandboxOutbox outbox;

    /** The last messages sent, newest first. */
    @GET
    @ResponseHeader(name = HttpHeaders.CACHE_CONTROL, value = "no-store")
    public List<SentView> list(@QueryParam("partner") String partner, @QueryParam("card_ref") String cardRef,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        if (!gateway.sandbox()) {
            throw new NotFoundException();
        }
        int n = Math.max(1, Math.min(limit, MAX_LISTED));
        return outbox.last(blankToNull(partner), blankToNull(cardRef), n).stream().map(SentView::of).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** One message as the cardholder would receive it ({@code channel}: sms or email). */
    public record SentView(long id, String partner_id, String card_ref, String service, String channel,
            String address, String subject, String body, Instant sent_at) {
        static SentView of(SandboxOutbox.Sent s) {
            return new SentView(s.id(), s.partnerId(), s.cardRef(), s.service(), s.channel(), s.address(),
                    s.subject(), s.body(), s.sentAt());
        }

        @Override
        public String toString() {
            return "SentView[" + id + " ***]";
        }
    }
}
