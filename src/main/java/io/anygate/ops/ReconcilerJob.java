package io.anygate.ops;

import io.anygate.InstanceId;
import io.anygate.domain.money.MoneyConfig;
import io.anygate.domain.operation.Reconciler;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs the reconciler on every replica; leases in the journal keep replicas off each other's operations. */
@ApplicationScoped
public class ReconcilerJob {

    @Inject
    Reconciler reconciler;

    @Inject
    MoneyConfig config;

    @Inject
    InstanceId instance;

    @Inject
    OperationMetrics metrics;

    @Scheduled(every = "${gateway.money.reconciler.interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = StandaloneSimulatorPredicate.class)
    void reconcile() {
        MoneyConfig.ReconcilerConfig rc = config.reconciler();
        metrics.passed(reconciler.runOnce(instance.value(), rc.staleAfter(), rc.lease(), rc.batch()));
    }
}
