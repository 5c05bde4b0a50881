package io.anygate.tx;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;

/** TX contracts (accounts, card contracts) and contract-to-contract links. */
@Path("/tx/v1")
@RegisterRestClient(configKey = "tx-contracts")
@RegisterProvider(TxBasicAuth.class)
@RegisterProvider(TxResponseMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface TxContractsClient {

    /** {@code GET /tx/v1/contract?ref[id]=&ref[rid]=}. */
    @GET
    @Path("/contract")
    Contract get(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid);

    /** {@code GET /tx/v1/contract}, answered later (the caller's thread is not held while TX answers). */
    @GET
    @Path("/contract")
    CompletionStage<Contract> getAsync(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid);

    /** {@code PUT /tx/v1/contract}: create or update a contract. */
    @PUT
    @Path("/contract")
    ModifyTranApproveRs put(TxRequests.ObjectRq<Contract> body);

    /** {@code POST /tx/v1/contract/activate?ref[id]=&ref[rid]=}. */
    @POST
    @Path("/contract/activate")
    TranApproveRs activate(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid,
            TxRequests.TranRq body);

    /** {@code POST /tx/v1/contract/finish?ref[id]=&ref[rid]=}. */
    @POST
    @Path("/contract/finish")
    TranApproveRs finish(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid,
            TxRequests.TranRq body);

    /** {@code POST /tx/v1/contract/close?ref[id]=&ref[rid]=}. */
    @POST
    @Path("/contract/close")
    TranApproveRs close(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid,
            TxRequests.TranRq body);

    /** {@code PUT /tx/v1/contract/balance?ref[id]=&ref[rid]=&accountRole=&ccy=}: set a balance. */
    @PUT
    @Path("/contract/balance")
    TranApproveRs setBalance(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid,
            @QueryParam("accountRole") String accountRole, @QueryParam("ccy") String ccy, TxRequests.BalanceRq body);

    /** {@code GET /tx/v1/contracts?filter[clientId]=...&page[offset]=&page[limit]=&order=}. */
    @GET
    @Path("/contracts")
    TxList<Contract> list(@RestQuery Map<String, String> query);

    /** {@code PUT /tx/v1/contract2contract}: create or update a link. */
    @PUT
    @Path("/contract2contract")
    ModifyTranApproveRs putLink(Contract2Contract body);

    /** {@code GET /tx/v1/contract2contracts?filter[contract1Id]=...&page[...]}. */
    @GET
    @Path("/contract2contracts")
    TxList<Contract2Contract> listLinks(@RestQuery Map<String, String> query);
}
