package io.anygate.tx;

import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the attempts of one keyed write did: how many started, and how many of them were refused before a byte was
 * sent (connection refused). Attempts the circuit breaker or the bulkhead refused never start. When every attempt
 * that started was refused, no attempt reached TX and nothing can be applied later; otherwise the outcome of a
 * failed call is unknown.
 */
public final class TxSendTrace {

    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** Runs one attempt, noting whether it failed before reaching TX. */
    <T> T attempt(java.util.function.Supplier<T> call) {
        started.incrementAndGet();
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (refusedBeforeSending(e)) {
                refused.incrementAndGet();
            }
            throw e;
        }
    }

    /**
     * Whether the key of the attempt now answering was possibly seen by TX before: another attempt than this one
     * started and was not refused before sending.
     */
    boolean repeated() {
        return started.get() - refused.get() >= 2;
    }

    /** True when no attempt of the call reached TX. */
    public boolean neverReachedTx() {
        return started.get() == refused.get();
    }

    /** A connection TX refused: the request was never sent. Anything else may have reached TX. */
    static boolean refusedBeforeSending(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
