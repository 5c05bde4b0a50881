package io.anygate.ops;

import io.anygate.InstanceId;
import io.anygate.webhook.TransactionFollower;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs the TX transaction follower; its lease row keeps it on one replica at a time. */
@ApplicationScoped
public class TransactionFollowerJob {

    @Inject
    TransactionFollower follower;

    @Inject
    FollowerConfig config;

    @Inject
    InstanceId instance;

    @Scheduled(every = "${gateway.tx-follower.interval:10s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = StandaloneSimulatorPredicate.class)
    void follow() {
        if (config.enabled()) {
            follower.runOnce(instance.value(), config.lease(), config.cardsPerPass(), config.pageSize());
        }
    }
}
