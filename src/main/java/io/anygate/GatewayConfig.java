package io.anygate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    default boolean sandbox() {
        return mode() == Mode.SANDBOX;
    }

    enum Mode {
        SANDBOX, PRODUCTION;
    }
}
