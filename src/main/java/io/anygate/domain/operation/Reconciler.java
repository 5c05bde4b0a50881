package io.anygate.domain.operation;

import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.arc.All;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Resolves operations whose outcome is unknown: claims them under a lease (so one replica works on each), then
 * hands each to the resumer of its kind. A replica that dies mid-operation leaves a PENDING operation whose
 * lease-free staleness makes it claimable by another replica.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);

    private final OperationJournal journal;
    private final List<OperationResumer> resumers;
    private final Clock clock;

    @Inject
    public Reconciler(OperationJournal journal, @All List<OperationResumer> resumers, Clock clock) {
        this.journal = journal;
        this.resumers = resumers;
        this.clock = clock;
    }

    /** What one pass did: operations claimed, and how many of them ended (APPROVED, DECLINED, FAILED). */
    public record Pass(int examined, int resolved) {
    }

    /**
     * One pass. {@code staleAfter}: how long a PENDING operation may go untouched before it counts as abandoned
     * (longer than the slowest TX call with all its retries).
     */
    public Pass runOnce(String owner, Duration staleAfter, Duration lease, int batch) {
        List<Operation> claimed = journal.claimUnresolved(owner, staleAfter, lease, batch, clock.instant());
        int resolved = 0;
        for (Operation op : claimed) {
            try {
                if (resume(op)) {
                    resolved++;
                }
            } finally {
                // The lease keeps others out while this pass works on it, not longer: one still unresolved (TX not
                // answering) is tried again by the next pass, on whichever replica.
                journal.release(op.id(), owner);
            }
        }
        return new Pass(claimed.size(), resolved);
    }

    /**
     * Resolves one operation now (an operator's request), under a lease of its own like a pass, so it never sends
     * an operation a pass or a partner's retry is sending: when one of them holds it, this leaves it to them.
     *
     * @return the operation as it stands afterwards, empty if there is no such operation
     */
    public Optional<Operation> resolveNow(OperationId id, Duration lease) {
        Optional<Operation> op = journal.find(id);
        if (op.isEmpty() || op.get().state().terminal()) {
            return op;
        }
        String owner = "operator-" + UUID.randomUUID();
        Instant now = clock.instant();
        if (journal.lease(id, owner, now.plus(lease), now)) {
            try {
                resume(op.get());
            } finally {
                journal.release(id, owner);
            }
        } else {
            LOG.infof("operation %s is being resolved by another resolver; left to it", id);
        }
        return journal.find(id);
    }

    private boolean resume(Operation op) {
        OperationResumer resumer = resumers.stream().filter(r -> r.handles(op.kind())).findFirst().orElse(null);
        if (resumer == null) {
            LOG.warnf("no resumer for operation %s of kind %s; left for an operator", op.id(), op.kind());
            return false;
        }
        try {
            resumer.resume(op);
            return journal.find(op.id()).map(o -> o.state().terminal()).orElse(false);
        } catch (RuntimeException e) {
            // Stays unresolved; the lease expires and the next pass tries again.
            LOG.warnf("operation %s (%s) not resolved this pass: %s", op.id(), op.kind(), e.toString());
            return false;
        }
    }
}
