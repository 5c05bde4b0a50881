package io.anygate.domain.operation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable record of every operation that writes to TX (port; the store implements it). Each method is its
 * own committed write (or part of the {@link UnitOfWork} open on the calling thread): an operation is recorded
 * before its first TX call, so that whatever happens next (TX
 * down, the answer lost, this replica killed) the operation and its matchKeys survive and can be resolved.
 */
public interface OperationJournal {

    /**
     * Records a new operation. Returns false, changing nothing, when an operation with this id exists already
     * (a retry with the same Idempotency-Key, possibly racing on another replica).
     */
    boolean record(Operation operation);

    Optional<Operation> find(OperationId id);

    /** Notes that a TX write is about to be sent (attempt count, time: the reconciler's lookup window). */
    void attemptStarted(OperationId id, Instant now);

    /** Saves a saga's progress: the step just completed and what it learned. */
    void stepDone(OperationId id, String step, Map<String, String> learned, Instant now);

    /**
     * Ends an operation. Only a non-terminal operation can end, so two resolvers (the request thread and the
     * reconciler) cannot both finish it: the loser gets false and must re-read. The winner's write fires
     * {@link OperationFinished}.
     */
    boolean finish(OperationId id, OperationState state, Long txTranId, String declineCode, Instant now);

    /** Marks the outcome of a sent write as unknown: the reconciler takes over. */
    void markUnknown(OperationId id, Instant now);

    /**
     * Claims up to {@code limit} unresolved operations (UNKNOWN, or PENDING not touched for {@code staleAfter})
     * for {@code owner} for {@code lease}; another replica cannot claim them until the lease ends.
     */
    List<Operation> claimUnresolved(String owner, Duration staleAfter, Duration lease, int limit, Instant now);

    /**
     * Takes (or renews) the lease on one unresolved operation for {@code owner} until {@code until}: true when it is
     * free, expired or already {@code owner}'s, false when someone else holds it or it has ended. Whoever sends an
     * operation's TX write again (the reconciler through {@link #claimUnresolved}, a partner's retry, an operator)
     * holds its lease, so two of them never send it at the same time and end it with different outcomes.
     */
    boolean lease(OperationId id, String owner, Instant until, Instant now);

    /** Gives the lease back early (the operation is ended, or left for the reconciler); only {@code owner}'s. */
    void release(OperationId id, String owner);

    /** What a card has taken since one instant: the summed amount and the number of operations. */
    record Totals(BigDecimal amount, long count) {
    }

    /**
     * For each instant of {@code since}, the approved and possibly-applied (PENDING, UNKNOWN) operations of these
     * kinds on a card since then: every window in one read (a load checks up to six).
     */
    Map<Instant, Totals> totalsOnCard(long cardId, Collection<OperationKind> kinds, Collection<Instant> since);

    /**
     * How many operations are PENDING and how many UNKNOWN, for metrics. Only the unresolved states are counted: a
     * count of the final ones would read the whole journal, which grows without bound.
     */
    Map<OperationState, Long> countUnresolved();

    /** Creation time of the oldest operation that is not terminal, if any. */
    Optional<Instant> oldestUnresolved();

    /** Unresolved operations, oldest first, for the admin view. */
    List<Operation> listUnresolved(int limit);
}
