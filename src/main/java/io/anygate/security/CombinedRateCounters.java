package io.anygate.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link RateCounters} that combine the increments of requests counting the same keys at the same moment into one
 * increment of the shared counters: while one request's increment is at the store, the requests that arrive for the
 * same keys and window wait, and the next increment adds all of them at once. Each request still gets a count of
 * its own, exactly the one a separate increment would have given it (the batch's counts, handed out in arrival
 * order), so a limit lets through exactly as many requests as before, on every replica together: the counters stay
 * in the shared store, this class only saves round trips to it.
 *
 * <p>Why: every request of a partner counts the same rows (its IP, its API user, its functionality). Under load,
 * PostgreSQL serialised those upserts on the rows' locks: with 32 requests at once, the store spent 0.22 ms per
 * request on the two counter statements against 0.13 ms with 4 (pgbench, docs/performance.md "Rate limits"). A
 * combined increment is one statement (or one Redis script) for the whole batch. Alone, a request counts as before:
 * its own increment, at once.
 *
 * <p>A request that finds an increment of its keys in progress waits for it and then for the batch it is in: at
 * most two increments, each bounded by the store's own timeouts, as its own increment would be. When an increment
 * fails, every request of its batch gets the failure (each would have failed on its own) and the next batch is
 * counted by one of its requests.
 */
public final class CombinedRateCounters implements RateCounters {

    private final RateCounters store;
    private final ConcurrentHashMap<LaneKey, Lane> lanes = new ConcurrentHashMap<>();

    public CombinedRateCounters(RateCounters store) {
        this.store = store;
    }

    /** The counters this class combines the increments for. */
    RateCounters store() {
        return store;
    }

    @Override
    public long[] increment(List<String> keys, Instant windowStart, int by) {
        LaneKey key = new LaneKey(List.copyOf(keys), windowStart);
        Request me = new Request(by);
        Lane lane;
        boolean leads;
        while (true) {
            lane = lanes.computeIfAbsent(key, k -> new Lane());
            lane.lock.lock();
            try {
                if (lane.retired) {
                    continue; // went idle and left the map after we found it: take the lane that replaced it
                }
                lane.waiting.add(me);
                leads = !lane.counting;
                lane.counting = true;
            } finally {
                lane.lock.unlock();
            }
            break;
        }
        if (!leads) {
            Object answer = join(me.answer);
            if (answer != Request.LEAD) {
                return (long[]) answer;
            }
        }
        return countNextBatch(key, lane, me);
    }

    /**
     * Counts every request waiting in the lane (the leader among them) in one increment, answers each, then hands the
     * lane to the first request that arrived meanwhile, or retires it.
     */
    private long[] countNextBatch(LaneKey key, Lane lane, Request leader) {
        List<Request> batch;
        lane.lock.lock();
        try {
            batch = lane.waiting;
            lane.waiting = new ArrayList<>();
        } finally {
            lane.lock.unlock();
        }
        long[] mine = null;
        Throwable failure = null;
        try {
            int total = 0;
            for (Request r : batch) {
                total += r.by;
            }
            long[] totals = store.increment(key.keys(), key.windowStart(), total);
            int counted = 0;
            for (Request r : batch) {
                counted += r.by;
                long[] counts = new long[totals.length];
                for (int i = 0; i < totals.length; i++) {
                    counts[i] = totals[i] - total + counted;
                }
                if (r == leader) {
                    mine = counts;
                } else {
                    r.answer.complete(counts);
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            for (Request r : batch) {
                if (r != leader) {
                    r.answer.completeExceptionally(e);
                }
            }
        } finally {
            lane.lock.lock();
            try {
                if (lane.waiting.isEmpty()) {
                    lane.counting = false;
                    lane.retired = true;
                    lanes.remove(key, lane);
                } else {
                    lane.waiting.get(0).answer.complete(Request.LEAD);
                }
            } finally {
                lane.lock.unlock();
            }
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return mine;
    }

    private static Object join(CompletableFuture<Object> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public int dropBefore(Instant windowStart) {
        return store.dropBefore(windowStart);
    }

    /** How many keys and windows have an increment in progress (0 when no request is counting). */
    int lanesInUse() {
        return lanes.size();
    }

    /** How many requests wait for an increment not yet sent to the store. */
    int waiting() {
        int n = 0;
        for (Lane lane : lanes.values()) {
            lane.lock.lock();
            try {
                n += lane.waiting.size();
            } finally {
                lane.lock.unlock();
            }
        }
        return n;
    }

    private record LaneKey(List<String> keys, Instant windowStart) {
    }

    /** The requests counting one list of keys in one window. */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        /** Requests not yet in an increment sent to the store, in arrival order. */
        List<Request> waiting = new ArrayList<>();
        /** An increment of this lane is at the store, or about to be. */
        boolean counting;
        /** Idle and removed from the map: a request that still finds it takes the map's current lane. */
        boolean retired;
    }

    /** One request's increment; its answer is its counts, or {@link #LEAD}: count the next batch. */
    private static final class Request {
        static final Object LEAD = new Object();
        final int by;
        final CompletableFuture<Object> answer = new CompletableFuture<>();

        Request(int by) {
            this.by = by;
        }
    }
}
