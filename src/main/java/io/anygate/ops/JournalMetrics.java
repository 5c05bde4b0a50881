package io.anygate.ops;

import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Journal gauges: {@code gateway_operations{state}} (operations per state, all replicas together since they share
 * the journal) and {@code gateway_operations_oldest_unresolved_seconds} (age of the oldest PENDING or UNKNOWN
 * operation, 0 when none). Refreshed on a schedule so that a scrape never queries the store.
 */
@ApplicationScoped
public class JournalMetrics {

    private static final Logger LOG = Logger.getLogger(JournalMetrics.class);

    private final Map<OperationState, AtomicLong> counts = new EnumMap<>(OperationState.class);
    private final AtomicLong oldestUnresolvedSeconds = new AtomicLong();

    @Inject
    OperationJournal journal;

    @Inject
    MeterRegistry registry;

    void register(@Observes StartupEvent start) {
        for (OperationState state : OperationState.values()) {
            AtomicLong value = new AtomicLong();
            counts.put(state, value);
            Gauge.builder("gateway.operations", value, AtomicLong::get)
                    .description("Journal operations by state (whole journal, shared by all replicas)")
                    .tag("state", state.name().toLowerCase()).register(registry);
        }
        Gauge.builder("gateway.operations.oldest.unresolved.seconds", oldestUnresolvedSeconds, AtomicLong::get)
                .description("Age of the oldest PENDING or UNKNOWN operation (0 when none)").register(registry);
    }

    @Scheduled(every = "${gateway.ops.journal-metrics-interval:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = StandaloneSimulatorPredicate.class)
    void refresh() {
        try {
            Map<OperationState, Long> byState = journal.countByState();
            counts.forEach((state, value) -> value.set(byState.getOrDefault(state, 0L)));
            oldestUnresolvedSeconds.set(journal.oldestUnresolved()
                    .map(t -> Math.max(0, Duration.between(t, Instant.now()).toSeconds())).orElse(0L));
        } catch (RuntimeException e) {
            // the store's own readiness check reports the outage; the gauges keep their last values
            LOG.debugf("Journal metrics not refreshed: %s", e.getMessage());
        }
    }
}
