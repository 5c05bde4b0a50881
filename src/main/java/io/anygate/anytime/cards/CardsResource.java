package io.anygate.anytime.cards;

import io.anygate.anytime.forms.FormReader;
import io.anygate.anytime.forms.ListFilters;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.Card;
import io.anygate.domain.CardRef;
import io.anygate.domain.CardRestrictions;
import io.anygate.domain.card.CardOrder;
import io.anygate.domain.card.CardOrders;
import io.anygate.domain.card.CardQueries;
import io.anygate.domain.card.CardUpdate;
import io.anygate.domain.card.CardUpdates;
import io.anygate.domain.card.NewCard;
import io.anygate.security.CurrentPartner;
import io.anygate.security.Functionality;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /v1.0/cards} (order), {@code GET|PUT /v1.0/cards/{card_ref}}, {@code GET /v1.0/cards/unlinked}.
 * Parameters are parsed by the model's forms, rules checked by {@link CardRules}, the work done by the domain's
 * card use cases; another partner's card answers 4030310 exactly like a card that does not exist.
 */
@Path("/v1.0/cards")
@Produces(MediaType.APPLICATION_JSON)
public class CardsResource {

    @Inject
    CurrentPartner partner;
    @Inject
    CardOrders orders;
    @Inject
    CardUpdates updates;
    @Inject
    CardQueries queries;
    @Inject
    Clock clock;
    @Context
    UriInfo uri;

    @POST
    @Functionality("cards.order")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public CardOrdered order(MultivaluedMap<String, String> form, @HeaderParam("Idempotency-Key") String key) {
        FormReader f = CardParams.reader(form, uri.getQueryParameters());
        CardOrderForm o = CardOrderForm.parse(f, today());
        CardRestrictions restrictions = CardRestrictions.ALL.with(f.optionalFlag("card_pos").orElse(null),
                f.optionalFlag("card_atm").orElse(null));
        NewCard.Delivery delivery = o.delivery() == null ? null : new NewCard.Delivery(o.delivery().companyName(),
                o.delivery().gender(), o.delivery().firstName(), o.delivery().lastName(), o.delivery().address(),
                o.language());
        CardOrder order = new CardOrder(partner.partnerId(), o.account().value(), o.type(), o.cardName(), o.expiry(),
                o.amount(), restrictions, delivery, blankToNull(key), CardParams.fingerprint("order", form));
        CardOrders.Ordered done = orders.order(order);
        return new CardOrdered(done.cardId(), done.type().isVirtual() ? CardOrdered.VIRTUAL_ACTIVATED
                : CardOrdered.ORDER_COMPLETE, CardRef.ofTxCard(done.cardId()).value());
    }

    @GET
    @Path("/unlinked")
    @Functionality("cards.unlinked")
    public UnlinkedCardList unlinked() {
        // Every card the gateway makes is linked to an account at order time: none is ever unlinked.
        ListFilters filters = ListFilters.parseLimits(CardParams.reader(null, uri.getQueryParameters()));
        return new UnlinkedCardList(filters, 0, List.of());
    }

    @GET
    @Path("/{card_ref}")
    @Functionality("cards.get")
    public CardInfo get(@PathParam("card_ref") String cardRef) {
        CardRef ref = CardErrors.cardRef(cardRef);
        CardQueries.CardView view = queries.view(partner.partnerId(), ref.txCardId());
        return CardInfo.of(view.card(), view.balance(), today());
    }

    @PUT
    @Path("/{card_ref}")
    @Functionality("cards.update")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public CardUpdated update(@PathParam("card_ref") String cardRef, MultivaluedMap<String, String> form,
            @HeaderParam("Idempotency-Key") String key) {
        CardRef ref = CardErrors.cardRef(cardRef);
        CardUpdateForm u = CardUpdateForm.parse(CardParams.reader(form, uri.getQueryParameters()), ref);
        Card current = queries.card(partner.partnerId(), ref.txCardId());
        CardRules.checkUpdate(current.status().asOf(current.expiry(), today()), u);
        CardUpdate update = new CardUpdate(partner.partnerId(), ref.txCardId(), u.status(), u.pos(), u.atm(),
                u.renewRequested(), blankToNull(key), CardParams.fingerprint("update " + cardRef, form));
        CardUpdates.Updated done = updates.update(update, current);
        return new CardUpdated(CardRef.ofTxCard(done.cardId()).value(), done.status().name(),
                done.restrictions().pos() ? 1 : 0, done.restrictions().atm() ? 1 : 0, u.renewRequested() ? 1 : 0);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(AnytimeDates.ANYTIME_ZONE));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
