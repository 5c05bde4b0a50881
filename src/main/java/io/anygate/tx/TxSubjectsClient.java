package io.anygate.tx;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** TX subjects (persons, companies). References go in the query string deepObject style: {@code ref[id]}. */
@Path("/tx/v1")
@RegisterRestClient(configKey = "tx-subjects")
@RegisterProvider(TxBasicAuth.class)
@RegisterProvider(TxResponseMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface TxSubjectsClient {

    /** {@code GET /tx/v1/subject?ref[id]=&ref[rid]=}. */
    @GET
    @Path("/subject")
    Subject get(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid);

    /** {@code GET /tx/v1/subject}, answered later (the caller's thread is not held while TX answers). */
    @GET
    @Path("/subject")
    CompletionStage<Subject> getAsync(@QueryParam("ref[id]") Long id, @QueryParam("ref[rid]") String rid);

    /** {@code PUT /tx/v1/subject}: create or update a subject. */
    @PUT
    @Path("/subject")
    ModifyTranApproveRs put(TxRequests.ObjectRq<Subject> body);

    /** {@code PUT /tx/v1/subject?mustExist=true}: update an existing subject, never create one. */
    @PUT
    @Path("/subject")
    ModifyTranApproveRs putExisting(@QueryParam("mustExist") boolean mustExist, TxRequests.ObjectRq<Subject> body);

    /**
     * {@code POST /tx/v1/subject/notification}: send a message to a customer by the channel {@code channelKind}
     * names, at {@code address}. The subject reference is optional ("if available"): the gateway gives the address.
     */
    @POST
    @Path("/subject/notification")
    void notify(SubjectNotification body);

    /** {@code PUT /tx/v1/subject-document?subject[id]=}: create or update a document of the subject. */
    @PUT
    @Path("/subject-document")
    ModifyTranApproveRs putDocument(@QueryParam("subject[id]") long subjectId,
            TxRequests.ObjectRq<SubjectDocument> body);

    /** {@code GET /tx/v1/subject-documents?filter[subjectId]=&page[offset]=&page[limit]=&order=}. */
    @GET
    @Path("/subject-documents")
    TxList<SubjectDocument> documents(@org.jboss.resteasy.reactive.RestQuery java.util.Map<String, String> query);
}
