package io.anygate.anytime.cards;

import io.anygate.domain.card.CardDetailsConfig;
import io.anygate.domain.card.CardDetailsDisplay;
import io.anygate.domain.card.CardDetailsDisplay.Opening;
import io.anygate.domain.card.CardDetailsDisplay.Shown;
import io.anygate.domain.card.CardDetailsDisplay.Unavailable;
import io.anygate.security.ClientAddressResolver;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.InetAddress;

/**
 * The card-details page the final customer's browser opens from the link of {@code POST
 * /v1.0/cards/{card_ref}/details-display}. Not part of the signed Anytime API (the browser has no partner key): the
 * edge's checks stay on {@code /v1.0/} and this path is outside the Anytime surface (no envelope). What guards it
 * is the link itself: a 256-bit token, kept as a hash, opened once, before it expires, from the one client address
 * it was made for (resolved as the edge resolves it, behind the trusted proxies only). The token is in the path,
 * never logged (access lines carry the route template). The page is plain HTML with no script and no third-party
 * asset, under a Content-Security-Policy that allows nothing but its own style block ({@link CardDetailsPage}).
 */
@Path(CardDetailsPageResource.PATH)
public class CardDetailsPageResource {

    /** Where the pages are served; {@code AnytimeSurface} leaves it out. */
    public static final String PATH = "/card-details";

    @Inject
    CardDetailsDisplay display;
    @Inject
    ClientAddressResolver addresses;

    /** The link for {@code token}: the configured public base URL, else the base URL the partner called. */
    static String link(CardDetailsConfig config, UriInfo uri, String token) {
        String base = config.publicBaseUrl().map(String::trim).filter(s -> !s.isEmpty())
                .orElseGet(() -> uri.getBaseUri().toString());
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + PATH + "/" + token;
    }

    @GET
    @Path("{token}")
    public Response open(@PathParam("token") String token, @Context HttpServerRequest http,
            @Context HttpHeaders headers) {
        InetAddress client = addresses.resolve(http.remoteAddress() == null ? null : http.remoteAddress().hostAddress(),
                headers.getRequestHeader("X-Forwarded-For")).orElse(null);
        Opening opening = display.open(token, client);
        if (opening instanceof Shown shown) {
            return CardDetailsPage.details(shown.details());
        }
        if (opening instanceof Unavailable) {
            return CardDetailsPage.unavailable();
        }
        return CardDetailsPage.notValid();
    }

    // A link checker or preview that only asks HEAD must not use the link up (JAX-RS would run GET for it).
    @HEAD
    @Path("{token}")
    public Response head(@PathParam("token") String token) {
        return CardDetailsPage.headOnly();
    }
}
