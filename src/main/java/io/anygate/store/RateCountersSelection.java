package io.anygate.store;

import io.anygate.security.CombinedRateCounters;
import io.anygate.security.RateCounters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * The {@link RateCounters} the configuration names ({@code gateway.store.rate-counters}): the active store
 * (PostgreSQL or the embedded H2; the default, no Redis needed) or Redis. Only the selected one is created. Either
 * is reached through {@link CombinedRateCounters}, which counts the requests that arrive together in one increment.
 */
@ApplicationScoped
public class RateCountersSelection {

    @Inject
    StoreConfig config;
    @Inject
    Instance<JdbcRateCounters> store;
    @Inject
    Instance<RedisRateCounters> redis;

    @Produces
    @ApplicationScoped
    RateCounters rateCounters() {
        return new CombinedRateCounters(
                config.rateCounters() == StoreConfig.RateCounterStore.REDIS ? redis.get() : store.get());
    }
}
