package io.anygate.domain.card;

import io.anygate.domain.operation.OperationKind;
import io.anygate.domain.operation.SagaSteps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Every {@link SagaSteps.StepListener} bean, told of each completed card saga step. Production has none; tests
 * register one to crash a saga between two steps. Several may exist (one per test suite): all are called.
 */
@ApplicationScoped
public class CardSagaListeners {

    @Inject
    @Any
    Instance<SagaSteps.StepListener> listeners;

    public void stepDone(OperationKind kind, String step) {
        for (SagaSteps.StepListener l : listeners) {
            l.stepDone(kind, step);
        }
    }
}
