package io.anygate.domain.operation;

/**
 * An operation reached a final state on this replica: the journal fires it when its write moved the operation out
 * of PENDING or UNKNOWN. Inside a unit of work the write may still be rolled back, so an observer that counts
 * outcomes observes it after the unit's commit ({@code TransactionPhase.AFTER_SUCCESS}).
 */
public record OperationFinished(OperationState state) {

    public OperationFinished {
        if (!state.terminal()) {
            throw new IllegalArgumentException(state + " is not terminal");
        }
    }
}
