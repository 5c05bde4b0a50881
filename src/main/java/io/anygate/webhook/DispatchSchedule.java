package io.anygate.webhook;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Runs this replica's dispatcher on the scheduler ({@code gateway.webhook.dispatch-interval}), one pass at a time,
 * and refreshes the webhook gauges after each pass; and, as a job of its own ({@code gateway.webhook.build.interval}),
 * the build step that makes the payloads of events recorded on approval. Two jobs, so that a slow or unreachable TX
 * (which only building needs) never holds back deliveries to partners.
 */
@ApplicationScoped
public class DispatchSchedule {

    private static final Logger LOG = Logger.getLogger(DispatchSchedule.class);

    @Inject
    WebhookReplica replica;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    OutboxRepository outbox;
    @Inject
    EndpointCircuit circuit;
    @Inject
    DeliveryMetrics metrics;
    @Inject
    CardLastTxBuilder builder;
    @Inject
    Clock clock;
    @Inject
    WebhookConfig config;

    @Scheduled(identity = "webhook-dispatcher", every = "${gateway.webhook.dispatch-interval:2s}",
            delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DispatcherDisabled.class)
    void tick() {
        try {
            dispatcher.dispatchDue();
            metrics.refresh(outbox.backlog(), circuit.paused().size(), clock.instant());
        } catch (RuntimeException e) {
            // The store may be briefly unavailable; the next pass tries again and nothing is lost.
            LOG.warnf("webhook dispatcher pass failed: %s", e.getMessage());
        }
    }

    @Scheduled(identity = "webhook-builder", every = "${gateway.webhook.build.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DispatcherDisabled.class)
    void build() {
        try {
            builder.buildDue(replica.owner());
        } catch (RuntimeException e) {
            // Store trouble: the builds stay recorded (and leased rows come back when the lease ends).
            LOG.warnf("webhook build pass failed: %s", e.getMessage());
        }
    }

    /**
     * Deletes the events delivered more than {@code gateway.webhook.delivered-retention} ago, in batches of 1,000
     * (short transactions), at most 100 batches a pass. Any replica may run it: a DELETE twice is harmless.
     */
    @Scheduled(identity = "webhook-outbox-purge", every = "${gateway.webhook.purge-interval:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeDelivered() {
        try {
            java.time.Instant before = clock.instant().minus(config.deliveredRetention());
            int purged = 0;
            for (int batch = 0; batch < 100; batch++) {
                int n = outbox.purgeDelivered(before, 1000);
                purged += n;
                if (n < 1000) {
                    break;
                }
            }
            if (purged > 0) {
                LOG.infof("Purged %d webhook event(s) delivered before %s", purged, before);
            }
        } catch (RuntimeException e) {
            LOG.warnf("webhook outbox purge failed (next pass retries): %s", e.getMessage());
        }
    }

    /** Skips passes (dispatch and build) when {@code gateway.webhook.dispatcher-enabled=false}. */
    @ApplicationScoped
    public static class DispatcherDisabled implements Scheduled.SkipPredicate {
        @Inject
        WebhookConfig config;

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.dispatcherEnabled();
        }
    }
}
