package io.anygate.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests counting the same keys together are counted in one increment of the shared counters, each with the count
 * a separate increment would have given it. The shared store is stood in for by counters in memory whose increments
 * can be held at the store, so that the test decides which requests arrive during one.
 */
class CombinedRateCountersTest {

    static final Instant WINDOW = Instant.parse("2999-01-01T00:00:00Z");
    static final List<String> PARTNER_KEYS = List.of("user:p", "fn:p:apicheck");

    final HeldStore store = new HeldStore();
    final CombinedRateCounters counters = new CombinedRateCounters(store);
    final ExecutorService requests = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    @Test
    void aRequestAloneIsCountedAtOnceByItsOwnIncrement() {
        assertArrayEquals(new long[] {1, 1}, counters.increment(PARTNER_KEYS, WINDOW));
        assertArrayEquals(new long[] {2, 2}, counters.increment(PARTNER_KEYS, WINDOW));
        assertArrayEquals(new long[] {1}, counters.increment(List.of("ip:192.0.2.1"), WINDOW));
        assertEquals(List.of(1, 1, 1), store.increments, "one increment of one per request");
        assertEquals(0, counters.lanesInUse(), "nothing kept once no request counts");
    }

    @Test
    void requestsArrivingDuringAnIncrementAreCountedTogetherEachWithItsOwnCount() throws Exception {
        List<Future<long[]>> others = new ArrayList<>();
        Future<long[]> first = holdAnIncrementAndQueue(20, others);
        // another window is another counter: not held up by this lane
        assertArrayEquals(new long[] {1, 1}, requests.submit(() -> counters.increment(PARTNER_KEYS, WINDOW.plusSeconds(60)))
                .get(10, TimeUnit.SECONDS));
        store.release();

        assertArrayEquals(new long[] {1, 1}, first.get(10, TimeUnit.SECONDS));
        TreeSet<Long> userCounts = new TreeSet<>();
        for (Future<long[]> other : others) {
            long[] counts = other.get(10, TimeUnit.SECONDS);
            assertEquals(counts[0], counts[1], "both counters of a request move together");
            userCounts.add(counts[0]);
        }
        assertEquals(LongStream.rangeClosed(2, 21).boxed().collect(Collectors.toCollection(TreeSet::new)), userCounts,
                "each waiting request got a count of its own, as twenty separate increments would have");
        assertEquals(List.of(1, 1, 20), store.increments, "the twenty waiting requests: one increment of twenty");
        assertArrayEquals(new long[] {22, 22}, counters.increment(PARTNER_KEYS, WINDOW), "the store's count is exact");
        assertEquals(0, counters.lanesInUse());
    }

    @Test
    void aFailedIncrementFailsEveryRequestOfItsBatchAndTheNextBatchIsCounted() throws Exception {
        List<Future<long[]>> batch = new ArrayList<>();
        Future<long[]> first = holdAnIncrementAndQueue(5, batch);
        store.failNext();
        store.release();

        assertArrayEquals(new long[] {1, 1}, first.get(10, TimeUnit.SECONDS));
        for (Future<long[]> request : batch) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> request.get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof StoreException, String.valueOf(e.getCause()));
        }
        assertArrayEquals(new long[] {2, 2}, counters.increment(PARTNER_KEYS, WINDOW),
                "the failed increment counted nothing, and the lane counts again");
        assertEquals(0, counters.lanesInUse());
    }

    @Test
    void manyRequestsAtOnceAreEachCountedOnce() throws Exception {
        int n = 200;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(requests.submit(() -> {
                start.await();
                return counters.increment(PARTNER_KEYS, WINDOW);
            }));
        }
        start.countDown();
        TreeSet<Long> seen = new TreeSet<>();
        for (Future<long[]> f : all) {
            seen.add(f.get(30, TimeUnit.SECONDS)[1]);
        }
        assertEquals(LongStream.rangeClosed(1, n).boxed().collect(Collectors.toCollection(TreeSet::new)), seen);
        assertEquals(n, store.increments.stream().mapToInt(Integer::intValue).sum());
        assertEquals(0, counters.lanesInUse());
    }

    /**
     * A request whose increment the store holds, then {@code n} more requests for the same keys, once all of them
     * wait for it (into {@code queued}); answers the first.
     */
    Future<long[]> holdAnIncrementAndQueue(int n, List<Future<long[]>> queued) {
        store.hold();
        Future<long[]> first = requests.submit(() -> counters.increment(PARTNER_KEYS, WINDOW));
        await().atMost(Duration.ofSeconds(10)).until(() -> store.held() == 1);
        for (int i = 0; i < n; i++) {
            queued.add(requests.submit(() -> counters.increment(PARTNER_KEYS, WINDOW)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> counters.waiting() == n);
        return first;
    }

    /** Counters in memory; {@link #hold()} keeps the next increment at the store until {@link #release()}. */
    static final class HeldStore implements RateCounters {
        final Map<String, Long> counts = new HashMap<>();
        final List<Integer> increments = new CopyOnWriteArrayList<>();
        volatile CountDownLatch gate;
        final CountDownLatch released = new CountDownLatch(1);
        volatile boolean failNext;
        volatile int held;

        void hold() {
            gate = released;
        }

        void release() {
            released.countDown();
        }

        void failNext() {
            failNext = true;
        }

        int held() {
            return held;
        }

        @Override
        public long[] increment(List<String> keys, Instant windowStart, int by) {
            CountDownLatch g = gate;
            if (g != null) {
                gate = null;
                held++;
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted", e);
                }
            } else if (failNext) {
                failNext = false;
                throw new StoreException("rate limit store unavailable", new IllegalStateException("test"));
            }
            synchronized (counts) {
                increments.add(by);
                long[] out = new long[keys.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = counts.merge(windowStart + "/" + keys.get(i), (long) by, Long::sum);
                }
                return out;
            }
        }

        @Override
        public int dropBefore(Instant windowStart) {
            return 0;
        }
    }
}
