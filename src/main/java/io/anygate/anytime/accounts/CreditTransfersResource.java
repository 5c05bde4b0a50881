package io.anygate.anytime.accounts;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.forms.FormReader;
import io.anygate.anytime.forms.ListFilters;
import io.anygate.anytime.transactions.CreditTransferLine;
import io.anygate.domain.AccountId;
import io.anygate.domain.iban.IbanNumbers;
import io.anygate.domain.transfer.CreditTransfer;
import io.anygate.domain.transfer.CreditTransferRequest;
import io.anygate.domain.transfer.CreditTransfers;
import io.anygate.domain.transfer.SepaRules;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * {@code POST /v1.0/accounts/{id}/credit-transfers} (src_comment, dst_comment, dst_name, dst_iban, dst_swift,
 * amount), {@code GET /v1.0/accounts/{id}/credit-transfers} (date_start, date_end, limit_start, limit_number) and
 * {@code GET /v1.0/accounts/{id}/credit-transfers/{ctid}/testimonial} (the PDF of an executed transfer, raw bytes);
 * fields in docs/mapping.md. Parameters are checked here with the SEPA rules ({@link SepaRules}), each refusal
 * 4000210 naming its parameter; the domain's refusals are mapped by {@link AccountRefusedMapper}.
 */
@Path("/v1.0/accounts/{id}/credit-transfers")
public class CreditTransfersResource {

    private static final Pattern TRANSFER_ID = Pattern.compile("[1-9][0-9]{0,17}");

    @Inject
    CurrentPartner partner;

    @Inject
    CreditTransfers transfers;

    @Context
    UriInfo uri;

    @POST
    @Functionality("accounts.credit-transfers")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Produces(MediaType.APPLICATION_JSON)
    public CreditTransferLine send(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        AccountId accountId = AccountRequests.accountId(id);
        FormReader f = AccountRequests.reader(uri, form);
        String sourceReason = sepaText(f, "src_comment", SepaRules.REMITTANCE_MAX);
        String reason = sepaText(f, "dst_comment", SepaRules.REMITTANCE_MAX);
        String name = sepaText(f, "dst_name", SepaRules.NAME_MAX);
        String iban = f.required("dst_iban");
        SepaRules.iban(iban).ifPresent(why -> {
            throw f.invalid("dst_iban", why);
        });
        String bic = f.required("dst_swift");
        SepaRules.bic(bic).ifPresent(why -> {
            throw f.invalid("dst_swift", why);
        });
        BigDecimal amount = f.requiredAmount("amount");
        SepaRules.amount(amount).ifPresent(why -> {
            throw f.invalid("amount", why);
        });
        CreditTransfer t = transfers.send(partner.partnerId(), accountId.value(), new CreditTransferRequest(name,
                IbanNumbers.normalized(iban), SepaRules.normalizedBic(bic), amount, reason, sourceReason));
        return CreditTransferLine.of(t);
    }

    @GET
    @Functionality("accounts.credit-transfers")
    @Produces(MediaType.APPLICATION_JSON)
    public CreditTransferList list(@PathParam("id") String id) {
        AccountId accountId = AccountRequests.accountId(id);
        ListFilters filters = ListFilters.parseDated(AccountRequests.reader(uri, null));
        CreditTransfers.Page page = transfers.list(partner.partnerId(), accountId.value(), filters.startDay(),
                filters.endDay(), filters.limitStart(), filters.limitNumber());
        return new CreditTransferList(accountId.value(), page.total(),
                page.transfers().stream().map(CreditTransferLine::of).toList(), filters);
    }

    @GET
    @Path("/{ctid}/testimonial")
    @Functionality("accounts.credit-transfers")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response testimonial(@PathParam("id") String id, @PathParam("ctid") String ctid) {
        AccountId accountId = AccountRequests.accountId(id);
        if (ctid == null || !TRANSFER_ID.matcher(ctid).matches()) {
            throw new AnytimeException(AnytimeError.ACCOUNT_INVALID_PARAMETER,
                    "ctid: must be a credit transfer id (a positive integer)");
        }
        CreditTransfer t = transfers.executed(partner.partnerId(), accountId.value(), Long.parseLong(ctid));
        return Response.ok(TestimonialPdf.of(t), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"credit-transfer-" + t.id() + ".pdf\"")
                .build();
    }

    private static String sepaText(FormReader f, String name, int max) {
        String value = f.required(name);
        SepaRules.text(value, max).ifPresent(why -> {
            throw f.invalid(name, why);
        });
        return value;
    }
}
