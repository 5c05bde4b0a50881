package io.anygate.domain.operation;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the steps of a multi-step operation (open an account: subject, contract, activation, funding,
 * registration) so that a retry or a crash at any point resumes instead of starting over:
 * <ul>
 * <li>a step whose completion is journaled is skipped, and what it learned (TX ids) is read back;</li>
 * <li>a step that ran in TX but was not journaled runs again under the same matchKey (and the same rid for an
 * object), which TX answers with the original outcome: never a second subject, contract or card.</li>
 * </ul>
 * Usage: {@code String subjectId = saga.step("subject", key -> Map.of("subjectId", tx.putSubject(key)))
 * .get("subjectId");}
 */
public final class SagaSteps {

    private static final String DONE = "done.";

    private final OperationJournal journal;
    private final Clock clock;
    private final StepListener listener;
    private Operation operation;

    public SagaSteps(Operation operation, OperationJournal journal, Clock clock, StepListener listener) {
        this.operation = operation;
        this.journal = journal;
        this.clock = clock;
        this.listener = listener;
    }

    /** A step's work: given the step's matchKey, does one TX write and returns what to remember. */
    @FunctionalInterface
    public interface Step {
        Map<String, String> run(MatchKey key);
    }

    /** Observes completed steps; tests use it to crash a saga between two steps. */
    @FunctionalInterface
    public interface StepListener {
        void stepDone(OperationKind kind, String step);

        StepListener NONE = (kind, step) -> {
        };
    }

    /** Runs the step unless it is journaled as done; returns everything the saga has learned so far. */
    public Map<String, String> step(String name, Step step) {
        if (operation.data().containsKey(DONE + name)) {
            return operation.data();
        }
        journal.attemptStarted(operation.id(), clock.instant());
        Map<String, String> learned = new HashMap<>(step.run(operation.matchKey(name)));
        learned.put(DONE + name, "1");
        journal.stepDone(operation.id(), name, learned, clock.instant());
        Map<String, String> data = new HashMap<>(operation.data());
        data.putAll(learned);
        operation = new Operation(operation.id(), operation.partnerId(), operation.kind(), operation.state(),
                operation.idempotencyKey(), operation.requestFingerprint(), operation.accountId(), operation.cardId(),
                operation.amount(), operation.currency(), operation.comments(), operation.txTranId(),
                operation.declineCode(), name, data, operation.attempts() + 1, operation.createdAt(), clock.instant());
        listener.stepDone(operation.kind(), name);
        return operation.data();
    }

    public Operation operation() {
        return operation;
    }
}
