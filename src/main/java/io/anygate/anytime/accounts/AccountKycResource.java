package io.anygate.anytime.accounts;

import io.anygate.domain.AccountId;
import io.anygate.domain.AnytimeDates;
import io.anygate.domain.account.AccountRefused;
import io.anygate.domain.kyc.KycDocument;
import io.anygate.domain.kyc.KycReviews;
import io.anygate.domain.kyc.KycType;
import io.anygate.domain.kyc.KycUploads;
import io.anygate.domain.kyc.ReviewStatus;
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
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

/**
 * {@code POST /v1.0/accounts/{id}/kyc} (the SDK's {@code accountKyc}: one multipart file per KYC field) and
 * {@code GET /v1.0/accounts/{id}/kyc} ({@code accountKycStatus}); fields in docs/mapping.md. The only route that
 * reads multipart files, and the one whose body may exceed {@code gateway.edge.max-body-size}: a declared body
 * over {@code gateway.kyc.max-request-size} is refused by {@link io.anygate.anytime.EdgeLimits} before it is read,
 * and a body without {@code Content-Length} is held to it here, by its files together. A file's bytes are never
 * logged nor echoed.
 */
@Path("/v1.0/accounts/{id}/kyc")
@Produces(MediaType.APPLICATION_JSON)
public class AccountKycResource {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(AnytimeDates.ANYTIME_ZONE);

    @Inject
    CurrentPartner partner;
    @Inject
    KycUploads uploads;
    @Inject
    KycReviews reviews;
    @Inject
    io.anygate.domain.kyc.KycConfig config;

    /** {@code files_status}: one entry per file sent, {@code status} 0 (kept), 1 (not JPEG/PNG/PDF) or 2. */
    public record Uploaded(Map<String, FileStatus> files_status) {
    }

    public record FileStatus(int status, String error) {
    }

    /** The upload as the OpenAPI document shows it: one optional binary file per KYC field. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "KycUpload")
    public record KycUploadForm(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "binary") String user_selfie,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "binary") String user_identity,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "binary") String user_identity_back,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "binary") String user_identity_host,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "binary") String user_identity_back_host,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "binary") String user_passport,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "binary") String user_dom_1,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "binary") String user_dom_host,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "binary") String user_affidavit,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "binary") String corp_status,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(format = "binary") String corp_kbis) {
    }

    /** One uploaded document in {@code uploaded-kyc-status}. */
    public record UploadedKyc(String type, String url, String uploaded_at, String updated_at) {
    }

    @POST
    @Functionality("accounts.kyc")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Uploaded upload(@PathParam("id") String id,
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content =
                    @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(
                                    implementation = KycUploadForm.class))) MultipartFormDataInput input) {
        AccountId accountId = AccountRequests.accountId(id);
        List<KycUploads.Upload> files = new ArrayList<>();
        Map<String, Collection<FormValue>> values = input == null ? Map.of() : input.getValues();
        long total = 0;
        for (Map.Entry<String, Collection<FormValue>> e : values.entrySet()) {
            KycType type = KycType.ofField(e.getKey()).orElseThrow(() -> invalid(e.getKey(),
                    "not a KYC file field"));
            if (e.getValue().size() != 1) {
                throw invalid(e.getKey(), "one file per field");
            }
            FormValue v = e.getValue().iterator().next();
            if (!v.isFileItem()) {
                throw invalid(e.getKey(), "must be a file (multipart part with a filename)");
            }
            long size;
            try {
                size = v.getFileItem().getFileSize();
            } catch (IOException ex) {
                size = -1;
            }
            total += Math.max(size, 0);
            files.add(new KycUploads.Upload(type, v.getFileName(), size, () -> {
                try (InputStream in = v.getFileItem().getInputStream()) {
                    return in.readAllBytes();
                }
            }));
        }
        // the files together (a body without Content-Length is counted here, not at the edge)
        if (total > config.maxRequestSize()) {
            throw new io.anygate.anytime.AnytimeException(io.anygate.anytime.AnytimeError.REQUEST_TOO_LARGE,
                    "Request body larger than " + config.maxRequestSize() + " bytes");
        }
        Map<String, FileStatus> out = new LinkedHashMap<>();
        for (KycUploads.FileOutcome o : uploads.upload(partner.partnerId(), accountId.value(), files)) {
            FileStatus status = new FileStatus(o.status(), o.error());
            out.put(o.type().field(), status);
            if (o.type() == KycType.DOM_1) {
                out.put("user_dom1", status); // the SDK reads user_dom_1's status under this name
            }
        }
        return new Uploaded(out);
    }

    @GET
    @Functionality("accounts.kyc")
    public Map<String, Object> status(@PathParam("id") String id) {
        AccountId accountId = AccountRequests.accountId(id);
        KycReviews.Status s = reviews.status(partner.partnerId(), accountId.value());
        Map<String, List<UploadedKyc>> byStatus = new LinkedHashMap<>();
        for (ReviewStatus r : ReviewStatus.values()) {
            byStatus.put(r.anytime(), new ArrayList<>());
        }
        for (KycDocument d : s.documents()) {
            byStatus.get(d.status().anytime()).add(new UploadedKyc(d.type().anytimeType(), null,
                    when(d.uploadedAt()), when(d.reviewedAt() == null ? d.uploadedAt() : d.reviewedAt())));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", s.overall().anytime());
        body.put("uploaded-kyc-status", Map.of("accepted", byStatus.get("accepted"), "pending",
                byStatus.get("pending"), "refused", byStatus.get("refused")));
        body.put("missing-kyc-types", s.missing().stream().map(KycType::anytimeType).toList());
        return body;
    }

    private static String when(Instant i) {
        return WHEN.format(i);
    }

    private static AccountRefused invalid(String name, String what) {
        return new AccountRefused(AccountRefused.Reason.INVALID_PARAMETER, name, name + ": " + what);
    }
}
