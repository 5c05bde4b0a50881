package io.anygate.security;

import java.time.Instant;
import java.util.List;

/** Where {@link RateLimiter} counts requests: one counter per key and window, shared by every replica. */
public interface RateCounters {

    /**
     * Adds {@code by} to the counter of each key (distinct keys) in the window starting at {@code windowStart}, each
     * atomically, and answers their counts after the addition, in the order of the keys. Callers list their keys
     * in the same order every time, so that two requests sharing counters take them in the same order.
     */
    long[] increment(List<String> keys, Instant windowStart, int by);

    /** Counts one request: {@link #increment(List, Instant, int)} by one. */
    default long[] increment(List<String> keys, Instant windowStart) {
        return increment(keys, windowStart, 1);
    }

    /** Drops the counters of windows that started before {@code windowStart}; answers how many. */
    int dropBefore(Instant windowStart);
}
