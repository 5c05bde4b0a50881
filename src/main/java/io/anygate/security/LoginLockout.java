package io.anygate.security;

import io.anygate.security.LockoutStore.Change;
import io.anygate.security.LockoutStore.Count;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts password-grant attempts per partner in the store (so every replica sees them), each as failed until it
 * succeeds, and locks the partner out after {@code lockout-max-failures} (PCI DSS 8.3.4). The first lockout lasts
 * {@code lockout-duration}; each further one before a successful login lasts twice the one before, up to
 * {@code lockout-max-duration}, so that a guesser does not get a fresh set of guesses every half hour for ever. A
 * lock that has run out starts a fresh count of failures but keeps the number of lockouts; only a success resets
 * both.
 */
@ApplicationScoped
public class LoginLockout {

    @Inject
    LockoutStore store;
    @Inject
    SecurityConfig config;
    @Inject
    Clock clock;

    /**
     * One password-grant attempt: whether it may be checked at all, and, when its failure locks the partner, for
     * how long and the how-many-th lockout since the last successful login it is ({@code lock} null otherwise).
     */
    public record Attempt(boolean allowed, Lock lock) {

        public boolean lastBeforeLock() {
            return lock != null;
        }
    }

    /** A lockout: the how-many-th since the last successful login, and its length. */
    public record Lock(int ordinal, Duration duration) {
    }

    /**
     * Reserves one attempt before its credentials are checked, counting it as failed until {@link #succeeded}: the
     * check of the lock and the count are one transaction on the partner's row, so concurrent guesses cannot all pass
     * a check made before any of them was counted (at most {@code lockout-max-failures} are ever checked before the
     * lock). Refused while the partner is locked.
     */
    public Attempt begin(String partnerId) {
        Instant now = clock.instant();
        return store.change(partnerId, count -> reserve(count, now));
    }

    private Change<Attempt> reserve(Optional<Count> current, Instant now) {
        Count count = current.orElse(new Count(0, null, 0));
        if (count.lockedUntil() != null && count.lockedUntil().isAfter(now)) {
            return new Change<>(null, new Attempt(false, null));
        }
        // a lock that has run out starts a fresh count; the number of lockouts stays
        int failures = (count.lockedUntil() != null ? 0 : count.failures()) + 1;
        int lockouts = count.lockouts();
        Instant lockedUntil = null;
        Lock lock = null;
        if (failures >= config.lockoutMaxFailures()) {
            lockouts++;
            lock = new Lock(lockouts, duration(lockouts));
            lockedUntil = now.plus(lock.duration());
        }
        return new Change<>(new Count(failures, lockedUntil, lockouts), new Attempt(true, lock));
    }

    /** The length of the n-th lockout since the last success: the first one's, doubled n-1 times, capped. */
    Duration duration(int ordinal) {
        Duration first = config.lockoutDuration();
        Duration max = config.lockoutMaxDuration();
        Duration d = first;
        for (int i = 1; i < ordinal && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** Whether the partner is locked now (operators, tests). */
    public boolean locked(String partnerId) {
        Instant now = clock.instant();
        return store.find(partnerId).map(Count::lockedUntil).filter(until -> until.isAfter(now)).isPresent();
    }

    /** A successful login: the count of failures and of lockouts start again from zero. */
    public void succeeded(String partnerId) {
        store.clear(partnerId);
    }
}
