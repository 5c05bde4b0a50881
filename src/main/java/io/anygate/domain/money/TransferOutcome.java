package io.anygate.domain.money;

/** What TX said of a transfer, or that nobody knows. */
public sealed interface TransferOutcome {

    /** In TX's ledger, exactly once. */
    record Approved(long tranId) implements TransferOutcome {
    }

    /** Refused by TX; nothing moved. {@code code} is TX's decline code. */
    record Declined(Long tranId, String code, String description) implements TransferOutcome {
    }

    /** The request may have reached TX but its answer was lost: only a lookup by matchKey can tell. */
    record Unknown(String reason) implements TransferOutcome {
    }

    /**
     * No attempt of the call reached TX: each was refused before its first byte was sent (circuit open, bulkhead
     * full, connection refused). Nothing can be applied later. A call whose earlier attempt may have reached TX
     * and whose last one did not is Unknown, not this.
     */
    record NotSent(String reason) implements TransferOutcome {
    }
}
