package io.anygate.security;

import io.anygate.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Fixed-window rate limits per client IP (per /64 for IPv6), per API user and per functionality of an API user,
 * counted in the store so that all replicas share them: one counter row per key and window, incremented atomically.
 * Off in sandbox mode unless {@code gateway.security.rate-limit.enabled} says otherwise.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    @Inject
    RateCounters counters;
    @Inject
    Clock clock;
    @Inject
    SecurityConfig config;
    @Inject
    GatewayConfig gateway;
    @Inject
    EdgeMetrics metrics;

    public boolean enabled() {
        return config.rateLimit().enabled().orElse(!gateway.sandbox());
    }

    /** Counts a request from this client address (IPv6: its /64, {@link IpCounterKey}); 4290010 when over the limit. */
    public void checkIp(InetAddress client) {
        if (enabled() && count(IpCounterKey.of(client)) > config.rateLimit().perIp()) {
            metrics.rateLimited(EdgeMetrics.RateScope.IP);
            throw new EdgeRefusal(EdgeRefusal.Reason.RATE_LIMITED_IP, "Maximum query rate by IP address reached");
        }
    }

    /** Counts a request of this partner to this functionality; 4290030 or 4290020 when over a limit. */
    public void checkPartner(Partner partner, String functionality) {
        if (!enabled()) {
            return;
        }
        long perUser = partner.limits().perUser().orElse(config.rateLimit().perUser());
        long perFunctionality = partner.limits().perFunctionality().orElse(config.rateLimit().perFunctionality());
        // both counters in one store statement (one round trip, one commit)
        long[] hits = countAll("user:" + partner.partnerId(), "fn:" + partner.partnerId() + ":" + functionality);
        if (hits[0] > perUser) {
            metrics.rateLimited(EdgeMetrics.RateScope.USER);
            throw new EdgeRefusal(EdgeRefusal.Reason.RATE_LIMITED_USER, "Maximum query rate by API user reached");
        }
        if (hits[1] > perFunctionality) {
            metrics.rateLimited(EdgeMetrics.RateScope.FUNCTIONALITY);
            throw new EdgeRefusal(EdgeRefusal.Reason.RATE_LIMITED_FUNCTIONALITY,
                    "Maximum query rate by functionality reached");
        }
    }

    /** Increments the current window of this key and answers its count. */
    long count(String key) {
        return countAll(key)[0];
    }

    /** Increments the current window of each key (distinct keys) and answers their counts, in the same order. */
    long[] countAll(String... keys) {
        return counters.increment(List.of(keys), currentWindowStart());
    }

    private Instant currentWindowStart() {
        long window = config.rateLimit().window().toMillis();
        return Instant.ofEpochMilli(clock.millis() / window * window);
    }

    /** Drops windows that ended; any replica may run it, the DELETE is idempotent. */
    @Scheduled(every = "${gateway.security.rate-limit.purge-interval:5m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeExpiredWindows() {
        try {
            int purged = counters.dropBefore(currentWindowStart());
            if (purged > 0) {
                LOG.debugf("Purged %d expired rate-limit window(s)", purged);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Rate-limit purge failed: %s", e.getMessage());
        }
    }
}
