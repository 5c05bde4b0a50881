package io.anygate.anytime.cards;

import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.SagaSteps;
import jakarta.inject.Singleton;

/** A test step listener that crashes a saga once, right after a chosen step (as a replica dying would). */
@Singleton
public class CardCrashSwitch implements SagaSteps.StepListener {

    private volatile OperationKind kind;
    private volatile String step;

    /** The next time {@code step} of a {@code kind} saga completes, fail (once). */
    public void crashAfter(OperationKind kind, String step) {
        this.kind = kind;
        this.step = step;
    }

    public void off() {
        kind = null;
        step = null;
    }

    @Override
    public void stepDone(OperationKind doneKind, String doneStep) {
        if (doneKind == kind && doneStep.equals(step)) {
            off();
            throw new IllegalStateException("injected crash after " + doneKind + "/" + doneStep);
        }
    }
}
