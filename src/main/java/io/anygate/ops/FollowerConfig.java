package io.anygate.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The TX transaction follower ({@code card_last_tx} for transactions made in TX without the gateway). */
@ConfigMapping(prefix = "gateway.tx-follower")
public interface FollowerConfig {

    /** Whether this replica takes part (the lease still keeps one replica at a time). */
    @WithDefault("true")
    boolean enabled();

    /** How often a pass runs. */
    @WithDefault("10s")
    String interval();

    /**
     * How long a replica holds the job unless it renews it: a pass renews it before its next card once half has
     * gone, so a long pass keeps it and a replica that died gives it up after this.
     */
    @WithDefault("PT1M")
    Duration lease();

    /** Cards polled per pass (one TX list call each), least recently polled first. */
    @WithDefault("200")
    int cardsPerPass();

    /** New transactions read per card per pass. */
    @WithDefault("100")
    int pageSize();
}
