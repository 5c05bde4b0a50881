package io.anygate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.testsupport.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each further lockout of a user before a successful login lasts twice the one before (30 min, 1 h, 2 h ... capped
 * at 24 h); a success resets it. Two replicas (two lockout instances on one store, one clock) share the state.
 */
@QuarkusTest
class LockoutEscalationTest {

    @Inject
    LockoutStore store;
    @Inject
    SecurityConfig config;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void furtherLockoutsDoubleUpTo24HoursAndASuccessResetsThem() {
        LoginLockout a = replica();
        LoginLockout b = replica();
        String partner = "escalation-" + UUID.randomUUID();
        List<Duration> expected = List.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(16), Duration.ofHours(24),
                Duration.ofHours(24));
        for (int n = 0; n < expected.size(); n++) {
            LoginLockout.Lock lock = failUntilLocked(a, b, partner);
            assertEquals(n + 1, lock.ordinal());
            assertEquals(expected.get(n), lock.duration(), "lockout " + (n + 1));
            clock.advance(expected.get(n).minusSeconds(1));
            assertFalse(b.begin(partner).allowed(), "still locked a second before the end of lockout " + (n + 1));
            assertTrue(a.locked(partner));
            clock.advance(Duration.ofSeconds(2));
            assertFalse(a.locked(partner), "lockout " + (n + 1) + " has ended");
        }
        // a successful login resets the escalation: the next lockout is a first one again
        LoginLockout.Attempt attempt = a.begin(partner);
        assertTrue(attempt.allowed());
        assertNull(attempt.lock());
        b.succeeded(partner);
        LoginLockout.Lock lock = failUntilLocked(a, b, partner);
        assertEquals(1, lock.ordinal());
        assertEquals(Duration.ofMinutes(30), lock.duration());
    }

    /** Failed attempts, alternately on each replica, until one locks; every one before it is allowed. */
    private LoginLockout.Lock failUntilLocked(LoginLockout a, LoginLockout b, String partner) {
        for (int i = 1; i <= config.lockoutMaxFailures(); i++) {
            LoginLockout.Attempt attempt = (i % 2 == 0 ? a : b).begin(partner);
            assertTrue(attempt.allowed(), "attempt " + i);
            if (i < config.lockoutMaxFailures()) {
                assertNull(attempt.lock(), "attempt " + i + " does not lock");
            } else {
                return attempt.lock();
            }
        }
        throw new AssertionError("never locked");
    }

    private LoginLockout replica() {
        LoginLockout lockout = new LoginLockout();
        lockout.store = store;
        lockout.config = config;
        lockout.clock = clock;
        return lockout;
    }
}
