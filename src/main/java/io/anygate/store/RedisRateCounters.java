package io.anygate.store;

import io.anygate.security.RateCounters;
import io.anygate.security.SecurityConfig;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@link RateCounters} in Redis ({@code gateway.store.rate-counters=redis}, {@code quarkus.redis.hosts}): one key
 * per counter and window, {@code <prefix><window start ms>:<key>}, incremented by one script for all of the keys of a
 * request, or of a batch of requests ({@code CombinedRateCounters}), by their number (one round trip, atomic), and
 * expiring one minute after its window ends, so nothing needs purging. Counts are
 * shared by every replica that uses the same Redis. A Redis restart forgets the current windows' counts (the
 * limits then count from zero): acceptable for a flood guard; the spent validation data, which must not be
 * forgotten, stay in the store ({@code JdbcReplayStore}).
 */
@ApplicationScoped
@Typed(RedisRateCounters.class)
public class RedisRateCounters implements RateCounters {

    private static final int KEY_LENGTH = 200;
    private static final long EXPIRY_SLACK_MS = 60_000;
    /**
     * INCRBY each key by ARGV[2]; the increment that creates a key (its count is then ARGV[2]) sets its expiry
     * (ARGV[1], ms). Answers the counts in key order.
     */
    static final String SCRIPT = "local by = tonumber(ARGV[2]) local out = {} for i, key in ipairs(KEYS) do"
            + " local n = redis.call('INCRBY', key, by) if n == by then redis.call('PEXPIRE', key, ARGV[1]) end"
            + " out[i] = n end return out";

    private final Redis redis;
    private final String prefix;
    private final Duration window;
    private final Duration timeout;
    private final Clock clock;

    @Inject
    RedisRateCounters(Redis redis, StoreConfig store, SecurityConfig security, Clock clock) {
        this(redis, store.redisKeyPrefix(), security.rateLimit().window(), store.redisTimeout(), clock);
    }

    /** Counters on this client: another replica is another client on the same Redis. */
    public RedisRateCounters(Redis redis, String prefix, Duration window, Duration timeout, Clock clock) {
        this.redis = redis;
        this.prefix = prefix;
        this.window = window;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public long[] increment(List<String> keys, Instant windowStart, int by) {
        Request eval = Request.cmd(Command.EVAL).arg(SCRIPT).arg(keys.size());
        for (String key : keys) {
            eval.arg(prefix + windowStart.toEpochMilli() + ":"
                    + (key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key));
        }
        long expiresInMs = windowStart.plus(window).toEpochMilli() - clock.millis() + EXPIRY_SLACK_MS;
        eval.arg(Math.max(EXPIRY_SLACK_MS, expiresInMs));
        eval.arg(by);
        Response counts;
        try {
            counts = redis.send(eval).await().atMost(timeout);
        } catch (RuntimeException e) {
            throw new StoreException("rate limit store unavailable", e);
        }
        long[] hits = new long[keys.size()];
        for (int i = 0; i < hits.length; i++) {
            hits[i] = counts.get(i).toLong();
        }
        return hits;
    }

    /** Nothing to drop: every key expires on its own. */
    @Override
    public int dropBefore(Instant windowStart) {
        return 0;
    }
}
