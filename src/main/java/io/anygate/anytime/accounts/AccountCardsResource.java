package io.anygate.anytime.accounts;

import io.anygate.anytime.cards.AccountCard;
import io.anygate.anytime.cards.AccountCardList;
import io.anygate.anytime.forms.ListFilters;
import io.anygate.domain.AccountId;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.account.AccountCards;
import io.anygate.security.CurrentPartner;
import io.anygate.security.Functionality;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;

/** {@code GET /v1.0/accounts/{id}/cards} (limit_start, limit_number): the account's cards and their balances. */
@Path("/v1.0/accounts/{id}/cards")
@Produces(MediaType.APPLICATION_JSON)
public class AccountCardsResource {

    @Inject
    CurrentPartner partner;

    @Inject
    AccountCards cards;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Functionality("accounts.cards")
    public AccountCardList list(@PathParam("id") String id) {
        AccountId accountId = AccountRequests.accountId(id);
        ListFilters filters = ListFilters.parseLimits(AccountRequests.reader(uri, null));
        AccountCards.Page page = cards.list(partner.partnerId(), accountId.value(), filters.limitStart(),
                filters.limitNumber());
        LocalDate today = LocalDate.now(clock.withZone(AnytimeDates.ANYTIME_ZONE));
        return new AccountCardList(filters, accountId.value(), page.total(), page.cards().stream()
                .map(c -> AccountCard.of(c.card(), c.balance(), today)).toList());
    }
}
