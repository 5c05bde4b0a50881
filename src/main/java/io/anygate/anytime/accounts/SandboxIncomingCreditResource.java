package io.anygate.anytime.accounts;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.anygate.GatewayConfig;
import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.anytime.forms.FormReader;
import io.anygate.domain.AccountId;
import io.anygate.domain.iban.IbanNumbers;
import io.anygate.domain.iban.IncomingCredit;
import io.anygate.domain.iban.IncomingCredits;
import io.anygate.security.CurrentPartner;
import io.anygate.security.Functionality;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /v1.0/sandbox/accounts/{id}/incoming-credit}, sandbox mode only (elsewhere an unknown route, 4040010):
 * simulates an inbound SEPA credit to one of the partner's own IBANs (iban, amount, debtor_name, remittance_info,
 * end_to_end_id), authenticated and signed like every partner route. The same end_to_end_id is the same credit,
 * credited once. Not part of the Anytime document: docs/mapping.md describes it.
 */
@Path("/v1.0/sandbox/accounts/{id}/incoming-credit")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxIncomingCreditResource {

    /** SEPA: a name of at most 70 characters, remittance information of at most 140, a reference of at most 35. */
    static final int NAME_MAX = 70;
    static final int REMITTANCE_MAX = 140;
    static final int REFERENCE_MAX = 35;

    @Inject
    CurrentPartner partner;

    @Inject
    IncomingCredits credits;

    @Inject
    GatewayConfig gateway;

    @Context
    UriInfo uri;

    /** The answer: the TX transaction that credited the account, as its statement lines name it. */
    public record Answer(
            @JsonProperty("acc_id") long accId,
            @JsonProperty("txid") String txid,
            @JsonProperty("iban") String iban,
            @JsonProperty("amount") BigDecimal amount,
            @JsonProperty("end_to_end_id") String endToEndId,
            @JsonProperty("status") String status) {
    }

    // Sandbox only: not part of the partner document (/q/openapi), which describes the Anytime surface.
    @POST
    @Operation(hidden = true)
    @Functionality("accounts.iban")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Answer credit(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        if (!gateway.sandbox()) {
            throw new AnytimeException(AnytimeError.INVALID_ROUTE, "No route found");
        }
        AccountId accountId = AccountRequests.accountId(id);
        FormReader f = AccountRequests.reader(uri, form);
        String iban = f.required("iban");
        if (!IbanNumbers.valid(iban)) {
            throw f.invalid("iban", "not a valid IBAN (country format and check digits)");
        }
        BigDecimal amount = f.requiredAmount("amount");
        String debtor = f.requiredText("debtor_name", NAME_MAX);
        String remittance = f.optionalText("remittance_info", REMITTANCE_MAX).orElse("");
        String reference = f.optionalText("end_to_end_id", REFERENCE_MAX).orElse(null);
        IncomingCredits.Credited c = credits.receive(partner.partnerId(), accountId.value(),
                new IncomingCredit(IbanNumbers.normalized(iban), amount, debtor, remittance, reference));
        return new Answer(accountId.value(), Long.toString(c.tranId()), c.creditedIban().iban(), amount, reference,
                "Executed");
    }
}
