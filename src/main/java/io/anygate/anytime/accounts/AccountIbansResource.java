package io.anygate.anytime.accounts;

import io.anygate.GatewayConfig;
import io.anygate.anytime.forms.FormReader;
import io.anygate.anytime.forms.ListFilters;
import io.anygate.anytime.transactions.StatementList;
import io.anygate.anytime.transactions.TransactionMapper;
import io.anygate.domain.AccountId;
import io.anygate.domain.account.AccountStatements;
import io.anygate.domain.iban.Ibans;
import io.anygate.domain.iban.IssuedIban;
import io.anygate.domain.iban.IssuedIban.Kind;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code POST /v1.0/accounts/{id}/iban} (country_code), {@code POST /v1.0/accounts/{id}/virtual-ibans} (type C or
 * D) and {@code GET /v1.0/accounts/{id}/iban-statements} (date_start, date_end, limit_start, limit_number); fields
 * in docs/mapping.md. Refusals are {@code AccountRefused}s, turned into Anytime codes by {@link AccountRefusedMapper}.
 */
@Path("/v1.0/accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AccountIbansResource {

    @Inject
    CurrentPartner partner;

    @Inject
    Ibans ibans;

    @Inject
    AccountStatements statements;

    @Inject
    GatewayConfig gateway;

    @Context
    UriInfo uri;

    @POST
    @Path("/iban")
    @Functionality("accounts.iban")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public AccountIban create(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        AccountId accountId = AccountRequests.accountId(id);
        String country = AccountRequests.reader(uri, form).required("country_code");
        IssuedIban issued = ibans.issue(partner.partnerId(), accountId.value(), country);
        return new AccountIban(issued.iban(), issued.bic());
    }

    @POST
    @Path("/virtual-ibans")
    @Functionality("accounts.iban")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public VirtualIban createVirtual(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        AccountId accountId = AccountRequests.accountId(id);
        FormReader f = AccountRequests.reader(uri, form);
        Kind kind = switch (f.required("type")) {
            case "C" -> Kind.CREDIT;
            case "D" -> Kind.DEBIT;
            default -> throw f.invalid("type", "must be C (credit) or D (debit)");
        };
        IssuedIban issued = ibans.issueVirtual(partner.partnerId(), accountId.value(), kind);
        return new VirtualIban(issued.iban(), issued.bic(), issued.kind().code());
    }

    @GET
    @Path("/iban-statements")
    @Functionality("accounts.iban")
    public StatementList statements(@PathParam("id") String id) {
        AccountId accountId = AccountRequests.accountId(id);
        ListFilters filters = ListFilters.parseDated(AccountRequests.reader(uri, null));
        AccountStatements.Page page = statements.ibanList(partner.partnerId(), accountId.value(), filters.startDay(),
                filters.endDay(), filters.limitStart(), filters.limitNumber());
        TransactionMapper mapper = new TransactionMapper(gateway.txZone());
        return new StatementList(accountId.value(), page.account().type(), page.total(),
                page.entries().stream().map(e -> mapper.toStatementLine(e.transaction(), accountId.value(),
                        e.balanceAfter(), e.comment(), e.iban())).toList(), filters);
    }
}
