package io.anygate.tx;

import io.anygate.domain.operation.MatchKey;
import io.anygate.domain.kyc.KycCore;
import io.anygate.domain.kyc.KycDocument;
import io.anygate.domain.kyc.ReviewStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * KYC documents as TX {@code subject-document}s (docs/tx-contract.md "KYC documents"): {@code type.rid}
 * {@code AGW-KYC-<TYPE>}, {@code rid} {@code AGW-KYC-<document id>}, {@code issuerName} the partner, {@code isActive}
 * true once accepted, and user attributes for the review status ({@code AGW-KYC-STATUS}), the sniffed content type,
 * the size and the SHA-256 of the file. The file's bytes never go to TX.
 */
@ApplicationScoped
public class TxKycCore implements KycCore {

    static final String TYPE_PREFIX = "AGW-KYC-";

    @Inject
    TxSubjects subjects;

    @Override
    public long record(long subjectId, KycDocument d, MatchKey key) {
        SubjectDocument doc = new SubjectDocument(
                d.coreDocumentId() == null ? null : new SubjectDocument.DocumentRef(d.coreDocumentId()),
                new CatalogueRef(null, TYPE_PREFIX + d.type().name()), TYPE_PREFIX + d.id(), "anygate:" + d.partnerId(),
                d.status() == ReviewStatus.ACCEPTED,
                List.of(new UserAttr("AGW-KYC-STATUS", d.status().name()),
                        new UserAttr("AGW-KYC-CONTENT-TYPE", d.contentType()),
                        new UserAttr("AGW-KYC-SIZE", Long.toString(d.size())),
                        new UserAttr("AGW-KYC-SHA256", d.sha256())));
        return TxAccountCore.call(() -> {
            ModifyTranApproveRs rs = subjects.putDocument(subjectId, doc, TxMatchKey.of(key.value()));
            if (rs.objectId() == null) {
                throw new TxUnavailableException("TX: subject-document approved without objectId", null);
            }
            return rs.objectId();
        });
    }
}
