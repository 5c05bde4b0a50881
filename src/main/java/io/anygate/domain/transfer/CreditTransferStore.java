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

    /** Terminal transfers whose webhook is not in the outbox yet, oldest first. */
    List<CreditTransfer> unnotified(int limit);

    /** Notes that these transfers' webhook is in the outbox (joins the unit of work open on this thread). */
    void notified(List<Long> ids);
}
