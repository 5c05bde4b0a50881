package io.anygate.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.anygate.tx.TransferTiming;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The start refused when the reconciler could take a load for abandoned while it may still be being sent, or a
 * webhook claim could run out mid-delivery.
 */
class TimingGuardTest {

    private static final String TRANSFER = "quarkus.fault-tolerance.\"io.anygate.tx.TxTransfers/account2account\".";

    private static Duration longestSend(Map<String, String> properties) {
        return TransferTiming.longestSend(key -> Optional.ofNullable(properties.get(key)));
    }

    @Test
    void theDefaultsLeaveTheReconcilerMargin() {
        assertEquals(Duration.ofSeconds(27), longestSend(Map.of()), "22 s of retries plus one 5-s attempt");
        assertTrue(TimingGuard.problem(Duration.ofSeconds(30), longestSend(Map.of())).isEmpty());
    }

    @Test
    void anOverrideThatOutlastsTheStaleDelayRefusesTheStart() {
        Duration longer = longestSend(Map.of(TRANSFER + "timeout.value", "8000", TRANSFER + "retry.max-duration",
                "30000"));
        assertEquals(Duration.ofSeconds(38), longer);
        String refusal = TimingGuard.problem(Duration.ofSeconds(30), longer).orElseThrow();
        assertTrue(refusal.contains("gateway.money.reconciler.stale-after (30000 ms)"), refusal);
        assertTrue(refusal.contains("38000 ms"), refusal);
        assertTrue(TimingGuard.problem(Duration.ofSeconds(45), longer).isEmpty(), "a longer stale delay fixes it");
        assertEquals(Duration.ofSeconds(27 + 3),
                longestSend(Map.of("quarkus.fault-tolerance.global.timeout.value", "8000")), "global overrides count");
    }

    @Test
    void aWebhookLeaseShorterThanOneDeliveryRefusesTheStart() {
        assertTrue(TimingGuard.deliveryProblem(Duration.ofMinutes(2), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .isEmpty(), "the defaults");
        String refusal = TimingGuard.deliveryProblem(Duration.ofSeconds(12), Duration.ofSeconds(5),
                Duration.ofSeconds(10)).orElseThrow();
        assertTrue(refusal.contains("gateway.webhook.lease (12000 ms)") && refusal.contains("15000 ms"), refusal);
    }
}
