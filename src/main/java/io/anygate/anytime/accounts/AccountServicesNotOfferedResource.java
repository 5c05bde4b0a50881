package io.anygate.anytime.accounts;

import io.anygate.anytime.AnytimeError;
import io.anygate.anytime.AnytimeException;
import io.anygate.domain.account.Accounts;
import io.anygate.security.CurrentPartner;
import io.anygate.security.Functionality;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The account routes of the Anytime document that are not offered yet (docs/mapping.md, "Not covered here"):
 * credit transfers and their testimonials. They exist so that the SDK's {@code accountCreditTransfer()} gets the documented
 * FunctionalityNotAllowedException (4030030) rather than an InvalidRouteException (4040010): the same checks as a
 * served route first (a malformed id 4000210, another partner's or a missing account 4030210), then 4030030.
 * Nothing is read from the body and nothing reaches TX.
 */
@Path("/v1.0/accounts/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class AccountServicesNotOfferedResource {

    @Inject
    CurrentPartner partner;

    @Inject
    Accounts accounts;

    @GET
    @Path("/credit-transfers")
    @Functionality("accounts.credit-transfers")
    public Map<String, Object> creditTransfers(@PathParam("id") String id) {
        throw notOffered(id, "credit transfers");
    }

    @POST
    @Path("/credit-transfers")
    @Functionality("accounts.credit-transfers")
    @Consumes(MediaType.WILDCARD)
    public Map<String, Object> creditTransfer(@PathParam("id") String id) {
        throw notOffered(id, "credit transfers");
    }

    @GET
    @Path("/credit-transfers/{ctid}/testimonial")
    @Functionality("accounts.credit-transfers")
    public Map<String, Object> testimonial(@PathParam("id") String id) {
        throw notOffered(id, "credit transfers");
    }

    private AnytimeException notOffered(String id, String what) {
        accounts.owned(partner.partnerId(), AccountRequests.accountId(id).value());
        return new AnytimeException(AnytimeError.FUNCTIONALITY_NOT_ALLOWED,
                "This service is not available on this platform: " + what);
    }
}
