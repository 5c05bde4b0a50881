package io.anygate.webhook;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The webhook outbox ({@code webhook_outbox}; port, the store implements it). Times are the caller's clock's (never
 * the database's), and every state change after a claim is fenced by the claim's owner, so that a replica whose
 * lease ran out cannot overwrite the outcome of the replica that took the event over.
 */
public interface OutboxRepository {

    /** Recorded on approval, payload not built yet ({@link CardLastTxBuilder}); never delivered as such. */
    String BUILD = "BUILD";
    String PENDING = "PENDING";
    String DELIVERED = "DELIVERED";
    String FAILED = "FAILED";

    /**
     * Inserts the event, due at {@code now}; false when an event with that id already exists. Joins the unit of work
     * open on this thread ({@link io.anygate.domain.operation.UnitOfWork}); a duplicate never aborts it.
     */
    boolean insert(WebhookEvent e, Instant now);

    /**
     * Records that the {@code card_last_tx} event of TX transaction {@code tranId} on card {@code cardId} is owed,
     * without its payload (status BUILD, due now): one INSERT, no TX call. False when an event with that id exists
     * already (built, or recorded by another path). Joins the unit of work open on this thread; a duplicate never
     * aborts it.
     */
    boolean insertBuild(String eventId, String partnerId, String eventType, long cardId, long tranId, Instant now);

    /** Cards with builds due at {@code now} that nobody leases, the longest waiting first. */
    List<Long> cardsToBuild(Instant now, int limit);

    /**
     * Takes up to {@code limit} due, unleased builds of a card, the oldest transactions first, for {@code owner} until
     * {@code leaseUntil} and returns the builds this owner holds on it. The limit keeps one pass bounded on a card
     * that is loaded continuously (its builds are made in slices). Another replica's claims are left alone: two
     * replicas racing for the same rows never both take them; the loser may take nothing this pass. A replica's
     * passes run one at a time, so what it holds is this pass's.
     */
    List<PendingBuild> claimBuilds(long cardId, String owner, Instant now, Instant leaseUntil, int limit);

    /**
     * Ends a pass over one card's claimed builds, in one transaction: the built ones get their payload and go to the
     * dispatcher (PENDING, due now, no delivery attempt counted: the build's attempts are not deliveries); the
     * deferred ones count an attempt, are released and wait until their {@code next}. A card's batch costs one
     * commit however many builds it holds, and a crash leaves the whole batch claimed, to be built again once its
     * lease ends. Only rows this owner still holds are changed; answers how many builds were stored.
     */
    int finishBuilds(String owner, List<Built> builds, List<Deferred> deferred, Instant now);

    /** Pending events due at {@code now} and not leased by anyone, oldest due first. */
    default List<OutboxEntry> findDue(Instant now, int limit) {
        return findDue(now, limit, List.of());
    }

    /** The same without the events of {@code skipPartners} (partners whose events a worker is attempting now). */
    List<OutboxEntry> findDue(Instant now, int limit, Collection<String> skipPartners);

    /**
     * Takes the event for {@code owner} until {@code leaseUntil}; false when another replica holds it, or it is not due
     * any more (another replica attempted it since this one read it, and scheduled its retry: sending now would break
     * the backoff and count the attempt from a stale row).
     */
    boolean claim(long id, String owner, Instant now, Instant leaseUntil);

    /** Moves an unclaimed event's next attempt without counting an attempt (its endpoint is paused). */
    void defer(long id, String endpoint, Instant until, Instant now);

    /** Records the outcome of a claimed attempt and releases the lease. */
    void finish(long id, String owner, Attempt a);

    /** The next Anytime {@code request_id}. */
    long nextRequestId();

    /**
     * Puts an event (failed or delivered, or pending and not being sent) back in the queue with a fresh retry
     * schedule. False when there is no such event, it is not built yet (it has nothing to deliver; the build step
     * makes it PENDING), or a dispatcher is sending it right now: clearing its claim would let a second one send it
     * at the same time, and the first one's outcome would be dropped.
     */
    boolean redeliver(String eventId, Instant now);

    /** Makes the pending events of an endpoint due now (after an operator resumed it). */
    int pullForward(String endpoint, Instant now);

    /** Events that exhausted their retries, newest first. */
    List<OutboxEntry> failed(int limit);

    /** One event by its id. */
    Optional<OutboxEntry> find(String eventId);

    /**
     * Events waiting for delivery, those still to be built included (a partner waits for them just the same), how
     * many of them are not built yet, and the creation time of the oldest.
     */
    Backlog backlog();

    /**
     * Deletes at most {@code limit} events delivered before {@code before} (oldest first); answers how many. A
     * delivered event is kept for the retention period so that the same event id noticed again (the follower, a late
     * approval) is still recognised as sent.
     */
    int purgeDelivered(Instant before, int limit);

    /** A claimed build and the payload made for it. */
    record Built(long id, String payload) {
    }

    /** A claimed build that could not be made now, to be tried again at {@code next} (never dropped). */
    record Deferred(long id, Instant next, String error) {
    }

    /** The outcome of one attempt. */
    record Attempt(String status, Instant at, Instant nextAttemptAt, Integer httpStatus, String error,
            Long requestId, String endpoint) {
    }

    /**
     * Outbox size for metrics: {@code pending} counts every event not delivered yet (built or not), {@code unbuilt}
     * those of them still waiting for their payload; {@code oldestCreatedAt} is null when nothing is pending.
     */
    record Backlog(long pending, long unbuilt, Instant oldestCreatedAt) {
    }

    /** A {@code card_last_tx} recorded on approval and claimed for building. */
    record PendingBuild(long id, String eventId, String partnerId, long cardId, long tranId, int attempts) {
    }
}
