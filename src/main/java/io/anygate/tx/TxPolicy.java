package io.anygate.tx;

/**
 * Default fault-tolerance settings of the TX operations (annotation values must be constants). Each can be
 * overridden per operation, e.g. {@code quarkus.fault-tolerance."io.anygate.tx.TxCards/card".timeout.value=3000},
 * or for all of them with {@code quarkus.fault-tolerance.global.*}; see docs/tx-contract.md "Client resiliency".
 */
final class TxPolicy {

    /** Per-attempt timeout of a read. */
    static final long READ_TIMEOUT_MS = 2000;
    /** Per-attempt timeout of a write (TX may do real work). */
    static final long WRITE_TIMEOUT_MS = 5000;
    /** Retries after the first attempt, for reads and keyed writes. */
    static final int MAX_RETRIES = 3;
    /** Pause between attempts, plus or minus {@link #RETRY_JITTER_MS}. */
    static final long RETRY_DELAY_MS = 150;
    static final long RETRY_JITTER_MS = 50;
    /** Upper bound of all attempts of a read / a write together. */
    static final long READ_MAX_DURATION_MS = 9000;
    /**
     * How long a load's answer waits for the balances it shows (fields only the SDK reads): the money has moved,
     * so a slow or failing TX read leaves them out rather than hold the answer for the reads' retries.
     */
    static final long LOAD_BALANCES_WAIT_MS = 1000;
    static final long WRITE_MAX_DURATION_MS = 22000;
    /** Rolling window of the breaker, and the failure share in it that opens it. */
    static final int BREAKER_VOLUME = 20;
    static final double BREAKER_FAILURE_RATIO = 0.5;
    /** How long an open breaker fails fast before letting trial calls through (half-open). */
    static final long BREAKER_DELAY_MS = 5000;
    /** Successful trial calls that close a half-open breaker. */
    static final int BREAKER_SUCCESS_THRESHOLD = 2;
    /** Concurrent calls per operation; more fail at once as unavailable. */
    static final int BULKHEAD = 32;
    /**
     * Calls that wait for a place in the bulkhead, for the reads made asynchronously (card, contract, subject):
     * a request may have several in flight, and a synchronous caller never queues.
     */
    static final int BULKHEAD_QUEUE = 64;

    private TxPolicy() {
    }
}
