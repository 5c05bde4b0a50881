package io.anygate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.tx.TransferTiming;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start refused when the reconciler could take a load for abandoned while it may still be being sent. */
class MoneyTimingGuardTest {

    private static final String TRANSFER = "quarkus.fault-tolerance.\"io.anygate.tx.TxTransfers/account2account\".";

    private static Duration longestSend(Map<String, String> properties) {
        return TransferTiming.longestSend(key -> Optional.ofNullable(properties.get(key)));
    }

    @Test
    void theDefaultsLeaveTheReconcilerMargin() {
        assertEquals(Duration.ofSeconds(27), longestSend(Map.of()), "22 s of retries plus one 5-s attempt");
        assertTrue(MoneyTimingGuard.problem(Duration.ofSeconds(30), longestSend(Map.of())).isEmpty());
    }

    @Test
    void anOverrideThatOutlastsTheStaleDelayRefusesTheStart() {
        Duration longer = longestSend(Map.of(TRANSFER + "timeout.value", "8000", TRANSFER + "retry.max-duration",
                "30000"));
        assertEquals(Duration.ofSeconds(38), longer);
        String refusal = MoneyTimingGuard.problem(Duration.ofSeconds(30), longer).orElseThrow();
        assertTrue(refusal.contains("gateway.money.reconciler.stale-after (30000 ms)"), refusal);
        assertTrue(refusal.contains("38000 ms"), refusal);
        assertTrue(MoneyTimingGuard.problem(Duration.ofSeconds(45), longer).isEmpty(), "a longer stale delay fixes it");
        assertEquals(Duration.ofSeconds(27 + 3),
                longestSend(Map.of("quarkus.fault-tolerance.global.timeout.value", "8000")), "global overrides count");
    }
}
