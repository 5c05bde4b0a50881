package io.anygate.anytime.cards;

import io.anygate.GatewayConfig;
import io.anygate.anytime.forms.FormReader;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.Card;
import io.anygate.domain.CardRef;
import io.anygate.domain.CardType;
import io.anygate.domain.card.CardDetailsConfig;
import io.anygate.domain.card.CardDetailsDisplay;
import io.anygate.domain.card.CardDelivery;
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
import java.net.InetAddress;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.resteasy.reactive.ResponseHeader;

/**
 * The PIN/PAN services of a card, for its owner only (another partner's card: 4030310). A PIN, PAN or CVV goes
 * out in clear only where the Anytime contract returns it: the PIN of {@code GET .../pin} (after the CVC check),
 * the PAN, CVV and expiry of a single-use virtual card on {@code GET .../pan}, and the pictures of a multi-use one
 * ({@link CardPictures}). Nothing here logs them. The PIN text ({@code POST .../pin}) and the card-details message
 * ({@code POST .../pan}) go to the cardholder through TX ({@link CardDelivery}); the answer only says they went. The
 * details link ({@code POST .../details-display}) leads to {@link CardDetailsPageResource}.
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
    CardDelivery delivery;
    @Inject
    Clock clock;
    @Inject
    GatewayConfig gateway;
    @Inject
    CardPictures pictures;
    @Inject
    CardDetailsDisplay detailsDisplay;
    @Inject
    CardDetailsConfig detailsConfig;
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
        CardSecretValues s = queries.secrets(partner.partnerId(), ref.txCardId());
        if (card.type() != CardType.VIRTUAL_SINGLE_USE) {
            // Multi use: Anytime answers pictures of the card (docs/mapping.md); the gateway draws them.
            CardPictures.Pictures p = pictures.draw(s.pan(), s.expiry() != null ? s.expiry() : card.expiry(),
                    card.embossedName(), s.cvv2());
            return new CardSecrets.Pan(p.front(), p.back(), expiry, "", "");
        }
        return new CardSecrets.Pan("", "", expiry, s.pan(), s.cvv2());
    }

    @POST
    @Path("/pin")
    @Functionality("cards.pin.send")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.WILDCARD})
    public CardSecrets.PinSent sendPin(@PathParam("card_ref") String cardRef) {
        CardRef ref = CardErrors.cardRef(cardRef);
        Card card = usable(ref);
        delivery.sendPin(partner.partnerId(), card);
        return new CardSecrets.PinSent(card.account().value(), ref.value());
    }

    @POST
    @Path("/pan")
    @Functionality("cards.pan.send")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public CardSecrets.PanSent sendPan(@PathParam("card_ref") String cardRef, MultivaluedMap<String, String> form) {
        CardRef ref = CardErrors.cardRef(cardRef);
        FormReader f = CardParams.reader(form, uri.getQueryParameters());
        CardServiceForms.Destination to = CardServiceForms.destination(f);
        Card card = usable(ref);
        CardRules.checkVirtual(card.type());
        delivery.sendDetails(partner.partnerId(), card, to.channel(), to.value());
        return new CardSecrets.PanSent(CardSecrets.PanSent.SENT);
    }

    // no-store: the link opens the card's details, so an Idempotency-Key replay never hands it out again
    @POST
    @Path("/details-display")
    @Functionality("cards.details-display")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @ResponseHeader(name = HttpHeaders.CACHE_CONTROL, value = "no-store")
    public CardSecrets.DetailsLink detailsDisplay(@PathParam("card_ref") String cardRef,
            MultivaluedMap<String, String> form) {
        CardRef ref = CardErrors.cardRef(cardRef);
        InetAddress client = CardServiceForms.ip(CardParams.reader(form, uri.getQueryParameters()));
        usable(ref);
        String token = detailsDisplay.issue(partner.partnerId(), ref.txCardId(), client);
        return new CardSecrets.DetailsLink(CardDetailsPageResource.link(detailsConfig, uri, token));
    }

    private Card usable(CardRef ref) {
        Card card = queries.card(partner.partnerId(), ref.txCardId());
        CardRules.checkUsable(card.status().asOf(card.expiry(), LocalDate.now(clock.withZone(AnytimeDates.ANYTIME_ZONE))));
        return card;
    }

    private static byte[] bytes(String s) {
        return s == null ? new byte[0] : s.getBytes(StandardCharsets.US_ASCII);
    }
}
