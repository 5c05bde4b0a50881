package io.anygate.ops;

import io.anygate.domain.kyc.KycDocument;
import io.anygate.domain.kyc.KycReviews;
import io.anygate.security.AdminGuard;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The KYC review of production, outside the partner surface and guarded by {@code gateway.admin.token} like the
 * other {@code /admin} endpoints: documents waiting for review, a document's file, and the decision (accept or
 * refuse, once). In sandbox the same decisions are also made automatically (docs/operations.md "KYC").
 */
@Path("/admin/kyc/documents")
@Produces(MediaType.APPLICATION_JSON)
public class KycAdminResource {

    @Inject
    AdminGuard guard;
    @Inject
    KycReviews reviews;

    /** A document as operators see it: its facts, never its bytes. */
    public record DocumentView(long id, String partner_id, long acc_id, String type, String content_type, long size,
            String sha256, String status, Instant uploaded_at, Instant reviewed_at, Long tx_document_id) {
        static DocumentView of(KycDocument d) {
            return new DocumentView(d.id(), d.partnerId(), d.accountId(), d.type().anytimeType(), d.contentType(),
                    d.size(), d.sha256(), d.status().anytime(), d.uploadedAt(), d.reviewedAt(), d.coreDocumentId());
        }
    }

    /** Documents waiting for review, oldest first. */
    @GET
    public List<DocumentView> pending(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        guard.authorize(auth);
        return reviews.pending(Math.max(1, Math.min(limit, 1000))).stream().map(DocumentView::of).toList();
    }

    /** The file itself, with its sniffed content type, for the reviewer. */
    @GET
    @Path("/{docId}/content")
    @Produces(MediaType.WILDCARD)
    public Response content(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("docId") long id) {
        guard.authorize(auth);
        KycDocument d = reviews.document(id).orElseThrow(() -> error(Response.Status.NOT_FOUND, "no such document"));
        byte[] bytes = reviews.content(id).orElseThrow(() -> error(Response.Status.NOT_FOUND, "no such document"));
        return Response.ok(bytes, d.contentType()).header("Content-Disposition", "attachment").build();
    }

    @POST
    @Path("/{docId}/accept")
    public DocumentView accept(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("docId") long id) {
        guard.authorize(auth);
        return decide(id, true);
    }

    @POST
    @Path("/{docId}/refuse")
    public DocumentView refuse(@HeaderParam(HttpHeaders.AUTHORIZATION) String auth, @PathParam("docId") long id) {
        guard.authorize(auth);
        return decide(id, false);
    }

    private DocumentView decide(long id, boolean accept) {
        try {
            return reviews.review(id, accept).map(DocumentView::of)
                    .orElseThrow(() -> error(Response.Status.NOT_FOUND, "no such document"));
        } catch (IllegalStateException e) {
            throw error(Response.Status.CONFLICT, e.getMessage());
        }
    }

    private static WebApplicationException error(Response.Status status, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", message)).build());
    }
}
