package io.anygate.anytime.accounts;

import io.anygate.anytime.forms.FormReader;
import io.anygate.anytime.forms.ListFilters;
import io.anygate.domain.AccountId;
import io.anygate.domain.AccountType;
import io.anygate.domain.account.AccountOpening;
import io.anygate.domain.account.AccountOpeningRequest;
import io.anygate.domain.account.Accounts;
import io.anygate.domain.account.OwnedAccount;
import io.anygate.domain.iban.Ibans;
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
import java.util.Currency;

/**
 * {@code GET|POST /v1.0/accounts}, {@code GET|PUT /v1.0/accounts/{id}}, {@code GET /v1.0/accounts/{id}/balance}.
 * Parameters are read from the query string and the form body (the form wins); every one is validated by the
 * model's forms before any TX call (4000210 naming it). The optional {@code Idempotency-Key} header makes a retried
 * opening or update resume the same operation.
 */
@Path("/v1.0/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    CurrentPartner partner;

    @Inject
    Accounts accounts;

    @Inject
    AccountOpening opening;

    @Inject
    Ibans ibans;

    @Inject
    Clock clock;

    @Context
    UriInfo uri;

    @GET
    @Functionality("accounts.list")
    public AccountList list() {
        FormReader f = AccountRequests.reader(uri, null);
        ListFilters filters = ListFilters.parseLimits(f);
        Accounts.Listing listing = accounts.list(partner.partnerId(), filters.limitStart(), filters.limitNumber());
        return new AccountList(filters, listing.total(), listing.accounts().stream()
                .map(a -> new AccountSummary(a.accountId(), a.type())).toList());
    }

    @POST
    @Functionality("accounts.create")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public AccountSummary create(MultivaluedMap<String, String> form,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        FormReader f = AccountRequests.reader(uri, form);
        AccountCreationForm parsed = AccountCreationForm.parse(f, today());
        OwnedAccount a = opening.open(new AccountOpeningRequest(partner.partnerId(), parsed.type(),
                parsed.currency(), parsed.holder(), parsed.corporation(), AccountRequests.key(idempotencyKey),
                AccountRequests.fingerprint(uri, form)));
        return new AccountSummary(a.accountId(), a.type());
    }

    @GET
    @Path("/{id}")
    @Functionality("accounts.details")
    public AccountInfo details(@PathParam("id") String id) {
        Accounts.Details d = accounts.details(partner.partnerId(), AccountRequests.accountId(id).value());
        OwnedAccount a = d.account();
        Ibans.View v = ibans.of(a);
        return AccountInfo.of(AccountId.ofTxContract(a.accountId()), type(a), Currency.getInstance(a.currency()),
                d.holder(), d.corporation(),
                v.main().map(i -> new AccountIban(i.iban(), i.bic())).orElse(AccountIban.NONE),
                v.virtuals().stream().map(i -> new VirtualIban(i.iban(), i.bic(), i.kind().code())).toList());
    }

    @PUT
    @Path("/{id}")
    @Functionality("accounts.update")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public AccountSummary update(@PathParam("id") String id, MultivaluedMap<String, String> form,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey) {
        AccountId accountId = AccountRequests.accountId(id);
        AccountUpdateForm parsed = AccountUpdateForm.parse(AccountRequests.reader(uri, form), today());
        OwnedAccount a = accounts.owned(partner.partnerId(), accountId.value());
        parsed.checkCurrency(Currency.getInstance(a.currency()));
        accounts.update(partner.partnerId(), a.accountId(), parsed::applyTo,
                parsed.touchesCorporation(type(a)) ? parsed::applyTo : null, AccountRequests.key(idempotencyKey));
        return new AccountSummary(a.accountId(), a.type());
    }

    @GET
    @Path("/{id}/balance")
    @Functionality("accounts.balance")
    public AccountBalance balance(@PathParam("id") String id) {
        AccountId accountId = AccountRequests.accountId(id);
        return new AccountBalance(accountId.value(), accounts.balance(partner.partnerId(), accountId.value()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(io.anygate.domain.AnytimeDates.ANYTIME_ZONE));
    }

    static AccountType type(OwnedAccount a) {
        return AccountType.fromAnytime(a.type()).orElse(AccountType.CONSUMER);
    }
}
