package io.anygate.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which built-in datasource is active. Read by the datasource configuration itself
 * ({@code quarkus.datasource.h2.active=${gateway.store.embedded-active}}); declared here so that the keys are
 * part of the gateway's typed configuration and documented.
 */
@ConfigMapping(prefix = "gateway.store")
public interface StoreConfig {

    /** The embedded H2 store is active (sandbox, tests). */
    @WithDefault("true")
    boolean embeddedActive();

    /** The PostgreSQL store is active (production; the `postgres` profile). */
    @WithDefault("false")
    boolean postgresActive();

    /**
     * How many (partner, account) and (partner, card) ownership rows each replica keeps in memory. The rows are
     * written once, at the last step of a creation saga, and never changed or deleted, so a cached row cannot go
     * stale on any replica; only found rows are cached (a card registered a moment later is still found).
     */
    @WithDefault("100000")
    long ownershipCacheSize();

    /**
     * Where the rate limits count: {@code store} (the active store, PostgreSQL or the embedded H2; no Redis needed)
     * or {@code redis} ({@code quarkus.redis.hosts}, every replica on the same Redis). Spent validation data stay in
     * the store either way.
     */
    @WithDefault("store")
    RateCounterStore rateCounters();

    /** The prefix of the rate counters' keys in Redis (a Redis shared with other applications or gateways). */
    @WithDefault("agw:rl:")
    String redisKeyPrefix();

    /** How long a request waits for Redis to count it before it is refused as the store being unavailable. */
    @WithDefault("1s")
    java.time.Duration redisTimeout();

    /** Where the rate limits count. */
    enum RateCounterStore {
        STORE, REDIS
    }
}
