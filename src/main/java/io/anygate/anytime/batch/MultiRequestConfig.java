package io.anygate.anytime.batch;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code POST /v1.0/multi-request}: how its sub-requests are sent to the gateway's own listener. */
@ConfigMapping(prefix = "gateway.multi-request")
public interface MultiRequestConfig {

    /**
     * How long a sub-request may go without an answer before its slot answers 408 4080010 (the sub-request may
     * still complete: the partner retries it with the same Idempotency-Key). Longer than a card order saga's TX calls.
     */
    @WithDefault("PT60S")
    Duration subRequestTimeout();

    /** Connections to the own listener kept for sub-requests (a batch uses one at a time; more batches wait). */
    @WithDefault("32")
    int connections();
}
