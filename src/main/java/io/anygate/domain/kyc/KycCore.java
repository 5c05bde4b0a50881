package io.anygate.domain.kyc;

import io.anygate.domain.operation.MatchKey;

/**
 * The KYC document records on the card processor (port): each uploaded document is a document of the account's
 * subject (the cardholder's, or the company's for company documents), with its type, review status and file facts;
 * never its bytes. Writes are keyed: repeating one with the same {@link MatchKey} never makes a second document.
 */
public interface KycCore {

    /**
     * Writes the document's record on {@code subjectId}: a new TX document when {@code document.coreDocumentId()} is
     * null, else an update of that one. Returns the TX document id.
     *
     * @throws io.anygate.domain.account.AccountCoreException when TX refuses or cannot be reached
     */
    long record(long subjectId, KycDocument document, MatchKey key);
}
