package io.anygate.tx;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** TX cards, with their secrets (PAN, CVV2, PIN block). */
@Path("/tx/v1")
@RegisterRestClient(configKey = "tx-cards")
@RegisterProvider(TxBasicAuth.class)
@RegisterProvider(TxResponseMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface TxCardsRestClient {

    /** {@code GET /tx/v1/card?ref[id]=&ref[rid]=}. */
    @GET
    @Path("/card")
    TxCard get(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid);

    /** {@code GET /tx/v1/card}, answered later (the caller's thread is not held while TX answers). */
    @GET
    @Path("/card")
    CompletionStage<TxCard> getAsync(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid);

    /** {@code PUT /tx/v1/card}: create or update a card. */
    @PUT
    @Path("/card")
    ModifyTranApproveRs put(TxRequests.ObjectRq<TxCard> body);

    /** {@code GET /tx/v1/card}, the object exactly as TX answers it: the base of a full-replace write. */
    @GET
    @Path("/card")
    ObjectNode getObject(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid);

    /** {@code PUT /tx/v1/card} of a card object read from TX and changed (a full replace). */
    @PUT
    @Path("/card")
    ModifyTranApproveRs putObject(TxRequests.ObjectRq<ObjectNode> body);

    /** {@code GET /tx/v1/cards?filter[holderId]=...&page[offset]=&page[limit]=&order=}. */
    @GET
    @Path("/cards")
    TxList<TxCard> list(@RestQuery Map<String, String> query);

    /** {@code GET /tx/v1/card/pan?ref[id]=&ref[rid]=}. */
    @GET
    @Path("/card/pan")
    SensitiveRs.PanRs pan(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid);

    /** {@code GET /tx/v1/card/cvv2?ref[id]=&ref[rid]=}. */
    @GET
    @Path("/card/cvv2")
    SensitiveRs.Cvv2Rs cvv2(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid);

    /** {@code GET /tx/v1/card/pin?ref[id]=&ref[rid]=}. */
    @GET
    @Path("/card/pin")
    SensitiveRs.PinRs pin(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid);

    /** {@code POST /tx/v1/card/reissue?ref[id]=&ref[rid]=}: a new card replacing the old one. */
    @POST
    @Path("/card/reissue")
    ModifyTranApproveRs reissue(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid,
            TxRequests.ReissueRq body);

    /** {@code DELETE /tx/v1/card?ref[id]=&ref[rid]=}: closes the card. */
    @DELETE
    @Path("/card")
    TranApproveRs delete(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid,
            TxRequests.TranRq body);
}
