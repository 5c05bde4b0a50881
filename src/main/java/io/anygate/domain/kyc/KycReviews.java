package io.anygate.domain.kyc;

import io.anygate.GatewayConfig;
import io.anygate.domain.AccountType;
import io.anygate.domain.account.AccountOwnership;
import io.anygate.domain.account.Accounts;
import io.anygate.domain.account.OwnedAccount;
import io.anygate.domain.iban.AccountKyc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review of KYC documents and an account's KYC status. A document is PENDING until reviewed: by an operator in
 * production ({@link #review}), automatically in sandbox once {@code gateway.kyc.sandbox.review-delay} has passed
 * since its upload (accepted, unless its file name is {@code gateway.kyc.sandbox.refused-file-name}). The automatic
 * review is applied whenever the account's KYC is read, on any replica: the store decides each review once.
 *
 * <p>An account's KYC: each required type (by account type, {@link #required}) counts by its latest upload.
 * ACCEPTED when every required type's latest document is accepted; REFUSED when one of them is refused; else
 * PENDING. This is the {@link AccountKyc} the KYC gates read.
 */
@ApplicationScoped
public class KycReviews implements AccountKyc {

    @Inject
    DocumentStore store;
    @Inject
    Accounts accounts;
    @Inject
    AccountOwnership ownership;
    @Inject
    KycRecords records;
    @Inject
    KycConfig config;
    @Inject
    GatewayConfig gateway;
    @Inject
    Clock clock;

    /** An account's KYC as the status answer gives it. */
    public record Status(ReviewStatus overall, List<KycType> missing, List<KycDocument> documents) {
    }

    /** The partner's account's KYC (NOT_OWNED for another partner's account). */
    public Status status(String partnerId, long accountId) {
        return status(accounts.owned(partnerId, accountId));
    }

    @Override
    public boolean accepted(long accountId) {
        List<KycDocument> docs = store.ofAccount(accountId);
        if (docs.isEmpty()) {
            return false;
        }
        return ownership.find(docs.get(0).partnerId(), accountId)
                .map(a -> status(a).overall() == ReviewStatus.ACCEPTED).orElse(false);
    }

    /** Documents waiting for an operator's review, oldest first. */
    public List<KycDocument> pending(int limit) {
        return store.pending(limit);
    }

    /** A document's record (not its bytes). */
    public Optional<KycDocument> document(long documentId) {
        return store.find(documentId);
    }

    /** A document's bytes, for the operator reviewing it. */
    public Optional<byte[]> content(long documentId) {
        return store.content(documentId);
    }

    /**
     * An operator's decision on a pending document; empty when there is no such document,
     * {@link IllegalStateException} when it was reviewed already.
     */
    public Optional<KycDocument> review(long documentId, boolean accept) {
        KycDocument doc = store.find(documentId).orElse(null);
        if (doc == null) {
            return Optional.empty();
        }
        if (doc.status() != ReviewStatus.PENDING) {
            throw new IllegalStateException("document " + documentId + " was reviewed already: " + doc.status().anytime());
        }
        if (!decide(doc, accept ? ReviewStatus.ACCEPTED : ReviewStatus.REFUSED)) {
            throw new IllegalStateException("document " + documentId + " was reviewed already");
        }
        KycDocument reviewed = store.find(documentId).orElseThrow();
        ownership.find(reviewed.partnerId(), reviewed.accountId()).ifPresent(a -> records.write(a, reviewed));
        return Optional.of(reviewed);
    }

    Status status(OwnedAccount account) {
        List<KycDocument> docs = settle(account, store.ofAccount(account.accountId()));
        Map<KycType, KycDocument> latest = new EnumMap<>(KycType.class);
        docs.forEach(d -> latest.put(d.type(), d)); // oldest first: the last one of a type stays
        List<KycType> required = required(account, latest);
        List<KycType> missing = new ArrayList<>();
        boolean refused = false;
        boolean pending = false;
        for (KycType t : required) {
            KycDocument d = latest.get(t);
            if (d == null || d.status() == ReviewStatus.REFUSED) {
                missing.add(t);
            }
            if (d == null || d.status() == ReviewStatus.PENDING) {
                pending = true;
            } else if (d.status() == ReviewStatus.REFUSED) {
                refused = true;
            }
        }
        ReviewStatus overall = refused ? ReviewStatus.REFUSED : pending ? ReviewStatus.PENDING : ReviewStatus.ACCEPTED;
        return new Status(overall, missing, docs);
    }

    /**
     * The documents an account needs: a proof of identity (identity card front and back, or a passport, whichever
     * was uploaded last), a proof of address ({@code dom_1}) and, for a business account, the company's statutes
     * and registration extract ({@code status}, {@code kbis}).
     */
    static List<KycType> required(OwnedAccount account, Map<KycType, KycDocument> latest) {
        List<KycType> out = new ArrayList<>();
        KycDocument passport = latest.get(KycType.PASSPORT);
        KycDocument identity = latest.get(KycType.IDENTITY);
        boolean byPassport = passport != null && (identity == null
                || !passport.uploadedAt().isBefore(identity.uploadedAt()));
        if (byPassport) {
            out.add(KycType.PASSPORT);
        } else {
            out.add(KycType.IDENTITY);
            out.add(KycType.IDENTITY_BACK);
        }
        out.add(KycType.DOM_1);
        if (AccountType.BUSINESS.anytimeCode().equals(account.type())) {
            out.add(KycType.STATUS);
            out.add(KycType.KBIS);
        }
        return out;
    }

    // Sandbox: reviews the pending documents whose delay has passed; any mode: writes unrecorded documents on TX.
    private List<KycDocument> settle(OwnedAccount account, List<KycDocument> docs) {
        Instant now = clock.instant();
        boolean changed = false;
        for (KycDocument d : docs) {
            if (gateway.sandbox() && d.status() == ReviewStatus.PENDING
                    && !d.uploadedAt().plus(config.sandboxReviewDelay()).isAfter(now)) {
                boolean refuse = d.fileName() != null && d.fileName().equalsIgnoreCase(config.sandboxRefusedFileName());
                changed |= decide(d, refuse ? ReviewStatus.REFUSED : ReviewStatus.ACCEPTED);
            } else if (!d.onCore()) {
                changed |= records.write(account, d);
            }
        }
        if (!changed) {
            return docs;
        }
        List<KycDocument> fresh = store.ofAccount(account.accountId());
        for (KycDocument d : fresh) {
            if (d.status() != ReviewStatus.PENDING && d.reviewedAt() != null && !d.reviewedAt().isBefore(now)) {
                records.write(account, d); // reviewed just now: the TX record follows
            }
        }
        return fresh;
    }

    private boolean decide(KycDocument doc, ReviewStatus status) {
        return store.review(doc.id(), status, clock.instant());
    }
}
