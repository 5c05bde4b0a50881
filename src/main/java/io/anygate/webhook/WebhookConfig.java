package io.anygate.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * Webhook delivery settings: the dispatcher's pace, the retry schedule, the per-endpoint circuit, HTTP timeouts,
 * and (for tests and small deployments) partner webhook targets written in configuration.
 */
@ConfigMapping(prefix = "gateway.webhook")
public interface WebhookConfig {

    /**
     * How long a delivered event stays in the outbox before the hourly purge deletes it: its event id keeps the
     * same transaction from being delivered twice while anything may still notice it again (the follower, a late
     * approval). Failed events are kept until an operator redelivers them.
     */
    @WithDefault("P30D")
    Duration deliveredRetention();

    /** Whether this replica runs the dispatcher (every replica may: rows are claimed with a lease). */
    @WithDefault("true")
    boolean dispatcherEnabled();

    /** How often the dispatcher looks for due events. */
    @WithDefault("2s")
    String dispatchInterval();

    /** How many due events the dispatcher takes at a time (a pass takes batches until none is due). */
    @WithDefault("50")
    int batchSize();

    /**
     * How long one dispatcher pass keeps taking batches while events are due; then it ends (metrics are refreshed)
     * and the next pass goes on.
     */
    @WithDefault("PT10S")
    Duration passBudget();

    /** How many partners' deliveries one replica makes at the same time (one partner's go one after the other). */
    @WithDefault("8")
    int parallelism();

    /** How long a claimed event belongs to the replica that claimed it; must exceed the delivery timeouts. */
    @WithDefault("PT2M")
    Duration lease();

    /** Retry schedule. */
    Retry retry();

    /** Circuit per endpoint. */
    Circuit circuit();

    /** HTTP delivery. */
    Http http();

    /** Sandbox inbox. */
    Inbox inbox();

    /** Building the card_last_tx events that approvals record without their payload. */
    Build build();

    /** Retry schedule: the delay before retry n is the n-th entry, jittered; after the last entry the event fails. */
    interface Retry {
        /** Delays between attempts (ISO-8601 durations); the default spans about 32 h. */
        @WithDefault("PT30S,PT2M,PT10M,PT30M,PT1H,PT2H,PT4H,PT8H,PT8H,PT8H")
        List<Duration> schedule();

        /** Random spread applied to each delay, as a fraction (0.2 = plus or minus 20 %). */
        @WithDefault("0.2")
        double jitter();
    }

    /** Circuit per endpoint URL. */
    interface Circuit {
        /** Consecutive failed deliveries after which an endpoint is paused. */
        @WithDefault("5")
        int failureThreshold();

        /** How long a paused endpoint gets no deliveries before one probe delivery is tried. */
        @WithDefault("PT10M")
        Duration pause();
    }

    /** HTTP delivery timeouts. */
    interface Http {
        /** TCP (and TLS) connect timeout. */
        @WithDefault("PT5S")
        Duration connectTimeout();

        /** Time allowed for the receiver to answer once the request is sent. */
        @WithDefault("PT10S")
        Duration readTimeout();
    }

    /**
     * The build step ({@link CardLastTxBuilder}): runs on every replica whose dispatcher is enabled, claims with
     * {@link #lease()}; a build TX cannot answer now waits {@code retry-initial}, doubled per failure up to
     * {@code retry-max}, and is never given up.
     */
    interface Build {
        /** How often the build step looks for events to build. */
        @WithDefault("1s")
        String interval();

        /** How many cards (all their pending events at once) one pass builds at most. */
        @WithDefault("50")
        int cardsPerPass();

        /**
         * How many of one card's pending events one pass builds at most, the oldest first: a card loaded continuously
         * is built in slices, so one pass stays short and its batch small.
         */
        @WithDefault("500")
        int eventsPerCard();

        /** Wait before the first retry of a build TX could not answer. */
        @WithDefault("PT2S")
        Duration retryInitial();

        /** Longest wait between two attempts of one build. */
        @WithDefault("PT1M")
        Duration retryMax();
    }

    /** Sandbox inbox (sandbox mode only). */
    interface Inbox {
        /** How many received webhooks the inbox lists at most. */
        @WithDefault("50")
        int maxListed();
    }

}
