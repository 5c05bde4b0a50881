package io.anygate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The state the edge keeps in the store, under concurrency: many threads on separate connections stand in for
 * several gateway replicas sharing one database. {@code PostgresEdgeStoreTest} runs the same on PostgreSQL.
 */
@QuarkusTest
class EdgeStoreTest {

    static final int THREADS = 16;
    /**
     * The window the counter tests count in: fixed, so that a test never straddles two windows of the wall clock,
     * and in the future, so that the purge of ended windows leaves it alone.
     */
    static final Instant WINDOW = Instant.parse("2999-01-01T00:00:00Z");

    @Inject
    ReplayGuard replay;
    @Inject
    AccessTokens tokens;
    @Inject
    LoginLockout lockout;
    @Inject
    RateCounters counters;
    @Inject
    ReplayStore replayStore;
    @Inject
    TokenStore tokenStore;

    <T> List<T> race(java.util.concurrent.Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameValidationDataSentConcurrentlyIsAcceptedExactlyOnce() throws Exception {
        String data = UUID.randomUUID().toString();
        List<Boolean> results = race(() -> replay.claim("alpha", "fp-race", data));
        assertEquals(1, results.stream().filter(b -> b).count(), results.toString());
        assertFalse(replay.claim("alpha", "fp-race", data));
        assertTrue(replay.claim("beta", "fp-race", data), "once per partner, not globally");
    }

    @Test
    void aClaimUnderATokenIsMadeOnceAndOnlyWhileTheTokenIsThePartnersCurrentOne() throws Exception {
        String partner = "claim-" + UUID.randomUUID();
        Instant issuedAt = Instant.parse("2026-03-01T10:00:00Z");
        Instant expiresAt = issuedAt.plusSeconds(3600);
        String token = "token-" + UUID.randomUUID();
        tokenStore.put(partner, token, "refresh-" + UUID.randomUUID(), issuedAt, expiresAt);
        Instant usedAt = issuedAt.plusSeconds(60);

        String data = UUID.randomUUID().toString();
        List<ReplayStore.TokenClaim> raced = race(
                () -> replayStore.claimUnderToken(partner, data, "fp-under", usedAt, token));
        assertEquals(1, raced.stream().filter(ReplayStore.TokenClaim.CLAIMED::equals).count(), raced.toString());
        assertEquals(THREADS - 1, raced.stream().filter(ReplayStore.TokenClaim.REUSED::equals).count());
        assertFalse(replayStore.claim(partner, data, "fp-under", usedAt), "the same used value as a plain claim's");

        String other = UUID.randomUUID().toString();
        assertEquals(ReplayStore.TokenClaim.TOKEN_NOT_CURRENT,
                replayStore.claimUnderToken("not-" + partner, other, "fp-under", usedAt, token), "another partner's");
        assertEquals(ReplayStore.TokenClaim.TOKEN_NOT_CURRENT,
                replayStore.claimUnderToken(partner, other, "fp-under", expiresAt, token), "expired at its end");
        assertEquals(ReplayStore.TokenClaim.CLAIMED,
                replayStore.claimUnderToken(partner, other, "fp-under", expiresAt.minusMillis(1), token));

        tokenStore.put(partner, "token-" + UUID.randomUUID(), "refresh-" + UUID.randomUUID(), usedAt, expiresAt);
        String afterRenewal = UUID.randomUUID().toString();
        assertEquals(ReplayStore.TokenClaim.TOKEN_NOT_CURRENT,
                replayStore.claimUnderToken(partner, afterRenewal, "fp-under", usedAt, token), "superseded");
        assertTrue(replayStore.claim(partner, afterRenewal, "fp-under", usedAt), "a refused claim records nothing");
    }

    private static Instant at(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    @Test
    void aRetiredKeysUsedValidationDataStayForTheGracePeriodThenTheKeyIsNeverTrustedAgain() {
        String data = UUID.randomUUID().toString();
        String fingerprint = "fp-" + UUID.randomUUID();
        assertTrue(replay.claim("alpha", fingerprint, data));
        // Retired at a fixed instant long ago, so that forgetting "before 2000" touches no other test's key.
        replay.retire(Set.of(fingerprint), at(1000));
        assertFalse(replay.claim("alpha", fingerprint, data), "kept after the removal: another replica may trust it");
        replay.reinstate(Set.of(fingerprint));
        assertEquals(0, replay.forgetRetired(at(2000), at(3000)),
                "a key put back within the grace period is not retired");
        assertFalse(replay.claim("alpha", fingerprint, data));

        replay.retire(Set.of(fingerprint), at(1000));
        assertEquals(0, replay.forgetRetired(at(1000), at(3000)), "not before the grace period has passed");
        assertEquals(1, replay.forgetRetired(at(2000), at(3000)));
        assertEquals(Set.of(fingerprint), replay.forgotten(Set.of(fingerprint, "fp-" + UUID.randomUUID())));
        replay.reinstate(Set.of(fingerprint));
        assertEquals(Set.of(fingerprint), replay.forgotten(Set.of(fingerprint)), "a forgotten key stays forgotten");
        assertTrue(replay.claim("alpha", fingerprint, data), "its used validation data are gone: why it is refused");
    }

    @Test
    void concurrentTokenIssuesLeaveExactlyOneValidToken() throws Exception {
        List<AccessTokens.Issued> issued = race(() -> tokens.issue("delta"));
        long valid = issued.stream().filter(i -> tokens.resolve(i.accessToken()).isPresent()).count();
        assertEquals(1, valid);
        AccessTokens.Issued last = tokens.issue("delta");
        assertEquals("delta", tokens.resolve(last.accessToken()).orElseThrow().partnerId());
        assertFalse(tokens.resolve(last.accessToken()).orElseThrow().expired());
        assertTrue(issued.stream().noneMatch(i -> tokens.resolve(i.accessToken()).isPresent()));
    }

    @Test
    void concurrentGuessesAreCheckedNoMoreOftenThanTheLockAllows() throws Exception {
        String partner = "lock-" + UUID.randomUUID();
        List<LoginLockout.Attempt> attempts = race(() -> lockout.begin(partner));
        // 16 guesses at once: 10 may be checked (each counted as failed before its check), the 10th locks, the
        // rest are refused without a check
        assertEquals(10, attempts.stream().filter(LoginLockout.Attempt::allowed).count());
        assertEquals(1, attempts.stream().filter(LoginLockout.Attempt::lastBeforeLock).count());
        assertTrue(lockout.locked(partner));
        assertFalse(lockout.begin(partner).allowed());
        lockout.succeeded(partner);
        assertFalse(lockout.locked(partner));
        assertTrue(lockout.begin(partner).allowed(), "a success resets the count");
    }

    @Test
    void rateCounterIncrementsAtomically() throws Exception {
        String key = "test:" + UUID.randomUUID();
        List<Long> counts = race(() -> counters.increment(List.of(key), WINDOW)[0]);
        assertEquals(THREADS, counts.stream().distinct().count(), counts.toString());
        assertEquals(THREADS + 1, counters.increment(List.of(key), WINDOW)[0]);
    }

    /** A combined increment ({@code CombinedRateCounters}) adds a batch's requests to the store's counters at once. */
    @Test
    void aBatchOfRequestsIsAddedToTheCountersInOneIncrement() {
        String user = "user:" + UUID.randomUUID();
        String fn = "fn:" + user + ":apicheck";
        long[] first = counters.increment(List.of(user, fn), WINDOW, 5);
        assertEquals(5, first[0]);
        assertEquals(5, first[1]);
        long[] next = counters.increment(List.of(user, fn), WINDOW, 3);
        assertEquals(8, next[0]);
        assertEquals(8, next[1]);
        assertEquals(9, counters.increment(List.of(user), WINDOW)[0]);
    }

    @Test
    void twoCountersOfOneRequestIncrementTogetherAndAtomically() throws Exception {
        String user = "user:" + UUID.randomUUID();
        String fn = "fn:" + user + ":apicheck";
        List<long[]> counts = race(() -> counters.increment(List.of(user, fn), WINDOW));
        assertEquals(THREADS, counts.stream().map(c -> c[0]).distinct().count(), "user counts");
        assertEquals(THREADS, counts.stream().map(c -> c[1]).distinct().count(), "functionality counts");
        long[] next = counters.increment(List.of(user, fn), WINDOW);
        assertEquals(THREADS + 1, next[0]);
        assertEquals(THREADS + 1, next[1]);
    }
}
