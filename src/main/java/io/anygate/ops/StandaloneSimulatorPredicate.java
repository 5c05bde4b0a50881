package io.anygate.ops;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

/** Gateway jobs do not run in the standalone simulator process (profile txsim), which serves TX only. */
@Singleton
public class StandaloneSimulatorPredicate implements Scheduled.SkipPredicate {

    private final boolean standalone = ConfigProvider.getConfig()
            .getOptionalValue("gateway.txsim.standalone", Boolean.class).orElse(false);

    @Override
    public boolean test(ScheduledExecution execution) {
        return standalone;
    }
}
