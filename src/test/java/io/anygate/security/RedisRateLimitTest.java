package io.anygate.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.store.RedisRateCounters;
import io.anygate.testsupport.RedisAvailability;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisOptions;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The rate-limit tests with the counters in Redis ({@code gateway.store.rate-counters=redis}), and two replicas
 * (two Redis clients, two counters) counting one partner together. Skipped when no Redis answers.
 */
@QuarkusTest
@TestProfile(RedisRateLimitTest.LimitedInRedis.class)
@EnabledIf("io.anygate.testsupport.RedisAvailability#reachable")
class RedisRateLimitTest extends RateLimitTest {

    /**
     * Keys of this test JVM only, removed after each test. Kept in a system property: this class is loaded by more
     * than one class loader (JUnit's and Quarkus'), and the profile and the test must name the same prefix.
     */
    static final String PREFIX = prefix();

    private static synchronized String prefix() {
        String p = System.getProperty("anygate.test.redis-prefix");
        if (p == null) {
            p = "agw-test:" + UUID.randomUUID() + ":";
            System.setProperty("anygate.test.redis-prefix", p);
        }
        return p;
    }

    /** Rate limits on, counted in the local Redis. */
    public static class LimitedInRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> map = new java.util.HashMap<>(RateLimitTest.overrides());
            map.put("gateway.store.rate-counters", "redis");
            map.put("gateway.store.redis-key-prefix", PREFIX);
            map.put("quarkus.redis.hosts", RedisAvailability.url());
            map.put("quarkus.datasource.h2.jdbc.url", io.anygate.testsupport.OwnDatabase.h2Url("redis_rate_limit"));
            return map;
        }
    }

    @Inject
    RateCounters counters;
    @Inject
    Redis redis;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;

    @AfterEach
    void removeKeys() {
        Response keys = redis.send(Request.cmd(Command.KEYS).arg(PREFIX + "*")).await().atMost(Duration.ofSeconds(5));
        for (Response key : keys) {
            redis.send(Request.cmd(Command.DEL).arg(key.toString())).await().atMost(Duration.ofSeconds(5));
        }
    }

    @Test
    void twoReplicasOnOneRedisShareTheirCountsAndTheKeysExpireAfterTheirWindow() {
        RateCounters selected = ClientProxy.unwrap(counters);
        assertTrue(selected instanceof CombinedRateCounters combined && combined.store() instanceof RedisRateCounters,
                selected.getClass().getName());
        Redis otherClient = Redis.createClient(vertx, new RedisOptions().setConnectionString(RedisAvailability.url()));
        try {
            // the other replica has the same settings as this one (the profile's window)
            RateCounters otherReplica = new RedisRateCounters(otherClient, PREFIX, Duration.ofHours(876000),
                    Duration.ofSeconds(1), clock);
            Instant window = Instant.ofEpochMilli(clock.millis() / 60_000 * 60_000);
            List<String> keys = List.of("user:shared", "fn:shared:apicheck");
            assertArrayEquals(new long[] {1, 1}, counters.increment(keys, window));
            assertArrayEquals(new long[] {2, 2}, otherReplica.increment(keys, window));
            assertArrayEquals(new long[] {3, 3}, counters.increment(keys, window));
            assertArrayEquals(new long[] {4}, otherReplica.increment(List.of("user:shared"), window));
            // a batch of requests counted together (CombinedRateCounters) is added at once
            assertArrayEquals(new long[] {9, 8}, counters.increment(keys, window, 5));
            // another window counts from zero
            assertArrayEquals(new long[] {1}, otherReplica.increment(List.of("user:shared"), window.plusSeconds(60)));

            // a counter expires a minute after its window ends: nothing to purge
            RateCounters minuteWindows = new RedisRateCounters(otherClient, PREFIX, Duration.ofMinutes(1),
                    Duration.ofSeconds(1), clock);
            assertArrayEquals(new long[] {3}, minuteWindows.increment(List.of("user:expiry"), window, 3));
            long ttlMs = redis.send(Request.cmd(Command.PTTL).arg(PREFIX + window.toEpochMilli() + ":user:expiry"))
                    .await().atMost(Duration.ofSeconds(5)).toLong();
            assertTrue(ttlMs > 0 && ttlMs <= Duration.ofMinutes(2).toMillis(), "expires in " + ttlMs + " ms");
        } finally {
            otherClient.close();
        }
    }

    /**
     * Every request in progress may count at the same moment: the gateway runs up to 200 requests side by side (its
     * worker pool, {@code quarkus.thread-pool.max-threads}). With the Redis client's default pool (6 connections, 24
     * waiting) the 31st simultaneous count was refused at once ("Connection pool reached max wait queue size"), and
     * its request answered 5000010: 210 such answers in the benchmark's phase at 32 connections.
     */
    @Test
    void asManyCountsAsTheWorkerPoolRunsAtOnceAreEachCountedOnce() throws Exception {
        int requests = 200;
        Instant window = Instant.ofEpochMilli(clock.millis() / 60_000 * 60_000);
        ExecutorService workers = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<long[]>> counts = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                counts.add(workers.submit(() -> {
                    start.await();
                    return counters.increment(List.of("user:crowd"), window);
                }));
            }
            start.countDown();
            Set<Long> seen = new TreeSet<>();
            for (Future<long[]> count : counts) {
                seen.add(count.get(30, TimeUnit.SECONDS)[0]);
            }
            assertEquals(LongStream.rangeClosed(1, requests).boxed().collect(Collectors.toCollection(TreeSet::new)),
                    seen, "each simultaneous request counted once, none refused");
        } finally {
            workers.shutdownNow();
        }
    }
}
