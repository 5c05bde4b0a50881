package io.anygate.store;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Deletes expired Idempotency-Keys and their answers on a schedule (every replica; deleting twice is harmless). */
@ApplicationScoped
public class IdempotencyPurgeJob {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurgeJob.class);

    @Inject
    IdempotencyStore store;
    @Inject
    Clock clock;

    @Scheduled(every = "${gateway.idempotency.purge-interval:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            int purged = store.purgeExpired(clock.millis());
            if (purged > 0) {
                LOG.infof("Purged %d expired Idempotency-Key(s)", purged);
            }
        } catch (StoreException e) {
            // the next run catches up; expired rows are ignored by claims meanwhile
            LOG.warnf("Idempotency-Key purge failed: %s", e.getMessage());
        }
    }
}
