package io.anygate.ops;

import io.anygate.domain.operation.OperationJournal;
import io.anygate.domain.operation.OperationState;
import io.anygate.domain.operation.Reconciler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journal as operators watch it: {@code gateway_operations{state}} (operations per state),
 * {@code gateway_operations_oldest_unresolved_seconds} (age of the oldest PENDING or UNKNOWN operation, 0 when
 * none), {@code gateway_reconciler_passes_total} and {@code gateway_reconciler_resolutions_total}. Gauges are
 * refreshed from the store on a schedule, never on scrape, so a scrape costs no query.
 */
@ApplicationScoped
public class OperationMetrics {

    private final Map<OperationState, AtomicLong> byState = new EnumMap<>(OperationState.class);
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final Counter passes;
    private final Counter resolutions;

    @Inject
    OperationJournal journal;

    @Inject
    Clock clock;

    @Inject
    public OperationMetrics(MeterRegistry registry) {
        for (OperationState state : OperationState.values()) {
            AtomicLong value = new AtomicLong();
            byState.put(state, value);
            Gauge.builder("gateway.operations", value, AtomicLong::get).tag("state", state.name().toLowerCase())
                    .description("Journaled operations per state").register(registry);
        }
        Gauge.builder("gateway.operations.oldest.unresolved.seconds", oldestSeconds, AtomicLong::get)
                .description("Age of the oldest PENDING or UNKNOWN operation").register(registry);
        passes = Counter.builder("gateway.reconciler.passes").description("Reconciler passes").register(registry);
        resolutions = Counter.builder("gateway.reconciler.resolutions")
                .description("Operations the reconciler brought to a final state").register(registry);
    }

    /** Counts a reconciler pass. */
    public void passed(Reconciler.Pass pass) {
        passes.increment();
        resolutions.increment(pass.resolved());
    }

    /** Re-reads the gauges from the journal. */
    @Scheduled(every = "${gateway.ops.operations-metrics-interval:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = StandaloneSimulatorPredicate.class)
    public void refresh() {
        journal.countByState().forEach((state, count) -> byState.get(state).set(count));
        oldestSeconds.set(journal.oldestUnresolved()
                .map(t -> Math.max(0, Duration.between(t, clock.instant()).getSeconds())).orElse(0L));
    }
}
