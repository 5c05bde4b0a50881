package io.anygate.domain.operation;

/**
 * Finishes operations of some kinds that were left unresolved (answer lost, replica crashed mid-saga). Called by
 * the {@link Reconciler} on one replica at a time per operation, under a lease.
 */
public interface OperationResumer {

    boolean handles(OperationKind kind);

    /**
     * Drives the operation to a terminal state if it can now; leaves it unresolved (to be tried again after the
     * lease) when TX cannot be asked right now.
     */
    void resume(Operation operation);
}
