package io.anygate.tx;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** TX money transfers and transactions. */
@Path("/tx/v1")
@RegisterRestClient(configKey = "tx-trans")
@RegisterProvider(TxBasicAuth.class)
@RegisterProvider(TxResponseMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface TxTransClient {

    /** {@code POST /tx/v1/tran/account2account}. */
    @POST
    @Path("/tran/account2account")
    TranApproveRs account2account(TxRequests.Account2AccountRq body);

    /** {@code POST /tx/v1/tran/account2card}. */
    @POST
    @Path("/tran/account2card")
    TranApproveRs account2card(TxRequests.Account2CardRq body);

    /** {@code POST /tx/v1/tran/card2account}. */
    @POST
    @Path("/tran/card2account")
    TranApproveRs card2account(TxRequests.Card2AccountRq body);

    /** {@code POST /tx/v1/tran/account2fi}. */
    @POST
    @Path("/tran/account2fi")
    TranApproveRs account2fi(TxRequests.Account2FiRq body);

    /** {@code POST /tx/v1/tran/fi2account}. */
    @POST
    @Path("/tran/fi2account")
    TranApproveRs fi2account(TxRequests.Fi2AccountRq body);

    /** {@code GET /tx/v1/tran?ref[id]=} or {@code ?ref[matchKey]=&ref[rqSentTime]=}. */
    @GET
    @Path("/tran")
    Tran get(@QueryParam("ref[id]") Long id, @QueryParam("ref[matchKey]") String matchKey,
            @QueryParam("ref[rqSentTime]") String rqSentTime);

    /** {@code GET /tx/v1/trans?contract[id]=...|card[id]=...&filter[begTime]=&page[...]&order=}. */
    @GET
    @Path("/trans")
    TxList<Tran> list(@RestQuery Map<String, String> query);
}
