package io.anygate.domain.kyc;

import java.time.Instant;

/**
 * One uploaded KYC file's record (its bytes stay in the {@link DocumentStore}): whose it is, what the bytes are
 * (sniffed content type, size, SHA-256), its review status and, once written, its TX {@code subject-document} id.
 *
 * @param fileName the name the caller gave the part (the SDK sends {@code <field>.jpg}); never logged
 */
public record KycDocument(long id, long accountId, String partnerId, KycType type, String contentType, long size,
        String sha256, String fileName, ReviewStatus status, Instant uploadedAt, Instant reviewedAt,
        Long coreDocumentId) {

    public boolean onCore() {
        return coreDocumentId != null;
    }
}
