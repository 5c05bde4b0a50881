package io.anygate.ops;

import io.anygate.domain.transfer.CreditTransferExecution;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Moves credit transfers along on every replica (rail submission, outcomes, refunds, webhooks); each change is
 * conditional in the store, so replicas running it together apply each change once.
 */
@ApplicationScoped
public class CreditTransferJob {

    private static final Logger LOG = Logger.getLogger(CreditTransferJob.class);

    @Inject
    CreditTransferExecution execution;

    /** The job's scheduler identity (tests pause it to drive passes by hand). */
    public static final String IDENTITY = "credit-transfers";

    @Scheduled(identity = IDENTITY, every = "${gateway.credit-transfers.interval:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = StandaloneSimulatorPredicate.class)
    void advance() {
        try {
            execution.runOnce();
        } catch (RuntimeException e) {
            // the store or TX is away: the next pass tries again
            LOG.warnf("credit transfer pass failed: %s", e.toString());
        }
    }
}
