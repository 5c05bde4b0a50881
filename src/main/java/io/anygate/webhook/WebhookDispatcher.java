package io.anygate.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Delivers due outbox events, at least once. Any number of dispatchers may run on one store (replicas): each event is
 * claimed with a lease before it is sent, and outcomes are fenced by the claim, so two dispatchers never send the
 * same event at the same time. The envelope (request_id, timestamp, hash) and the signature are made per attempt.
 */
public class WebhookDispatcher {

    /** The endpoint key of the sandbox inbox (not a URL; never paused). */
    static final String INBOX = "sandbox:inbox";

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    /** How often a pass looks for other partners' new events while workers are busy. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final OutboxRepository outbox;
    private final EndpointCircuit circuit;
    private final WebhookTargets targets;
    private final DeliverySigner signer;
    private final WebhookTransport http;
    private final WebhookTransport inbox;
    private final RetryPolicy retry;
    private final Clock clock;
    private final String owner;
    private final int batchSize;
    private final Duration lease;
    private final Duration passBudget;
    private final DeliveryListener listener;
    private final ExecutorService senders;

    /**
     * @param inbox the sandbox inbox, or null outside sandbox mode (then a partner without URL waits and is retried)
     */
    public WebhookDispatcher(OutboxRepository outbox, WebhookTargets targets, DeliverySigner signer,
            WebhookTransport http, WebhookTransport inbox, RetryPolicy retry, EndpointCircuit circuit, Clock clock,
            String owner, int batchSize, Duration lease, Duration passBudget, int parallelism,
            DeliveryListener listener) {
        this.outbox = outbox;
        this.circuit = circuit;
        this.targets = targets;
        this.signer = signer;
        this.http = http;
        this.inbox = inbox;
        this.retry = retry;
        this.clock = clock;
        this.owner = owner;
        this.batchSize = batchSize;
        this.lease = lease;
        this.passBudget = passBudget;
        this.listener = listener;
        // Daemon threads: a dispatcher nobody closes (a test's) never holds the JVM.
        AtomicInteger n = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
            Thread t = new Thread(r, "webhook-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Outcome names, as counted by metrics. */
    public enum Outcome { DELIVERED, RETRY, FAILED, PAUSED }

    /** Told of every outcome (metrics). */
    @FunctionalInterface
    public interface DeliveryListener {
        DeliveryListener NONE = (outcome, eventId) -> { };

        void outcome(Outcome outcome, String eventId);
    }

    /**
     * One pass: delivers the events due now, batch after batch, until none is due or the pass has run for its budget
     * (real time, so that a pass also ends under a test's fixed clock); returns how many attempts were made. One batch
     * per pass would cap a replica at {@code batch-size} events per {@code dispatch-interval} (25 a second by
     * default), far below what the gateway's loads can produce: a backlog would then only grow.
     * <p>
     * Each partner's events are attempted by one worker at a time, in order ({@code gateway.webhook.parallelism}
     * workers side by side), and the next batch is read while workers run, <em>without</em> the partners that have
     * one: a partner with a slow endpoint and a long backlog (after an outage, all of it due at once) keeps its own
     * worker busy, not the other partners' webhooks, which a batch waiting for its slowest partner would hold up for
     * as long as that backlog lasts. A store failure of any attempt ends the pass.
     */
    public int dispatchDue() {
        if (!targets.ready()) {
            // Before the partners are loaded each looks unknown: in sandbox mode its events would go to the inbox,
            // delivered for good, and never reach the partner's URL. Wait for the next pass.
            return 0;
        }
        long deadline = System.nanoTime() + passBudget.toNanos();
        Map<String, CompletableFuture<Integer>> working = new LinkedHashMap<>();
        int attempts = 0;
        try {
            while (System.nanoTime() - deadline < 0) {
                attempts += reap(working, false);
                List<OutboxEntry> batch = outbox.findDue(clock.instant(), batchSize, working.keySet());
                Map<String, List<OutboxEntry>> byPartner = new LinkedHashMap<>();
                for (OutboxEntry e : batch) {
                    byPartner.computeIfAbsent(e.partnerId(), k -> new ArrayList<>()).add(e);
                }
                byPartner.forEach((partner, events) -> working.put(partner,
                        CompletableFuture.supplyAsync(() -> attemptInOrder(events, deadline), senders)));
                if (working.isEmpty()) {
                    return attempts; // nothing due, nobody working
                }
                // Look again when a worker is done (its partner may have more due than one batch held) or after a
                // short while (other partners' events). Not at once: the query that leaves the busy partners out
                // walks past all of their due rows, and a busy partner's backlog can be thousands of rows; run after
                // every batch it costs PostgreSQL more than the deliveries do.
                awaitAny(working.values(), Math.min(deadline, System.nanoTime() + POLL.toNanos()));
            }
            return attempts;
        } finally {
            attempts += reap(working, true);
        }
    }

    /**
     * One partner's events in order; stops at the pass's deadline (the rest, never claimed, is found again by the
     * next pass), so that the pass's end waits for one delivery per worker at most, not for a slow partner's batch.
     */
    private int attemptInOrder(List<OutboxEntry> events, long deadline) {
        int made = 0;
        for (OutboxEntry e : events) {
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            if (attemptOne(e)) {
                made++;
            }
        }
        return made;
    }

    /** Counts the attempts of the workers that are done (all of them, waiting, when {@code all}); rethrows a failure. */
    private static int reap(Map<String, CompletableFuture<Integer>> working, boolean all) {
        int made = 0;
        RuntimeException failure = null;
        for (var it = working.values().iterator(); it.hasNext(); ) {
            CompletableFuture<Integer> f = it.next();
            if (!all && !f.isDone()) {
                continue;
            }
            it.remove();
            try {
                made += f.join();
            } catch (CompletionException e) {
                failure = e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return made;
    }

    private static void awaitAny(Collection<CompletableFuture<Integer>> working, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return;
        }
        try {
            CompletableFuture.anyOf(working.toArray(CompletableFuture[]::new)).get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // the pass's budget ran out, or a worker failed: the loop and reap see to both
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the sending threads (the replica is shutting down). */
    public void close() {
        senders.shutdown();
    }

    private boolean attemptOne(OutboxEntry e) {
        Instant now = clock.instant();
        Optional<WebhookTarget> target = targets.forPartner(e.partnerId());
        boolean toInbox = inbox != null && target.map(t -> !t.hasUrl()).orElse(true);
        String endpoint = toInbox ? INBOX : target.filter(WebhookTarget::hasUrl).map(WebhookTarget::url).orElse(null);
        boolean probe = false;
        if (endpoint != null && !toInbox) {
            EndpointCircuit.Gate gate = circuit.enter(endpoint, owner, now, now.plus(lease));
            if (gate instanceof EndpointCircuit.Paused p) {
                outbox.defer(e.id(), endpoint, p.until(), now);
                listener.outcome(Outcome.PAUSED, e.eventId());
                return false;
            }
            probe = gate instanceof EndpointCircuit.Probe;
        }
        if (!outbox.claim(e.id(), owner, now, now.plus(lease))) {
            if (probe) {
                circuit.releaseProbe(endpoint, owner);
            }
            return false;
        }
        int attempt = e.attempts() + 1;
        if (endpoint == null) {
            finishFailed(e, attempt, now, null, "no webhook URL registered for partner", null, null);
            return true;
        }
        long requestId = outbox.nextRequestId();
        String username = target.map(WebhookTarget::apiUsername).orElse(e.partnerId());
        byte[] body = WebhookEnvelope.build(requestId, now.getEpochSecond(), username,
                CreditTransferWebhooks.EVENT.equals(e.eventType()) ? e.eventType() : null, e.payload());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "anygate-webhooks/1");
        headers.put("X-Webhook-Event-Id", e.eventId());
        headers.put("X-Webhook-Attempt", Integer.toString(attempt));
        headers.put(DeliverySigner.HEADER, signer.sign(body));
        Delivery delivery = new Delivery(e.eventId(), e.partnerId(), toInbox ? null : endpoint,
                target.map(WebhookTarget::allowPrivateTargets).orElse(false), headers, body);
        DeliveryResult result = (toInbox ? inbox : http).send(delivery);
        Instant done = clock.instant();
        if (result.delivered()) {
            outbox.finish(e.id(), owner, new OutboxRepository.Attempt(OutboxRepository.DELIVERED, done, done,
                    result.httpStatus(), null, requestId, endpoint));
            if (!toInbox) {
                circuit.succeeded(endpoint, done);
            }
            listener.outcome(Outcome.DELIVERED, e.eventId());
        } else {
            finishFailed(e, attempt, done, result.httpStatus(), result.error(), requestId, endpoint);
            if (!toInbox && circuit.failed(endpoint, result.error(), done)) {
                LOG.debugf("webhook endpoint of partner %s paused after failures", e.partnerId());
            }
        }
        return true;
    }

    private void finishFailed(OutboxEntry e, int attempt, Instant now, Integer status, String error, Long requestId,
            String endpoint) {
        Optional<Instant> next = retry.nextAttempt(attempt, now);
        outbox.finish(e.id(), owner, new OutboxRepository.Attempt(
                next.isPresent() ? OutboxRepository.PENDING : OutboxRepository.FAILED, now, next.orElse(now), status,
                error, requestId, endpoint));
        if (next.isEmpty()) {
            LOG.warnf("webhook %s for partner %s failed after %d attempts: %s", e.eventId(), e.partnerId(), attempt,
                    error);
        }
        listener.outcome(next.isPresent() ? Outcome.RETRY : Outcome.FAILED, e.eventId());
    }
}
