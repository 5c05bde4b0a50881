package io.anygate.domain.kyc;

import io.anygate.domain.account.AccountCoreException;
import io.anygate.domain.account.OwnedAccount;
import io.anygate.domain.operation.MatchKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Writes a KYC document's record on the card processor: a {@code subject-document} of the account's holder (or of
 * its company for company documents). The document is kept in the store first; the TX write is keyed by the
 * document and its status ({@code agw-kyc-<id>-<status>}), so a repeat never makes a second TX document. A write
 * that fails leaves the document unrecorded and is done again at the account's next KYC read or review.
 */
@ApplicationScoped
public class KycRecords {

    private static final Logger LOG = Logger.getLogger(KycRecords.class);

    @Inject
    KycCore core;
    @Inject
    DocumentStore store;

    /** Writes (or updates) the document's record; false when TX could not take it now. */
    public boolean write(OwnedAccount account, KycDocument document) {
        long subject = document.type().company() && account.companySubjectId() != null
                ? account.companySubjectId() : account.holderSubjectId();
        MatchKey key = new MatchKey("agw-kyc-" + document.id() + "-" + document.status().name().charAt(0));
        try {
            long coreId = core.record(subject, document, key);
            if (!document.onCore()) {
                store.markOnCore(document.id(), coreId);
            }
            return true;
        } catch (AccountCoreException e) {
            LOG.warnf("KYC document %d of account %d not recorded at the card processor (%s); written again later",
                    document.id(), account.accountId(), e.kind());
            return false;
        }
    }
}
