package io.anygate.tx;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How long one transfer send can last on the client's side, with all its retries: the retry budget
 * ({@code max-duration}) plus one more attempt's timeout (the budget stops new attempts, not a running one), with the
 * operators' overrides of {@code TxTransfers/account2account} (docs/tx-contract.md, Overrides; values in ms).
 * Whoever decides that a send is over (the reconciler's stale delay) must wait longer than this.
 */
public final class TransferTiming {

    private static final String OPERATION = "quarkus.fault-tolerance.\"io.anygate.tx.TxTransfers/account2account\".";
    private static final String GLOBAL = "quarkus.fault-tolerance.global.";

    private TransferTiming() {
    }

    /** {@code config}: a property by name, empty when unset. */
    public static Duration longestSend(Function<String, Optional<String>> config) {
        long timeout = millis(config, "timeout.value", TxPolicy.WRITE_TIMEOUT_MS);
        long budget = millis(config, "retry.max-duration", TxPolicy.WRITE_MAX_DURATION_MS);
        return Duration.ofMillis(budget + timeout);
    }

    private static long millis(Function<String, Optional<String>> config, String member, long fallback) {
        return config.apply(OPERATION + member).or(() -> config.apply(GLOBAL + member))
                .map(String::trim).map(Long::parseLong).orElse(fallback);
    }
}
