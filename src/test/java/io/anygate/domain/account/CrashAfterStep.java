package io.anygate.domain.account;

import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.SagaSteps;
import jakarta.enterprise.context.ApplicationScoped;

/** Test bean: when armed, "crashes" the account-opening saga right after the named step is journaled (once). */
@ApplicationScoped
public class CrashAfterStep implements SagaSteps.StepListener {

    private volatile String armed;

    public void arm(String step) {
        armed = step;
    }

    public void disarm() {
        armed = null;
    }

    @Override
    public void stepDone(OperationKind kind, String step) {
        if (kind == OperationKind.ACCOUNT_OPEN && step.equals(armed)) {
            armed = null;
            throw new IllegalStateException("injected crash after step " + step);
        }
    }
}
