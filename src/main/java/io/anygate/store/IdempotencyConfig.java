package io.anygate.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Integrator idempotency ({@code Idempotency-Key} on versioned POST/PUT): how long keys and answers are kept. */
@ConfigMapping(prefix = "gateway.idempotency")
public interface IdempotencyConfig {

    /** How long a key and its stored answer are kept after the answer (at least 24 h: partners retry for a day). */
    @WithDefault("PT24H")
    Duration retention();

    /**
     * How long a claim without an answer blocks its key (409): longer than any request may run. A replica that
     * died mid-request leaves such a claim; after the lease a retry takes it over and re-drives the operation.
     */
    @WithDefault("PT2M")
    Duration inFlightLease();

    /** How often expired keys are purged (every replica; the DELETE is idempotent). */
    @WithDefault("15m")
    String purgeInterval();
}
