package io.anygate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Settings that concern the whole gateway rather than one adapter.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Sandbox (embedded simulator, provisioned partner, no rate limits) or production. */
    @WithDefault("sandbox")
    Mode mode();

    /**
     * Folder for everything the embedded default writes: H2 store, simulator state, sandbox credentials. Absolute,
     * or relative with a leading {@code ./} (H2 refuses implicitly relative paths).
     */
    @WithDefault("./data")
    String dataDir();

    /**
     * Zone of TX's local date-times ({@code regTime}, time filters, {@code rqSentTime}); transactions are shown to
     * partners in Europe/Paris (docs/mapping.md). The simulator writes UTC. Read by the TX adapter, the domain,
     * the Anytime resources and the webhooks alike, so it is declared here, once.
     */
    @WithName("tx.zone")
    @WithDefault("UTC")
    ZoneId txZone();

    /**
     * An interrupted saga (account opening, card order) with an Idempotency-Key younger than this is resumed
     * forward by the reconciler, since its partner can still retry with the key; any other is compensated.
     */
    @WithName("mapping.saga-resume-window")
    @WithDefault("PT10M")
    Duration sagaResumeWindow();

    default boolean sandbox() {
        return mode() == Mode.SANDBOX;
    }

    enum Mode {
        SANDBOX, PRODUCTION;
    }
}
