package io.anygate.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Operations settings: the access log and the sandbox-only diagnostics.
 */
@ConfigMapping(prefix = "gateway.ops")
public interface OpsConfig {

    /** One line per request in category {@code io.anygate.access} (health and metrics scrapes excepted). */
    @WithDefault("true")
    boolean accessLog();

    /** Sandbox-only diagnostic routes under /ops/diag (slow request for shutdown drills); ignored in production. */
    @WithDefault("false")
    boolean diagnostics();

    /** Upper bound of /ops/diag/sleep, in milliseconds. */
    @WithDefault("30000")
    long diagnosticsMaxSleepMs();

    /** How often the {@code gateway_operations*} gauges are re-read from the journal. */
    @WithDefault("15s")
    String operationsMetricsInterval();
}
