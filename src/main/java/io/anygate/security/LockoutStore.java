package io.anygate.security;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Where {@link LoginLockout} keeps each partner's count of password-grant attempts, shared by every replica. */
public interface LockoutStore {

    /**
     * A partner's count: attempts counted as failed, until when it is locked ({@code null} when not locked since the
     * count began), and the lockouts since its last successful login.
     */
    record Count(int failures, Instant lockedUntil, int lockouts) {
    }

    /** What a {@link #change} writes ({@code next}, or nothing when {@code null}) and what it answers. */
    record Change<T>(Count next, T result) {
    }

    /**
     * Reads the partner's count (empty when it has none) and writes the one {@code decide} makes of it, as one
     * transaction holding the partner's row: concurrent changes of one partner run one after the other, each on the
     * count the one before wrote. {@code decide} may run more than once (a concurrent first count makes it retry).
     */
    <T> T change(String partnerId, Function<Optional<Count>, Change<T>> decide);

    /** The partner's count, without a lock. */
    Optional<Count> find(String partnerId);

    /** Forgets the partner's count. */
    void clear(String partnerId);
}
