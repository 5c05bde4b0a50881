package io.anygate.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook metrics: {@code gateway_webhook_deliveries_total{outcome}}, {@code gateway_webhook_outbox_pending} (events
 * not delivered yet, those still to be built included), {@code gateway_webhook_outbox_unbuilt} (of which recorded on
 * approval and not built yet), {@code gateway_webhook_outbox_oldest_age_seconds} and
 * {@code gateway_webhook_endpoints_paused}. The gauges show the values of the last refresh (every dispatcher pass)
 * so that a scrape never queries the store.
 */
@ApplicationScoped
public class DeliveryMetrics implements WebhookDispatcher.DeliveryListener {

    private final Map<WebhookDispatcher.Outcome, Counter> outcomes = new EnumMap<>(WebhookDispatcher.Outcome.class);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong unbuilt = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final AtomicLong pausedEndpoints = new AtomicLong();

    @Inject
    public DeliveryMetrics(MeterRegistry registry) {
        for (WebhookDispatcher.Outcome o : WebhookDispatcher.Outcome.values()) {
            outcomes.put(o, Counter.builder("gateway.webhook.deliveries")
                    .description("Webhook delivery attempts by outcome (paused: held back by a paused endpoint)")
                    .tag("outcome", o.name().toLowerCase()).register(registry));
        }
        Gauge.builder("gateway.webhook.outbox.pending", pending, AtomicLong::get)
                .description("Webhook events waiting for delivery, those still to be built included").strongReference(true).register(registry);
        Gauge.builder("gateway.webhook.outbox.unbuilt", unbuilt, AtomicLong::get)
                .description("Webhook events recorded on approval whose payload is not built yet (counted in pending)")
                .strongReference(true).register(registry);
        Gauge.builder("gateway.webhook.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest webhook event waiting for delivery").strongReference(true)
                .register(registry);
        Gauge.builder("gateway.webhook.endpoints.paused", pausedEndpoints, AtomicLong::get)
                .description("Partner webhook endpoints paused by their circuit").strongReference(true)
                .register(registry);
    }

    @Override
    public void outcome(WebhookDispatcher.Outcome outcome, String eventId) {
        outcomes.get(outcome).increment();
    }

    /** Updates the gauges from the store's current figures. */
    void refresh(OutboxRepository.Backlog backlog, int paused, Instant now) {
        pending.set(backlog.pending());
        unbuilt.set(backlog.unbuilt());
        oldestAgeSeconds.set(backlog.oldestCreatedAt() == null ? 0
                : Math.max(0, Duration.between(backlog.oldestCreatedAt(), now).toSeconds()));
        pausedEndpoints.set(paused);
    }
}
