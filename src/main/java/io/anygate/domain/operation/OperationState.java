package io.anygate.domain.operation;

/**
 * Life of a recorded operation. An operation is recorded PENDING before its first TX write; it ends APPROVED,
 * DECLINED or FAILED. UNKNOWN means a TX write was sent and its outcome was lost (timeout, dropped connection,
 * replica crash): nobody may guess it, the reconciler resolves it by asking TX for the matchKey.
 */
public enum OperationState {
    /** Recorded; TX writes may be under way. A PENDING operation past its lease is treated as UNKNOWN. */
    PENDING(false),
    /** A TX write's outcome is not known; the reconciler owns it. */
    UNKNOWN(false),
    /** TX approved (for money: the transfer is in TX's ledger exactly once). */
    APPROVED(true),
    /** TX declined with a code, or a business rule refused it; nothing was applied. */
    DECLINED(true),
    /** Definitely not applied (TX never registered the key and the operation was abandoned, or compensated). */
    FAILED(true);

    private final boolean terminal;

    OperationState(boolean terminal) {
        this.terminal = terminal;
    }

    public boolean terminal() {
        return terminal;
    }
}
