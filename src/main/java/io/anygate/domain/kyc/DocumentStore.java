package io.anygate.domain.kyc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where KYC files and their records are kept (port). The store is the gateway's shared database, so every replica
 * sees every upload; a file's bytes are read back only by {@link #content}, never listed with the records.
 */
public interface DocumentStore {

    /** A file to keep: its record (id, status and core id are assigned here) and its bytes. */
    record NewDocument(long accountId, String partnerId, KycType type, String contentType, String sha256,
            String fileName, Instant uploadedAt, byte[] content) {
    }

    /** Keeps the file, PENDING and not on the core yet; returns its record. */
    KycDocument add(NewDocument document);

    /** The account's documents, oldest first. */
    List<KycDocument> ofAccount(long accountId);

    Optional<KycDocument> find(long documentId);

    /** Documents waiting for their review, oldest first, at most {@code limit}. */
    List<KycDocument> pending(int limit);

    /** The file's bytes. */
    Optional<byte[]> content(long documentId);

    /**
     * Sets the review status of a PENDING document; false when it is not PENDING any more (reviewed by another
     * replica or an operator first): a review is decided once.
     */
    boolean review(long documentId, ReviewStatus status, Instant at);

    /** Notes the TX {@code subject-document} id the document's record was written under. */
    void markOnCore(long documentId, long coreDocumentId);
}
