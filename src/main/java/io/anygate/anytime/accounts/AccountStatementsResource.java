package io.anygate.anytime.accounts;

import io.anygate.GatewayConfig;
import io.anygate.anytime.forms.FormReader;
import io.anygate.anytime.forms.ListFilters;
import io.anygate.anytime.transactions.StatementLine;
import io.anygate.anytime.transactions.StatementList;
import io.anygate.anytime.transactions.StatementTxid;
import io.anygate.anytime.transactions.TransactionMapper;
import io.anygate.domain.AccountId;
import io.anygate.domain.account.AccountStatements;
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

/**
 * {@code GET /v1.0/accounts/{id}/statements} (date_start, date_end, limit_start, limit_number) and
 * {@code GET /v1.0/accounts/{id}/statements/{txid}} ({@code txid} bare, or the SDK's {@code {acc_id}-{txid}}).
 */
@Path("/v1.0/accounts/{id}/statements")
@Produces(MediaType.APPLICATION_JSON)
public class AccountStatementsResource {

    @Inject
    CurrentPartner partner;

    @Inject
    AccountStatements statements;

    @Inject
    GatewayConfig gateway;

    @Context
    UriInfo uri;

    @GET
    @Functionality("accounts.statements")
    public StatementList list(@PathParam("id") String id) {
        AccountId accountId = AccountRequests.accountId(id);
        FormReader f = AccountRequests.reader(uri, null);
        ListFilters filters = ListFilters.parseDated(f);
        AccountStatements.Page page = statements.list(partner.partnerId(), accountId.value(), filters.startDay(),
                filters.endDay(), filters.limitStart(), filters.limitNumber());
        TransactionMapper mapper = mapper();
        return new StatementList(accountId.value(), page.account().type(), page.total(),
                page.entries().stream().map(e -> mapper.toStatementLine(e.transaction(), accountId.value(),
                        e.balanceAfter(), e.comment(), e.iban())).toList(), filters);
    }

    @GET
    @Path("/{txid}")
    @Functionality("accounts.statements")
    public StatementLine line(@PathParam("id") String id, @PathParam("txid") String txid) {
        AccountId accountId = AccountRequests.accountId(id);
        long tranId = StatementTxid.parse(txid, accountId);
        AccountStatements.Entry e = statements.line(partner.partnerId(), accountId.value(), tranId);
        return mapper().toStatementLine(e.transaction(), accountId.value(), e.balanceAfter(), e.comment(), e.iban());
    }

    private TransactionMapper mapper() {
        return new TransactionMapper(gateway.txZone());
    }
}
