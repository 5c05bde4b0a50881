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

    /**
     * Path prefix the embedded TX simulator is served under ({@code /txsim} embedded, {@code /} standalone); the
     * Anytime surface leaves it out.
     */
    @WithName("txsim.base-path")
    @WithDefault("/txsim")
    String txsimBasePath();

    /** True only when this process is the simulator alone (profile {@code txsim}, port 8089): no gateway in it. */
    @WithName("txsim.standalone")
    @WithDefault("false")
    boolean txsimStandalone();

    /** {@link #txsimBasePath()} with a leading and no trailing slash ("" for the root). */
    default String txsimPrefix() {
        String p = txsimBasePath().trim();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
    }

    default boolean sandbox() {
        return mode() == Mode.SANDBOX;
    }

    enum Mode {
        SANDBOX, PRODUCTION;
    }
}
