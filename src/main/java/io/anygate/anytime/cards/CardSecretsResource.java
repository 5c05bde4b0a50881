package io.anygate.anytime.cards;

import io.anygate.GatewayConfig;
import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.forms.FormReader;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.Card;
import io.anygate.domain.CardRef;
import io.anygate.domain.CardType;
import io.anygate.domain.card.CardQueries;
import io.anygate.domain.card.CardSecretValues;
import io.anygate.domain.card.CvcCheck;
import io.anygate.security.CurrentPartner;
import io.anygate.security.Functionality;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * The PIN/PAN services of a card, for its owner only (another partner's card: 4030310). A PIN, PAN or CVV goes
 * out in clear only where the Anytime contract returns it: the PIN of {@code GET .../pin} (after the CVC check),
 * the PAN, CVV and expiry of a single-use virtual card on {@code GET .../pan}. Nothing here logs them. The
 * services that send something to the cardholder (new PIN by text, PAN by email/SMS, the details link) have no
 * TX delivery channel wired yet: they answer 4030030 after the same checks.
 */
@Path("/v1.0/cards/{card_ref}")
@Produces(MediaType.APPLICATION_JSON)
public class CardSecretsResource {

    @Inject
    CurrentPartner partner;
    @Inject
    CardQueries queries;
    @Inject
    CvcCheck cvcCheck;
    @Inject
    Clock clock;
    @Inject
    GatewayConfig gateway;
    @Context
    UriInfo uri;

    // no-store: never kept by a cache, nor for a multi-request's Idempotency-Key replay
    @GET
    @Path("/pin")
    @Functionality("cards.pin")
    @ResponseHeader(name = HttpHeaders.CACHE_CONTROL, value = "no-store")
    public CardSecrets.Pin pin(@PathParam("card_ref") String cardRef) {
        CardRef ref = CardErrors.cardRef(cardRef);
        String cvc = CardServiceForms.cvc(CardParams.reader(null, uri.getQueryParameters()));
        usable(ref);
        CardSecretValues s = queries.secrets(partner.partnerId(), ref.txCardId());
        // The spec's sandbox takes 000 as every card's CVC; in every mode the attempts are limited per card.
        boolean sandboxCvc = gateway.sandbox() && "000".equals(cvc);
        cvcCheck.check(partner.partnerId(), ref.txCardId(),
                () -> sandboxCvc || MessageDigest.isEqual(bytes(cvc), bytes(s.cvv2())));
        // read only once the CVC is proven
        String pin = queries.pin(partner.partnerId(), ref.txCardId(), s.pan());
        return new CardSecrets.Pin(pin, "");
    }

    @GET
    @Path("/pan")
    @Functionality("cards.pan")
    @ResponseHeader(name = HttpHeaders.CACHE_CONTROL, value = "no-store")
    public CardSecrets.Pan pan(@PathParam("card_ref") String cardRef) {
        CardRef ref = CardErrors.cardRef(cardRef);
        Card card = usable(ref);
        CardRules.checkVirtual(card.type());
        String expiry = card.expiry() == null ? "" : AnytimeDates.date(card.expiry());
        if (card.type() != CardType.VIRTUAL_SINGLE_USE) {
            // Multi use: Anytime answers pictures of the card; TX has none to give.
            return new CardSecrets.Pan("", "", expiry, "", "");
        }
        CardSecretValues s = queries.secrets(partner.partnerId(), ref.txCardId());
        return new CardSecrets.Pan("", "", expiry, s.pan(), s.cvv2());
    }

    @POST
    @Path("/pin")
    @Functionality("cards.pin.send")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.WILDCARD})
    public CardSecrets.PinSent sendPin(@PathParam("card_ref") String cardRef) {
        usable(CardErrors.cardRef(cardRef));
        throw notWired();
    }

    @POST
    @Path("/pan")
    @Functionality("cards.pan.send")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public CardSecrets.PanSent sendPan(@PathParam("card_ref") String cardRef, MultivaluedMap<String, String> form) {
        CardRef ref = CardErrors.cardRef(cardRef);
        FormReader f = CardParams.reader(form, uri.getQueryParameters());
        CardServiceForms.destination(f);
        CardRules.checkVirtual(usable(ref).type());
        throw notWired();
    }

    @POST
    @Path("/details-display")
    @Functionality("cards.details-display")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public CardSecrets.DetailsLink detailsDisplay(@PathParam("card_ref") String cardRef,
            MultivaluedMap<String, String> form) {
        CardRef ref = CardErrors.cardRef(cardRef);
        CardServiceForms.ip(CardParams.reader(form, uri.getQueryParameters()));
        usable(ref);
        throw notWired();
    }

    private Card usable(CardRef ref) {
        Card card = queries.card(partner.partnerId(), ref.txCardId());
        CardRules.checkUsable(card.status().asOf(card.expiry(), LocalDate.now(clock.withZone(AnytimeDates.ANYTIME_ZONE))));
        return card;
    }

    private static AnytimeException notWired() {
        return new AnytimeException(AnytimeError.FUNCTIONALITY_NOT_ALLOWED,
                "This service is not available: no delivery channel to the cardholder is configured");
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.US_ASCII);
    }
}
