package io.anygate.ops;

import io.anygate.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** Gateway jobs do not run in the standalone simulator process (profile txsim), which serves TX only. */
@Singleton
public class StandaloneSimulatorPredicate implements Scheduled.SkipPredicate {

    @Inject
    GatewayConfig gateway;

    @Override
    public boolean test(ScheduledExecution execution) {
        return gateway.txsimStandalone();
    }
}
