package io.anygate.tx;

/**
 * What tells a TX read from a TX write in their fault tolerance: the per-attempt timeout and the budget of all
 * attempts, the two values in which the read and write templates of {@link TxGuards} differ. Everything else, the
 * same for every TX operation (retries and what they retry on, the breaker and what it counts, the bulkhead), is
 * declared once in application.properties under {@code quarkus.fault-tolerance.global.*}. Any value can be
 * overridden per operation under its guard's identifier, e.g.
 * {@code quarkus.fault-tolerance."io.anygate.tx.TxCardCalls/cardAsync".timeout.value=3000}; see
 * docs/tx-contract.md "Client resiliency".
 */
final class TxPolicy {

    /** Per-attempt timeout of a read. */
    static final long READ_TIMEOUT_MS = 2000;
    /** Per-attempt timeout of a write (TX may do real work). */
    static final long WRITE_TIMEOUT_MS = 5000;
    /** Upper bound of all attempts of a read / a write together. */
    static final long READ_MAX_DURATION_MS = 9000;
    static final long WRITE_MAX_DURATION_MS = 22000;
    /** The readiness probe's ping: a single short attempt. */
    static final long PING_TIMEOUT_MS = 1000;

    private TxPolicy() {
    }
}
