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
     * The last attempt never reached TX (circuit open, bulkhead full, connection refused before sending). Earlier
     * attempts of the same call (the client's retries) may have: it is therefore settled as an unknown outcome, by
     * matchKey, never as "not applied".
     */
    record NotSent(String reason) implements TransferOutcome {
    }
}
