package io.anygate.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: the n-th failure waits the n-th delay of the schedule, spread by a random
 * jitter so that many events failing together do not come back together; after the last delay the event fails.
 */
public class RetryPolicy {

    private final List<Duration> schedule;
    private final double jitter;
    private final RandomGenerator random;

    public RetryPolicy(List<Duration> schedule, double jitter, RandomGenerator random) {
        if (schedule.isEmpty() || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("retry schedule needs at least one delay and a jitter in [0, 1)");
        }
        this.schedule = List.copyOf(schedule);
        this.jitter = jitter;
        this.random = random;
    }

    /** The policy of {@code gateway.webhook.retry.*}. */
    public static RetryPolicy of(WebhookConfig.Retry config) {
        return new RetryPolicy(config.schedule(), config.jitter(), new Random());
    }

    /** The delay after the n-th failed attempt (1-based), before jitter; empty when the event should fail. */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > schedule.size()) {
            return Optional.empty();
        }
        return Optional.of(schedule.get(failedAttempts - 1));
    }

    /** When to try again after the n-th failed attempt, or empty when the event should be marked failed. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        return delayAfter(failedAttempts).map(d -> {
            double factor = 1 + (jitter == 0 ? 0 : random.nextDouble(-jitter, jitter));
            return now.plusMillis(Math.round(d.toMillis() * factor));
        });
    }

    /** The shortest total time an event is retried before it fails. */
    public Duration minimumSpan() {
        return schedule.stream().reduce(Duration.ZERO, Duration::plus).multipliedBy(Math.round((1 - jitter) * 1000))
                .dividedBy(1000);
    }
}
