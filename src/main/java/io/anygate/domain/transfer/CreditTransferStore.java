package io.anygate.domain.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The credit transfers (port; the store implements it). Every status change is conditional on the current one. */
public interface CreditTransferStore {

    /** The next {@code internal_id}, unique across replicas. */
    long nextId();

    /**
     * Records a transfer TX has debited. False, changing nothing, when its operation recorded one already (a
     * resumed or repeated settlement): the caller reads that one with {@link #byOperation}.
     */
    boolean add(CreditTransfer transfer);

    Optional<CreditTransfer> byOperation(String operationId);

    /** The transfer of this account with this id (another account's is absent). */
    Optional<CreditTransfer> find(long accountId, long id);

    /** A page of the account's transfers created in [from, to) (either may be null), newest first. */
    List<CreditTransfer> page(long accountId, Instant from, Instant to, long offset, int limit);

    long count(long accountId, Instant from, Instant to);

    /** Transfers in this status, oldest first. */
    List<CreditTransfer> inStatus(CreditTransferStatus status, int limit);

    /** IN_PROGRESS -> TO_EXECUTE; false when it was not IN_PROGRESS any more. */
    boolean submitted(long id, Instant at);

    /** TO_EXECUTE -> EXECUTED; false when it was not TO_EXECUTE any more. */
    boolean executed(long id, String reference, Instant at);

    /** TO_EXECUTE -> CANCELLED once TX gave the money back; false when it was not TO_EXECUTE any more. */
    boolean cancelled(long id, long refundTranId, Instant at);

    /**
     * Claims up to {@code limit} terminal transfers whose webhook is not in the outbox yet (in id order), for the
     * unit of work open on this thread (call it only inside one): they are marked notified and stay locked until
     * the unit ends, so the webhook enqueued in the same unit commits with the mark or neither does. A claim running
     * at the same time on another replica skips the locked rows ({@code FOR UPDATE SKIP LOCKED}) and, once this
     * unit committed, no longer sees them: a transfer status is in one delivery only.
     */
    List<CreditTransfer> claimUnnotified(int limit);
}
