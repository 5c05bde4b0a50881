package io.anygate.webhook;

import io.anygate.GatewayConfig;
import io.anygate.InstanceId;
import io.anygate.store.Store;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
    Store store;
    @Inject
    WebhookConfig config;
    @Inject
    GatewayConfig gateway;
    @Inject
    WebhookTargets targets;
    @Inject
    DeliverySigner signer;
    @Inject
    DeliveryMetrics metrics;
    @Inject
    Vertx vertx;
    @Inject
    CardLastTxBuilder builder;
    /** This replica in the outbox's claims (dispatch and build alike). */
    @Inject
    InstanceId instance;

    private volatile WebhookDispatcher dispatcher;
    private volatile HttpTransport http;
    private volatile EndpointCircuit circuit;

    @Scheduled(identity = "webhook-dispatcher", every = "${gateway.webhook.dispatch-interval:2s}",
            delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = DispatcherDisabled.class)
    void tick() {
        try {
            dispatcher().dispatchDue();
            metrics.refresh(new OutboxRepository(store.dataSource()).backlog(), circuit.paused().size(),
                    Clock.systemUTC().instant());
        } catch (RuntimeException e) {
            // The store may be briefly unavailable; the next pass tries again and nothing is lost.
            LOG.warnf("webhook dispatcher pass failed: %s", e.getMessage());
        }
    }

    @Scheduled(identity = "webhook-builder", every = "${gateway.webhook.build.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DispatcherDisabled.class)
    void build() {
        try {
            builder.buildDue(instance.value());
        } catch (RuntimeException e) {
            // Store trouble: the builds stay recorded (and leased rows come back when the lease ends).
            LOG.warnf("webhook build pass failed: %s", e.getMessage());
        }
    }

    /** This replica's dispatcher (built on first use, once the store is up). */
    WebhookDispatcher dispatcher() {
        if (dispatcher == null) {
            synchronized (this) {
                if (dispatcher == null) {
                    Clock clock = Clock.systemUTC();
                    TargetPolicy policy = new TargetPolicy(HostResolver.SYSTEM, !gateway.sandbox());
                    http = new HttpTransport(vertx, policy, config.http().connectTimeout(),
                            config.http().readTimeout());
                    circuit = new EndpointCircuit(store.dataSource(), config.circuit().failureThreshold(),
                            config.circuit().pause());
                    SandboxInbox inbox = gateway.sandbox() ? new SandboxInbox(store.dataSource(), clock) : null;
                    dispatcher = new WebhookDispatcher(store.dataSource(), targets, signer, http, inbox,
                            RetryPolicy.of(config.retry()), circuit, clock, instance.value(), config.batchSize(),
                            config.lease(), config.passBudget(), config.parallelism(), metrics);
                }
            }
        }
        return dispatcher;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (http != null) {
            http.close();
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
